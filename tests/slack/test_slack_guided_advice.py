"""The guided interview in a Slack direct message: every question answered by clicking Block Kit buttons."""
from __future__ import annotations

from typing import Any, Dict, List

import pytest

from actions.answers import program_title, usd
from actions.guided.prompts import BUDGET_CHOICES_USD, question_answer
from tests.slack.expect import answered
from tests.slack.slack_client import BOT_ID, BOT_USER_ID, button_click, message_event
from tests.slack.stand_in import ApiCall
from tests.support.interview import CHOICES, COMPARE, START, TOPIC, expected_shortlist, question_line, topic_button_title

pytestmark = pytest.mark.servers

def titles(post: ApiCall) -> List[str]:
    """The titles of the Block Kit buttons on ``post``, in order."""
    return [button["text"]["text"] for button in post.buttons]


def click(slack_advisor, sender, dm: str, post: ApiCall, title: str, ts: str) -> int:
    """Click the button titled ``title`` on the bot's ``post`` as Slack would; returns a bookmark taken before."""
    button = next(b for b in post.buttons if b["text"]["text"] == title)
    message: Dict[str, Any] = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": ts,
                               "text": post.body.get("text", ""), "blocks": post.body["blocks"]}
    bookmark = slack_advisor.api.mark()
    status, _ = sender.interaction(button_click(button, channel=dm, message=message))
    assert status == 200
    return bookmark


def test_guided_interview_answered_by_clicking_block_kit_buttons_ends_in_a_shortlist_with_buttons(
    slack_advisor, sender, dm, kb
):
    api = slack_advisor.api
    topic_id = kb.resolve("topic", TOPIC)
    assert topic_id, f"the knowledge base names the topic {TOPIC!r}"
    shortlist = expected_shortlist(kb, topic_id)
    assert len(shortlist) >= 2, "enough programs for the comparison button"
    assert all(rec.cost.tuition is not None for rec in shortlist), "the totals checked below come from the article"

    bookmark = api.mark()
    status, _ = sender.event(message_event(START, channel=dm))
    assert status == 200

    for step, (slot, title) in enumerate(CHOICES):
        post = answered(api, dm, question_line(slot, kb), since=bookmark)
        offered = [b.title for b in question_answer(slot, kb).buttons]
        assert titles(post) == offered, f"the {slot} question comes with its choices as buttons"
        assert all(b["type"] == "button" for b in post.buttons)
        bookmark = click(slack_advisor, sender, dm, post, title or topic_button_title(kb, topic_id),
                         ts=f"1700000000.{step:06d}")

    post = answered(api, dm, "Your shortlist", since=bookmark)
    for rec in shortlist:
        assert rec.program.name in post.text
        assert f"plan for {usd(rec.cost.tuition.certificate_total_usd)} in tuition" in post.text
    assert f"That fits your budget of {usd(max(BUDGET_CHOICES_USD))}" in post.text
    assert "can travel to in-person courses" in post.text
    positions = [post.text.index(rec.program.name) for rec in shortlist]
    assert positions == sorted(positions), "the shortlist is posted in ranked order"
    assert titles(post)[: len(shortlist)] == [rec.program.name for rec in shortlist]
    assert COMPARE in titles(post)

    bookmark = click(slack_advisor, sender, dm, post, COMPARE, ts="1700000001.000000")

    first, second = shortlist[0], shortlist[1]
    comparison = answered(api, dm, " vs ", since=bookmark)
    assert f"{program_title(first.program, first.provider)} vs {program_title(second.program, second.provider)}" in comparison.text
    for rec in (first, second):
        assert f"{usd(rec.cost.tuition.certificate_total_usd)} total" in comparison.text
