"""Rasa's socket.io channel for the chat page: sessions owned by their socket, a guaranteed reply, an origin check.

Same events as Rasa's (``session_request``/``session_confirm``, ``user_uttered``,
``bot_uttered``), so any Rasa widget talks to it. On top of Rasa's channel:

- a conversation belongs to the socket that started it. Rasa's own channel
  trusts the ``session_id`` in every message and answers into that room, so any
  client knowing (or guessing from a log) another's id could write into that
  conversation and read its answers. Here ``session_request`` binds the socket
  to one conversation, and its messages are answered in that conversation only,
  whatever id they carry. To resume a conversation after a reload, the page
  sends back the signed token it was given (``conversation_ids``); anything else
  starts a new conversation;
- every turn goes through ``answer_turn``: a failed or stuck turn costs the user
  an apology, never silence;
- only pages from the allowed origins may connect. Rasa leaves socket.io's own
  origin check off and relies on ``--cors``, which browsers apply to HTTP
  polling but not to the WebSocket transport; this channel checks the
  ``Origin`` of every connection, so another site cannot open the socket either;
- ``enter_room`` is awaited when the installed python-socketio makes it a
  coroutine (5.10+ did, which made Rasa's channel lose every reply: docs/web.md);
- empty and over-long messages, oversized metadata and messages over the
  sender's or the client address's rate (``limits``) get a notice instead of a model run.
"""
from __future__ import annotations

import inspect
import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Sequence, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from rasa_project.channels.conversation_ids import SessionSigner
from rasa_project.channels.limits import metadata_size, turn_limits
from rasa_project.channels.rest import DEFAULT_MAX_MESSAGE_CHARS, EMPTY_MESSAGE_HINT
from rasa_project.channels.turns import DEFAULT_APOLOGY, answer_turn
from rasa_project.settings import current, parse_origins

logger = logging.getLogger(__name__)

NO_SESSION_HINT = "This connection has no conversation yet; please reload the page."


class AdvisorSocketIOInput(SocketIOInput):
    """``socketio`` channel: Rasa's, with sessions bound to their socket, the silence guard, an origin check and limits."""

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
            max_metadata_bytes=int(credentials.get("max_metadata_bytes", current().max_metadata_bytes)),
            session_secret=current().session_secret,
        )

    def __init__(
        self,
        *args: Any,
        allowed_origins: Sequence[Text] = (),
        apology: Text = DEFAULT_APOLOGY,
        max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS,
        max_metadata_bytes: int = 2048,
        session_secret: Text = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.allowed_origins = tuple(allowed_origins)
        self.apology = apology
        self.max_message_chars = max_message_chars
        self.max_metadata_bytes = max_metadata_bytes
        self.signer = SessionSigner(session_secret or current().session_secret)
        # socket id -> the one conversation that socket may talk in, and the client's address
        self.bound: Dict[Text, Text] = {}
        self.addresses: Dict[Text, Text] = {}

    def conversation_for(self, requested: Any) -> Text:
        """The conversation a ``session_request`` gets: the one its token proves, else a new one."""
        if self.session_persistence:
            proven = self.signer.conversation_of(requested)
            if proven:
                return proven
        return self.signer.new_conversation()

    def read_metadata(self, data: Dict[Text, Any]) -> Any:
        """The message's metadata (a JSON object, possibly sent as a string); raises ``ValueError`` if unusable."""
        metadata = data.get(self.metadata_key)
        if metadata is None:
            return {}
        if isinstance(metadata, str):
            if len(metadata.encode("utf-8", "replace")) > self.max_metadata_bytes:
                raise ValueError(f"metadata larger than {self.max_metadata_bytes} bytes")
            metadata = json.loads(metadata)
        if not isinstance(metadata, dict):
            raise ValueError("metadata must be a JSON object")
        if metadata_size(metadata) > self.max_metadata_bytes:
            raise ValueError(f"metadata larger than {self.max_metadata_bytes} bytes")
        return metadata

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
        webhook = super().blueprint(on_new_message)
        sio = self.sio
        namespace = self.namespace or "/"
        rasa_connect = sio.handlers[namespace]["connect"]

        async def enter(sid: Text, room: Text) -> None:
            entered = sio.enter_room(sid, room, namespace=self.namespace)
            if inspect.isawaitable(entered):
                await entered

        async def leave(sid: Text, room: Text) -> None:
            left = sio.leave_room(sid, room, namespace=self.namespace)
            if inspect.isawaitable(left):
                await left

        async def tell(sid: Text, text: Text) -> None:
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid, namespace=self.namespace)

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if not self.origin_allowed(origin):
                logger.warning("socket.io connection from origin %r refused (allowed: %s)", origin, self.allowed_origins)
                return False
            request = environ.get("sanic.request")
            if request is not None:
                self.addresses[sid] = request.remote_addr or request.ip
            return await rasa_connect(sid, environ, auth)

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: Text) -> None:
            self.bound.pop(sid, None)
            self.addresses.pop(sid, None)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict] = None) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            conversation_id = self.conversation_for(requested)
            previous = self.bound.get(sid)
            if previous and previous != conversation_id:
                await leave(sid, previous)
            self.bound[sid] = conversation_id
            await enter(sid, conversation_id)
            await sio.emit("session_confirm", self.signer.token(conversation_id), room=sid, namespace=self.namespace)
            logger.debug("sender=%s socket %s bound (%s)", conversation_id, sid,
                         "resumed" if requested and conversation_id in str(requested) else "new")

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            conversation_id = self.bound.get(sid)
            if conversation_id is None:
                logger.info("socket %s sent a message before asking for a session; not answered", sid)
                await tell(sid, NO_SESSION_HINT)
                return
            refused = await turn_limits().admit(conversation_id, self.addresses.get(sid))
            if refused:
                reason, wait = refused
                logger.info("sender=%s message refused: %s", conversation_id, reason)
                await tell(sid, f"You are sending messages faster than I can answer ({reason}). "
                                f"Please wait {wait} seconds and send it again.")
                return
            data = data if isinstance(data, dict) else {}
            try:
                metadata = self.read_metadata(data)
            except ValueError as error:
                logger.info("sender=%s message refused: %s", conversation_id, error)
                await tell(sid, f"Your message could not be read ({error}); please send it again.")
                return
            text = data.get("message")
            message = UserMessage(
                text if isinstance(text, str) else "",
                SocketIOOutput(sio, self.bot_message_evt),
                conversation_id,  # never the id the message names: the socket's own conversation
                input_channel=self.name(),
                metadata=metadata,
            )
            await self.answer(on_new_message, message)

        return webhook
