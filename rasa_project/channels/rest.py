"""Rasa's REST channel with input checks and a guaranteed reply.

Same path and JSON as Rasa's (``POST /webhooks/rest/webhook`` with
``{"sender": ..., "message": ...}``), but malformed requests get a 4xx with a
reason instead of a 5xx or an empty answer, over-long messages and oversized
metadata are refused (413), a sender or client over its message rate gets 429
with ``Retry-After`` (``limits``), an empty message gets a hint, and a failed
turn gets an apology.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa_project.channels.conversation_ids import RESERVED_PREFIXES, reserved
from rasa_project.channels.limits import metadata_size, turn_limits
from rasa_project.channels.turns import DEFAULT_APOLOGY, answer_turn
from rasa_project.settings import current

logger = logging.getLogger(__name__)

DEFAULT_MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
EMPTY_MESSAGE_HINT = (
    "Your message was empty. Ask me about a post-MLIS certificate, for example "
    "\"Which certificates cover archives?\""
)


def _error(status: int, reason: str, headers: Optional[Dict[str, str]] = None) -> HTTPResponse:
    return response.json({"error": reason}, status=status, headers=headers)


def client_address(request: Request) -> str:
    """The client's address: Sanic's forwarded address when its proxy settings are on, else the peer's."""
    return request.remote_addr or request.ip


class AdvisorRestInput(RestInput):
    """``rest`` channel: Rasa's REST webhook with validation and the silence guard."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(
            max_message_chars=int(credentials.get("max_message_chars", DEFAULT_MAX_MESSAGE_CHARS)),
            apology=credentials.get("apology", DEFAULT_APOLOGY),
            max_metadata_bytes=int(credentials.get("max_metadata_bytes", current().max_metadata_bytes)),
        )

    def __init__(self, max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS, apology: Text = DEFAULT_APOLOGY,
                 max_metadata_bytes: int = 2048) -> None:
        self.max_message_chars = max_message_chars
        self.apology = apology
        self.max_metadata_bytes = max_metadata_bytes

    def parse(self, request: Request) -> Dict[str, Any]:
        """The checked ``sender``, ``message`` and ``metadata`` of a request, or ``{"error": (status, reason)}``."""
        try:
            body = json.loads(request.body or b"")
        except (ValueError, UnicodeDecodeError):
            return {"error": (400, "the body must be a JSON object")}
        if not isinstance(body, dict):
            return {"error": (400, "the body must be a JSON object")}
        sender, message, metadata = body.get("sender"), body.get("message"), body.get("metadata")
        if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
            return {"error": (400, f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters")}
        if reserved(sender):
            return {"error": (400, f"'sender' must not start with {' or '.join(map(repr, RESERVED_PREFIXES))}: "
                                   "those conversations belong to the chat page and Slack")}
        if not isinstance(message, str):
            return {"error": (400, "'message' must be a string")}
        if metadata is not None and not isinstance(metadata, dict):
            return {"error": (400, "'metadata' must be a JSON object")}
        try:
            (sender + message).encode("utf-8")
        except UnicodeEncodeError:
            return {"error": (400, "'sender' and 'message' must be valid Unicode text")}
        if len(message) > self.max_message_chars:
            return {"error": (413, f"'message' is longer than {self.max_message_chars} characters; please shorten it")}
        if metadata is not None and metadata_size(metadata) > self.max_metadata_bytes:
            return {"error": (413, f"'metadata' is larger than {self.max_metadata_bytes} bytes")}
        return {"sender": sender, "message": message, "metadata": metadata}

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", "rasa_project.channels.rest")

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            parsed = self.parse(request)
            if "error" in parsed:
                return _error(*parsed["error"])
            refused = await turn_limits().admit(parsed["sender"], client_address(request))
            if refused:
                reason, wait = refused
                logger.info("sender=%s message refused: %s", parsed["sender"], reason)
                return _error(429, f"{reason}; try again in {wait} s", headers={"Retry-After": str(wait)})
            collector = CollectingOutputChannel()
            if not parsed["message"].strip():
                await collector.send_text_message(parsed["sender"], EMPTY_MESSAGE_HINT)
                return response.json(collector.messages)
            message = UserMessage(
                parsed["message"],
                collector,
                parsed["sender"],
                input_channel=self.name(),
                metadata=parsed["metadata"],
            )
            await answer_turn(on_new_message, message, apology=self.apology)
            return response.json(collector.messages)

        return webhook
