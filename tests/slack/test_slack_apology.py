"""A turn that fails or is stuck on Slack costs the user an apology in Slack, never silence."""
from __future__ import annotations

import os
import signal
import time

import pytest

from rasa_project.launcher import Settings, action_server
from tests.slack.slack_client import message_event
from tests.slack.expect import RBS_COST, answered, answers_with

pytestmark = pytest.mark.servers


def test_user_gets_an_apology_in_slack_while_the_action_server_is_down(slack_advisor, sender, dm):
    api = slack_advisor.api
    slack_advisor.actions.stop()
    try:
        assert sender.event(message_event(RBS_COST, channel=dm))[0] == 200
        apology = answered(api, dm, "Sorry")
        assert "try again" in apology.text
        assert not answers_with(api, dm, "$6,975")
    finally:
        slack_advisor.servers[0] = action_server(slack_advisor.settings).start()
        slack_advisor.actions.wait_until_ready()

    sender.event(message_event(RBS_COST, channel=dm))
    answered(api, dm, "$6,975")


def test_a_frozen_action_server_costs_an_apology_in_seconds_and_slack_is_acknowledged_at_once(slack_advisor, sender, dm):
    api = slack_advisor.api
    bookmark = api.mark()
    assert sender.event(message_event(RBS_COST, channel=dm))[0] == 200
    answered(api, dm, "$6,975", since=bookmark)
    group = slack_advisor.actions.process.pid
    os.killpg(group, signal.SIGSTOP)  # stuck, not dead: connections are accepted, never answered
    try:
        bookmark, started = api.mark(), time.monotonic()
        status, _ = sender.event(message_event("can I get a scholarship for it?", channel=dm), timeout=3.0)
        assert status == 200, "Slack's acknowledgement does not wait for the turn"
        apology = api.wait_for(lambda c: c.body.get("channel") == dm and "Sorry" in c.text, since=bookmark,
                               timeout=Settings().turn_timeout + 10)
        assert "try again" in apology.text
        assert time.monotonic() - started < Settings().turn_timeout + 10
    finally:
        os.killpg(group, signal.SIGCONT)
    bookmark = api.mark()
    sender.event(message_event("how much does it cost?", channel=dm))
    answered(api, dm, "$6,975", since=bookmark)  # the program in context survived the freeze
