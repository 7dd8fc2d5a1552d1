"""The answer composers on their own: query results in, text and buttons out."""
from __future__ import annotations

import pytest

from actions import answers
from actions.answer import Button
from knowledge import load_knowledge_base

CITATION = "Jennifer A. Dixon, \"After the MLIS\", Library Journal"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def test_cost_answer_states_the_rule_behind_the_total(kb):
    answer = answers.cost_answer(kb.cost_of("calrbs-critical-librarianship"), CITATION)
    assert "$1,200 per course (a CalRBS course)" in answer.text
    assert "takes 5 courses, so tuition comes to $6,000 (5 × $1,200)" in answer.text
    assert answer.text.endswith(f"Source: {CITATION}.")


def test_cost_answer_offers_the_other_questions_but_not_cost_again(kb):
    answer = answers.cost_answer(kb.cost_of("rbs-certificate"), CITATION)
    assert [b.title for b in answer.buttons] == ["How can I pay for it?", "What should I learn first?", "Tell me more"]
    assert answer.buttons[0].payload == '/ask_funding{"program":"rbs-certificate"}'


def test_provider_cost_answer_with_unknown_tuition_names_no_figure(kb):
    programs = kb.programs_of("arizona")
    answer = answers.provider_cost_answer(kb.provider("arizona"), programs, CITATION)
    assert "gives no price" in answer.text and "$" not in answer.text
    assert len(answer.buttons) == answers.MAX_LISTED


def test_funding_lines_say_only_what_the_article_says(kb):
    assert answers.funding_lines(kb.provider("sjsu")) == []
    rbs = answers.funding_lines(kb.provider("rbs"))
    assert any("cover tuition; you still pay for travel to attend a course" in line for line in rbs)


def test_program_list_is_numbered_with_reasons(kb):
    matches = kb.find_programs(topics=["rare-books"])
    text = answers.program_list_answer(matches, "rare books").text
    assert text.splitlines()[0] == "Certificates for rare books:"
    assert text.splitlines()[1].startswith("1. ")
    assert "a certificate in rare books" in text


def test_long_lists_are_cut_and_say_how_many_more(kb):
    matches = kb.find_programs()
    answer = answers.program_list_answer(matches, "")
    assert f"…and {len(matches) - answers.MAX_LISTED} more" in answer.text
    assert len(answer.buttons) == answers.MAX_LISTED


def test_program_card_says_cost_is_not_given_when_unknown(kb):
    text = answers.program_card(kb.facts_about("sjsu-post-masters"), CITATION).text
    assert "Cost: not given in the article." in text
    assert "Pathways: Data Science, Digital Archives and Records Management, Digital Services and Emerging " in text


def test_comparison_marks_shared_values_as_both(kb):
    text = answers.comparison_answer(kb.compare("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), CITATION).text
    assert "- Cost: both $1,200/course, $6,000 total" in text


def test_button_payload_is_compact_json():
    assert Button.for_intent("x", "ask_cost", {"program": "a"}).payload == '/ask_cost{"program":"a"}'
    assert Button.for_intent("x", "help").payload == "/help"


def test_prerequisites_for_a_topic_name_the_certificates_of_that_topic(kb):
    answer = answers.prerequisites_answer(kb.prerequisites_for(topic_id="data-science"), "the article")
    assert answer.text.startswith("Preparing for the data science certificates (the article does not say what formal "
                                  "prerequisites there are; this is learners' advice):")
