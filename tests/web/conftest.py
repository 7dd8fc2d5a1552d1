"""Real servers for the chat page (action server, Rasa with socket.io, the page server) and real Chromium.

Debian's Chromium (``apt-get install chromium``, done by .ci/run) is driven through
Playwright; no browser is downloaded. The servers are started once for these
tests, on free loopback ports, with the page's origin as the only one Rasa
admits; the tests that stop a server start it again before they end.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator, List

import pytest
import yaml

from rasa_project.launcher import ROOT, Server, Settings, action_server, rasa_server, web_server
from tests.support.net import free_port

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# No background networking: without these flags Chromium calls outside hosts on its own.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
WIDGET = ROOT / "rasa_project" / "web" / "node_modules" / "rasa-webchat" / "lib" / "index.js"
SOCKETIO_CHANNEL = "rasa_project.channels.socketio.AdvisorSocketIOInput"
# The apology is bot text the tests can choose: it carries markup that must stay text.
HOSTILE_APOLOGY = (
    'Sorry, I can\'t reach my knowledge base right now. <img src=x onerror="window.pwned=2"> '
    "**Please try again** in a minute. [Details](javascript:window.pwned=3) "
    "[Status page](https://status.library.example/)"
)


class ChatSite:
    """The three servers behind the chat page, which tests may stop and start again."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.actions: Server = action_server(settings)
        self.rasa: Server = rasa_server(settings)
        self.web: Server = web_server(settings)

    @property
    def page_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.web_port}/"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.settings.web_port}"

    def start(self) -> "ChatSite":
        servers: List[Server] = [self.actions.start(), self.rasa.start(), self.web.start()]
        try:
            for server in servers:
                server.wait_until_ready()
        except Exception:
            self.stop()
            raise
        return self

    def restart_rasa(self) -> None:
        self.rasa = rasa_server(self.settings).start()
        self.rasa.wait_until_ready()

    def restart_actions(self) -> None:
        self.actions = action_server(self.settings).start()
        self.actions.wait_until_ready()

    def stop(self) -> None:
        for server in (self.web, self.rasa, self.actions):
            server.stop()


def credentials_with_apology(path: Path) -> Path:
    """The project's channel settings, with ``HOSTILE_APOLOGY`` as the socket.io apology."""
    channels = yaml.safe_load((ROOT / "rasa_project" / "credentials.yml").read_text(encoding="utf-8"))
    channels[SOCKETIO_CHANNEL] = {**(channels.get(SOCKETIO_CHANNEL) or {}), "apology": HOSTILE_APOLOGY}
    path.write_text(yaml.safe_dump(channels, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def chat_site(tmp_path_factory: pytest.TempPathFactory, model_path: Path) -> Iterator[ChatSite]:
    if not WIDGET.exists():
        pytest.fail("rasa-webchat is not installed: run `make install` (npm ci in rasa_project/web).")
    run_dir = tmp_path_factory.mktemp("chat-site")
    web_port = free_port()
    origin = f"http://127.0.0.1:{web_port}"
    settings = Settings(
        rasa_port=free_port(),
        action_port=free_port(),
        web_port=web_port,
        model=model_path,
        tracker_db=run_dir / "conversations.db",
        credentials=credentials_with_apology(run_dir / "credentials.yml"),
        cors_origin=origin,
        log_dir=run_dir,
        extra_env={"CHAT_PAGE_ORIGIN": origin},
    )
    site = ChatSite(settings).start()
    try:
        yield site
    finally:
        site.stop()


# Per module: Playwright's sync API keeps an event loop running while it is open, which
# would stop async tests in later modules from starting theirs.
@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: `apt-get install chromium` (.ci/run does).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium) -> Iterator[object]:
    """A fresh browser tab (its own storage) at desktop size."""
    context = chromium.new_context(viewport={"width": 1000, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()
