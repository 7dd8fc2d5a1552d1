"""Real Rasa and action servers with the Slack channel on, talking to a stand-in Slack Web API."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

from rasa_project.launcher import Server, Settings, action_server, rasa_server
from tests.slack.slack_client import SlackSender, new_id
from tests.slack.stand_in import SlackApiStandIn
from tests.support.net import free_port
from tests.support.servers import settings_in, start_together, stop_together


@dataclass
class SlackAdvisor:
    """Running servers with the Slack channel on, and what a test needs to reach them.

    ``servers`` is the action server followed by one Rasa server per replica.
    """

    replicas: List[Settings]
    servers: List[Server]
    api: SlackApiStandIn
    token: str
    secret: str

    @property
    def settings(self) -> Settings:
        return self.replicas[0]

    @property
    def actions(self) -> Server:
        return self.servers[0]

    def sender(self, secret: str = "", replica: int = 0) -> SlackSender:
        """Signs like Slack (with ``secret`` if given) and posts to one replica's webhook."""
        return SlackSender(f"{self.replicas[replica].rasa_url}/webhooks/slack/webhook", secret or self.secret)


def start_slack_advisor(
    run_dir: Path, model: Path, api: SlackApiStandIn, env: Dict[str, str], replicas: int = 1
) -> SlackAdvisor:
    """Start one action server and ``replicas`` Rasa servers, Slack secrets in the environment only."""
    token, secret = f"xoxb-test-{secrets.token_hex(8)}", secrets.token_hex(16)
    first = settings_in(run_dir, model, extra_env={
        "SLACK_BOT_TOKEN": token, "SLACK_SIGNING_SECRET": secret, "SLACK_API_URL": api.url,
        "SLACK_DEDUPE_REDIS_URL": "", **env,
    })
    settings = [first] + [replace(first, rasa_port=free_port()) for _ in range(replicas - 1)]
    servers = start_together([action_server(first)] + [rasa_server(s) for s in settings])
    return SlackAdvisor(settings, servers, api, token, secret)


@pytest.fixture(scope="package")
def slack_api() -> Iterator[SlackApiStandIn]:
    with SlackApiStandIn() as api:
        yield api


@pytest.fixture(scope="package")
def slack_advisor(tmp_path_factory: pytest.TempPathFactory, model_path: Path, slack_api: SlackApiStandIn) -> Iterator[SlackAdvisor]:
    """One Rasa server with the Slack channel on (in-process de-duplication), for the package."""
    advisor = start_slack_advisor(tmp_path_factory.mktemp("slack"), model_path, slack_api, {})
    try:
        yield advisor
    finally:
        stop_together(advisor.servers)


@pytest.fixture
def sender(slack_advisor: SlackAdvisor) -> SlackSender:
    return slack_advisor.sender()


@pytest.fixture
def dm() -> str:
    """A fresh direct-message channel id, so each test reads only its own posts."""
    return new_id("D")


@pytest.fixture
def room() -> str:
    """A fresh public channel id."""
    return new_id("C")
