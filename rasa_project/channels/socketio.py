"""Rasa's socket.io channel for the chat page, with a guaranteed reply and an origin check.

Same events as Rasa's (``session_request``/``session_confirm``, ``user_uttered``,
``bot_uttered``), so any Rasa widget talks to it. On top of Rasa's channel:

- every turn goes through ``answer_turn``: a failed turn or a dead action server
  costs the user an apology, never silence;
- only pages from the allowed origins may connect. Rasa leaves socket.io's own
  origin check off and relies on ``--cors``, which browsers apply to HTTP
  polling but not to the WebSocket transport; this channel checks the
  ``Origin`` of every connection, so another site cannot open the socket either;
- the client-chosen session id is checked, and ``enter_room`` is awaited when the
  installed python-socketio makes it a coroutine (5.10+ did, which made Rasa's
  channel lose every reply: see docs/web.md);
- empty and over-long messages get a hint instead of a model run.
"""
from __future__ import annotations

import inspect
import logging
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Sequence, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from rasa_project.channels.rest import DEFAULT_MAX_MESSAGE_CHARS, EMPTY_MESSAGE_HINT, MAX_SENDER_CHARS
from rasa_project.channels.turns import DEFAULT_APOLOGY, answer_turn
from rasa_project.settings import current, parse_origins

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"^[A-Za-z0-9_.:-]+$")


def valid_session_id(value: Any) -> Optional[str]:
    """The client's session id if it is a short token, else ``None`` (a new one is made)."""
    if isinstance(value, str) and 0 < len(value) <= MAX_SENDER_CHARS and SESSION_ID.match(value):
        return value
    return None


class AdvisorSocketIOInput(SocketIOInput):
    """``socketio`` channel: Rasa's socket.io channel with the silence guard and an origin check."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        origins = credentials.get("allowed_origins")
        return cls(
            user_message_evt=credentials.get("user_message_evt", "user_uttered"),
            bot_message_evt=credentials.get("bot_message_evt", "bot_uttered"),
            namespace=credentials.get("namespace"),
            session_persistence=bool(credentials.get("session_persistence", True)),
            socketio_path=credentials.get("socketio_path", "/socket.io"),
            jwt_key=credentials.get("jwt_key"),
            jwt_method=credentials.get("jwt_method", "HS256"),
            metadata_key=credentials.get("metadata_key", "metadata"),
            allowed_origins=parse_origins(origins) if origins else current().chat_origins,
            apology=credentials.get("apology", DEFAULT_APOLOGY),
            max_message_chars=int(credentials.get("max_message_chars", DEFAULT_MAX_MESSAGE_CHARS)),
        )

    def __init__(
        self,
        *args: Any,
        allowed_origins: Sequence[Text] = (),
        apology: Text = DEFAULT_APOLOGY,
        max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.allowed_origins = tuple(allowed_origins)
        self.apology = apology
        self.max_message_chars = max_message_chars

    def origin_allowed(self, origin: Optional[Text]) -> bool:
        """Whether a connection with this ``Origin`` header may open.

        Browsers always send ``Origin`` on cross-origin requests and WebSockets;
        clients without one are not browsers, which CORS does not restrict anyway.
        """
        if not origin:
            return True
        return "*" in self.allowed_origins or origin.rstrip("/") in self.allowed_origins

    async def answer(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage) -> None:
        """One user turn: a hint for an empty or over-long message, else the guarded model run."""
        text = message.text or ""
        if not text.strip():
            await message.output_channel.send_text_message(message.sender_id, EMPTY_MESSAGE_HINT)
        elif len(text) > self.max_message_chars:
            await message.output_channel.send_text_message(
                message.sender_id, f"Your message is longer than {self.max_message_chars} characters; please shorten it."
            )
        else:
            await answer_turn(on_new_message, message, apology=self.apology)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def guarded(message: UserMessage) -> None:
            await self.answer(on_new_message, message)

        webhook = super().blueprint(guarded)
        sio = self.sio
        namespace = self.namespace or "/"
        rasa_connect = sio.handlers[namespace]["connect"]

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if not self.origin_allowed(origin):
                logger.warning("socket.io connection from origin %r refused (allowed: %s)", origin, self.allowed_origins)
                return False
            return await rasa_connect(sid, environ, auth)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict] = None) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = valid_session_id(requested) or uuid.uuid4().hex
            if self.session_persistence:
                entered = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(entered):
                    await entered
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            logger.debug("sender=%s socket %s joined its session", session_id, sid)

        return webhook
