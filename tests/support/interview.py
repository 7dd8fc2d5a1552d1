"""The guided interview as the channel tests hold it: the answers picked, and what they should give.

The web widget, Slack and shell tests answer the same six questions with the same
choices through their own channel; what the advisor should show is derived from the
knowledge base and the ranking function, not typed into the tests.
"""
from __future__ import annotations

from typing import Tuple

from actions.answers import usd
from actions.guided.prompts import BUDGET_CHOICES_USD, question_answer
from actions.slots import BUDGET, CODING, ENROLLED, INTEREST, ROLE, TRAVEL
from knowledge import KnowledgeBase
from knowledge.recommend import LearnerProfile, Recommendation, recommend

START = "help me choose a certificate"
TOPIC = "rare books"
# The choice picked for each question, in the order the form asks them.
CHOICES = (
    (INTEREST, None),  # the topic's choice, found from the knowledge base (topic_button_title)
    (ROLE, "Not sure"),
    (CODING, "None"),
    (TRAVEL, "I can travel"),
    (BUDGET, f"Up to {usd(max(BUDGET_CHOICES_USD))}"),
    (ENROLLED, "No"),
)
COMPARE = "Compare the first two"


def topic_button_title(kb: KnowledgeBase, topic_id: str) -> str:
    """The title of the interest question's choice for ``topic_id``, as the advisor offers it."""
    return next(b.title for b in question_answer(INTEREST, kb).buttons if f'"{topic_id}"' in b.payload)


def expected_shortlist(kb: KnowledgeBase, topic_id: str) -> Tuple[Recommendation, ...]:
    """What the knowledge base ranks for the answers in ``CHOICES``."""
    profile = LearnerProfile(topics=(topic_id,), coding="none", can_travel=True,
                             budget_usd=max(BUDGET_CHOICES_USD), enrolled=False)
    return recommend(kb, profile)


def question_line(slot: str, kb: KnowledgeBase) -> str:
    """The question's first sentence, enough to know which question is asked."""
    return question_answer(slot, kb).text.split("?")[0] + "?"
