"""Reading the interview's answers and writing the shortlist (actions.guided_answers), without servers."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from actions import guided_answers as words
from actions.guided_answers import (
    SKIPPED,
    RoleAnswer,
    parse_budget,
    parse_coding,
    parse_enrollment,
    parse_interest,
    parse_role,
    parse_travel,
)
from actions.slots import BUDGET, CODING, ENROLLED, INTEREST, QUESTIONS, ROLE, TRAVEL
from knowledge.recommend import LearnerProfile, recommend
from tests.guided_advice.test_recommend import DATA_SCIENCE_NEWCOMER, ONLINE_ARCHIVIST, RARE_BOOKS_CURATOR

ROOT = Path(__file__).resolve().parents[2]
CITATION = 'Jennifer A. Dixon, "After the MLIS", Library Journal'


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
        ("I finished library school but haven't worked yet", RoleAnswer(words.NOT_WORKING_YET, 0)),
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


@pytest.mark.parametrize("slot", QUESTIONS)
def test_every_question_has_buttons_and_a_not_sure_skip(kb, slot):
    question = words.question_answer(slot, kb)
    assert question.text.endswith(("?", ".", ").", '".'))
    assert question.buttons[-1].title == "Not sure" and question.buttons[-1].payload == "/skip"


def test_the_enrolment_question_offers_every_school_in_the_knowledge_base(kb):
    payloads = [b.payload for b in words.question_answer(ENROLLED, kb).buttons]
    for provider in kb.providers:
        assert f'/inform_enrollment{{"institution":"{provider.id}"}}' in payloads


def test_the_interest_question_offers_knowledge_base_topics(kb):
    buttons = words.question_answer(INTEREST, kb).buttons[:-1]
    assert 0 < len(buttons) <= words.MAX_TOPIC_BUTTONS
    for button in buttons:
        topic_id = re.search(r'"topic":"([^"]+)"', button.payload).group(1)
        assert kb.resolve("topic", topic_id) == topic_id


def test_the_curators_shortlist_states_totals_travel_and_the_budget(kb):
    profile = RARE_BOOKS_CURATOR
    answers = {INTEREST: "topic:rare-books", ROLE: "rare books curator", CODING: "none", TRAVEL: "yes",
               BUDGET: 6500, ENROLLED: "no"}
    answer = words.shortlist_answer(recommend(kb, profile), profile, answers, kb, CITATION)
    text = answer.text
    assert text.index("1. Professional Certificate in Rare Books and Manuscripts") < text.index("2. Rare Book School")
    assert "plan for $6,000 in tuition (5 courses × $1,200" in text
    assert "plan for $6,975 in tuition (5 courses × $1,395, the price for most in-person courses at RBS)" in text
    assert "plus travel to attend a course, for which the article gives no figure" in text
    assert "may cover tuition, never travel to attend a course" in text
    assert "the certificate's tuition ($6,975) is over your budget, though a single course ($1,395) fits" in text
    assert "budget $6,500" in text and "rare books curator (6 years in the field)" in text
    assert text.endswith(f"Source: {CITATION}.")
    payloads = [b.payload for b in answer.buttons]
    assert '/ask_program_details{"program":"calrbs-rare-books-manuscripts"}' in payloads
    assert "/compare_programs" in payloads and "/reset_shortlist" in payloads


def test_the_newcomers_shortlist_gives_steps_and_says_the_price_is_unknown(kb):
    profile = DATA_SCIENCE_NEWCOMER
    answers = {INTEREST: "topic:data-science", ROLE: "reference librarian", CODING: "none", TRAVEL: SKIPPED,
               BUDGET: SKIPPED, ENROLLED: "no"}
    text = words.shortlist_answer(recommend(kb, profile), profile, answers, kb, CITATION).text
    assert "unknown: the article gives no price, so check with the school (University of Arizona, School of Information)" in text
    assert "Not eligible for traditional financial aid" in text
    assert "To prepare:" in text and "1) If you have no coding experience, take a few undergraduate" in text
    assert "$" not in text.split("Your answers:")[0], "no price is invented"


def test_the_online_archivists_shortlist_says_delivery_is_not_stated_and_where_to_look(kb):
    profile = ONLINE_ARCHIVIST
    answers = {INTEREST: "topic:archives", ROLE: "archivist", CODING: "some", TRAVEL: "no", BUDGET: SKIPPED,
               ENROLLED: SKIPPED}
    text = words.shortlist_answer(recommend(kb, profile), profile, answers, kb, CITATION).text
    assert text.count("the article does not say whether this program can be taken online") == 2
    assert "24 of the 39 American Library Association-accredited programs" in text
    assert "ALA's database of accredited programs" in text


def test_an_online_learner_is_told_what_the_article_does_say_about_in_person_rare_book_courses(kb):
    profile = replace(RARE_BOOKS_CURATOR, can_travel=False)
    rbs = recommend(kb, profile)[1]
    warning = words.warning_text("delivery_unknown", rbs)
    assert "Its price is quoted for most in-person courses at RBS." in warning
    assert "travel to attend a course among the costs" in warning


def test_an_empty_shortlist_says_so_and_points_to_ala(kb):
    answers = {slot: SKIPPED for slot in QUESTIONS}
    nothing = words.shortlist_answer((), LearnerProfile(), answers, kb, CITATION)
    assert "nothing to rank" in nothing.text
    no_program = words.shortlist_answer((), LearnerProfile(topics=("leadership",)), answers, kb, CITATION)
    assert "names no certificate for leadership and management" in no_program.text
    assert "ALA's database" in no_program.text


def test_asking_for_the_shortlist_too_early_says_how_far_the_questions_got():
    assert "answered 2 of 6 questions" in words.no_shortlist_yet_answer(2, 6).text
    assert words.no_shortlist_yet_answer(0, 6).buttons[0].payload == "/start_guided_advice"


def test_a_changed_answer_is_acknowledged_in_words(kb):
    assert words.correction_text(BUDGET, 3000, kb) == "Got it, I've noted that: budget $3,000."
    assert words.correction_text(ENROLLED, "sjsu", kb) == "Got it, I've noted that: enrolled at San José State University."
    assert words.correction_text(TRAVEL, "no", kb) == "Got it, I've noted that: online only."


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
        ("skip", lambda text, kb: SKIPPED if words.is_skip(text) else None),
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
    parser = {CODING: words.parse_coding, TRAVEL: words.parse_travel, BUDGET: words.parse_budget}[slot]
    assert parser(typed) == expected


@pytest.mark.parametrize("typed", ["undecided", "no opinion", "still deciding", "next"])
def test_undecided_answers_skip(typed):
    assert words.is_skip(typed)


@pytest.mark.parametrize(
    "typed, role",
    [("cataloger, a few years", RoleAnswer("cataloger", 3)),
     ("a couple of years as a school librarian", RoleAnswer("school librarian", 2))],
)
def test_roles_with_years_in_words(typed, role):
    assert words.parse_role(typed) == role
