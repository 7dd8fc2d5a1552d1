"""A stand-in for the Slack Web API on 127.0.0.1, recording every call the bot makes.

Slack itself is outside this machine, so this is the one stand-in the Slack tests
use: the bot's real ``AsyncWebClient`` talks HTTP to it through ``$SLACK_API_URL``.
It answers like Slack (``{"ok": true, "ts": ...}``), can answer the next post with
HTTP 429, and can hold posts until released, to show the webhook does not wait.
"""
from __future__ import annotations

import json
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional

HOLD_LIMIT_SECONDS = 30.0


@dataclass(frozen=True)
class ApiCall:
    """One Web API call as the stand-in received it."""

    method: str
    body: Dict[str, Any]
    authorization: str
    answered_with: int

    @property
    def text(self) -> str:
        """The message text plus every text inside its blocks."""
        parts = [str(self.body.get("text", ""))]
        for block in self.body.get("blocks") or []:
            parts.append(str((block.get("text") or {}).get("text", "")))
        return "\n".join(parts)

    @property
    def buttons(self) -> List[Dict[str, Any]]:
        return [e for b in self.body.get("blocks") or [] if b.get("type") == "actions" for e in b["elements"]]


class SlackApiStandIn:
    """``with SlackApiStandIn() as api:`` serves until the block ends; ``api.url`` is the base URL."""

    def __init__(self) -> None:
        self.calls: List[ApiCall] = []
        self._lock = threading.Condition()
        self._rate_limited: Dict[str, int] = {}
        self._hold = threading.Event()
        self._hold.set()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                stand_in._handle(self)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    def __enter__(self) -> "SlackApiStandIn":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._hold.set()
        self._server.shutdown()
        self._server.server_close()

    # -- behaviour switches --------------------------------------------------
    def rate_limit_next_posts(self, channel: str, count: int = 1) -> None:
        """Answer the next ``count`` chat.postMessage calls to ``channel`` with HTTP 429, Retry-After: 1."""
        with self._lock:
            self._rate_limited[channel] = count

    def hold_posts(self) -> None:
        """Keep chat.postMessage calls waiting (at most 30 s) until ``release_posts``."""
        self._hold.clear()

    def release_posts(self) -> None:
        self._hold.set()

    # -- reading what was called ---------------------------------------------
    def posts(self, channel: Optional[str] = None, method: str = "chat.postMessage") -> List[ApiCall]:
        """Successful calls of ``method`` (to ``channel`` if given), oldest first."""
        with self._lock:
            return [
                c for c in self.calls
                if c.method == method and c.answered_with == 200 and (channel is None or c.body.get("channel") == channel)
            ]

    def mark(self) -> int:
        """A bookmark for ``wait_for(since=...)``: how many calls were received so far."""
        with self._lock:
            return len(self.calls)

    def wait_for(
        self,
        predicate: Callable[[ApiCall], bool],
        timeout: float = 60.0,
        method: str = "chat.postMessage",
        since: int = 0,
    ) -> ApiCall:
        """The first successful ``method`` call (after bookmark ``since``) matching ``predicate``.

        Fails after ``timeout`` seconds, listing the last calls received.
        """
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for call in self.calls[since:]:
                    if call.method == method and call.answered_with == 200 and predicate(call):
                        return call
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.body.get("channel"), c.text[:80]) for c in self.calls[-10:]]
                    raise AssertionError(f"no matching {method} within {timeout:.0f}s; last calls: {seen}")
                self._lock.wait(left)

    # -- serving -------------------------------------------------------------
    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        method = request.path.rsplit("/", 1)[-1]
        raw = request.rfile.read(int(request.headers.get("Content-Length") or 0))
        if "json" in (request.headers.get("Content-Type") or ""):
            body = json.loads(raw or b"{}")
        else:
            body = {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode("utf-8")).items()}
        status = 200
        if method == "chat.postMessage":
            self._hold.wait(HOLD_LIMIT_SECONDS)
            with self._lock:
                channel = str(body.get("channel"))
                if self._rate_limited.get(channel, 0) > 0:
                    self._rate_limited[channel] -= 1
                    status = 429
        with self._lock:
            self.calls.append(ApiCall(method, body, request.headers.get("Authorization", ""), status))
            ts = f"{time.time():.6f}"
            self._lock.notify_all()
        if status == 429:
            reply: Dict[str, Any] = {"ok": False, "error": "ratelimited"}
        else:
            reply = {"ok": True, "channel": body.get("channel"), "ts": ts, "message": {"text": body.get("text")}}
        data = json.dumps(reply).encode("utf-8")
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        if status == 429:
            request.send_header("Retry-After", "1")
        request.end_headers()
        request.wfile.write(data)
