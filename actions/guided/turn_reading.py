"""How the guided interview reads one user message while its form runs.

A message is read as an answer first, whatever intent NLU gave it ("I've never
programmed" may be classified as a prerequisites question): only when it is not an
answer and NLU saw a question does the form step aside, so that the rules answer the
question and the form asks again. An answer to a question the form is not asking right
now ("actually my budget is $3,000") is a correction: it is acknowledged, and an
unreadable correction keeps the earlier answer. A later question answered in the
same message, in its own words ("$6,500, and I'm not enrolled anywhere"), is taken too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

from rasa_sdk import Tracker

from actions.guided.parsers import (
    ENROLLED_SCHOOL_UNSAID,
    NOT_ENROLLED,
    SKIPPED,
    encode_interest,
    looks_like_command,
    looks_like_question,
    parse_budget,
    parse_coding,
    parse_enrollment,
    parse_interest,
    parse_role,
    parse_travel,
    residue_after_names,
)
from actions.guided.profile import whole_number
from actions.guided.prompts import correction_text, reprompt_text, unreadable_answer
from actions.slots import BUDGET, CODING, ENROLLED, INTEREST, ROLE, ROLE_MATCHES_SLOT, TRAVEL, YEARS_SLOT
from actions.understanding import Mentions, mentions_in
from knowledge import KnowledgeBase


# Which question an "inform" intent answers, for changes made outside the form.
SLOT_OF_INTENT = {
    "inform_role": ROLE,
    "inform_coding": CODING,
    "inform_travel": TRAVEL,
    "inform_budget": BUDGET,
    "inform_enrollment": ENROLLED,
}

# Intents a rule handles during the form (rules/guided_advice.yml): the form steps aside
# for them when the message is not also an answer to the question being asked.
INTERRUPTION_INTENTS = frozenset({
    "ask_cost", "ask_funding", "ask_prerequisites", "ask_program_details", "ask_landscape", "ask_worth_it",
    "compare_programs", "switch_program", "find_certificate", "help", "bot_challenge", "out_of_scope",
    "greet", "thank",
})
# Commands a rule also handles; NLU sometimes gives these to an answer ("happy to go to LA
# for a week" as start_over), so a command counts only when its words are there.
COMMAND_INTENTS = frozenset({
    "goodbye", "start_over", "start_guided_advice", "stop_guided_advice", "show_shortlist", "reset_shortlist",
})


# Questions whose answers are free enough that words meant for another question pass as theirs.
LOOSE_QUESTIONS = frozenset({INTEREST, ROLE})
# Below this NLU confidence, a message that is not phrased as a question is not taken as one
# during the interview ("digital humanities" once came out as a 0.47 bot question): the
# question is asked again instead.
STEP_ASIDE_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Checked:
    """One answer read: the slots to set, or ``None`` with the re-prompt to send."""

    values: Optional[Dict[str, Any]]
    reprompt: str = ""


def check_answer(slot: str, value: Any, latest_message: Mapping[str, Any], kb: KnowledgeBase) -> Checked:
    """Read the answer to one interview question.

    Args:
        slot: the question's slot.
        value: the slot's candidate value (typed text, a button or entity value, or
            the stored canonical value when the form re-validates on activation).
        latest_message: the user message of this turn; its knowledge-base entities
            count only when the value came from it.
        kb: the knowledge base (topic, goal and school names).

    Returns:
        The canonical slot values, or ``None`` and what to say instead.
    """
    from_message = _came_from(value, latest_message)
    mentions = mentions_in(latest_message.get("entities") or [], kb) if from_message else Mentions()
    if slot == INTEREST:
        # A program named instead of a topic ("rare books and manuscripts") stands for its topics.
        topics = (*mentions.topics, *(t for pid in mentions.programs for t in kb.program(pid).topics))
        if mentions.institutions and not topics and not mentions.goals:
            topics = tuple(t for provider in mentions.institutions for p in kb.programs_of(provider) for t in p.topics)
        parsed = parse_interest(value, tuple(dict.fromkeys(topics)), mentions.goals, kb)
        return Checked({slot: parsed}) if parsed is not None else Checked(None, reprompt_text(slot))
    if slot == ROLE:
        role = parse_role(value)
        if role is None:
            return Checked(None, reprompt_text(slot))
        if role == SKIPPED:
            return Checked({slot: SKIPPED})
        values: Dict[str, Any] = {slot: role.role}
        if role.years is not None:
            values[YEARS_SLOT] = role.years
        if from_message:
            values[ROLE_MATCHES_SLOT] = encode_interest(mentions.topics, mentions.goals) or None
        return Checked(values)
    if slot == ENROLLED:
        typed = latest_message.get("text") if _came_from(value, latest_message) else None
        parsed = parse_enrollment(typed if typed and parse_enrollment(typed, (), kb) == NOT_ENROLLED else value,
                                  mentions.institutions, kb)
        if parsed is None or parsed == ENROLLED_SCHOOL_UNSAID:
            return Checked(None, reprompt_text(slot, parsed))
        return Checked({slot: parsed})
    parser = {CODING: parse_coding, TRAVEL: parse_travel, BUDGET: parse_budget}[slot]
    parsed = parser(value)
    return Checked({slot: parsed}) if parsed is not None else Checked(None, reprompt_text(slot))


def _came_from(value: Any, latest_message: Mapping[str, Any]) -> bool:
    """Whether the value was taken from this turn's message (its text or one of its entities)."""
    if value is None:
        return False
    if value == latest_message.get("text"):
        return True
    return any(entity.get("value") == value for entity in latest_message.get("entities") or [])


def previous_value(tracker: Tracker, slot: str) -> Any:
    """The slot's value before the latest user message (what a failed correction falls back to)."""
    events = tracker.events
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    for event in reversed(events[:last_user]):
        if event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
        if event.get("event") == "restart":
            break
    return None


@dataclass(frozen=True)
class Turn:
    """How one user message is read while the form runs.

    ``slots`` holds the value to set for every candidate slot (``None`` asks again),
    ``messages`` what to say first, and ``interruption`` whether the form steps aside
    for a rule to answer the message.
    """

    slots: Dict[str, Any] = field(default_factory=dict)
    messages: Tuple[str, ...] = ()
    interruption: bool = False


@dataclass(frozen=True)
class _Message:
    """One user message as the form sees it, read once: what each candidate slot made of it, and why it may
    not be an answer to the question asked."""

    text: Any
    intent: Optional[str]
    confidence: float
    requested: Optional[str]
    checked: Mapping[str, Checked]
    typed: FrozenSet[str]
    only_interest_names: Optional[str]
    names_topics_only: bool = False

    @property
    def corrections(self) -> List[str]:
        """The candidate slots other than the question asked: changes to earlier answers."""
        return [slot for slot in self.checked if self.requested is not None and slot != self.requested]

    @property
    def accepted_corrections(self) -> List[str]:
        return [slot for slot in self.corrections if self.checked[slot].values is not None]

    @property
    def answers_another_question(self) -> bool:
        """The topic and role questions take almost any words ("I write JavaScript every day" names the web
        programming topic, "I can travel" reads as a role); when NLU says the message answers another
        question and it does, that answer wins and the question is asked again."""
        informed = SLOT_OF_INTENT.get(self.intent)
        if self.requested == INTEREST and self.names_topics_only:
            return False  # "legal research and law libraries" at the topic question is the topic, whatever NLU says
        return self.requested in LOOSE_QUESTIONS and informed != self.requested and informed in self.accepted_corrections

    @property
    def answers_the_question(self) -> bool:
        asked = self.checked.get(self.requested) if self.requested else None
        return asked is not None and asked.values is not None and not self.answers_another_question

    @property
    def late_interest(self) -> Optional[str]:
        """A role question answered with nothing but topic names ("rare books") is the topic, given late."""
        return None if self.answers_another_question else self.only_interest_names

    @property
    def names_a_topic_the_article_lacks(self) -> bool:
        """A topic the article does not name ("digital humanities") reads as a search, but it answers the
        topic question: it is asked again with the topics the article does name."""
        return self.requested == INTEREST and self.intent == "find_certificate"

    @property
    def is_a_question_for_a_rule(self) -> bool:
        if self.intent not in INTERRUPTION_INTENTS:
            return False
        if looks_like_question(self.text):
            return True
        confident = self.confidence >= STEP_ASIDE_CONFIDENCE
        return (not self.answers_the_question and confident and self.late_interest is None
                and not self.names_a_topic_the_article_lacks)

    @property
    def is_a_command(self) -> bool:
        return self.intent in COMMAND_INTENTS and (not self.answers_the_question or looks_like_command(self.text))

    @property
    def interrupts(self) -> bool:
        """The form steps aside: the message typed for the question asked is a question or command instead,
        and changes no earlier answer."""
        return (self.requested in self.typed and (self.is_a_question_for_a_rule or self.is_a_command)
                and not self.accepted_corrections)


def read_turn(
    candidates: Mapping[str, Any],
    requested: Optional[str],
    latest_message: Mapping[str, Any],
    previous: Mapping[str, Any],
    kb: KnowledgeBase,
) -> Turn:
    """Decide what a message means for the interview.

    Args:
        candidates: the question slots filled from this message (slot mappings).
        requested: the question being asked, or ``None`` when the form starts.
        latest_message: the user message (text, intent, entities).
        previous: each slot's value before this message.
        kb: the knowledge base.

    Returns:
        The slots to set, the messages to send, and whether the message interrupts.
    """
    text = latest_message.get("text")
    intent = latest_message.get("intent") or {}
    message = _Message(
        text=text,
        intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        requested=requested,
        checked={slot: check_answer(slot, value, latest_message, kb) for slot, value in candidates.items()},
        typed=frozenset(slot for slot, value in candidates.items() if value == text),
        only_interest_names=_only_interest_names(requested, latest_message, previous, kb),
        names_topics_only=bool(_topic_names_only(latest_message)),
    )
    if message.interrupts:
        return Turn({slot: previous.get(slot) if slot != requested else None for slot in candidates}, (), True)

    slots: Dict[str, Any] = {}
    messages: List[str] = []
    for slot in message.corrections:
        checked = message.checked[slot]
        if message.answers_the_question and slot in message.typed:
            # The message answered the question asked; its words are not also a change of this one.
            slots[slot] = previous.get(slot)
        elif checked.values is None:
            messages.append(unreadable_answer(slot).text)
            slots[slot] = previous.get(slot)
        else:
            slots.update(checked.values)
            years = checked.values.get(YEARS_SLOT, previous.get(YEARS_SLOT))
            messages.append(correction_text(slot, checked.values[slot], kb, whole_number(years)))
    late_interest = message.late_interest
    for slot, result in message.checked.items():
        if slot in message.corrections:
            continue
        if slot == requested and (message.answers_another_question or late_interest is not None):
            slots[slot] = None
        elif result.values is not None:
            slots.update(result.values)
        else:
            slots[slot] = None
            if slot == requested and not message.accepted_corrections:
                messages.append(result.reprompt)
    if late_interest is not None:
        slots[INTEREST] = late_interest
        messages.append(correction_text(INTEREST, late_interest, kb))
    return Turn(slots, tuple(messages), False)


# Words that answer a later question in the same message as the question asked: "my budget is around
# $6,500 and I'm not enrolled at any school" answers the budget and the enrolment questions.
_ALSO_ANSWERS = {
    TRAVEL: re.compile(r"\b(i )?(can|could|am able to|happy to|willing to|able to)( not|n't)? travel\b|\bcan'?t travel\b|"
                       r"\bcannot travel\b|\bno travel(ling|ing)?\b", re.I),
    BUDGET: re.compile(r"\$\s?\d|\b\d[\d,]*\s*(k|dollars|bucks)\b|\bbudget (is|of|around|about|would be)\b|\bno budget\b", re.I),
    ENROLLED: re.compile(r"\b(not|n't|never|no longer) (currently |yet |right now )?(enrolled|a student|studying|in school)\b|"
                         r"\bnot a student\b|\b(i'?m|i am) (currently )?(enrolled|a student|studying) (at|in)\b", re.I),
}


def later_answers(text: Any, requested: Optional[str], unanswered: Sequence[str], latest_message: Mapping[str, Any],
                  kb: KnowledgeBase) -> Dict[str, Any]:
    """The answers to questions not yet asked that a message gives beside the one asked, each read as
    that question's answer; only where its own words are there ("not enrolled", "$6,500", "can't travel")."""
    found: Dict[str, Any] = {}
    if not isinstance(text, str):
        return found
    for slot, words in _ALSO_ANSWERS.items():
        if slot == requested or slot not in unanswered or not words.search(text):
            continue
        checked = check_answer(slot, text, latest_message, kb)
        if checked.values is not None:
            found.update(checked.values)
    return found


def _only_interest_names(requested: Optional[str], latest_message: Mapping[str, Any], previous: Mapping[str, Any],
                         kb: KnowledgeBase) -> Optional[str]:
    """The interest, when the role is asked, no topic was given yet, and the message only names topics or goals."""
    if requested != ROLE or previous.get(INTEREST) not in (None, SKIPPED):
        return None
    names = _topic_names_only(latest_message)
    if not names:
        return None
    mentions = mentions_in(names, kb)
    return encode_interest(mentions.topics, mentions.goals) or None


def _topic_names_only(latest_message: Mapping[str, Any]) -> List[Dict[str, Any]]:
    """The topic and goal entities of a message that says nothing else ("legal research and law libraries")."""
    text = str(latest_message.get("text") or "")
    names = [e for e in latest_message.get("entities") or [] if e.get("entity") in ("topic", "goal")]
    if not names or any(not isinstance(e.get("start"), int) or not isinstance(e.get("end"), int) for e in names):
        return []
    rest = text
    for name in sorted(names, key=lambda e: e["start"], reverse=True):
        rest = rest[: name["start"]] + " " + rest[name["end"]:]
    return [] if residue_after_names(rest) else names
