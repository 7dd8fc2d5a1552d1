"""The guided interview's Rasa actions: the form's validation, its questions, and the shortlist.

``advice_form`` (domain/guided_advice.yml) asks six questions; ``validate_advice_form``
reads each message with ``actions.guided.turn_reading`` and keeps one canonical value
per slot; when the message is a question instead, the form steps aside
(``ActionExecutionRejected``) so that the rules answer it and the form asks again.
The questions' words are in ``actions.guided.prompts``, the shortlist's in
``actions.guided.shortlist``; the ranking itself comes from ``knowledge.recommend``.
"""
from __future__ import annotations

import logging
import re
from abc import ABC
from dataclasses import replace
from typing import Any, Dict, List, Mapping, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import answers, query_answers
from actions import message_patterns as said
from actions.actions import ActionAnswerQuestion, KnowledgeAction
from actions.guided.parsers import looks_like_question
from actions.guided.profile import profile_from_slots, whole_number
from actions.guided.prompts import continue_answer, correction_text, question_answer
from actions.guided.shortlist import no_shortlist_yet_answer, reset_answer, shortlist_answer
from actions.guided.turn_reading import SLOT_OF_INTENT, Turn, check_answer, later_answers, previous_value, read_turn
from actions.slots import (
    BUDGET,
    CODING,
    DONE_SLOT,
    ENROLLED,
    INTEREST,
    LAST_QUESTION_SLOT,
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
from actions.understanding import Mentions, asks_the_knowledge_base
from actions.shared_knowledge import shared_knowledge_base
from knowledge import KnowledgeBase
from knowledge import query as kbq
from knowledge.recommend import CODING_LEVELS, recommend, recommendation_for

logger = logging.getLogger(__name__)

FORM = "advice_form"


class ValidateAdviceForm(FormValidationAction):
    """One validator per interview question, with a clear re-prompt when an answer can't be read."""

    def __init__(self, knowledge_base: Optional[KnowledgeBase] = None) -> None:
        self._kb = knowledge_base
        # The turn read once per request, by the tracker it was read from; one action object serves
        # every conversation, so requests in flight at the same time each find their own.
        self._turns: Dict[int, Turn] = {}

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
        self._turns[id(tracker)] = turn
        try:
            events = await super().run(dispatcher, tracker, domain)
        finally:
            del self._turns[id(tracker)]
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
        requested = tracker.get_slot(REQUESTED_SLOT)
        turn = read_turn(candidates, requested, tracker.latest_message, previous, self.kb)
        if turn.interruption or requested not in turn.slots or turn.slots.get(requested) is None:
            return turn
        unanswered = [slot for slot in QUESTIONS if tracker.get_slot(slot) is None and slot not in candidates]
        later = later_answers(tracker.latest_message.get("text"), requested, unanswered, tracker.latest_message, self.kb)
        if not later:
            return turn
        noted = tuple(correction_text(slot, value, self.kb) for slot, value in later.items() if slot in QUESTIONS)
        return replace(turn, slots={**turn.slots, **later}, messages=(*turn.messages, *noted))

    def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        turn = self._turns.get(id(tracker))
        slots = (turn if turn is not None else self.read(tracker)).slots
        extras = (YEARS_SLOT, ROLE_MATCHES_SLOT) if slot == ROLE else ()
        return {name: slots[name] for name in (slot, *extras) if name in slots}


class AskAdviceQuestion(KnowledgeAction, ABC):
    """Asks one interview question (the form calls ``action_ask_<slot>``)."""

    slot: Text = ""

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        self.send(dispatcher, question_answer(self.slot, self.kb))
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
        self.send(dispatcher, shortlist_answer(recommendations, profile, answers, self.kb, self.citation, heading))
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
            self.send(dispatcher, no_shortlist_yet_answer(answered, len(QUESTIONS)))
            return []
        profile = profile_from_slots(tracker.current_slot_values(), self.kb)
        known = [program_id for program_id in saved if self.kb.resolve("program", program_id) == program_id]
        recommendations = [recommendation_for(self.kb, profile, program_id) for program_id in known]
        heading = "Your shortlist:"
        if tracker.latest_message.get("intent", {}).get("name") == "start_guided_advice":
            heading = ("You already have a shortlist from your answers. Change an answer by telling me "
                       "(\"actually my budget is $3,000\"), or say \"reset my shortlist\" to start again.\n" + heading)
        answer = shortlist_answer(recommendations, profile, self.answers(tracker), self.kb, self.citation, heading)
        self.send(dispatcher, answer)
        return [SlotSet(LISTED_PROGRAMS_SLOT, known)] if known else []


class ActionResetShortlist(ShortlistAction):
    """Forget the answers and the shortlist (the form, if running, starts again)."""

    def name(self) -> Text:
        return "action_reset_shortlist"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        restarting = bool((tracker.active_loop or {}).get("name") == FORM)
        self.send(dispatcher, reset_answer(restarting))
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
        in_context = tracker.get_slot(PROGRAM_SLOT) or tracker.get_slot(LISTED_PROGRAMS_SLOT)
        about_program = in_context and mentions.attributes and (
            (looks_like_question(text) and re.search(r"\b(it|it's|its|that|this|those|these|they|them)\b", text, re.I))
            or (len(text.split()) <= 4 and not tracker.get_slot(DONE_SLOT)))  # "online?" just after a certificate
        never_started = all(tracker.get_slot(question) is None for question in QUESTIONS)
        # "each one 1395?", "so the total is about 7k" just after a price: the price checked, not a budget
        checks_a_price = slot == BUDGET and in_context \
            and (tracker.get_slot(LAST_QUESTION_SLOT) in ("cost", "compare", "structure") or "cost" in mentions.attributes) \
            and bool(said.A_FIGURE.search(text)) and not said.WISH.search(text) \
            and not re.search(r"\b(my|i|i'?ve|budget|if|stretch\w*|afford|spend|max|up to)\b", text, re.I)
        if (never_started and looks_like_question(text)) or checks_a_price \
                or about_person or about_program or asks_the_knowledge_base(mentions) and (looks_like_question(text) or mentions.operations) \
                or (looks_like_question(text) and (mentions.operations or said.ANY_OF_ALL.search(text)
                                                   or "funding" in mentions.attributes)) \
                or (len(set(mentions.amounts)) >= 2 and said.PRICE_RANGE.search(text)):  # "any between 6500 and 7000"
            # "Is there a sister program at the same school?", "which of the certificates can be done online?"
            # "And online-only?" before any interview: a question, not an answer to a question never asked.
            # "Anything under $6,500?", "Is RBS online?", "would a scholarship cover the full $6,000?":
            # questions, not a new interview answer.
            return ActionAnswerQuestion(self._kb).answer(dispatcher, tracker, mentions)
        checked = check_answer(slot, tracker.get_slot(slot), tracker.latest_message, self.kb)
        wishes = bool(said.WISH.search(text))
        if checked.values is None or ((mentions.goals or mentions.topics or wishes) and not tracker.get_slot(DONE_SLOT)):
            # "I run a small law library, ideas?", "does that include travel?": outside the interview, a
            # message that is no readable answer is a question; so is a goal, a subject or a wish ("I need to
            # update my skills", "I'd like to end up in a hospital library", "I want to work in a museum").
            return ActionAnswerQuestion(self._kb).answer(dispatcher, tracker, mentions)
        events: List[EventType] = [SlotSet(name, value) for name, value in checked.values.items()]
        slots = {**tracker.current_slot_values(), **checked.values}
        dispatcher.utter_message(text=correction_text(slot, checked.values[slot], self.kb, whole_number(slots.get(YEARS_SLOT))))
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
            events += [SlotSet(LISTED_PROGRAMS_SLOT, [f.program.id for f, _ in filtered.passing]),
                       SlotSet(LAST_QUESTION_SLOT, "cost")]  # "and with 7k?" next is about price too
        self.send(dispatcher, continue_answer())
        return events
