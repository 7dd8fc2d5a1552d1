"""The report on a real SQLite store filled by real REST conversations with the trained advisor."""
from __future__ import annotations

import re
from html import escape
import uuid
from pathlib import Path
from typing import Dict, List

import pytest

from rasa_project.launcher import start_all, stop_all
from tests.report.test_report_stores import read_table, run_report
from tests.support.net import RestClient
from tests.support.servers import settings_in

OUT_OF_SCOPE_QUESTION = "what is the weather in tucson today"
NOT_GIVEN_QUESTION = "how long do Arizona courses last?"
LEFT_CLARIFICATION = "what should I learn first for the arizona certificate?"
RESOLVED_CLARIFICATION = "what does it cost?"
HOSTILE = '<script>alert("x")</script> what is the weather on mars'


@pytest.fixture(scope="module")
def own_advisor(tmp_path_factory: pytest.TempPathFactory, model_path: Path):
    """Servers with a store of their own: the shared advisor's store holds every other test's conversations."""
    settings = settings_in(tmp_path_factory.mktemp("report-store"), model_path)
    servers = start_all(settings)
    try:
        yield settings
    finally:
        stop_all(servers)


@pytest.fixture(scope="module")
def report(own_advisor, tmp_path_factory: pytest.TempPathFactory):
    """Five people talk to the advisor, then the maintainer runs the report on its store."""
    advisor = own_advisor
    senders: List[str] = []

    def person() -> RestClient:
        client = RestClient(advisor.rasa_url, f"report-{uuid.uuid4().hex[:10]}")
        senders.append(client.sender)
        return client

    assert "outside what I know" in person().say_text(OUT_OF_SCOPE_QUESTION)
    assert "does not say" in person().say_text(NOT_GIVEN_QUESTION)
    assert "Which one do you mean" in person().say_text(LEFT_CLARIFICATION)  # and leaves
    resolved = person()
    assert "Which school's certificate" in resolved.say_text(RESOLVED_CLARIFICATION)
    assert "$1,395" in resolved.say_text('/ask_cost{"institution":"rbs"}')
    interview = person()
    interview.say_text("help me choose a certificate")
    assert "current role" in interview.say_text("rare books")  # and leaves at the role question
    assert "outside what I know" in person().say_text(HOSTILE)

    result = run_report(advisor.tracker_db, tmp_path_factory.mktemp("report"))
    assert result.returncode == 0, result.stderr
    page = Path(result.stdout.split()[0])
    return page, senders


def rows(page: Path, table: str, **match: str) -> List[Dict[str, str]]:
    return [row for row in read_table(page, table) if all(row[k] == v for k, v in match.items())]


def test_an_out_of_scope_question_is_listed_with_the_users_words(report):
    page, _ = report
    assert rows(page, "fallbacks", kind="out of scope", question=OUT_OF_SCOPE_QUESTION)


def test_the_article_does_not_say_names_the_attribute_and_each_program(report):
    page, _ = report
    asked = rows(page, "article-does-not-say", attribute="length")
    assert {row["program"] for row in asked} >= {"arizona-archival-studies", "arizona-data-science", "arizona-nlp"}
    assert all(NOT_GIVEN_QUESTION in row["examples"] for row in asked)


def test_a_clarification_left_unanswered_is_listed_and_an_answered_one_is_not(report):
    page, _ = report
    assert rows(page, "unresolved-clarifications", question=LEFT_CLARIFICATION)[0]["asked back about"] == "prerequisites"
    assert not rows(page, "unresolved-clarifications", question=RESOLVED_CLARIFICATION)


def test_the_interview_abandoned_at_the_role_question_is_counted_there(report):
    page, _ = report
    assert int(rows(page, "interview-stopped", question="advice_role")[0]["interviews"]) >= 1
    funnel = {row["step"]: int(row["interviews"]) for row in read_table(page, "interview-funnel")}
    assert funnel["reached: advice_role"] >= 1 and funnel["started"] >= funnel["completed (shortlist shown)"] + 1


def test_what_people_ask_about_and_where(report):
    page, _ = report
    assert rows(page, "entities", kind="institution", value="rbs")
    assert int(rows(page, "conversations-per-channel", channel="rest")[0]["conversations"]) >= 6
    assert rows(page, "intents", intent="out_of_scope")
    assert rows(page, "attributes", attribute="cost")


def test_sender_ids_are_pseudonymised_and_user_text_is_escaped(report):
    page, senders = report
    html = page.read_text(encoding="utf-8")
    everything = html + "".join(p.read_text(encoding="utf-8") for p in (page.parent / page.stem).glob("*.csv"))
    assert not [sender for sender in senders if sender in everything]
    assert re.search(r"visitor-[0-9a-f]{10}", html)
    assert "<script" not in html.lower() and escape(HOSTILE) in html
    assert "Content-Security-Policy" in html and not re.search(r"(src|href)=\"(https?:)?//", html)
