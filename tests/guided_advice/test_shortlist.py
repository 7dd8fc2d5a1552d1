"""Writing the shortlist (actions.guided.shortlist), without servers."""
from __future__ import annotations

from dataclasses import replace

from actions.guided.parsers import SKIPPED
from actions.guided.shortlist import no_shortlist_yet_answer, shortlist_answer, warning_text
from actions.slots import BUDGET, CODING, ENROLLED, INTEREST, QUESTIONS, ROLE, TRAVEL
from knowledge.recommend import LearnerProfile, recommend
from tests.guided_advice.test_recommend import DATA_SCIENCE_NEWCOMER, ONLINE_ARCHIVIST, RARE_BOOKS_CURATOR

CITATION = 'Jennifer A. Dixon, "After the MLIS", Library Journal'


def test_the_curators_shortlist_states_totals_travel_and_the_budget(kb):
    profile = RARE_BOOKS_CURATOR
    answers = {INTEREST: "topic:rare-books", ROLE: "rare books curator", CODING: "none", TRAVEL: "yes",
               BUDGET: 6500, ENROLLED: "no"}
    answer = shortlist_answer(recommend(kb, profile), profile, answers, kb, CITATION)
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
    text = shortlist_answer(recommend(kb, profile), profile, answers, kb, CITATION).text
    assert "unknown: the article gives no price, so check with the school (University of Arizona, School of Information)" in text
    assert "Not eligible for traditional financial aid" in text
    assert "To prepare:" in text and "1) If you have no coding experience, take a few undergraduate" in text
    assert "$" not in text.split("Your answers:")[0], "no price is invented"


def test_the_online_archivists_shortlist_says_delivery_is_not_stated_and_where_to_look(kb):
    profile = ONLINE_ARCHIVIST
    answers = {INTEREST: "topic:archives", ROLE: "archivist", CODING: "some", TRAVEL: "no", BUDGET: SKIPPED,
               ENROLLED: SKIPPED}
    text = shortlist_answer(recommend(kb, profile), profile, answers, kb, CITATION).text
    assert text.count("the article does not say whether this program can be taken online") == 2
    assert "24 of the 39 American Library Association-accredited programs" in text
    assert "ALA's database of accredited programs" in text


def test_an_online_learner_is_told_what_the_article_does_say_about_in_person_rare_book_courses(kb):
    profile = replace(RARE_BOOKS_CURATOR, can_travel=False)
    rbs = recommend(kb, profile)[1]
    warning = warning_text("delivery_unknown", rbs)
    assert "Its price is quoted for most in-person courses at RBS." in warning
    assert "travel to attend a course among the costs" in warning


def test_an_empty_shortlist_says_so_and_points_to_ala(kb):
    answers = {slot: SKIPPED for slot in QUESTIONS}
    nothing = shortlist_answer((), LearnerProfile(), answers, kb, CITATION)
    assert "nothing to rank" in nothing.text
    no_program = shortlist_answer((), LearnerProfile(topics=("leadership",)), answers, kb, CITATION)
    assert "names no certificate for leadership and management" in no_program.text
    assert "ALA's database" in no_program.text


def test_asking_for_the_shortlist_too_early_says_how_far_the_questions_got():
    assert "answered 2 of 6 questions" in no_shortlist_yet_answer(2, 6).text
    assert no_shortlist_yet_answer(0, 6).buttons[0].payload == "/start_guided_advice"
