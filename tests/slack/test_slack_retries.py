"""Slack sends an event again when it doubts it was delivered: the user still gets one answer."""
from __future__ import annotations

import pytest

from tests.slack.slack_client import BOT_USER_ID, message_event
from tests.slack.expect import RBS_COST, answered, answers_with, settle

pytestmark = pytest.mark.servers


def test_retries_of_an_event_with_or_without_retry_header_get_no_second_answer(slack_advisor, sender, dm):
    api = slack_advisor.api
    envelope = message_event(RBS_COST, channel=dm)
    assert sender.event(envelope)[0] == 200
    answered(api, dm, "$6,975")

    for reason in ("http_timeout", "http_error"):
        status, _ = sender.event(envelope, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": reason})
        assert status == 200, "a retry is acknowledged, or Slack keeps retrying"
    status, _ = sender.event(envelope)
    assert status == 200

    settle(api, sender, dm)
    assert len(answers_with(api, dm, "$6,975")) == 1, [p.text[:70] for p in api.posts(dm)]


def test_retry_that_arrives_while_the_first_turn_still_runs_is_dropped(slack_advisor, sender, dm):
    api = slack_advisor.api
    envelope = message_event(RBS_COST, channel=dm)
    api.hold_posts()
    try:
        assert sender.event(envelope)[0] == 200
        assert sender.event(envelope, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})[0] == 200
    finally:
        api.release_posts()
    settle(api, sender, dm)
    assert len(answers_with(api, dm, "$6,975")) == 1, [p.text[:70] for p in api.posts(dm)]


def test_retry_header_alone_does_not_drop_an_event_never_seen(slack_advisor, sender, dm):
    # The first delivery may have reached a replica that died: the retry must be answered.
    envelope = message_event(RBS_COST, channel=dm)
    status, _ = sender.event(envelope, headers={"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"})
    assert status == 200
    answered(slack_advisor.api, dm, "$6,975")


def test_one_message_delivered_as_message_and_app_mention_is_answered_once(slack_advisor, sender, dm):
    api = slack_advisor.api
    as_message = message_event(f"<@{BOT_USER_ID}> {RBS_COST}", channel=dm)
    as_mention = message_event(f"<@{BOT_USER_ID}> {RBS_COST}", channel=dm, kind="app_mention")
    as_mention["event"]["ts"] = as_message["event"]["ts"]
    assert sender.event(as_message)[0] == 200
    assert sender.event(as_mention)[0] == 200

    settle(api, sender, dm)
    assert len(answers_with(api, dm, "$6,975")) == 1, [p.text[:70] for p in api.posts(dm)]
