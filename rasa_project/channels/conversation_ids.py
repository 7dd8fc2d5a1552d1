"""Whose conversation an id is: one namespace per channel, and signed proof for the web chat's.

Every channel stores its conversations under ids in Rasa's one tracker store, so
ids must not collide across channels: a REST client naming a Slack DM's id (or a
chat page's) would read and write that conversation. Web ids start with
``web:``, Slack ids with ``slack:``; the REST channel refuses senders that start
with either (its own senders are chosen by its trusted callers).

A web conversation is resumed (after a page reload) only with a token the
server signed for it: ``<conversation id>.<HMAC-SHA256 of the id>``, keyed by
``$MLIS_ADVISOR_SESSION_SECRET``. The page keeps the token where the widget
keeps its session id; a bare id, or someone else's id, proves nothing.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from typing import Any, Optional, Text

WEB_PREFIX = "web:"
SLACK_PREFIX = "slack:"
RESERVED_PREFIXES = (WEB_PREFIX, SLACK_PREFIX)
MAX_TOKEN_CHARS = 128


def reserved(sender_id: Text) -> bool:
    """Whether ``sender_id`` is in a namespace only the web chat or Slack may use."""
    return sender_id.lower().startswith(RESERVED_PREFIXES)


def slack_conversation(place: Text) -> Text:
    return SLACK_PREFIX + place


class SessionSigner:
    """Makes web conversation ids and the tokens that prove a page owns one."""

    def __init__(self, secret: Text) -> None:
        if not secret:
            raise ValueError("a session secret is needed to sign web sessions")
        self._key = secret.encode("utf-8")

    def new_conversation(self) -> Text:
        return WEB_PREFIX + uuid.uuid4().hex

    def _signature(self, conversation_id: Text) -> Text:
        digest = hmac.new(self._key, conversation_id.encode("utf-8"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    def token(self, conversation_id: Text) -> Text:
        return f"{conversation_id}.{self._signature(conversation_id)}"

    def conversation_of(self, token: Any) -> Optional[Text]:
        """The web conversation ``token`` was signed for, or ``None`` if it is not a valid token."""
        if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS or "." not in token:
            return None
        conversation_id, signature = token.rsplit(".", 1)
        if not conversation_id.startswith(WEB_PREFIX):
            return None
        if not hmac.compare_digest(signature, self._signature(conversation_id)):
            return None
        return conversation_id
