"""A chat client over the advisor's socket.io channel, as the widget speaks it (python-socketio, polling).

The python-socketio client cannot use the WebSocket transport with the aiohttp
Rasa pins, so it polls; the channel's rules are the same for both transports.
"""
from __future__ import annotations

import queue
import time
from typing import Any, Dict, List, Optional

import socketio


class ChatSocket:
    """One socket: asks for a session, sends messages, collects what the bot sends to it."""

    def __init__(self, rasa_url: str, origin: Optional[str] = None) -> None:
        self.url, self.origin = rasa_url, origin
        self.client = socketio.Client(reconnection=False)
        self.received: "queue.Queue[Dict[str, Any]]" = queue.Queue()
        self.confirmed: "queue.Queue[Any]" = queue.Queue()
        self.errors: "queue.Queue[Any]" = queue.Queue()
        self.client.on("bot_uttered", self.received.put)
        self.client.on("session_confirm", self.confirmed.put)
        self.client.on("advisor_error", self.errors.put)

    def connect(self) -> "ChatSocket":
        headers = {"Origin": self.origin} if self.origin else {}
        self.client.connect(self.url, headers=headers, transports=["polling"], wait_timeout=10)
        return self

    def request_session(self, session_id: Optional[str] = None, timeout: float = 10.0) -> str:
        """``session_request`` as the widget sends it; returns what the server confirmed."""
        self.client.emit("session_request", {"session_id": session_id})
        confirmed = self.confirmed.get(timeout=timeout)
        return confirmed["session_id"] if isinstance(confirmed, dict) else confirmed

    def send(self, text: str, session_id: Optional[str] = None, **extra: Any) -> None:
        self.client.emit("user_uttered", {"message": text, "session_id": session_id, **extra})

    def answers(self, timeout: float = 60.0, quiet: float = 1.5) -> List[Dict[str, Any]]:
        """The bot's messages: waits up to ``timeout`` for the first, then until ``quiet`` s pass with no more."""
        messages: List[Dict[str, Any]] = []
        try:
            messages.append(self.received.get(timeout=timeout))
            while True:
                messages.append(self.received.get(timeout=quiet))
        except queue.Empty:
            return messages

    def say_text(self, text: str, session_id: Optional[str] = None, timeout: float = 60.0) -> str:
        self.send(text, session_id)
        return "\n".join(m.get("text", "") for m in self.answers(timeout))

    def nothing_received(self, wait: float) -> bool:
        """Whether no bot message arrives within ``wait`` seconds."""
        time.sleep(wait)
        return self.received.empty()

    def close(self) -> None:
        if self.client.connected:
            self.client.disconnect()
