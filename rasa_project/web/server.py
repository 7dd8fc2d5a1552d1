"""Serve the chat page: the landing text, the widget bundle and its glue, nothing else.

``python -m rasa_project.web.server`` (the launcher runs it for ``make run``; port,
interface and socket URL come from ``rasa_project.settings``). The page's browser
talks to Rasa's socket.io channel directly; this server only hands out files,
from a fixed list read at start-up, with a Content-Security-Policy that lets the
page load scripts from here and connect nowhere but here and the Rasa socket.

The socket URL in the page and in the policy is the configured one
(``$CHAT_SOCKET_URL``, else the chat page origin's host on Rasa's port), never
taken from the request's ``Host`` header: a forged header cannot point the page,
or its policy, anywhere else.

The widget (rasa-webchat, pinned in package-lock.json, installed by ``make
install``) is served from node_modules, never from a CDN, and its stylesheet's
web-font ``@import`` from an outside host is cut out when it is loaded, so the
page makes no request off this machine.
"""
from __future__ import annotations

import argparse
import html
import logging
import re
import sys
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Optional, Tuple
from urllib.parse import urlsplit

WEB_DIR = Path(__file__).resolve().parent
WIDGET_BUNDLE = WEB_DIR / "node_modules" / "rasa-webchat" / "lib" / "index.js"
OUTSIDE_IMPORT = re.compile(rb"@import url\((?:https?:)?//[^)]*\);?")
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png"}

logger = logging.getLogger("rasa_project.web")


def widget_bundle(path: Path = WIDGET_BUNDLE) -> Optional[bytes]:
    """The rasa-webchat bundle without its outside ``@import``s, or ``None`` if not installed."""
    try:
        return OUTSIDE_IMPORT.sub(b"", path.read_bytes())
    except OSError:
        return None


def socket_origins(socket_url: str) -> Tuple[str, str]:
    """The HTTP and WebSocket origins of the Rasa socket URL, for ``connect-src``."""
    parts = urlsplit(socket_url)
    secure = parts.scheme in ("https", "wss")
    return f"{'https' if secure else 'http'}://{parts.netloc}", f"{'wss' if secure else 'ws'}://{parts.netloc}"


def security_headers(socket_url: str) -> Dict[str, str]:
    """Headers on every response: a strict CSP plus the usual hardening.

    ``style-src 'unsafe-inline'`` because the widget's bundle injects its
    stylesheet as ``<style>`` elements at run time; scripts stay ``'self'`` only,
    so injected markup could not run code even if it reached the page.
    """
    http_origin, ws_origin = socket_origins(socket_url)
    policy = "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        f"connect-src 'self' {http_origin} {ws_origin}",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


@dataclass
class ChatSite:
    """What the server hands out: the rendered page and a fixed set of files."""

    socket_url: str
    files: Dict[str, Tuple[bytes, str]] = field(default_factory=dict)
    page_template: str = ""

    @classmethod
    def load(cls, socket_url: str, web_dir: Path = WEB_DIR) -> "ChatSite":
        """Read the page, the static files and the widget bundle once."""
        site = cls(socket_url=socket_url.rstrip("/"))
        site.page_template = (web_dir / "index.html").read_text(encoding="utf-8")
        for path in sorted((web_dir / "static").iterdir()):
            if path.suffix in CONTENT_TYPES and path.is_file():
                site.files[f"/static/{path.name}"] = (path.read_bytes(), CONTENT_TYPES[path.suffix])
        bundle = widget_bundle(web_dir / "node_modules" / "rasa-webchat" / "lib" / "index.js")
        if bundle is None:
            logger.error("rasa-webchat is not installed: run `make install` (npm ci in %s)", web_dir)
        else:
            site.files["/vendor/rasa-webchat.js"] = (bundle, CONTENT_TYPES[".js"])
        return site

    def page(self) -> bytes:
        return self.page_template.replace("{{SOCKET_URL}}", html.escape(self.socket_url, quote=True)).encode("utf-8")


class ChatPageHandler(BaseHTTPRequestHandler):
    """GET/HEAD for the page, ``/health``, ``/static/*`` and the widget bundle; nothing else."""

    site: ChatSite
    server_version = "mlis-advisor-web"

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        self.respond(send_body=True)

    def do_HEAD(self) -> None:
        self.respond(send_body=False)

    def respond(self, send_body: bool) -> None:
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            self.send(HTTPStatus.OK, self.site.page(), CONTENT_TYPES[".html"], send_body, cache="no-cache")
        elif path == "/health":
            self.send(HTTPStatus.OK, b'{"status": "ok"}', "application/json", send_body, cache="no-store")
        elif path in self.site.files:
            body, content_type = self.site.files[path]
            self.send(HTTPStatus.OK, body, content_type, send_body, cache="no-cache")
        else:
            self.send(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8", send_body)

    def send(self, status: HTTPStatus, body: bytes, content_type: str, send_body: bool,
             cache: str = "no-store") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        for name, value in security_headers(self.site.socket_url).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def send_error(self, code: int, message: Optional[str] = None, explain: Optional[str] = None) -> None:
        # Other methods (POST, PUT, ...) and malformed requests: a plain reply with the same headers.
        self.send(HTTPStatus(code), f"{code} {message or HTTPStatus(code).phrase}\n".encode(),
                  "text/plain; charset=utf-8", getattr(self, "command", "GET") != "HEAD")

    def log_request(self, code: object = "-", size: object = "-") -> None:
        # Quiet by default: only failures reach the log.
        status = code.value if isinstance(code, HTTPStatus) else code
        if str(status).startswith(("4", "5")):
            logger.warning("%s \"%s\" %s", self.address_string(), self.requestline, status)

    def log_message(self, format: str, *args: object) -> None:
        logger.warning(format, *args)


def make_server(host: str, port: int, site: ChatSite) -> ThreadingHTTPServer:
    """An HTTP server for ``site`` bound to ``host:port``."""
    handler = type("BoundChatPageHandler", (ChatPageHandler,), {"site": site})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def main(argv: Optional[list] = None) -> int:
    from rasa_project.settings import current

    settings = current()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=settings.web_host)
    parser.add_argument("--port", type=int, default=settings.web_port)
    parser.add_argument("--socket-url", default=settings.chat_socket_url,
                        help="Rasa's socket.io URL as browsers reach it (default: $CHAT_SOCKET_URL, else the chat "
                             "page origin's host on Rasa's port)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    site = ChatSite.load(args.socket_url)
    try:
        server = make_server(args.host, args.port, site)
    except OSError as error:
        logger.error("cannot listen on %s:%s: %s", args.host, args.port, error)
        return 1
    logger.info("chat page on http://%s:%s/ (Rasa socket: %s)", args.host, args.port, site.socket_url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
