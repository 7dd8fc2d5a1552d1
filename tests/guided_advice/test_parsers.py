"""Reading the interview's answers (actions.guided.parsers), without servers."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from actions.guided.parsers import NOT_WORKING_YET, SKIPPED, RoleAnswer, is_skip
from actions.guided.parsers import parse_budget, parse_coding, parse_enrollment, parse_interest, parse_role, parse_travel
from actions.slots import BUDGET, CODING, TRAVEL

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "typed, dollars",
    [
        ("$3,000", 3000), ("3000 dollars", 3000), ("3k", 3000), ("3.5k", 3500), ("actually my budget is $3,000", 3000),
        ("five thousand dollars", 5000), ("between 2000 and 5000", 5000), ("about $2,500 total", 2500), (3000, 3000),
        ("no budget", SKIPPED), ("not sure", SKIPPED), ("no limit", SKIPPED), ("none", SKIPPED),
        ("money is no object", SKIPPED),
        ("lots of money", None), ("hmm", None), (-5, None), (True, None),
    ],
)
def test_budget_answers_become_whole_dollars_skipped_or_unreadable(typed, dollars):
    assert parse_budget(typed) == dollars


@pytest.mark.parametrize(
    "typed, level",
    [
        ("none", "none"), ("no", "none"), ("I've never written code", "none"), ("I don't code", "none"),
        ("I know a little HTML", "some"), ("no, just a bit of html", "some"), ("not very comfortable", "some"),
        ("I'm comfortable with programming", "comfortable"), ("I'm a confident programmer", "comfortable"),
        ("not sure", SKIPPED), ("yes", None), ("banana", None),
    ],
)
def test_coding_answers_become_none_some_or_comfortable(typed, level):
    assert parse_coding(typed) == level


@pytest.mark.parametrize(
    "typed, travel",
    [
        ("I can travel", "yes"), ("in person is fine", "yes"), ("yes", "yes"), ("happy to travel", "yes"),
        ("online only please", "no"), ("I can't travel", "no"), ("I must stay online", "no"), ("no", "no"),
        ("I need online courses, can't travel", "no"), ("a week in Charlottesville is fine, travel is ok", "yes"), ("no problem, I can travel", "yes"), ("nope", "no"),
        ("travel is possible for me", "yes"), ("I can travel but remote is fine too", "yes"),
        ("travel isn't possible for me", "no"), ("I have to do it remotely", "no"),
        ("I could fly out for a week", "yes"), ("I can't fly anywhere, online only", "no"),
        ("not sure", SKIPPED), ("banana", None),
    ],
)
def test_travel_answers_become_yes_or_online_only(typed, travel):
    assert parse_travel(typed) == travel


@pytest.mark.parametrize(
    "typed, named, enrolled",
    [
        ("I'm a student at SJSU", ["sjsu"], "sjsu"), ("sjsu", [], "sjsu"), ("no", [], "no"),
        ("I'm not enrolled anywhere", [], "no"), ("yes, at Simmons", [], "other"), ("Simmons University", [], "other"),
        ("other", [], "other"), ("yes", [], "yes"), ("no idea", [], SKIPPED), ("hello", [], None),
        ("no, I already graduated from SJSU so I'm not enrolled anywhere", ["sjsu"], "no"),
        ("I finished at SJSU years ago", ["sjsu"], "no"),
    ],
)
def test_enrolment_answers_name_a_school_no_or_another_school(kb, typed, named, enrolled):
    assert parse_enrollment(typed, named, kb) == enrolled


@pytest.mark.parametrize(
    "typed, role",
    [
        ("metadata librarian, 8 years", RoleAnswer("metadata librarian", 8)),
        ("I'm a cataloger with 5 years of experience", RoleAnswer("cataloger", 5)),
        ("I have been a reference librarian for eight years", RoleAnswer("reference librarian", 8)),
        ("rare books curator", RoleAnswer("rare books curator", None)),
        ("8 years", RoleAnswer(SKIPPED, 8)),
        ("systems librarian here, been doing it 4 years", RoleAnswer("systems librarian", 4)),
        ("I finished library school but haven't worked yet", RoleAnswer(NOT_WORKING_YET, 0)),
        ("I just graduated", RoleAnswer(SKIPPED, 0)),
        ("skip", SKIPPED), ("no", None), ("hmm", None), ("why do you need that?", None), ("am I talking to a human", None),
    ],
)
def test_role_answers_give_the_role_and_years_in_the_field(typed, role):
    assert parse_role(typed) == role


def test_stored_answers_read_back_to_themselves(kb):
    assert parse_budget(3000) == 3000
    for level in ("none", "some", "comfortable"):
        assert parse_coding(level) == level
    assert parse_travel("yes") == "yes" and parse_travel("no") == "no"
    assert parse_enrollment("sjsu", [], kb) == "sjsu" and parse_enrollment("other", [], kb) == "other"
    assert parse_role("metadata librarian") == RoleAnswer("metadata librarian", None)
    assert parse_interest("topic:data-science,goal:move-up", [], [], kb) == "topic:data-science,goal:move-up"


def test_interest_comes_from_the_names_found_in_the_message(kb):
    assert parse_interest("data science to move up", ["data-science"], ["move-up"], kb) == "topic:data-science,goal:move-up"
    assert parse_interest("rare-books", [], [], kb) == "topic:rare-books"
    assert parse_interest("Archival Studies", [], [], kb) == "topic:archives"


def test_an_interest_the_article_does_not_cover_is_not_accepted(kb):
    assert parse_interest("astrophysics", [], [], kb) is None
    assert parse_interest("topic:astrophysics", [], [], kb) is None
    assert parse_interest("no idea", [], [], kb) == SKIPPED


def _training_examples(intent: str):
    data = yaml.safe_load((ROOT / "rasa_project" / "data" / "nlu" / "guided_advice.yml").read_text(encoding="utf-8"))
    block = next(item for item in data["nlu"] if item.get("intent") == intent)
    return [line.strip()[2:] for line in block["examples"].splitlines() if line.strip()]


def _schools_named(text: str, kb):
    return [p.id for p in kb.providers
            if any(re.search(rf"\b{re.escape(name.lower())}\b", text.lower()) for name in (p.name, *p.aliases))]


@pytest.mark.parametrize(
    "intent, read",
    [
        ("inform_budget", lambda text, kb: parse_budget(text)),
        ("inform_coding", lambda text, kb: parse_coding(text)),
        ("inform_travel", lambda text, kb: parse_travel(text)),
        ("inform_role", lambda text, kb: parse_role(text)),
        ("inform_enrollment", lambda text, kb: parse_enrollment(text, _schools_named(text, kb), kb)),
        ("skip", lambda text, kb: SKIPPED if is_skip(text) else None),
    ],
)
def test_every_training_example_of_an_answer_intent_can_be_read(kb, intent, read):
    unreadable = [text for text in _training_examples(intent) if read(text, kb) is None]
    assert unreadable == []


@pytest.mark.parametrize(
    "slot, typed, expected",
    [
        (CODING, "intermediate", "some"), (CODING, "very little", "some"), (CODING, "nada", "none"),
        (CODING, "I'm not a coder", "none"), (CODING, "I know JavaScript quite well", "comfortable"),
        (TRAVEL, "I prefer online", "no"), (TRAVEL, "virtual only", "no"), (TRAVEL, "I'd prefer not to travel", "no"),
        (TRAVEL, "can't get away from work", "no"), (TRAVEL, "I can't afford to travel", "no"),
        (TRAVEL, "I could drive to LA", "yes"),
        (BUDGET, "a couple thousand", 2000), (BUDGET, "a few hundred", 300),
        (BUDGET, "my employer will pay for all of it", SKIPPED), (BUDGET, "doesn't matter", SKIPPED),
    ],
)
def test_everyday_answers_are_read(slot, typed, expected):
    parser = {CODING: parse_coding, TRAVEL: parse_travel, BUDGET: parse_budget}[slot]
    assert parser(typed) == expected


@pytest.mark.parametrize("typed", ["undecided", "no opinion", "still deciding", "next"])
def test_undecided_answers_skip(typed):
    assert is_skip(typed)


@pytest.mark.parametrize(
    "typed, role",
    [("cataloger, a few years", RoleAnswer("cataloger", 3)),
     ("a couple of years as a school librarian", RoleAnswer("school librarian", 2))],
)
def test_roles_with_years_in_words(typed, role):
    assert parse_role(typed) == role


def test_a_school_named_in_a_no_is_not_taken_as_where_the_learner_is_enrolled(kb):
    from actions.guided.turn_reading import check_answer
    from actions.slots import ENROLLED

    text = "no, I already graduated from SJSU so I'm not enrolled anywhere"
    message = {"text": text, "entities": [{"entity": "institution", "value": "sjsu"}]}
    assert check_answer(ENROLLED, "sjsu", message, kb).values == {ENROLLED: "no"}
    message = {"text": "I'm a student at SJSU", "entities": [{"entity": "institution", "value": "sjsu"}]}
    assert check_answer(ENROLLED, "sjsu", message, kb).values == {ENROLLED: "sjsu"}


def test_both_certificates_is_no_travel_answer():
    assert parse_travel("and both full certificates") is None
    assert parse_travel("both") == "yes"
