"""Without both Slack secrets in the environment the Slack channel is off: no webhook at all."""
from __future__ import annotations

import os

import pytest
import yaml

from rasa_project.launcher import Settings, compose_credentials
from tests.support.net import post_json

SLACK_CHANNEL = "rasa_project.channels.slack.AdvisorSlackInput"


@pytest.mark.parametrize(
    "env, on",
    [
        ({"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": ""}, False),
        ({"SLACK_BOT_TOKEN": "xoxb-set", "SLACK_SIGNING_SECRET": ""}, False),
        ({"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": "set"}, False),
        ({"SLACK_BOT_TOKEN": "xoxb-set", "SLACK_SIGNING_SECRET": "set"}, True),
    ],
)
def test_slack_channel_is_in_the_credentials_only_when_both_secrets_are_set(tmp_path, env, on):
    composed = compose_credentials(Settings(log_dir=tmp_path, rasa_port=1, extra_env=env))
    text = composed.read_text(encoding="utf-8")
    assert (SLACK_CHANNEL in yaml.safe_load(text)) is on
    assert "xoxb-set" not in text, "secrets stay in the environment, never in a file"


@pytest.mark.servers
def test_slack_webhook_is_absent_when_the_secrets_are_not_set(advisor):
    if os.environ.get("SLACK_BOT_TOKEN") and os.environ.get("SLACK_SIGNING_SECRET"):
        pytest.skip("this shell sets the Slack secrets, so the shared advisor has the channel on")
    status, _ = post_json(f"{advisor.rasa_url}/webhooks/slack/webhook", {"type": "url_verification", "challenge": "x"})
    assert status == 404
    assert post_json(f"{advisor.rasa_url}/webhooks/rest/webhook", {"sender": "off-check", "message": "hi"})[0] == 200
