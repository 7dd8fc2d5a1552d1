"""What the report counts, gathered one conversation at a time in bounded memory.

Everything is read from structured signals: intents and their confidence and the
entities in the user events' parse data, the input channel, the ``advisor_answer``
metadata the actions put on answers that did not answer (``actions.answer``), the
slots the actions set (``last_question``: the attribute asked) and the guided
interview's ``requested_slot``. Counters keep at most ``MAX_GROUPS`` distinct keys
(the rest are counted as "other") and each group keeps at most ``MAX_EXAMPLES`` of
the users' words, so a store of any size is reported in the same memory.
"""
from __future__ import annotations

import heapq
import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, Hashable, List, Optional, Tuple

from actions import answers
from actions.answer import (
    ANSWER_METADATA_KEY,
    CLARIFICATION,
    CLOSEST_FACTS,
    NOT_GIVEN,
    NOT_UNDERSTOOD,
    OUT_OF_SCOPE,
)
from actions.slots import DONE_SLOT, LAST_QUESTION_SLOT, REQUESTED_SLOT
from rasa_project.report.conversations import Conversation

MAX_GROUPS = 5000
MAX_EXAMPLES = 3
MAX_LOW_CONFIDENCE = 300
LOW_CONFIDENCE = 0.6
FORM = "advice_form"
RECOMMEND_ACTION = "action_recommend_certificates"
FALLBACK_INTENT = "nlu_fallback"
# Kinds that mean "no answer": a fallback, or a clarification answered by another non-answer.
FALLBACK_KINDS = (NOT_UNDERSTOOD, OUT_OF_SCOPE, CLOSEST_FACTS)
# Answers stored before the actions recorded their kind are recognised by their fixed texts.
KIND_OF_FIXED_TEXT = {answers.NOT_UNDERSTOOD: NOT_UNDERSTOOD, answers.OUT_OF_SCOPE: OUT_OF_SCOPE}
BEFORE_FIRST_QUESTION = "(before the first question)"


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


class CappedCounter:
    """A counter of at most ``limit`` distinct keys; later new keys are counted in ``other``."""

    def __init__(self, limit: int = MAX_GROUPS) -> None:
        self.counts: Counter = Counter()
        self.limit = limit
        self.other = 0

    def add(self, key: Hashable, amount: int = 1) -> bool:
        if key in self.counts or len(self.counts) < self.limit:
            self.counts[key] += amount
            return True
        self.other += amount
        return False

    def total(self) -> int:
        return sum(self.counts.values()) + self.other


@dataclass
class Example:
    """The user's words and the (pseudonymous) conversation they come from."""

    text: str
    conversation: str


class Groups:
    """Counted groups, each with up to ``MAX_EXAMPLES`` distinct examples."""

    def __init__(self) -> None:
        self.counter = CappedCounter()
        self.examples: Dict[Hashable, List[Example]] = {}

    def add(self, key: Hashable, text: str, conversation: str) -> None:
        if not self.counter.add(key):
            return
        kept = self.examples.setdefault(key, [])
        if len(kept) < MAX_EXAMPLES and all(normalised(e.text) != normalised(text) for e in kept):
            kept.append(Example(text, conversation))

    def most_common(self) -> List[Tuple[Hashable, int, List[Example]]]:
        return [(key, count, self.examples.get(key, [])) for key, count in self.counter.counts.most_common()]


@dataclass(order=True)
class LowConfidence:
    confidence: float
    text: str = field(compare=False)
    intent: str = field(compare=False)
    conversation: str = field(compare=False)


@dataclass
class Findings:
    conversations: int = 0
    user_messages: int = 0
    first_day: Optional[str] = None
    last_day: Optional[str] = None
    per_day: Counter = field(default_factory=Counter)
    per_channel: Counter = field(default_factory=Counter)
    intents: CappedCounter = field(default_factory=CappedCounter)
    entities: CappedCounter = field(default_factory=CappedCounter)
    attributes: CappedCounter = field(default_factory=CappedCounter)
    unanswered_kinds: Counter = field(default_factory=Counter)
    fallbacks: Groups = field(default_factory=Groups)
    not_given: Groups = field(default_factory=Groups)
    unresolved: Groups = field(default_factory=Groups)
    interviews_started: int = 0
    interviews_completed: int = 0
    interview_reached: Counter = field(default_factory=Counter)
    interview_stopped: Counter = field(default_factory=Counter)
    asked_again: Groups = field(default_factory=Groups)
    low_confidence_count: int = 0
    _lowest: List[Tuple[float, int, LowConfidence]] = field(default_factory=list)
    _order: Any = field(default_factory=itertools.count)

    @property
    def low_confidence(self) -> List[LowConfidence]:
        """The least confident user messages first."""
        return sorted(item for _, _, item in self._lowest)

    def _keep_low_confidence(self, item: LowConfidence) -> None:
        self.low_confidence_count += 1
        entry = (-item.confidence, next(self._order), item)  # a max-heap of the lowest confidences
        if len(self._lowest) < MAX_LOW_CONFIDENCE:
            heapq.heappush(self._lowest, entry)
        elif entry > self._lowest[0]:
            heapq.heapreplace(self._lowest, entry)

    def add(self, conversation: Conversation, who: str) -> None:
        """Count one conversation; ``who`` is its pseudonym."""
        self.conversations += 1
        day = datetime.fromtimestamp(conversation.started, timezone.utc).strftime("%Y-%m-%d")
        self.per_day[day] += 1
        self.first_day = min(self.first_day or day, day)
        self.last_day = max(self.last_day or day, day)
        self.per_channel[conversation.channel] += 1
        _ConversationReader(self, who).read(conversation)


class _ConversationReader:
    """Walks one conversation's events and adds what it finds to ``Findings``."""

    def __init__(self, findings: Findings, who: str) -> None:
        self.findings, self.who = findings, who
        self.last_text = ""
        self.clarification: Optional[Tuple[str, str]] = None  # the question and the attribute asked back
        self.replied_to_clarification = False
        self.interview_started = self.interview_completed = False
        self.asked: List[str] = []

    def read(self, conversation: Conversation) -> None:
        for event in conversation.events:
            if event.type_name == "user":
                self.user(event.data)
            elif event.type_name == "bot":
                self.bot(event.data)
            elif event.type_name == "slot":
                self.slot(event.data.get("name"), event.data.get("value"))
            elif event.action_name == FORM:
                self.interview_started = True
            elif event.action_name == RECOMMEND_ACTION:
                self.interview_completed = True
        self.finish()

    def user(self, data: Dict[str, Any]) -> None:
        found = self.findings
        found.user_messages += 1
        text = str(data.get("text") or "")
        parse = data.get("parse_data") or {}
        intent = parse.get("intent") or {}
        name = str(intent.get("name") or "(none)")
        found.intents.add(name)
        for entity in parse.get("entities") or []:
            if isinstance(entity, dict):
                found.entities.add((str(entity.get("entity")), str(entity.get("value"))))
        if not text.startswith("/"):  # a button's payload is not something NLU read
            guess, confidence = _best_guess(parse, name, intent.get("confidence"))
            if name == FALLBACK_INTENT or confidence < LOW_CONFIDENCE:
                found._keep_low_confidence(LowConfidence(confidence, text, guess, self.who))
        if self.clarification is not None:
            self.replied_to_clarification = True
        self.last_text = text

    def bot(self, data: Dict[str, Any]) -> None:
        answer = (data.get("metadata") or {}).get(ANSWER_METADATA_KEY)
        answer = answer if isinstance(answer, dict) else {}
        kind = answer.get("kind") or KIND_OF_FIXED_TEXT.get(str(data.get("text") or ""), "")
        if self.clarification is not None and self.replied_to_clarification:
            # The first reply after the user answered "which one?" tells whether it was resolved.
            if kind in (CLARIFICATION, *FALLBACK_KINDS):
                self.unresolved()
            self.clarification = None
            self.replied_to_clarification = False
        if kind:
            self.findings.unanswered_kinds[kind] += 1
        if kind == CLARIFICATION:
            if self.clarification is not None:
                self.unresolved()
            self.clarification = (self.last_text, str(answer.get("attribute") or ""))
        elif kind in FALLBACK_KINDS:
            self.findings.fallbacks.add((kind, normalised(self.last_text)), self.last_text, self.who)
        elif kind == NOT_GIVEN:
            attribute = str(answer.get("attribute") or "")
            for program in answer.get("programs") or [""]:
                self.findings.not_given.add((attribute, str(program)), self.last_text, self.who)

    def slot(self, name: Any, value: Any) -> None:
        if name == REQUESTED_SLOT and isinstance(value, str):
            if value in self.asked:
                self.findings.asked_again.add(value, self.last_text, self.who)
            else:
                self.findings.interview_reached[value] += 1
            self.asked.append(value)
        elif name == LAST_QUESTION_SLOT and isinstance(value, str):
            self.findings.attributes.add(value)
        elif name == DONE_SLOT and value is True:
            self.interview_completed = True

    def unresolved(self) -> None:
        question, attribute = self.clarification or ("", "")
        self.findings.unresolved.add((attribute, normalised(question)), question, self.who)

    def finish(self) -> None:
        if self.clarification is not None:
            self.unresolved()
        if self.interview_started:
            self.findings.interviews_started += 1
            if self.interview_completed:
                self.findings.interviews_completed += 1
            else:
                self.findings.interview_stopped[self.asked[-1] if self.asked else BEFORE_FIRST_QUESTION] += 1


def _best_guess(parse: Dict[str, Any], name: str, confidence: Any) -> Tuple[str, float]:
    """The intent NLU thought most likely, and its confidence (under a fallback: the best real intent)."""
    if name == FALLBACK_INTENT:
        for ranked in parse.get("intent_ranking") or []:
            if isinstance(ranked, dict) and ranked.get("name") != FALLBACK_INTENT:
                return str(ranked.get("name")), _number(ranked.get("confidence"))
    return name, _number(confidence)


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0
