"""A turn that fails on Slack costs the user an apology in Slack, never silence."""
from __future__ import annotations

import pytest

from rasa_project.launcher import action_server
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
