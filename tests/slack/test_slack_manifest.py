"""The Slack app manifest asks for exactly what the channel reads and posts, at the channel's path."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import yaml

from rasa_project.channels.slack import AdvisorSlackInput

MANIFEST = Path(__file__).resolve().parents[2] / "rasa_project" / "slack" / "manifest.yml"


def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def test_manifest_sends_events_and_clicks_to_the_channel_webhook():
    settings = manifest()["settings"]
    path = f"/webhooks/{AdvisorSlackInput.name()}/webhook"
    assert urlparse(settings["event_subscriptions"]["request_url"]).path == path
    assert settings["interactivity"]["is_enabled"] is True
    assert urlparse(settings["interactivity"]["request_url"]).path == path
    assert settings["socket_mode_enabled"] is False, "the channel is the HTTP Events API"


def test_manifest_subscribes_to_mentions_and_direct_messages_with_their_scopes():
    data = manifest()
    assert set(data["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    assert set(data["oauth_config"]["scopes"]["bot"]) == {"app_mentions:read", "im:history", "chat:write"}
