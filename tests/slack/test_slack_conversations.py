"""Talking to the advisor in Slack: real servers, signed Slack requests, a stand-in Web API."""
from __future__ import annotations

import re

import pytest

from tests.slack.expect import RBS_COST, answered, answers_with, settle
from tests.slack.slack_client import BOT_ID, BOT_USER_ID, button_click, message_event

pytestmark = pytest.mark.servers

def test_direct_message_about_cost_is_answered_with_the_figures(slack_advisor, sender, dm):
    status, _ = sender.event(message_event(RBS_COST, channel=dm))
    assert status == 200

    post = answered(slack_advisor.api, dm, "$6,975")
    assert "$1,395 per course" in post.text
    assert post.authorization == f"Bearer {slack_advisor.token}"
    assert "thread_ts" not in post.body, "a direct message outside a thread is answered at top level"


def test_answers_use_slack_mrkdwn_not_raw_markdown(slack_advisor, sender, dm):
    sender.event(message_event("can I get a scholarship for the Rare Book School certificate?", channel=dm))
    post = answered(slack_advisor.api, dm, "Paying for")

    assert "• " in post.text, "markdown bullets become Slack bullets"
    assert not re.search(r"^\s*- ", post.text, re.M)
    assert "**" not in post.text and "](" not in post.text


def test_quick_replies_are_block_kit_buttons_and_a_click_is_answered(slack_advisor, sender, dm):
    sender.event(message_event(RBS_COST, channel=dm))
    post = answered(slack_advisor.api, dm, "$6,975")
    funding_button = next(b for b in post.buttons if b["value"].startswith("/ask_funding"))
    assert funding_button["type"] == "button" and funding_button["text"]["type"] == "plain_text"

    bot_message = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": "1700000000.000100",
                   "text": post.body["text"], "blocks": post.body["blocks"]}
    status, _ = sender.interaction(button_click(funding_button, channel=dm, message=bot_message))
    assert status == 200

    answer = answered(slack_advisor.api, dm, "Paying for")
    assert "Rare Book School" in answer.text
    update = slack_advisor.api.wait_for(lambda c: c.body.get("channel") == dm, method="chat.update")
    assert update.body["ts"] == bot_message["ts"]
    assert not update.buttons and "You chose" in str(update.body["blocks"]), "the clicked buttons give way to the choice"


def test_thread_message_is_answered_in_its_thread_with_one_conversation_per_thread(slack_advisor, sender, room):
    api = slack_advisor.api
    first, second = "1700000100.000100", "1700000200.000200"
    mention = f"<@{BOT_USER_ID}> how much is the CalRBS rare books certificate?"
    sender.event(message_event(mention, channel=room, channel_type="channel", kind="app_mention", thread_ts=first))
    cost = answered(api, room, "$1,200")
    assert cost.body["thread_ts"] == first

    sender.event(message_event(f"<@{BOT_USER_ID}> can I get a scholarship for it?", channel=room,
                               channel_type="channel", kind="app_mention", thread_ts=first))
    funding = api.wait_for(lambda c: c.body.get("channel") == room and "Paying for" in c.text)
    assert funding.body["thread_ts"] == first
    assert "California Rare Book School" in funding.text, "the thread remembers the program it discussed"

    sender.event(message_event(f"<@{BOT_USER_ID}> how much does it cost?", channel=room,
                               channel_type="channel", kind="app_mention", thread_ts=second))
    other = api.wait_for(lambda c: c.body.get("channel") == room and c.body.get("thread_ts") == second)
    assert "Which" in other.text, "another thread is another conversation, with nothing in context"


def test_top_level_mention_in_a_channel_is_answered_in_a_thread_under_it(slack_advisor, sender, room):
    envelope = message_event(f"<@{BOT_USER_ID}> {RBS_COST}", channel=room, channel_type="channel", kind="app_mention")
    sender.event(envelope)
    post = answered(slack_advisor.api, room, "$6,975")
    assert post.body["thread_ts"] == envelope["event"]["ts"]


def test_bot_ignores_its_own_messages_other_bots_and_edits(slack_advisor, sender, dm):
    api = slack_advisor.api
    assert sender.event(message_event(RBS_COST, channel=dm, user=BOT_USER_ID))[0] == 200
    assert sender.event(message_event(RBS_COST, channel=dm, user="UOTHERBOT", bot_id="BOTHER"))[0] == 200
    assert sender.event(message_event(RBS_COST, channel=dm, subtype="message_changed"))[0] == 200
    assert sender.event(message_event(RBS_COST, channel=dm, subtype="bot_message", user=None))[0] == 200

    settle(api, sender, dm)
    assert not answers_with(api, dm, "$6,975")


def test_plain_channel_message_without_a_mention_is_not_answered(slack_advisor, sender, room):
    sender.event(message_event(RBS_COST, channel=room, channel_type="channel"))
    settle(slack_advisor.api, sender, room, channel_type="channel", kind="app_mention")
    assert not answers_with(slack_advisor.api, room, "$6,975")


def test_slack_gets_its_200_before_the_answer_is_posted(slack_advisor, sender, dm):
    api = slack_advisor.api
    api.hold_posts()
    try:
        # If the webhook waited for the turn, it would wait for the held post and time out.
        status, _ = sender.event(message_event(RBS_COST, channel=dm), timeout=15.0)
        assert status == 200
        assert not api.posts(dm)
    finally:
        api.release_posts()
    answered(api, dm, "$6,975")


def test_rate_limited_post_is_retried_after_retry_after(slack_advisor, sender, dm):
    api = slack_advisor.api
    api.rate_limit_next_posts(dm, 1)
    sender.event(message_event(RBS_COST, channel=dm))
    answered(api, dm, "$6,975")
    refused = [c for c in api.calls if c.body.get("channel") == dm and c.answered_with == 429]
    assert len(refused) == 1
