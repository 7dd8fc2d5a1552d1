"""The chat page server: what it hands out, and the headers that keep the page to itself."""
from __future__ import annotations

import http.client
import threading
from typing import Dict, Iterator, Optional, Tuple

import pytest

from rasa_project.web.server import ChatSite, make_server
from tests.support.net import free_port
from tests.web.conftest import WIDGET

RASA_PORT = 5999  # only written into the page and its policy; nothing connects to it here


@pytest.fixture(scope="module")
def page_server() -> Iterator[int]:
    port = free_port()
    server = make_server("127.0.0.1", port, ChatSite.load(RASA_PORT))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        server.shutdown()
        server.server_close()


def fetch(port: int, path: str, method: str = "GET", host: Optional[str] = None) -> Tuple[int, Dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers={"Host": host or f"localhost:{port}"})
        reply = connection.getresponse()
        return reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read()
    finally:
        connection.close()


def test_page_points_the_widget_at_rasa_on_the_pages_host(page_server):
    status, headers, body = fetch(page_server, "/")
    assert status == 200
    assert f'data-socket-url="http://localhost:{RASA_PORT}"'.encode() in body
    assert f"connect-src 'self' http://localhost:{RASA_PORT} ws://localhost:{RASA_PORT}" in headers[
        "content-security-policy"
    ]


def test_every_response_carries_the_security_headers(page_server):
    for path, method in [("/", "GET"), ("/static/chat.js", "GET"), ("/nothing-here", "GET"), ("/", "POST")]:
        _, headers, _ = fetch(page_server, path, method)
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self';" in policy and "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_only_listed_files_are_served(page_server):
    assert fetch(page_server, "/static/widget.css")[0] == 200
    assert fetch(page_server, "/server.py")[0] == 404
    assert fetch(page_server, "/static/../server.py")[0] == 404
    assert fetch(page_server, "/node_modules/rasa-webchat/package.json")[0] == 404
    assert fetch(page_server, "/", method="POST")[0] == 501


def test_a_forged_host_header_cannot_reach_the_policy_or_the_page(page_server):
    _, headers, body = fetch(page_server, "/", host="evil.example; script-src *")
    assert "script-src *" not in headers["content-security-policy"]
    assert b"script-src *" not in body
    assert fetch(page_server, "/", host="[::1")[0] == 200  # malformed: falls back to localhost


def test_widget_bundle_is_served_without_its_outside_font_import(page_server):
    assert WIDGET.exists(), "rasa-webchat is not installed: run `make install`"
    assert b"fonts.googleapis.com" in WIDGET.read_bytes()
    status, headers, body = fetch(page_server, "/vendor/rasa-webchat.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert b"@import url(http" not in body and b"fonts.googleapis.com/css" not in body


def test_configured_socket_url_wins_over_the_pages_host():
    site = ChatSite.load(RASA_PORT, socket_url="https://chat.library.example/")
    assert site.socket_url_for("localhost:8080") == "https://chat.library.example"
    assert b'data-socket-url="https://chat.library.example"' in site.page(site.socket_url_for("x"))
