"""The chat page server: what it hands out, and the headers that keep the page to itself."""
from __future__ import annotations

import http.client
import threading
from typing import Dict, Iterator, Optional, Tuple

import pytest

from rasa_project.settings import Settings
from rasa_project.web.server import ChatSite, make_server
from tests.support.net import free_port
from tests.web.conftest import WIDGET

SOCKET_URL = "http://localhost:5999"  # only written into the page and its policy; nothing connects to it here


@pytest.fixture(scope="module")
def page_server() -> Iterator[int]:
    port = free_port()
    server = make_server("127.0.0.1", port, ChatSite.load(SOCKET_URL))
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


def test_page_points_the_widget_at_the_configured_rasa_socket(page_server):
    status, headers, body = fetch(page_server, "/")
    assert status == 200
    assert f'data-socket-url="{SOCKET_URL}"'.encode() in body
    assert "connect-src 'self' http://localhost:5999 ws://localhost:5999" in headers["content-security-policy"]


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


def test_the_host_header_never_reaches_the_policy_or_the_page(page_server):
    for host in ("evil.example; script-src *", "evil.example:5999", "[::1"):
        status, headers, body = fetch(page_server, "/", host=host)
        assert status == 200
        assert "evil" not in headers["content-security-policy"] and b"evil" not in body
        assert f'data-socket-url="{SOCKET_URL}"'.encode() in body


def test_widget_bundle_is_served_without_its_outside_font_import(page_server):
    assert WIDGET.exists(), "rasa-webchat is not installed: run `make install`"
    assert b"fonts.googleapis.com" in WIDGET.read_bytes()
    status, headers, body = fetch(page_server, "/vendor/rasa-webchat.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert b"@import url(http" not in body and b"fonts.googleapis.com/css" not in body


def test_the_socket_url_comes_from_the_settings():
    assert Settings().chat_socket_url == "http://localhost:5005"
    assert Settings(cors_origin="http://127.0.0.1:8123", rasa_port=5123).chat_socket_url == "http://127.0.0.1:5123"
    assert Settings(socket_url="https://chat.library.example/").chat_socket_url == "https://chat.library.example"
    site = ChatSite.load("https://chat.library.example/")
    assert b'data-socket-url="https://chat.library.example"' in site.page()
