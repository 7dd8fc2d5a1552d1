"""The guided interview: the form's validation, its questions, and the shortlist actions.

``advice_form`` (domain/guided_advice.yml) asks six questions; ``validate_advice_form``
reads each answer with ``actions.guided_answers`` and keeps one canonical value per
slot. A message is read as an answer first, whatever intent NLU gave it ("I've never
programmed" may be classified as a prerequisites question): only when it is not an
answer and NLU saw a question does the form step aside (``ActionExecutionRejected``),
so that the rules answer the question and the form asks again. An answer to a question
the form is not asking right now ("actually my budget is $3,000") is a correction: it
is acknowledged, and an unreadable correction keeps the earlier answer. The shortlist
itself comes from ``knowledge.recommend``.
"""
from __future__ import annotations

import logging
import re
from abc import ABC
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import answers, query_answers
from actions import guided_answers as words
from actions.actions import ActionAnswerQuestion, KnowledgeAction
from actions.guided_answers import SKIPPED
from actions.slots import (
    BUDGET,
    CODING,
    DONE_SLOT,
    ENROLLED,
    INTEREST,
    LISTED_PROGRAMS_SLOT,
    PERSON_SLOT,
    PROGRAM_SLOT,
    QUESTIONS,
    REQUESTED_SLOT,
    ROLE,
    ROLE_MATCHES_SLOT,
    SHORTLIST_SLOT,
    TRAVEL,
    YEARS_SLOT,
)
from actions.understanding import Mentions, asks_the_knowledge_base, mentions_in
from actions.shared_knowledge import shared_knowledge_base
from knowledge import KnowledgeBase
from knowledge import query as kbq
from knowledge.recommend import CODING_LEVELS, LearnerProfile, recommend, recommendation_for

logger = logging.getLogger(__name__)

FORM = "advice_form"

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
        parsed = words.parse_interest(value, tuple(dict.fromkeys(topics)), mentions.goals, kb)
        return Checked({slot: parsed}) if parsed is not None else Checked(None, words.reprompt_text(slot))
    if slot == ROLE:
        role = words.parse_role(value)
        if role is None:
            return Checked(None, words.reprompt_text(slot))
        if role == SKIPPED:
            return Checked({slot: SKIPPED})
        values: Dict[str, Any] = {slot: role.role}
        if role.years is not None:
            values[YEARS_SLOT] = role.years
        if from_message:
            values[ROLE_MATCHES_SLOT] = words.encode_interest(mentions.topics, mentions.goals) or None
        return Checked(values)
    if slot == ENROLLED:
        parsed = words.parse_enrollment(value, mentions.institutions, kb)
        if parsed is None or parsed == words.ENROLLED_SCHOOL_UNSAID:
            return Checked(None, words.reprompt_text(slot, parsed))
        return Checked({slot: parsed})
    parser = {CODING: words.parse_coding, TRAVEL: words.parse_travel, BUDGET: words.parse_budget}[slot]
    parsed = parser(value)
    return Checked({slot: parsed}) if parsed is not None else Checked(None, words.reprompt_text(slot))


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
    intent = (latest_message.get("intent") or {}).get("name")
    checked = {slot: check_answer(slot, value, latest_message, kb) for slot, value in candidates.items()}
    typed = {slot for slot, value in candidates.items() if value == text}
    corrections = [slot for slot in checked if requested is not None and slot != requested]
    accepted = [slot for slot in corrections if checked[slot].values is not None]
    asked = checked.get(requested) if requested else None
    answered = asked is not None and asked.values is not None
    # The topic and role questions take almost any words ("I write JavaScript every day" names
    # the web programming topic, "I can travel" reads as a role); when NLU says the message
    # answers another question and it does, that answer wins and the question is asked again.
    informed = SLOT_OF_INTENT.get(intent)
    answers_another = requested in LOOSE_QUESTIONS and informed != requested and informed in accepted
    if answers_another:
        answered = False
    # A role question answered with nothing but topic names ("rare books") is the topic, given late.
    late_interest = _only_interest_names(requested, latest_message, previous, kb) if not answers_another else None
    confident = float((latest_message.get("intent") or {}).get("confidence") or 0.0) >= STEP_ASIDE_CONFIDENCE
    # A topic the article does not name ("digital humanities") reads as a search, but it answers
    # the topic question: it is asked again with the topics the article does name.
    unknown_topic = requested == INTEREST and intent == "find_certificate"
    steps_aside = (
        intent in INTERRUPTION_INTENTS
        and (words.looks_like_question(text) or (not answered and confident and late_interest is None
                                                 and not unknown_topic))
    ) or (intent in COMMAND_INTENTS and (not answered or words.looks_like_command(text)))
    if requested in typed and steps_aside and not accepted:
        return Turn({slot: previous.get(slot) if slot != requested else None for slot in candidates}, (), True)

    slots: Dict[str, Any] = {}
    messages: List[str] = []
    for slot in corrections:
        if answered and slot in typed:
            # The message answered the question asked; its words are not also a change of this one.
            slots[slot] = previous.get(slot)
        elif checked[slot].values is None:
            messages.append(words.unreadable_answer(slot).text)
            slots[slot] = previous.get(slot)
        else:
            slots.update(checked[slot].values)
            years = checked[slot].values.get(YEARS_SLOT, previous.get(YEARS_SLOT))
            messages.append(words.correction_text(slot, checked[slot].values[slot], kb, _as_int(years)))
    for slot, result in checked.items():
        if slot in corrections:
            continue
        if slot == requested and (answers_another or late_interest is not None):
            slots[slot] = None
        elif result.values is not None:
            slots.update(result.values)
        else:
            slots[slot] = None
            if slot == requested and not accepted:
                messages.append(result.reprompt)
    if late_interest is not None:
        slots[INTEREST] = late_interest
        messages.append(words.correction_text(INTEREST, late_interest, kb))
    return Turn(slots, tuple(messages), False)


def _only_interest_names(requested: Optional[str], latest_message: Mapping[str, Any], previous: Mapping[str, Any],
                         kb: KnowledgeBase) -> Optional[str]:
    """The interest, when the role is asked, no topic was given yet, and the message only names topics or goals."""
    if requested != ROLE or previous.get(INTEREST) not in (None, SKIPPED):
        return None
    text = str(latest_message.get("text") or "")
    names = [e for e in latest_message.get("entities") or [] if e.get("entity") in ("topic", "goal")]
    if not names or any(not isinstance(e.get("start"), int) or not isinstance(e.get("end"), int) for e in names):
        return None
    rest = text
    for name in sorted(names, key=lambda e: e["start"], reverse=True):
        rest = rest[: name["start"]] + " " + rest[name["end"]:]
    if words.residue_after_names(rest):
        return None
    mentions = mentions_in(names, kb)
    return words.encode_interest(mentions.topics, mentions.goals) or None


def profile_from_slots(slots: Mapping[str, Any], kb: KnowledgeBase) -> LearnerProfile:
    """The learner's answers as a ``LearnerProfile``; skipped and missing answers become ``None``."""
    topics, goals = words.decode_interest(slots.get(INTEREST), kb) or ((), ())
    role_topics, role_goals = words.decode_interest(slots.get(ROLE_MATCHES_SLOT), kb) or ((), ())
    role = slots.get(ROLE)
    years = slots.get(YEARS_SLOT)
    coding = slots.get(CODING)
    budget = slots.get(BUDGET)
    enrolled = slots.get(ENROLLED)
    enrolled_at = kb.resolve("provider", enrolled) if isinstance(enrolled, str) else None
    return LearnerProfile(
        topics=topics,
        goals=goals,
        role=role if isinstance(role, str) and role != SKIPPED else None,
        role_topics=role_topics,
        role_goals=role_goals,
        years_in_field=int(years) if isinstance(years, (int, float)) and not isinstance(years, bool) else None,
        coding=coding if coding in CODING_LEVELS else None,
        can_travel={words.CAN_TRAVEL: True, words.ONLINE_ONLY: False}.get(slots.get(TRAVEL)),
        budget_usd=int(budget) if isinstance(budget, (int, float)) and not isinstance(budget, bool) else None,
        enrolled=None if enrolled in (None, SKIPPED) else enrolled != words.NOT_ENROLLED,
        enrolled_at=enrolled_at if enrolled_at == enrolled else None,
    )


def _as_int(value: Any) -> Optional[int]:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


class ValidateAdviceForm(FormValidationAction):
    """One validator per interview question, with a clear re-prompt when an answer can't be read."""

    def __init__(self, knowledge_base: Optional[KnowledgeBase] = None) -> None:
        self._kb = knowledge_base

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb if self._kb is not None else shared_knowledge_base()

    def name(self) -> Text:
        return "validate_advice_form"

    async def validate_advice_interest(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> Dict[Text, Any]:
        """The topic or goal: knowledge-base ids from the message, a button, or "not sure"."""
        return self._validate(INTEREST, value, dispatcher, tracker)

    async def validate_advice_role(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[Text, Any]:
        """The current role and years in the field, in one answer."""
        return self._validate(ROLE, value, dispatcher, tracker)

    async def validate_advice_coding(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        """Coding background: none, some or comfortable."""
        return self._validate(CODING, value, dispatcher, tracker)

    async def validate_advice_travel(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        """In-person courses possible, or online only."""
        return self._validate(TRAVEL, value, dispatcher, tracker)

    async def validate_advice_budget(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        """A tuition budget in US dollars, or none given."""
        return self._validate(BUDGET, value, dispatcher, tracker)

    async def validate_advice_enrolled(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> Dict[Text, Any]:
        """Whether, and where, the learner is enrolled now."""
        return self._validate(ENROLLED, value, dispatcher, tracker)

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        """Validate every slot the message filled; step aside if it was a question instead."""
        turn = self.read(tracker)
        logger.debug("sender=%s requested=%s slots=%s interruption=%s", tracker.sender_id,
                     tracker.get_slot(REQUESTED_SLOT), turn.slots, turn.interruption)
        for text in turn.messages:
            dispatcher.utter_message(text=text)
        events = await super().run(dispatcher, tracker, domain)
        # A slot read from this message that no mapping offered (the topic given late) is set here.
        validated = set(tracker.slots_to_validate())
        events.extend(SlotSet(slot, value) for slot, value in turn.slots.items()
                      if slot in QUESTIONS and slot not in validated)
        if turn.interruption:
            events.append(ActionExecutionRejected(self.form_name()))
        return events

    def read(self, tracker: Tracker) -> Turn:
        """The message as the interview reads it (from events, so it is the same for every slot)."""
        candidates = {slot: value for slot, value in tracker.slots_to_validate().items() if slot in QUESTIONS}
        previous = {slot: previous_value(tracker, slot) for slot in (*candidates, YEARS_SLOT)}
        return read_turn(candidates, tracker.get_slot(REQUESTED_SLOT), tracker.latest_message, previous, self.kb)

    def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        slots = self.read(tracker).slots
        extras = (YEARS_SLOT, ROLE_MATCHES_SLOT) if slot == ROLE else ()
        return {name: slots[name] for name in (slot, *extras) if name in slots}


class AskAdviceQuestion(KnowledgeAction, ABC):
    """Asks one interview question (the form calls ``action_ask_<slot>``)."""

    slot: Text = ""

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        self.send(dispatcher, words.question_answer(self.slot, self.kb))
        return []


class ActionAskInterest(AskAdviceQuestion):
    slot = INTEREST

    def name(self) -> Text:
        return "action_ask_advice_interest"


class ActionAskRole(AskAdviceQuestion):
    slot = ROLE

    def name(self) -> Text:
        return "action_ask_advice_role"


class ActionAskCoding(AskAdviceQuestion):
    slot = CODING

    def name(self) -> Text:
        return "action_ask_advice_coding"


class ActionAskTravel(AskAdviceQuestion):
    slot = TRAVEL

    def name(self) -> Text:
        return "action_ask_advice_travel"


class ActionAskBudget(AskAdviceQuestion):
    slot = BUDGET

    def name(self) -> Text:
        return "action_ask_advice_budget"


class ActionAskEnrolled(AskAdviceQuestion):
    slot = ENROLLED

    def name(self) -> Text:
        return "action_ask_advice_enrolled"


class ShortlistAction(KnowledgeAction, ABC):
    """Shared by the actions that rank, show or change the shortlist."""

    def answers(self, tracker: Tracker) -> Dict[str, Any]:
        return {slot: tracker.get_slot(slot) for slot in QUESTIONS}

    def make_shortlist(self, dispatcher: CollectingDispatcher, tracker: Tracker, slots: Mapping[str, Any],
                       heading: str) -> List[EventType]:
        """Rank, send the shortlist, and remember it (also as the last list shown, for "the first one")."""
        profile = profile_from_slots(slots, self.kb)
        recommendations = recommend(self.kb, profile)
        answers = {slot: slots.get(slot) for slot in QUESTIONS}
        self.send(dispatcher, words.shortlist_answer(recommendations, profile, answers, self.kb, self.citation, heading))
        chosen = [rec.program.id for rec in recommendations]
        events: List[EventType] = [SlotSet(SHORTLIST_SLOT, chosen), SlotSet(DONE_SLOT, True)]
        if chosen:
            events.append(SlotSet(LISTED_PROGRAMS_SLOT, chosen))
        return events


class ActionRecommendCertificates(ShortlistAction):
    """The form is complete: rank the certificates and show the shortlist."""

    def name(self) -> Text:
        return "action_recommend_certificates"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        return self.make_shortlist(dispatcher, tracker, tracker.current_slot_values(),
                                   "Your shortlist, from what you told me:")


class ActionShowShortlist(ShortlistAction):
    """ "Show my shortlist": the saved programs, in their saved order, assessed on the current answers."""

    def name(self) -> Text:
        return "action_show_shortlist"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        saved = tracker.get_slot(SHORTLIST_SLOT)
        text = tracker.latest_message.get("text") or ""
        if saved is None and not re.search(r"\bshort ?list", text, re.I) and (mentions.operations or mentions.attributes):
            # "list them" just after a count, "which programs started most recently?": a question, not the shortlist.
            return ActionAnswerQuestion(self._kb).answer(dispatcher, tracker, mentions)
        if saved is None:
            answered = sum(1 for slot in QUESTIONS if tracker.get_slot(slot) is not None)
            self.send(dispatcher, words.no_shortlist_yet_answer(answered, len(QUESTIONS)))
            return []
        profile = profile_from_slots(tracker.current_slot_values(), self.kb)
        known = [program_id for program_id in saved if self.kb.resolve("program", program_id) == program_id]
        recommendations = [recommendation_for(self.kb, profile, program_id) for program_id in known]
        heading = "Your shortlist:"
        if tracker.latest_message.get("intent", {}).get("name") == "start_guided_advice":
            heading = ("You already have a shortlist from your answers. Change an answer by telling me "
                       "(\"actually my budget is $3,000\"), or say \"reset my shortlist\" to start again.\n" + heading)
        answer = words.shortlist_answer(recommendations, profile, self.answers(tracker), self.kb, self.citation, heading)
        self.send(dispatcher, answer)
        return [SlotSet(LISTED_PROGRAMS_SLOT, known)] if known else []


class ActionResetShortlist(ShortlistAction):
    """Forget the answers and the shortlist (the form, if running, starts again)."""

    def name(self) -> Text:
        return "action_reset_shortlist"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        restarting = bool((tracker.active_loop or {}).get("name") == FORM)
        self.send(dispatcher, words.reset_answer(restarting))
        cleared = [*QUESTIONS, YEARS_SLOT, ROLE_MATCHES_SLOT, SHORTLIST_SLOT]
        return [SlotSet(slot, None) for slot in cleared] + [SlotSet(DONE_SLOT, False)]


class ActionUpdateAdviceAnswer(ShortlistAction):
    """An answer changed outside the form ("actually my budget is $3,000"): re-rank if there is a shortlist."""

    def name(self) -> Text:
        return "action_update_advice_answer"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        slot = SLOT_OF_INTENT.get(tracker.latest_message.get("intent", {}).get("name"))
        if slot is None:
            return []
        text = tracker.latest_message.get("text") or ""
        about_person = tracker.get_slot(PERSON_SLOT) and re.search(r"\b(she|he|her|his|him)\b", text, re.I)
        # "Is it fully remote?" just after a program: a question about it, not the travel answer.
        about_program = tracker.get_slot(PROGRAM_SLOT) and mentions.attributes and words.looks_like_question(text) \
            and re.search(r"\b(it|it's|its|that one|this one)\b", text, re.I)
        if about_person or about_program or asks_the_knowledge_base(mentions) and (words.looks_like_question(text) or mentions.operations):
            # "Anything under $6,500?", "Is RBS online?": questions, not a new interview answer.
            return ActionAnswerQuestion(self._kb).answer(dispatcher, tracker, mentions)
        checked = check_answer(slot, tracker.get_slot(slot), tracker.latest_message, self.kb)
        if checked.values is None and mentions.names_anything:
            # "I run a small law library and want to upskill, ideas?": no interview answer, a question.
            return ActionAnswerQuestion(self._kb).answer(dispatcher, tracker, mentions)
        if checked.values is None:
            self.send(dispatcher, words.unreadable_answer(slot))
            return [SlotSet(slot, previous_value(tracker, slot))]
        events: List[EventType] = [SlotSet(name, value) for name, value in checked.values.items()]
        slots = {**tracker.current_slot_values(), **checked.values}
        dispatcher.utter_message(text=words.correction_text(slot, checked.values[slot], self.kb, _as_int(slots.get(YEARS_SLOT))))
        if slot == CODING and checked.values[slot] == CODING_LEVELS[0] and not tracker.get_slot(DONE_SLOT):
            # "I've never coded, is that a problem?" asks for the learners' advice too.
            self.send(dispatcher, answers.prerequisites_answer(self.kb.prerequisites_for(), self.citation))
        complete = all(slots.get(question) is not None for question in QUESTIONS)
        if tracker.get_slot(DONE_SLOT) or complete:
            return events + self.make_shortlist(dispatcher, tracker, slots, "Your updated shortlist:")
        if slot == BUDGET and isinstance(checked.values[slot], int):
            # "What if my limit is 7000?": what fits that budget now, not only a note for later.
            filtered = kbq.filter_by_cost(self.kb, "under", checked.values[slot])
            self.send(dispatcher, query_answers.filter_answer(filtered, self.citation))
            events.append(SlotSet(LISTED_PROGRAMS_SLOT, [f.program.id for f, _ in filtered.passing]))
        self.send(dispatcher, words.continue_answer())
        return events
