"""`make run` (the launcher's run mode) serves the chat page, prints its address, listens on loopback only, and stops cleanly."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from rasa_project.launcher import ROOT, quiet_environment
from tests.support.net import free_port, listening_addresses
from tests.support.servers import read_until
from tests.web.widget import ChatWidget

pytestmark = pytest.mark.servers

START_TIMEOUT_S = 240


def test_make_run_prints_the_chat_page_and_the_page_talks_to_the_advisor(tmp_path, model_path, page):
    web_port, rasa_port, action_port = free_port(), free_port(), free_port()
    env = {
        **quiet_environment(),
        "RASA_PORT": str(rasa_port), "ACTION_PORT": str(action_port), "WEB_PORT": str(web_port),
        "MLIS_ADVISOR_MODEL": str(model_path), "TRACKER_DB": str(tmp_path / "conversations.db"),
        "MLIS_ADVISOR_LOG_DIR": str(tmp_path),
    }
    for variable in ("CHAT_PAGE_ORIGIN", "CHAT_SOCKET_URL", "RASA_HOST", "ACTION_HOST", "WEB_HOST"):
        env.pop(variable, None)  # the defaults: origin follows WEB_PORT, every server on loopback
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa_project.launcher", "run"], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        printed = read_until(process, "Press Ctrl-C", START_TIMEOUT_S)
        page_url = f"http://localhost:{web_port}/"
        assert f"Chat page: {page_url}" in printed, printed
        for port in (rasa_port, action_port, web_port):
            assert listening_addresses(port) == ["127.0.0.1"], (port, listening_addresses(port))

        chat = ChatWidget(page).open(page_url)
        expect(chat.answers.first).to_contain_text("Try:")
        chat.ask("what can you do?")
        chat.expect_answer("I can:")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)
    assert process.returncode == 0
