"""The guided interview: the form's validation, its questions, and the shortlist actions.

``advice_form`` (domain/guided_advice.yml) asks six questions; ``validate_advice_form``
reads each answer with ``actions.guided_answers`` and keeps one canonical value per
slot. An answer to a question the form is not asking right now ("actually my budget
is $3,000") is a correction: it is acknowledged, and an unreadable correction keeps
the earlier answer. The shortlist itself comes from ``knowledge.recommend``.
"""
from __future__ import annotations

import logging
from abc import ABC
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import guided_answers as words
from actions.actions import KnowledgeAction
from actions.context import LISTED_PROGRAMS_SLOT, Mentions, mentions_in
from actions.guided_answers import BUDGET, CODING, ENROLLED, INTEREST, QUESTIONS, ROLE, SKIPPED, TRAVEL
from actions.shared_knowledge import shared_knowledge_base
from knowledge import KnowledgeBase
from knowledge.recommend import CODING_LEVELS, LearnerProfile, recommend, recommendation_for

logger = logging.getLogger(__name__)

FORM = "advice_form"
REQUESTED_SLOT = "requested_slot"
YEARS_SLOT = "advice_years"
ROLE_MATCHES_SLOT = "advice_role_matches"
SHORTLIST_SLOT = "advice_shortlist"
DONE_SLOT = "advice_done"

# Which question an "inform" intent answers, for changes made outside the form.
SLOT_OF_INTENT = {
    "inform_role": ROLE,
    "inform_coding": CODING,
    "inform_travel": TRAVEL,
    "inform_budget": BUDGET,
    "inform_enrollment": ENROLLED,
}


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
        parsed = words.parse_interest(value, mentions.topics, mentions.goals, kb)
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


def _years(slots: Mapping[str, Any]) -> Optional[int]:
    years = slots.get(YEARS_SLOT)
    return int(years) if isinstance(years, (int, float)) and not isinstance(years, bool) else None


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

    def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        checked = check_answer(slot, value, tracker.latest_message, self.kb)
        requested = tracker.get_slot(REQUESTED_SLOT)
        is_correction = requested is not None and requested != slot
        logger.debug("sender=%s slot=%s valid=%s correction=%s", tracker.sender_id, slot,
                     checked.values is not None, is_correction)
        if checked.values is None:
            if is_correction:
                dispatcher.utter_message(text=words.unreadable_answer(slot).text)
                return {slot: previous_value(tracker, slot)}
            if requested is not None:
                dispatcher.utter_message(text=checked.reprompt)
            return {slot: None}
        if is_correction:
            years = checked.values.get(YEARS_SLOT, _years(tracker.slots))
            dispatcher.utter_message(text=words.correction_text(slot, checked.values[slot], self.kb, years))
        return checked.values


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
        checked = check_answer(slot, tracker.get_slot(slot), tracker.latest_message, self.kb)
        if checked.values is None:
            self.send(dispatcher, words.unreadable_answer(slot))
            return [SlotSet(slot, previous_value(tracker, slot))]
        events: List[EventType] = [SlotSet(name, value) for name, value in checked.values.items()]
        slots = {**tracker.current_slot_values(), **checked.values}
        dispatcher.utter_message(text=words.correction_text(slot, checked.values[slot], self.kb, _years(slots)))
        complete = all(slots.get(question) is not None for question in QUESTIONS)
        if tracker.get_slot(DONE_SLOT) or complete:
            return events + self.make_shortlist(dispatcher, tracker, slots, "Your updated shortlist:")
        self.send(dispatcher, words.continue_answer())
        return events
