"""The interview's questions and acknowledgements (actions.guided.prompts), without servers."""
from __future__ import annotations

import re

import pytest

from actions.guided.prompts import MAX_TOPIC_BUTTONS, correction_text, question_answer
from actions.slots import BUDGET, ENROLLED, INTEREST, QUESTIONS, TRAVEL


@pytest.mark.parametrize("slot", QUESTIONS)
def test_every_question_has_buttons_and_a_not_sure_skip(kb, slot):
    question = question_answer(slot, kb)
    assert question.text.endswith(("?", ".", ").", '".'))
    assert question.buttons[-1].title == "Not sure" and question.buttons[-1].payload == "/skip"


def test_the_enrolment_question_offers_every_school_in_the_knowledge_base(kb):
    payloads = [b.payload for b in question_answer(ENROLLED, kb).buttons]
    for provider in kb.providers:
        assert f'/inform_enrollment{{"institution":"{provider.id}"}}' in payloads


def test_the_interest_question_offers_knowledge_base_topics(kb):
    buttons = question_answer(INTEREST, kb).buttons[:-1]
    assert 0 < len(buttons) <= MAX_TOPIC_BUTTONS
    for button in buttons:
        topic_id = re.search(r'"topic":"([^"]+)"', button.payload).group(1)
        assert kb.resolve("topic", topic_id) == topic_id


def test_a_changed_answer_is_acknowledged_in_words(kb):
    assert correction_text(BUDGET, 3000, kb) == "Got it, I've noted that: budget $3,000."
    assert correction_text(ENROLLED, "sjsu", kb) == "Got it, I've noted that: enrolled at San José State University."
    assert correction_text(TRAVEL, "no", kb) == "Got it, I've noted that: online only."
