"""The blind newcomer conversations, end to end over REST against the real trained advisor.

``measure.yml`` was written (on 2026-12-02) by someone who had read only the article, the README and
the set format, never the training data, tests or code; nobody tuning the advisor reads it or its errors.
The report (per category: correct, honest unknown, clarifying question, miss, wrong)
is written outside the repository (``tests/newcomers/judge.py``: ``output_dir``).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.newcomers.judge import judge, load_set, output_dir, run_set

pytestmark = pytest.mark.servers

HERE = Path(__file__).parent
# Targets of the newcomer-questions issue: no answer about a program the user did not
# mean, and correct answers plus honest unknowns for at least this share of the turns.
SUCCESS_TARGET = 0.95
# Where the advisor stands today, with the model `make test` trains: falling below is a regression.
SUCCESS_FLOOR = 0.90  # today 0.943
WRONG_PROGRAM_CEILING = 10  # today 4; training is not bit-for-bit repeatable across machines
NOT_YET = "the newcomer-questions target is not reached yet (see docs/understanding.md)"


@pytest.fixture(scope="module")
def measured(advisor, kb):
    report = run_set(load_set(HERE / "measure.yml"), advisor.rasa_url, kb)
    path = report.write(output_dir(), "measure")
    print(f"\n{report.summary()}\nreport: {path}")
    return report


def test_the_measuring_set_is_large_enough_and_varied():
    conversations = load_set(HERE / "measure.yml")
    turns = [turn for conversation in conversations for turn in conversation["turns"]]
    assert len(turns) >= 250
    assert sum(1 for conversation in conversations if len(conversation["turns"]) > 1) >= 40


# Failures show counts only: whoever tunes the advisor must not see which turns of this set fail
# (the turns and replies are in the report outside the repository).
def test_wrong_program_answers_do_not_grow(measured):
    assert measured.wrong_program <= WRONG_PROGRAM_CEILING, f"{measured.wrong_program} wrong-program answers"


def test_correct_answers_and_honest_unknowns_do_not_fall(measured):
    assert measured.success_rate >= SUCCESS_FLOOR, f"{measured.success_rate:.3f}"


@pytest.mark.xfail(strict=True, reason=NOT_YET)
def test_no_answer_is_about_a_program_the_user_did_not_mean(measured):
    assert measured.wrong_program == 0, f"{measured.wrong_program} wrong-program answers"


@pytest.mark.xfail(strict=True, reason=NOT_YET)
def test_correct_answers_and_honest_unknowns_reach_the_target(measured):
    assert measured.success_rate >= SUCCESS_TARGET, f"{measured.success_rate:.3f}"


def test_the_judge_tells_a_wrong_program_from_a_clarifying_question(kb):
    turn = {"user": "how much is the NLP certificate?", "expect": "unknown", "about": ["arizona-nlp"]}
    wrong = judge(turn, "Rare Book School Certificate of Completion: $1,395 per course.", kb)
    asking = judge(turn, "Which certificate do you mean?", kb)
    honest = judge(turn, "The article does not say what it costs for the Natural Language Processing Graduate Certificate.", kb)
    assert (wrong.outcome, wrong.wrong_program) == ("wrong", ["rbs-certificate"])
    assert asking.outcome == "clarify"
    assert honest.outcome == "correct"
