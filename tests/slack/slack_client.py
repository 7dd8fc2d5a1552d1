"""Signed Events API and interactivity requests, as Slack sends them to the bot's webhook."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any, Dict, Optional, Tuple

BOT_USER_ID = "UADVISORBOT"
BOT_ID = "BADVISORBOT"
TEAM_ID = "TLIBRARIANS"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's signature: ``v0=`` + HMAC-SHA256 of ``v0:timestamp:body`` with the signing secret."""
    digest = hmac.new(secret.encode("utf-8"), b"v0:" + timestamp.encode("ascii") + b":" + body, hashlib.sha256)
    return "v0=" + digest.hexdigest()


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:10].upper()


def message_event(
    text: str,
    *,
    channel: str,
    user: str = "UREADER01",
    channel_type: str = "im",
    kind: str = "message",
    thread_ts: Optional[str] = None,
    event_id: Optional[str] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """An ``event_callback`` envelope around one message or app_mention event."""
    event: Dict[str, Any] = {
        "type": kind, "user": user, "text": text, "ts": f"{time.time():.6f}",
        "channel": channel, "channel_type": channel_type, "event_ts": f"{time.time():.6f}",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    event.update(extra)
    return {
        "token": "unused-verification-token", "team_id": TEAM_ID, "api_app_id": "AADVISOR",
        "type": "event_callback", "event_id": event_id or new_id("Ev"), "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        "event": event,
    }


def button_click(button: Dict[str, Any], *, channel: str, message: Dict[str, Any], user: str = "UREADER01") -> Dict[str, Any]:
    """A ``block_actions`` payload for a click on ``button`` in the bot's ``message``."""
    return {
        "type": "block_actions", "team": {"id": TEAM_ID}, "user": {"id": user},
        "api_app_id": "AADVISOR", "trigger_id": new_id("trig"),
        "container": {"type": "message", "message_ts": message["ts"], "channel_id": channel},
        "channel": {"id": channel}, "message": message,
        "response_url": "https://hooks.slack.invalid/actions/unused",
        "actions": [{
            "type": "button", "action_id": button["action_id"], "block_id": "b1",
            "text": button["text"], "value": button["value"], "action_ts": f"{time.time():.6f}",
        }],
    }


class SlackSender:
    """Posts to the bot's Slack webhook the way Slack does, signed with ``secret``."""

    def __init__(self, webhook_url: str, secret: str) -> None:
        self.url = webhook_url
        self.secret = secret

    def post(
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: Optional[str] = None,
        signature: Optional[str] = None,
        headers: Optional[Dict[str, str]] = None,
        timeout: float = 20.0,
    ) -> Tuple[int, str]:
        """POST ``body``; signed correctly unless ``signature`` (or ``""`` for none) is given."""
        timestamp = timestamp if timestamp is not None else str(int(time.time()))
        all_headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp}
        signature = sign(self.secret, timestamp, body) if signature is None else signature
        if signature:
            all_headers["X-Slack-Signature"] = signature
        all_headers.update(headers or {})
        request = urllib.request.Request(self.url, data=body, headers=all_headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                return reply.status, reply.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def event(self, envelope: Dict[str, Any], **kwargs: Any) -> Tuple[int, str]:
        """Send an Events API envelope as JSON."""
        return self.post(json.dumps(envelope).encode("utf-8"), "application/json", **kwargs)

    def interaction(self, payload: Dict[str, Any], **kwargs: Any) -> Tuple[int, str]:
        """Send an interactivity payload, form-encoded as ``payload=<json>``."""
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode("utf-8")
        return self.post(body, "application/x-www-form-urlencoded", **kwargs)
