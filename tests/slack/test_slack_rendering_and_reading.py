"""The Slack channel's pure parts: mrkdwn, Block Kit, reading events, remembering deliveries."""
from __future__ import annotations

import asyncio

import pytest

from rasa.shared.exceptions import InvalidConfigException

from rasa_project.channels.slack import AdvisorSlackInput
from rasa_project.channels.slack_events import read_click, read_event
from rasa_project.channels.slack_format import blocks_with_choice, button_blocks, to_mrkdwn
from rasa_project import settings as advisor_settings
from rasa_project.channels.slack_ledger import DeliveryLedger, RedisDeliveryLedger, ledger_for
from rasa_project.settings import Settings
from tests.slack.slack_client import BOT_USER_ID, message_event


@pytest.mark.parametrize(
    "markdown, mrkdwn",
    [
        ("See [the article](https://example.org/after-the-mlis)", "See <https://example.org/after-the-mlis|the article>"),
        ("**Cost**: $1,000 & more", "*Cost*: $1,000 &amp; more"),
        ("an *important* note", "an _important_ note"),
        ("- first\n- second", "• first\n• second"),
        ("* starred item", "• starred item"),
        ("## Funding", "*Funding*"),
        ("~~old~~ price", "~old~ price"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("1. Foundations\n2. Archives", "1. Foundations\n2. Archives"),
        ("rbs_certificate costs 3 × $5", "rbs_certificate costs 3 × $5"),
    ],
)
def test_bot_markdown_becomes_slack_mrkdwn(markdown, mrkdwn):
    assert to_mrkdwn(markdown) == mrkdwn


def test_quick_replies_become_rows_of_at_most_five_buttons_under_mrkdwn_text():
    buttons = [{"title": f"Option {i}", "payload": f'/ask_cost{{"program":"p{i}"}}'} for i in range(7)]
    blocks = button_blocks("**Which** one?", buttons)

    assert blocks[0] == {"type": "section", "text": {"type": "mrkdwn", "text": "*Which* one?"}}
    rows = [b["elements"] for b in blocks[1:]]
    assert [len(r) for r in rows] == [5, 2]
    assert rows[1][1]["value"] == '/ask_cost{"program":"p6"}'
    assert len({e["action_id"] for r in rows for e in r}) == 7


def test_long_text_is_split_into_sections_slack_accepts():
    text = "\n".join(f"line {i} " + "x" * 90 for i in range(80))
    sections = [b for b in button_blocks(text, []) if b["type"] == "section"]
    assert len(sections) > 1 and all(len(s["text"]["text"]) <= 3000 for s in sections)


def test_clicked_message_keeps_its_text_and_shows_the_choice_instead_of_buttons():
    blocks = button_blocks("Which?", [{"title": "Cost", "payload": "/ask_cost"}])
    after = blocks_with_choice(blocks, "Cost")
    assert after[0] == blocks[0]
    assert [b["type"] for b in after] == ["section", "context"]


def test_direct_message_is_one_conversation_and_strips_the_bot_mention():
    delivery = read_event(message_event(f"<@{BOT_USER_ID}> what does it cost &amp; why?", channel="D1"))
    assert delivery.text == "what does it cost & why?"
    assert (delivery.conversation_id, delivery.reply_thread) == ("slack:D1", None)


def test_each_thread_is_its_own_conversation():
    delivery = read_event(message_event("hi", channel="C1", channel_type="channel", kind="app_mention", thread_ts="17.1"))
    assert (delivery.conversation_id, delivery.reply_thread) == ("slack:C1:17.1", "17.1")


@pytest.mark.parametrize(
    "extra",
    [{"bot_id": "B9"}, {"user": BOT_USER_ID}, {"subtype": "message_deleted"}, {"subtype": "channel_join"}, {"text": ""}],
)
def test_bots_own_messages_and_non_messages_are_not_read(extra):
    envelope = message_event("what does it cost?", channel="D1")
    envelope["event"].update(extra)
    assert read_event(envelope) is None


def test_a_delivery_is_known_by_event_id_and_by_its_message():
    envelope = message_event("hi", channel="D1", event_id="Ev1")
    assert read_event(envelope).keys == ("event:Ev1", f"message:D1:{envelope['event']['ts']}")


def test_click_in_a_thread_is_answered_in_that_thread_conversation():
    payload = {
        "type": "block_actions", "user": {"id": "U1"}, "channel": {"id": "C1"}, "trigger_id": "t1",
        "message": {"ts": "18.2", "thread_ts": "17.1", "blocks": []},
        "actions": [{"type": "button", "value": "/ask_funding", "text": {"type": "plain_text", "text": "Pay"}}],
    }
    delivery = read_click(payload)
    assert (delivery.text, delivery.conversation_id, delivery.reply_thread) == ("/ask_funding", "slack:C1:17.1", "17.1")
    assert delivery.keys == ("action:t1",)


def test_ledger_forgets_deliveries_after_their_time_to_live():
    now = [1000.0]
    ledger = DeliveryLedger(ttl_seconds=60, clock=lambda: now[0])
    assert asyncio.run(ledger.claim(["event:Ev1"])) is True
    assert asyncio.run(ledger.claim(["event:Ev1"])) is False
    now[0] += 61
    assert asyncio.run(ledger.claim(["event:Ev1"])) is True


def test_ledger_stays_bounded():
    ledger = DeliveryLedger(ttl_seconds=60, max_entries=100)
    for i in range(1000):
        ledger.claim_here([f"event:{i}"])
    assert ledger.size() == 100


def test_redis_ledger_is_chosen_by_environment():
    assert type(ledger_for(Settings.from_environment({}))) is DeliveryLedger
    shared = ledger_for(Settings.from_environment(
        {"SLACK_DEDUPE_REDIS_URL": "redis://127.0.0.1:1/0", "SLACK_DEDUPE_TTL_SECONDS": "90"}))
    assert isinstance(shared, RedisDeliveryLedger) and shared.ttl_seconds == 90


def test_channel_takes_its_api_url_and_shared_ledger_from_the_environment(monkeypatch):
    monkeypatch.setattr(advisor_settings, "_current", Settings.from_environment(
        {"SLACK_API_URL": "http://127.0.0.1:9/api/", "SLACK_DEDUPE_REDIS_URL": "redis://127.0.0.1:9/0"}))
    channel = AdvisorSlackInput.from_credentials({"slack_token": "xoxb-t", "slack_signing_secret": "s"})
    assert channel.api_url == "http://127.0.0.1:9/api/"
    assert isinstance(channel.ledger, RedisDeliveryLedger)
    assert channel.get_output_channel("D1", "17.1").client.base_url == "http://127.0.0.1:9/api/"


def test_channel_defaults_to_slacks_api_and_refuses_to_start_without_a_token(monkeypatch):
    monkeypatch.setattr(advisor_settings, "_current", Settings.from_environment({}))
    channel = AdvisorSlackInput.from_credentials({"slack_token": "xoxb-t", "slack_signing_secret": "s"})
    assert channel.api_url == "https://slack.com/api/"
    with pytest.raises(InvalidConfigException):
        AdvisorSlackInput.from_credentials({"slack_token": "", "slack_signing_secret": "s"})
    with pytest.raises(InvalidConfigException):
        AdvisorSlackInput.from_credentials({"slack_token": "xoxb-t", "slack_signing_secret": ""})
