"""The guided interview in `make shell` (Rasa's console), through a pseudo-terminal.

The console shows a message's buttons as numbered options ("8) Rare books",
rasa_project/channels/shell_buttons.py): typing the number, or moving with the
arrow keys, then Enter picks one. The interview is answered both ways.
"""
from __future__ import annotations

import os
import re
import select
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from actions.answers import program_title, usd
from actions.guided.prompts import BUDGET_CHOICES_USD, question_answer
from actions.slots import INTEREST, ROLE
from rasa_project.launcher import quiet_environment
from tests.e2e.test_shell import ANSI, Terminal
from tests.support.interview import CHOICES, COMPARE, START, TOPIC, expected_shortlist, question_line, topic_button_title
from tests.support.net import free_port

pytestmark = pytest.mark.servers

DOWN, ENTER = "\x1b[B", "\r"
ANSWER_SECONDS = 90.0


def seen_since(terminal: Terminal, mark: int, pattern: str, timeout: float = ANSWER_SECONDS) -> str:
    """The plain text written after bookmark ``mark`` once it matches ``pattern``; fails after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        plain = ANSI.sub("", terminal.screen[mark:])
        if re.search(pattern, plain):
            return plain
        ready, _, _ = select.select([terminal.fd], [], [], 0.5)
        if ready:
            try:
                terminal.screen += os.read(terminal.fd, 65536).decode("utf-8", "replace")
            except OSError:
                break
    raise AssertionError(f"{pattern!r} not seen; screen ends with:\n{ANSI.sub('', terminal.screen[mark:])[-2000:]}")


def last_prompt(terminal: Terminal, mark: int, heading: str) -> str:
    """The newest whole choice prompt starting with ``heading`` written after ``mark`` (waits for it)."""
    pattern = re.escape(heading) + r"[\s\S]*?Type out your own message"
    return re.findall(pattern, seen_since(terminal, mark, pattern))[-1]


def option_number(screen: str, title: str) -> int:
    """The number the console shows for the option titled exactly ``title``."""
    found = re.search(rf"(\w)\) {re.escape(title)}(?:\s|$)", screen)
    assert found, f"no numbered option {title!r} on screen:\n{screen[-2000:]}"
    return int(found.group(1)) if found.group(1).isdigit() else 0


def type_line(terminal: Terminal, text: str) -> int:
    """Type ``text`` and Enter at the console's input prompt; returns a bookmark taken before."""
    mark = len(terminal.screen)
    terminal.type(text + ENTER)
    return mark


def echo_of(title: str) -> str:
    """The console's echo of the answer picked: the question, then the option's title (not "8) title")."""
    return rf"(?<!\)) {re.escape(title)}\s"


def pick(terminal: Terminal, screen: str, title: str) -> int:
    """Move down to the numbered option ``title`` and press Enter; returns a bookmark taken before."""
    number = option_number(screen, title)
    mark = len(terminal.screen)
    terminal.type(DOWN * (number - 1))
    terminal.type(ENTER)
    seen_since(terminal, mark, echo_of(title))
    return mark


@pytest.fixture
def shell(model_path: Path, tmp_path: Path) -> Iterator[Terminal]:
    """`make shell` on a pseudo-terminal, with its own servers on free ports."""
    env = {**quiet_environment(), "RASA_PORT": str(free_port()), "ACTION_PORT": str(free_port()),
           "MLIS_ADVISOR_MODEL": str(model_path), "TRACKER_DB": str(tmp_path / "shell.db"),
           "MLIS_ADVISOR_LOG_DIR": str(tmp_path), "TERM": "xterm"}
    terminal = Terminal([sys.executable, "-m", "rasa_project.launcher", "shell"], env)
    try:
        terminal.expect(r"Your input ->")
        yield terminal
    finally:
        terminal.close()


def test_shell_interview_offers_numbered_options_and_picking_them_ends_in_a_shortlist(shell, kb):
    topic_id = kb.resolve("topic", TOPIC)
    assert topic_id, f"the knowledge base names the topic {TOPIC!r}"
    shortlist = expected_shortlist(kb, topic_id)
    assert len(shortlist) >= 2, "enough programs for the comparison option"
    assert all(rec.cost.tuition is not None for rec in shortlist), "the totals checked below come from the article"

    mark = type_line(shell, START)
    for slot, title in CHOICES:
        offered = [b.title for b in question_answer(slot, kb).buttons]
        screen = last_prompt(shell, mark, question_line(slot, kb))
        assert [option_number(screen, t) for t in offered] == list(range(1, len(offered) + 1)), \
            f"the {slot} question lists its choices as numbered options"
        mark = pick(shell, screen, title or topic_button_title(kb, topic_id))

    screen = last_prompt(shell, mark, "Your shortlist")
    for rec in shortlist:
        assert rec.program.name in screen
        assert f"plan for {usd(rec.cost.tuition.certificate_total_usd)} in tuition" in screen
    assert f"That fits your budget of {usd(max(BUDGET_CHOICES_USD))}" in screen
    positions = [screen.index(f". {rec.program.name}") for rec in shortlist]
    assert positions == sorted(positions), "the shortlist is shown in ranked order"
    for rec in shortlist:
        option_number(screen, rec.program.name)

    mark = pick(shell, screen, COMPARE)

    first, second = shortlist[0], shortlist[1]
    screen = seen_since(shell, mark, re.escape(f"{program_title(first.program, first.provider)} vs "
                                               f"{program_title(second.program, second.provider)}"))
    for rec in (first, second):
        assert f"{usd(rec.cost.tuition.certificate_total_usd)} total" in screen


def test_typing_an_options_number_in_the_shell_picks_that_option(shell, kb):
    title = topic_button_title(kb, kb.resolve("topic", TOPIC))
    first = question_answer(INTEREST, kb).buttons[0].title
    mark = type_line(shell, START)
    screen = seen_since(shell, mark, r"Type out your own message")
    number = option_number(screen, title)
    assert number > 1, "an option other than the highlighted first one"

    mark = len(shell.screen)
    shell.type(str(number) + ENTER)

    echoed = seen_since(shell, mark, question_line(ROLE, kb))
    assert re.search(echo_of(title), echoed), f"picked something else:\n{echoed[-1500:]}"
    assert not re.search(echo_of(first), echoed), "the highlighted first option was not taken instead"
