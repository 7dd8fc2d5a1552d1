"""`make shell`: Rasa's terminal console against the real servers, driven through a pseudo-terminal."""
from __future__ import annotations

import fcntl
import os
import pty
import struct
import termios
import re
import select
import signal
import sys
import time
import urllib.request

import pytest

from rasa_project.launcher import ROOT, quiet_environment
from tests.support.net import free_port

pytestmark = pytest.mark.servers
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal:
    """A child process on a pseudo-terminal, read as plain text."""

    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.chdir(ROOT)
            os.execvpe(argv[0], argv, env)
        # Wide enough that the console's prompt line shows a whole answer.
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 400, 0, 0))
        self.screen = ""

    def expect(self, pattern: str, timeout: float = 120.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            plain = ANSI.sub("", self.screen)
            if re.search(pattern, plain):
                return plain
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if ready:
                try:
                    self.screen += os.read(self.fd, 65536).decode("utf-8", "replace")
                except OSError:
                    break
        raise AssertionError(f"{pattern!r} not seen; screen ends with:\n{ANSI.sub('', self.screen)[-2000:]}")

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode("utf-8"))

    def close(self) -> int:
        """Ctrl-C as a person would type it; signals only if the shell does not end."""
        self.type("\x03")
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None:
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    break
            for _ in range(120):
                finished, status = os.waitpid(self.pid, os.WNOHANG)
                if finished:
                    return status
                time.sleep(0.5)
        return -1


def test_shell_answers_a_cost_question_with_figures(model_path, tmp_path):
    action_port = free_port()
    env = {**quiet_environment(), "RASA_PORT": str(free_port()), "ACTION_PORT": str(action_port),
           "MLIS_ADVISOR_MODEL": str(model_path), "TRACKER_DB": str(tmp_path / "shell.db"),
           "MLIS_ADVISOR_LOG_DIR": str(tmp_path), "TERM": "xterm"}
    terminal = Terminal([sys.executable, "-m", "rasa_project.launcher", "shell"], env)
    try:
        terminal.expect(r"Your input ->")
        terminal.type("how much does the rare book school certificate cost?\r")
        screen = terminal.expect(r"\$6,975")
        assert "$1,395 per course" in screen
        # Follow-up buttons are offered as a numbered choice list.
        terminal.expect(r"1\) What does it cost\?|1\) How can I pay for it\?")
    finally:
        status = terminal.close()
    assert os.WIFEXITED(status), "Ctrl-C ends the shell without a signal"
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{action_port}/health", timeout=2)


def test_shell_choices_show_titles_and_give_back_rasas_payload_form():
    from rasa.cli.utils import FREE_TEXT_INPUT_PROMPT

    from rasa_project.channels.shell_buttons import numbered_choices

    message = {"text": "Which?", "buttons": [{"title": "Rare books", "payload": '/find_certificate{"topic":"rare-books"}'},
                                             {"title": "Not sure", "payload": "/skip"}]}
    choices = numbered_choices(message)
    assert [c.title for c in choices] == ["Rare books", "Not sure", FREE_TEXT_INPUT_PROMPT]
    # The console takes the payload from between the last parentheses of the value.
    assert choices[0].value == '1: Rare books (/find_certificate{"topic":"rare-books"})'
    assert choices[1].value == "2: Not sure (/skip)"
    assert message["buttons"][0]["title"] == "Rare books", "the message is left as it was"
