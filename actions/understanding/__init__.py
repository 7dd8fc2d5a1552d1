"""Understand a message as a question over the knowledge base: about what, asking what, doing what.


Input: the message's entities (knowledge-base names, attribute and operation
words, amounts, from the NLU pipeline), its intent as a hint, a few words of
its text (plural and pronoun words), and the conversation's context (the
program under discussion, the last list shown, the last attribute asked).


Output: a ``knowledge.query.Query`` to run, or a ``Clarification`` when the
question is about a program that cannot be told with confidence.

Precision first: a program is the subject only when the message names it, describes
it (a school, a topic, "the two CalRBS certificates"), points at it in the last
list ("the second one") or refers back to it (a follow-up with no other
subject). Nothing else chooses a program.

The modules, one job each:

- ``mentions``: what a message names, as knowledge-base ids (``mentions_in``);
- ``terms``: the context, the kinds of answer, the attribute groups the rules share;
- ``scope``: whether a message NLU read as something else still asks the knowledge base;
- ``reading``: what the message refers to, the attribute it asks for, the programs it is about;
- ``rules``: the order in which the rules apply (``RULES``), and ``apply_rules``;
- the answering rules: ``special_answers`` (out of scope, the article, the landscape, general advice),
  ``people_answers``, ``stage_answers`` (career stage), ``count_answers``, ``comparison_answers``
  (places, rankings, totals, price filters, comparisons), ``follow_up_answers`` (over the context)
  and ``subject_answers`` (the programs named, searches, and what is left).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from actions import message_patterns as said
from actions.people_reading import person_story
from actions.subject_reading import subjects_of
from actions.understanding.mentions import ENTITY_KINDS, Mentions, mentions_in
from actions.understanding.reading import choose_attribute, earlier_program, second_questions
from actions.understanding.rules import apply_rules
from actions.understanding.scope import asks_the_knowledge_base, in_scope
from actions.understanding.terms import (
    GENERAL_ATTRIBUTES,
    INTENT_ATTRIBUTES,
    NEVER_GIVEN,
    PER_PROGRAM_ATTRIBUTES,
    PRICED,
    PROGRAM_OF_PERSON_ATTRIBUTES,
    SHORT_LIST,
    Clarification,
    Context,
    Special,
    Understanding,
)
from knowledge import KnowledgeBase
from knowledge.query import Query

__all__ = [
    "ENTITY_KINDS", "GENERAL_ATTRIBUTES", "INTENT_ATTRIBUTES", "NEVER_GIVEN", "PER_PROGRAM_ATTRIBUTES", "PRICED",
    "PROGRAM_OF_PERSON_ATTRIBUTES", "SHORT_LIST",
    "Clarification", "Context", "Mentions", "Special", "Understanding",
    "asks_the_knowledge_base", "choose_attribute", "earlier_program", "in_scope", "mentions_in", "person_story",
    "second_questions", "understand",
]


def understand(
    text: str, intent: str, mentions: Mentions, context: Context, kb: KnowledgeBase,
    default_attribute: Optional[str] = None,
) -> Understanding:
    """Read one message as a query over the knowledge base.

    Args:
        text: the message as typed.
        intent: the NLU intent's name (a hint for the attribute and operation).
        mentions: what the message names (``mentions_in``).
        context: the program under discussion, the last list, the last attribute.
        kb: the knowledge base.
        default_attribute: what the action answering this intent asks when nothing else says.

    Returns:
        A ``Query``, a ``Clarification``, a ``Special`` answer kind, or ``None`` when the
        message says nothing the knowledge base can answer.
    """
    text = text or ""
    understood = apply_rules(text, intent, mentions, context, kb, default_attribute)
    position = said.POSITION_AMONG_NAMED.search(text)
    if isinstance(understood, Query) and len(understood.programs) == 1 and position and mentions.names_anything:
        # "I'm deciding between X and Y. Tell me about the first one.": the two stay the list, for "now the second one".
        named = subjects_of(mentions, Context(), kb, text[:position.start()], None)[0]
        if len(named) >= 2 and understood.programs[0] in named:
            return replace(understood, among=tuple(named))
    return understood
