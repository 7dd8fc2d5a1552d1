"""The ranking (knowledge.recommend) on hand-made learner profiles, with the real knowledge base.

Each profile is a learner the issue describes. The expected order follows from the
scoring in the module docstring; the costs and warnings follow from the article.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from knowledge import load_knowledge_base
from knowledge.knowledge_base import PATHWAY_SCORE, TOPIC_SCORE
from knowledge.recommend import (
    CODING_UNKNOWN,
    DELIVERY_UNKNOWN,
    ENROLLED_SCORE,
    MAX_SHORTLIST,
    NO_CODING,
    OVER_BUDGET,
    OVER_BUDGET_SCORE,
    PRICE_UNKNOWN,
    ROLE_SCORE,
    WITHIN_BUDGET_SCORE,
    LearnerProfile,
    net_cost,
    recommend,
    recommendation_for,
)
from tests.support.invented_program import knowledge_dir_with_invented_program

DATA_SCIENCE_NEWCOMER = LearnerProfile(
    topics=("data-science",), role="reference librarian", years_in_field=2, coding="none", enrolled=False
)
RARE_BOOKS_CURATOR = LearnerProfile(
    topics=("rare-books",), role="rare books curator", role_topics=("rare-books",), role_goals=("special-collections",),
    years_in_field=6, coding="none", can_travel=True, budget_usd=6500, enrolled=False,
)
ONLINE_ARCHIVIST = LearnerProfile(
    topics=("archives",), role="archivist", role_topics=("archives",), coding="some", can_travel=False,
)
ENROLLED_SJSU_STUDENT = LearnerProfile(enrolled=True, enrolled_at="sjsu")


def ids(recommendations):
    return [rec.program.id for rec in recommendations]


def test_data_science_newcomer_without_coding_gets_data_science_first_and_steps_to_prepare(kb):
    shortlist = recommend(kb, DATA_SCIENCE_NEWCOMER)
    assert ids(shortlist) == ["arizona-data-science", "sjsu-post-masters"]
    certificate, pathway = shortlist
    assert certificate.score == TOPIC_SCORE and pathway.score == PATHWAY_SCORE
    assert "a certificate in data science" in certificate.reasons
    assert "its Data Science pathway covers data science" in pathway.reasons
    for rec in shortlist:
        assert NO_CODING in rec.warnings
        assert any("undergraduate or online courses" in step for step in rec.preparation_steps)
        assert any("steep learning curve" in step for step in rec.preparation_steps)


def test_unknown_prices_stay_unknown_for_the_newcomer(kb):
    for rec in recommend(kb, DATA_SCIENCE_NEWCOMER):
        assert rec.cost.known is False
        assert rec.cost.plan_for_usd is None


def test_a_newcomer_comfortable_with_code_gets_neither_warning_nor_steps(kb):
    shortlist = recommend(kb, replace(DATA_SCIENCE_NEWCOMER, coding="comfortable"))
    assert ids(shortlist) == ["arizona-data-science", "sjsu-post-masters"]
    assert all(not rec.preparation and NO_CODING not in rec.warnings for rec in shortlist)


def test_a_skipped_coding_question_gets_a_conditional_warning(kb):
    shortlist = recommend(kb, replace(DATA_SCIENCE_NEWCOMER, coding=None))
    assert all(CODING_UNKNOWN in rec.warnings and rec.preparation for rec in shortlist)


def test_rare_books_curator_who_can_travel_gets_both_rare_book_schools_cheaper_first(kb):
    shortlist = recommend(kb, RARE_BOOKS_CURATOR)
    assert ids(shortlist) == ["calrbs-rare-books-manuscripts", "rbs-certificate"]
    calrbs, rbs = shortlist
    assert calrbs.score == TOPIC_SCORE + ROLE_SCORE + WITHIN_BUDGET_SCORE
    assert rbs.score == TOPIC_SCORE + ROLE_SCORE + OVER_BUDGET_SCORE
    assert "relates to your role (rare books curator)" in calrbs.reasons
    assert not calrbs.over_budget and rbs.over_budget
    assert DELIVERY_UNKNOWN not in calrbs.warnings


def test_rare_book_net_cost_is_five_courses_and_travel_is_never_covered(kb):
    calrbs, rbs = recommend(kb, RARE_BOOKS_CURATOR)
    assert calrbs.cost.plan_for_usd == 6000 and rbs.cost.plan_for_usd == 6975
    for rec in (calrbs, rbs):
        assert rec.cost.scholarships_may_cover == ("tuition",)
        assert rec.cost.never_covered == ("travel to attend a course",)
    assert not calrbs.preparation, "the article gives no coding advice for rare books"


def test_with_a_budget_that_fits_both_the_knowledge_base_order_breaks_the_tie(kb):
    shortlist = recommend(kb, replace(RARE_BOOKS_CURATOR, budget_usd=7000))
    assert ids(shortlist) == ["calrbs-rare-books-manuscripts", "rbs-certificate"]
    assert shortlist[0].score == shortlist[1].score
    assert all(OVER_BUDGET not in rec.warnings for rec in shortlist)


def test_archivist_who_must_stay_online_is_warned_that_delivery_mode_is_not_stated(kb):
    shortlist = recommend(kb, ONLINE_ARCHIVIST)
    assert ids(shortlist) == ["arizona-archival-studies", "sjsu-post-masters"]
    assert all(DELIVERY_UNKNOWN in rec.warnings for rec in shortlist)
    assert shortlist[0].score == TOPIC_SCORE + ROLE_SCORE
    assert shortlist[1].score == PATHWAY_SCORE + ROLE_SCORE


def test_travel_answers_do_not_reorder_anything_because_the_article_states_no_delivery_mode(kb):
    for can_travel in (True, None):
        assert recommend(kb, replace(ONLINE_ARCHIVIST, can_travel=can_travel)) == tuple(
            replace(rec, warnings=tuple(w for w in rec.warnings if w != DELIVERY_UNKNOWN))
            for rec in recommend(kb, ONLINE_ARCHIVIST)
        )


def test_an_archivist_is_not_told_to_learn_javascript_for_a_broad_certificate(kb):
    sjsu = next(rec for rec in recommend(kb, replace(ONLINE_ARCHIVIST, coding="none")) if rec.program.id == "sjsu-post-masters")
    assert sjsu.preparation == ()


def test_web_programming_interest_brings_the_hardest_course_step(kb):
    shortlist = recommend(kb, LearnerProfile(topics=("web-programming",), coding="none"))
    assert ids(shortlist) == ["sjsu-post-masters"]
    assert any("JavaScript/jQuery" in step for step in shortlist[0].preparation_steps)


def test_enrolled_sjsu_student_gets_the_digital_assets_certificate_open_to_matriculated_students(kb):
    shortlist = recommend(kb, ENROLLED_SJSU_STUDENT)
    assert ids(shortlist) == ["sjsu-digital-assets"]
    assert shortlist[0].score == ENROLLED_SCORE
    assert shortlist[0].reasons == ("open to matriculated students, and you are enrolled at San José State University",)


def test_enrolment_lifts_the_digital_assets_certificate_for_a_matching_interest(kb):
    interested = LearnerProfile(topics=("digital-assets",))
    assert recommend(kb, replace(interested, enrolled=True, enrolled_at="sjsu"))[0].score == (
        recommend(kb, interested)[0].score + ENROLLED_SCORE
    )


def test_a_learner_not_enrolled_there_is_told_non_matriculated_students_may_take_it(kb):
    (rec,) = recommend(kb, LearnerProfile(topics=("digital-assets",), enrolled=False))
    assert any("non-matriculated" in reason for reason in rec.reasons)


def test_an_unknown_price_is_never_assumed_to_fit_a_budget(kb):
    for rec in recommend(kb, replace(DATA_SCIENCE_NEWCOMER, budget_usd=1_000_000)):
        assert PRICE_UNKNOWN in rec.warnings
        assert "its tuition fits your budget" not in rec.reasons


def test_everything_skipped_gives_an_empty_shortlist(kb):
    assert recommend(kb, LearnerProfile()) == ()
    assert recommend(kb, LearnerProfile(coding="none", can_travel=False, budget_usd=5000, enrolled=False)) == ()


def test_the_shortlist_has_at_most_three_programs(kb):
    broad = LearnerProfile(topics=("archives", "data-science", "rare-books", "legal-information"))
    assert len(kb.find_programs(topics=broad.topics)) > MAX_SHORTLIST
    assert len(recommend(kb, broad)) == MAX_SHORTLIST


def test_the_ranking_is_deterministic(kb):
    for profile in (DATA_SCIENCE_NEWCOMER, RARE_BOOKS_CURATOR, ONLINE_ARCHIVIST, ENROLLED_SJSU_STUDENT):
        assert recommend(kb, profile) == recommend(kb, profile) == recommend(load_knowledge_base(), profile)


def test_a_saved_program_can_be_assessed_again_even_when_it_no_longer_matches(kb):
    rec = recommendation_for(kb, replace(RARE_BOOKS_CURATOR, topics=("nlp",), role_topics=(), role_goals=()),
                             "rbs-certificate")
    assert rec.reasons == () and rec.score == OVER_BUDGET_SCORE
    assert rec.cost.plan_for_usd == 6975


def test_net_cost_reuses_the_knowledge_base_cost_and_funding(kb):
    cost = net_cost(kb, "arizona-nlp")
    assert cost.known is False and cost.scholarships == "unknown" and cost.scholarships_may_cover == ()


def test_a_profile_rejects_impossible_answers():
    with pytest.raises(ValueError):
        LearnerProfile(coding="a lot")
    with pytest.raises(ValueError):
        LearnerProfile(budget_usd=-1)


def test_a_program_added_in_yaml_only_is_ranked_and_priced(tmp_path: Path):
    invented = load_knowledge_base(knowledge_dir_with_invented_program(tmp_path))
    (rec,) = recommend(invented, LearnerProfile(topics=("puppetry",), budget_usd=4000))
    assert rec.program.id == "npu-puppetry"
    assert rec.cost.plan_for_usd == 3600
    assert "its tuition fits your budget" in rec.reasons


def test_a_course_touching_the_interest_is_no_match_when_a_certificate_is_about_it(kb):
    # "Digital asset management; I loved digitizing a photo collection", enrolled at SJSU: Rare Book
    # School's courses touch on collection management, but the Digital Assets certificate is about the interest.
    learner = LearnerProfile(topics=("digital-assets", "collection-management"), enrolled=True, enrolled_at="sjsu")
    assert [r.program.id for r in recommend(kb, learner)] == ["sjsu-digital-assets"]
    # With nothing about it, a course that touches it is still a match.
    assert "rbs-certificate" in [r.program.id for r in recommend(kb, LearnerProfile(topics=("collection-management",)))]
