"""Answers that do not answer carry their kind in the message metadata; answers that answer carry nothing."""
from __future__ import annotations

from actions import answers
from actions.actions import ActionAnswerQuestion
from actions.answer import ANSWER_METADATA_KEY
from actions.understanding import Clarification, Context
from knowledge.query import Query


def recorded(answer):
    return answer.as_message().get(ANSWER_METADATA_KEY)


def test_fallback_answers_say_what_they_are():
    assert recorded(answers.not_understood_answer()) == {"kind": "not_understood"}
    assert recorded(answers.out_of_scope_answer()) == {"kind": "out_of_scope"}


def test_an_answer_with_the_facts_records_nothing(kb):
    answer, _ = ActionAnswerQuestion(kb).lookup(Query("lookup", programs=("rbs-certificate",), attribute="cost"))
    assert "$1,395" in answer.text and recorded(answer) is None


def test_the_article_does_not_say_names_attribute_and_programs(kb):
    answer, _ = ActionAnswerQuestion(kb).lookup(Query("lookup", programs=("arizona-nlp",), attribute="length"))
    assert "does not say" in answer.text
    assert recorded(answer) == {"kind": "not_given", "attribute": "length", "programs": ["arizona-nlp"]}


def test_a_clarification_names_what_it_asks_back(kb):
    candidates = tuple(p.id for p in kb.programs_of("arizona"))
    answer, _ = ActionAnswerQuestion(kb).clarify(
        Clarification(attribute="prerequisites", candidates=candidates, provider="arizona"), Context())
    assert recorded(answer) == {"kind": "clarification", "attribute": "prerequisites", "programs": list(candidates)}
