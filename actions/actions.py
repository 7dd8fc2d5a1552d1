"""Thin Rasa actions: read the context, ask the knowledge base one question, send one answer."""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.answer import Answer
from actions.context import (
    LAST_QUESTION_SLOT,
    LISTED_PROGRAMS_SLOT,
    PROGRAM_SLOT,
    Mentions,
    Subject,
    mentions_in,
    resolve_subject,
)
from actions.shared_knowledge import shared_knowledge_base
from knowledge import KnowledgeBase

logger = logging.getLogger(__name__)


class KnowledgeAction(Action, ABC):
    """Base of the advisor's actions: holds the knowledge base and sends answers."""

    def __init__(self, knowledge_base: Optional[KnowledgeBase] = None) -> None:
        self._kb = knowledge_base

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb if self._kb is not None else shared_knowledge_base()

    @abstractmethod
    def name(self) -> Text:
        """The action's name in the domain."""

    def mentions(self, tracker: Tracker) -> Mentions:
        return mentions_in(tracker.latest_message.get("entities", []), self.kb)

    def subject(self, tracker: Tracker, mentions: Mentions) -> Subject:
        return resolve_subject(
            mentions, tracker.get_slot(PROGRAM_SLOT), tracker.get_slot(LISTED_PROGRAMS_SLOT), self.kb
        )

    @staticmethod
    def send(dispatcher: CollectingDispatcher, answer: Answer) -> None:
        dispatcher.utter_message(**answer.as_message())

    @property
    def citation(self) -> str:
        return self.kb.article.short_citation

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        logger.debug("sender=%s action=%s", tracker.sender_id, self.name())
        return self.answer(dispatcher, tracker, self.mentions(tracker))

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        """Send the answer for this turn and return the events that update the context."""


class ProgramQuestion(KnowledgeAction):
    """A question about one program: cost, funding, prerequisites or details."""

    intent: Text = ""
    question: Text = ""

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        subject = self.subject(tracker, mentions)
        events: List[EventType] = [SlotSet(LAST_QUESTION_SLOT, self.question)]
        if subject.program:
            self.send(dispatcher, self.about_program(subject.program))
            return events + [SlotSet(PROGRAM_SLOT, subject.program)]
        if subject.provider:
            return events + self.about_provider(dispatcher, subject.provider)
        if subject.out_of_range:
            listed = tracker.get_slot(LISTED_PROGRAMS_SLOT) or []
            self.send(dispatcher, answers.out_of_range_answer(subject.out_of_range, len(listed)))
            return events
        return events + self.without_subject(dispatcher, tracker, mentions)

    @abstractmethod
    def about_program(self, program_id: str) -> Answer:
        """The answer about one program."""

    def about_provider(self, dispatcher: CollectingDispatcher, provider_id: str) -> List[EventType]:
        """Several programs at one school: ask which, and remember them as the list shown."""
        programs = self.kb.programs_of(provider_id)
        prompt = f"{self.kb.provider(provider_id).name} has {len(programs)} certificates. Which one do you mean?"
        self.send(dispatcher, answers.which_program_answer(self.intent, programs, self.kb, prompt))
        return [SlotSet(LISTED_PROGRAMS_SLOT, [p.id for p in programs])]

    def without_subject(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        prompt = f"Which school's certificate do you mean? (I'll answer about its {self.question}.)"
        self.send(dispatcher, answers.which_institution_answer(self.intent, self.kb.providers, prompt))
        return []


class ActionAnswerCost(ProgramQuestion):
    intent, question = "ask_cost", "cost"

    def name(self) -> Text:
        return "action_answer_cost"

    def about_program(self, program_id: str) -> Answer:
        return answers.cost_answer(self.kb.cost_of(program_id), self.citation)

    def about_provider(self, dispatcher: CollectingDispatcher, provider_id: str) -> List[EventType]:
        # Tuition is set per school, so one answer serves all its certificates.
        programs = self.kb.programs_of(provider_id)
        self.send(dispatcher, answers.provider_cost_answer(self.kb.provider(provider_id), programs, self.citation))
        return [SlotSet(LISTED_PROGRAMS_SLOT, [p.id for p in programs])]


class ActionAnswerFunding(ProgramQuestion):
    intent, question = "ask_funding", "funding"

    def name(self) -> Text:
        return "action_answer_funding"

    def about_program(self, program_id: str) -> Answer:
        return answers.funding_answer(self.kb.funding_for(program_id), self.citation)

    def about_provider(self, dispatcher: CollectingDispatcher, provider_id: str) -> List[EventType]:
        # Funding rules are the school's, the same for each of its certificates.
        programs = self.kb.programs_of(provider_id)
        facts = self.kb.funding_for(programs[0].id)
        self.send(dispatcher, answers.funding_answer(facts, self.citation, for_provider=True))
        return [SlotSet(LISTED_PROGRAMS_SLOT, [p.id for p in programs])]

    def without_subject(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        self.send(dispatcher, answers.general_funding_answer(self.kb.landscape, self.citation))
        return []


class ActionAnswerPrerequisites(ProgramQuestion):
    intent, question = "ask_prerequisites", "prerequisites"

    def name(self) -> Text:
        return "action_answer_prerequisites"

    def about_program(self, program_id: str) -> Answer:
        return answers.prerequisites_answer(self.kb.prerequisites_for(program_id=program_id), self.citation)

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        # "Do I need coding for data science?" is about the topic, not the last program.
        if mentions.topics and not mentions.programs and not mentions.institutions:
            advice = self.kb.prerequisites_for(topic_id=mentions.topics[0])
            self.send(dispatcher, answers.prerequisites_answer(advice, self.citation))
            return [SlotSet(LAST_QUESTION_SLOT, self.question)]
        return super().answer(dispatcher, tracker, mentions)

    def without_subject(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        self.send(dispatcher, answers.prerequisites_answer(self.kb.prerequisites_for(), self.citation))
        return []


class ActionDescribeProgram(ProgramQuestion):
    intent, question = "ask_program_details", "details"

    def name(self) -> Text:
        return "action_describe_program"

    def about_program(self, program_id: str) -> Answer:
        return answers.program_card(self.kb.facts_about(program_id), self.citation)

    def about_provider(self, dispatcher: CollectingDispatcher, provider_id: str) -> List[EventType]:
        matches = self.kb.find_programs(provider=provider_id)
        self.send(dispatcher, answers.program_list_answer(matches, self.kb.provider(provider_id).name))
        return [SlotSet(LISTED_PROGRAMS_SLOT, [m.program.id for m in matches])]


class ActionAnswerFollowUp(KnowledgeAction):
    """ "And at Rare Book School?": the last question again, about the program now named."""

    def name(self) -> Text:
        return "action_answer_follow_up"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        question = tracker.get_slot(LAST_QUESTION_SLOT) or "details"
        action = {cls.question: cls for cls in QUESTION_ACTIONS}.get(question, ActionDescribeProgram)
        if mentions.topics and not mentions.programs and not mentions.institutions and question != "prerequisites":
            return ActionFindCertificates(self._kb).answer(dispatcher, tracker, mentions)
        return action(self._kb).answer(dispatcher, tracker, mentions)


class ActionFindCertificates(KnowledgeAction):
    """Programs for the topics, goals and school in the message, ranked, with reasons."""

    def name(self) -> Text:
        return "action_find_certificates"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        provider = mentions.institutions[0] if mentions.institutions else None
        matches = self.kb.find_programs(topics=mentions.topics, goals=mentions.goals, provider=provider)
        criteria = answers.describe_criteria(self.kb, mentions.topics, mentions.goals, provider)
        if not matches:
            self.send(dispatcher, answers.no_match_answer(criteria, self.kb.landscape, self.citation))
            return [SlotSet(LISTED_PROGRAMS_SLOT, [])]
        self.send(dispatcher, answers.program_list_answer(matches, criteria))
        listed = [m.program.id for m in matches[: answers.MAX_LISTED]]
        events: List[EventType] = [SlotSet(LISTED_PROGRAMS_SLOT, listed), SlotSet(LAST_QUESTION_SLOT, "details")]
        if len(listed) == 1:
            events.append(SlotSet(PROGRAM_SLOT, listed[0]))
        return events


class ActionComparePrograms(KnowledgeAction):
    """Two programs side by side; missing ones come from context or a question."""

    def name(self) -> Text:
        return "action_compare_programs"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        chosen: List[str] = list(mentions.programs)
        for provider_id in mentions.institutions:
            programs = self.kb.programs_of(provider_id)
            if not any(self.kb.program(p).provider == provider_id for p in chosen):
                chosen.append(programs[0].id)
        current = tracker.get_slot(PROGRAM_SLOT)
        if len(chosen) == 1 and current and current != chosen[0] and self.kb.resolve("program", current):
            chosen.insert(0, current)
        listed = tracker.get_slot(LISTED_PROGRAMS_SLOT) or []
        if not chosen and len(listed) >= 2:
            chosen = listed[:2]
        if len(chosen) < 2:
            prompt = "Which two certificates should I compare? Name them, e.g. \"compare CalRBS and RBS\"."
            others = [p for p in self.kb.programs if p.id not in chosen][:6]
            self.send(dispatcher, answers.which_program_answer("compare_programs", others, self.kb, prompt)
                      if not chosen else answers.Answer(prompt))
            return []
        comparison = self.kb.compare(chosen[0], chosen[1])
        self.send(dispatcher, answers.comparison_answer(comparison, self.citation))
        return [SlotSet(LISTED_PROGRAMS_SLOT, chosen[:2]), SlotSet(PROGRAM_SLOT, chosen[1])]


class ActionAnswerLandscape(KnowledgeAction):
    def name(self) -> Text:
        return "action_answer_landscape"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        self.send(dispatcher, answers.landscape_answer(self.kb.landscape, len(self.kb.programs), self.citation))
        return []


class ActionAnswerWorthIt(KnowledgeAction):
    def name(self) -> Text:
        return "action_answer_worth_it"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        self.send(dispatcher, answers.worth_it_answer(self.kb.worth_it, self.citation))
        return []


QUESTION_ACTIONS = (ActionAnswerCost, ActionAnswerFunding, ActionAnswerPrerequisites, ActionDescribeProgram)
