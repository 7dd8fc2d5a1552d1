"""Thin Rasa actions: understand the message, query the knowledge base, compose one answer.

Every question about certificates goes through one path: ``understanding.understand``
turns the message (entities, intent, context slots) into a ``knowledge.query.Query``,
a ``Clarification`` or a special kind of answer; ``QuestionAction.respond`` runs it
and hands the result to one composer. The actions differ only in what they ask
when the message itself names no attribute (the intent's default).
"""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import replace
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, query_answers
from actions.answer import CLARIFICATION, Answer, about
from actions.context import existing_program, existing_programs, program_after_list, programs_discussed
from actions.people_reading import learners_of
from actions.situation_reading import CAREER_STAGES, career_stage_of
from actions.slots import (
    CAREER_STAGE_SLOT,
    INSTITUTION_SLOT,
    LAST_QUESTION_SLOT,
    LISTED_PROGRAMS_SLOT,
    PERSON_SLOT,
    PROGRAM_SLOT,
)
from actions.shared_knowledge import shared_knowledge_base
from actions.small_talk import small_talk_response
from actions.understanding import (
    Clarification,
    Context,
    NEVER_GIVEN,
    Mentions,
    Special,
    in_scope,
    person_story,
    mentions_in,
    understand,
)
from knowledge import KnowledgeBase
from knowledge import query as kbq
from knowledge.query import Query
from knowledge.retrieval import fact_index

logger = logging.getLogger(__name__)

# Attributes whose facts the article gives per school, so one answer serves all its certificates.
PROVIDER_ATTRIBUTES = {"cost", "funding"}
# Attributes a certificate has or has not (no pathways means none, not "unknown").
HAD_OR_NOT = {"pathways", "hardest"}
# Conversational intents whose own response is the answer unless the message asks the knowledge
# base something after all ("who is Cristian Román-Palacios?" is easily read as "are you a bot?").
OWN_RESPONSES = {"out_of_scope": "", "bot_challenge": "utter_iamabot", "help": "utter_help"}


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
        return mentions_in(tracker.latest_message.get("entities", []), self.kb, tracker.latest_message.get("text") or "")

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


# Attributes the article gives in someone's words: "who said that?" just after one is that person.
STATED_BY_PEOPLE = ("growth", "started", "audience", "eligibility")


class QuestionAction(KnowledgeAction):
    """Any question about certificates: understand -> query -> compose."""

    intent: Text = ""
    default_attribute: Optional[str] = None

    def name(self) -> Text:
        return "action_answer_question"

    def default_for(self, context: Context) -> Optional[str]:
        """What this action asks when the message names no attribute."""
        return self.default_attribute

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, mentions: Mentions) -> List[EventType]:
        message = tracker.latest_message or {}
        intent = ((message.get("intent") or {}).get("name")) or self.intent
        text = message.get("text") or ""
        last = tracker.get_slot(LAST_QUESTION_SLOT)
        context = Context(
            program=existing_program(self.kb, tracker.get_slot(PROGRAM_SLOT)),
            listed=existing_programs(self.kb, tracker.get_slot(LISTED_PROGRAMS_SLOT)),
            last_attribute=last if isinstance(last, str) else None,
            person=self.kb.resolve("person", tracker.get_slot(PERSON_SLOT)),
            provider=self.kb.resolve("provider", tracker.get_slot(INSTITUTION_SLOT)),
            career_stage=tracker.get_slot(CAREER_STAGE_SLOT) if tracker.get_slot(CAREER_STAGE_SLOT) in CAREER_STAGES else None,
            discussed=programs_discussed(self.kb, tracker.events),
        )
        if context.program and program_after_list(self.kb, tracker.events):
            context = replace(context, listed=(*context.listed, context.program))  # "either of them": the list and the one after it
        understood = None
        if intent not in OWN_RESPONSES or in_scope(mentions, text, context):
            understood = understand(text, intent, mentions, context, self.kb, self.default_for(context))
        elif mentions.empty or mentions.unknown or not (mentions.names_anything or mentions.attributes):
            # "Who built that stacks mapping tool?" (read as "are you a bot?"): words only a person's story holds.
            person = person_story(text, self.kb, mentions.unknown)
            understood = Query("describe", person=person) if person else None
        logger.debug("sender=%s intent=%s understood=%s", tracker.sender_id, intent, understood)
        small_talk = small_talk_response(text)
        if small_talk and not isinstance(understood, (Query, Special, Clarification)):
            dispatcher.utter_message(response=small_talk)  # "thanks, bye", which NLU did not place
            return []
        if intent in OWN_RESPONSES and not isinstance(understood, (Query, Special, Clarification)):
            if OWN_RESPONSES[intent]:
                dispatcher.utter_message(response=OWN_RESPONSES[intent])
            else:
                self.send(dispatcher, answers.out_of_scope_answer())
            return []
        answer, events = self.respond(understood, text, context, intent)
        self.send(dispatcher, answer)
        stage = career_stage_of(text)
        return events + [SlotSet(CAREER_STAGE_SLOT, stage)] if stage else events  # "8 yrs in": kept for "someone like me"

    # -- from understanding to an answer ---------------------------------------------------

    def respond(self, understood: Any, text: str, context: Context, intent: str = "") -> Tuple[Answer, List[EventType]]:
        """The answer and the context events for what was understood."""
        kb, citation = self.kb, self.citation
        if isinstance(understood, Query):
            answer, events = self.answer_query(understood)
            followed = kb.person(context.person) if context.person else None
            if followed and followed.relation == "learner" and understood.operation == "lookup" \
                    and set(understood.programs) & set(followed.programs):
                # "Who is her program aimed at?" of Marina Morgan's certificate quotes Linda Main: "she" is still Marina.
                events = [e for e in events if not (e.get("event") == "slot" and e.get("name") == PERSON_SLOT
                                                    and e.get("value") != context.person)]
            return answer, events
        if isinstance(understood, Clarification):
            return self.clarify(understood, context)
        if isinstance(understood, Special):
            if understood.kind == "article":
                author = next((p.id for p in kb.people if p.relation == "author"), None)
                return query_answers.article_answer(kb.article, citation), [SlotSet(PERSON_SLOT, author)] if author else []
            if understood.kind == "people":
                # "Did either of them struggle?" next: the learners' certificates are the list just shown.
                taken = [pid for person in kb.people if person.relation == "learner" for pid in person.programs]
                # "Who are they?" next is the people again (with no certificate in context).
                return query_answers.people_answer(kb.people, {p.id: p for p in kb.programs}, citation), [
                    SlotSet(LAST_QUESTION_SLOT, "quotes")] + ([SlotSet(LISTED_PROGRAMS_SLOT, list(dict.fromkeys(taken)))]
                                                            if understood.attribute == "learners" else [])
            if understood.kind == "without_masters":
                return query_answers.without_masters_answer(kb.landscape, citation), []
            if understood.kind in ("not_named", "not_named_place"):
                return query_answers.not_named_answer(understood.attribute or "", kb.providers, kb.landscape, citation,
                                                      place=understood.kind == "not_named_place"), []
            if understood.kind == "out_of_scope":
                return answers.out_of_scope_answer(), []
            if understood.kind == "landscape":
                return answers.landscape_answer(kb.landscape, len(kb.programs), citation), []
            if understood.kind == "worth_it":
                return answers.worth_it_answer(kb.worth_it, citation), []
            if understood.kind == "which_topic":
                labels = {t.id: t.label for t in kb.topics}
                return query_answers.topic_question_answer(kb.programs, labels), [SlotSet(LISTED_PROGRAMS_SLOT, [])]
            if understood.kind == "out_of_range":
                return answers.out_of_range_answer(understood.position, len(context.listed)), []
            events = [SlotSet(LAST_QUESTION_SLOT, understood.attribute)]
            if understood.attribute == "prerequisites":
                events += self.cited(kb.prerequisites_for())
            return self.general(understood.attribute), events
        return self.nothing_understood(text, intent, context), []

    def answer_query(self, query: Query) -> Tuple[Answer, List[EventType]]:
        answer, events = self.answer_query_alone(query)
        if query.among:
            events = events + [SlotSet(LISTED_PROGRAMS_SLOT, list(query.among))]  # "now the second one" points into them
        return answer, events

    def answer_query_alone(self, query: Query) -> Tuple[Answer, List[EventType]]:
        """The answer to one query and the context it leaves, by operation."""
        kb, citation = self.kb, self.citation
        op = query.operation
        if op == "describe" and query.person:
            facts = kbq.person_facts(kb, query.person)
            # "What's Linda Main's email?": what the article never gives of anyone is not said of her either;
            # but who runs or teaches what is in a staff member's role ("what program does he coordinate?").
            attribute = kbq.UNSAID if query.attribute in NEVER_GIVEN - {"leadership", "instructors"} else query.attribute
            answer = query_answers.person_answer(facts, attribute, kb.article, citation)
            programs = [p.id for p in facts.programs]
            return answer, [SlotSet(LISTED_PROGRAMS_SLOT, programs), SlotSet(PERSON_SLOT, query.person)] + (
                [SlotSet(PROGRAM_SLOT, programs[0])] if len(programs) == 1 else [])
        if op == "rank":
            ranking = kbq.rank(kb, query.attribute, query.order, query.programs)
            # What "it", "them" and "the second one" point at next: what the answer named.
            # A group ranked ("which is cheaper?" after two) stays the group for "by how much?".
            listed = [f.program.id for f, v in ranking.ranked if query.full or query.programs or v == ranking.ranked[0][1]]
            if not ranking.ranked and len(query.programs) >= 2:
                listed = list(query.programs)  # none ranked ("which is cheaper?" with no prices): "which is shorter?" is of them still
            asked = "cost" if query.attribute == "course_cost" else query.attribute
            events = [SlotSet(LISTED_PROGRAMS_SLOT, listed), SlotSet(LAST_QUESTION_SLOT, asked)]
            first = [f.program.id for f, v in ranking.ranked if v == ranking.ranked[0][1]]
            # "It" is the first only when one is first: after "2021 each" it is neither of the two.
            events.append(SlotSet(PROGRAM_SLOT, first[0] if len(first) == 1 else None))
            schools = {kb.program(pid).provider for pid in first}
            if len(first) > 1 and len(schools) == 1 and set(first) == {p.id for p in kb.programs_of(next(iter(schools)))}:
                # A tie of a whole school ("CalRBS's two, $6,000"): "is that per course?" is of that school.
                events.append(SlotSet(INSTITUTION_SLOT, next(iter(schools))))
            return query_answers.ranking_answer(ranking, citation, full=query.full), events
        if op == "filter":
            filtered = kbq.filter_by_cost(kb, query.bound, query.amount, query.programs,
                                          per_course=query.attribute == "course_cost", upper=query.upper)
            listed = [f.program.id for f, _ in (filtered.passing or filtered.failing)]  # those the answer names
            return query_answers.filter_answer(filtered, citation), [SlotSet(LISTED_PROGRAMS_SLOT, listed),
                                                                     SlotSet(LAST_QUESTION_SLOT, "cost")]
        if op == "compare":
            if len(query.programs) == 2:
                comparison = kb.compare(query.programs[0], query.programs[1])
                answer = answers.comparison_answer(comparison, citation)
            else:
                answer = query_answers.group_comparison_answer(kbq.compare_group(kb, query.programs), citation)
            return answer, [SlotSet(LISTED_PROGRAMS_SLOT, list(query.programs)), SlotSet(PROGRAM_SLOT, query.programs[-1]),
                            SlotSet(LAST_QUESTION_SLOT, "compare"), self.school_of(query.programs)]
        if op == "total":
            total = kbq.tuition_total(kb, query.programs, query.courses, query.course_counts)
            return query_answers.total_answer(total, citation), [
                SlotSet(LISTED_PROGRAMS_SLOT, list(query.programs)), SlotSet(LAST_QUESTION_SLOT, "cost"),
                self.school_of(query.programs)]
        if op == "count":
            count = kbq.count(kb, query.programs, query.provider)
            if query.attribute == "provider" and query.provider is None:  # "how many schools?"
                schools = [query_answers.school_with_place(kb.provider(pid))
                           for pid in dict.fromkeys(p.provider for p in count.programs)]
                return query_answers.count_answer(count, citation, schools), []
            named = len(count.programs) < len(kb.programs) or query.provider is not None  # all are counted, not named
            return query_answers.count_answer(count, citation, of_all=len(kb.programs)), [
                SlotSet(LISTED_PROGRAMS_SLOT, [p.id for p in count.programs] if named else [])]
        if op == "find":
            return self.find(query)
        if op == "describe":
            return self.describe(query)
        answer, events = self.lookup(query)
        for attribute in query.also:  # "is the nlp cert new and is it online?": each question answered in turn
            more, _ = self.lookup(replace(query, attribute=attribute, also=()))
            answer = answers.joined_answer(answer, more, self.citation)
        return answer, events

    def find(self, query: Query) -> Tuple[Answer, List[EventType]]:
        kb = self.kb
        matches = kb.find_programs(topics=query.topics, goals=query.goals, provider=query.provider)
        if any(not m.by_courses_only for m in matches):
            # "Any certificate about activism?": the ones about it, not every one with a course touching it.
            matches = [m for m in matches if not m.by_courses_only]
        matches = self.fitting_every_criterion(matches, query)
        criteria = answers.describe_criteria(kb, query.topics, query.goals, query.provider)
        if not matches:
            # "Does CalRBS teach bookbinding too?" - no: "what does it teach then?" is about that school next.
            school = [SlotSet(INSTITUTION_SLOT, query.provider), SlotSet(PROGRAM_SLOT, None)] if query.provider else []
            # "Does SJSU have a rare books certificate?": no, and these are the ones the article names for it.
            elsewhere = [m for m in kb.find_programs(topics=query.topics) if not m.by_courses_only] \
                if query.provider and query.topics and not query.goals else []
            subject = answers.describe_criteria(kb, query.topics, (), None)
            return answers.no_match_answer(criteria, kb.landscape, self.citation, elsewhere, subject), [
                SlotSet(LISTED_PROGRAMS_SLOT, [m.program.id for m in elsewhere][: answers.MAX_LISTED])] + school
        limit = answers.MAX_LISTED if criteria else None  # "list all the certificates": all of them
        listed = [m.program.id for m in matches[:limit]]
        events: List[EventType] = [SlotSet(LISTED_PROGRAMS_SLOT, listed), SlotSet(LAST_QUESTION_SLOT, "details")]
        # "It" is now the one listed, or none of several (not a program discussed before the list).
        events.append(SlotSet(PROGRAM_SLOT, listed[0] if len(listed) == 1 else None))
        return answers.program_list_answer(matches, criteria, limit), events

    def fitting_every_criterion(self, matches: Sequence[Any], query: Query) -> Sequence[Any]:
        """For a search on several topics or goals, the programs that fit them all, when some do: a
        metadata librarian who wants to lead discovery projects and lacks technical skills is shown the
        certificate for both, not also every certificate that only teaches technical skills."""
        criteria = [("topics", t) for t in dict.fromkeys(query.topics)] + [("goals", g) for g in dict.fromkeys(query.goals)]
        if len(criteria) < 2:
            return matches
        fitting = {m.program.id for m in matches}
        for kind, value in criteria:
            found = self.kb.find_programs(provider=query.provider, **{kind: (value,)})
            # A subject only some courses touch still narrows the list ("special collections" and "pedagogy").
            fitting &= {m.program.id for m in found if not m.by_courses_only} or {m.program.id for m in found}
        return [m for m in matches if m.program.id in fitting] if fitting else matches

    def describe(self, query: Query) -> Tuple[Answer, List[EventType]]:
        kb = self.kb
        if len(query.programs) == 1:
            program_id = query.programs[0]
            return answers.program_card(kb.facts_about(program_id), self.citation), [
                SlotSet(PROGRAM_SLOT, program_id), SlotSet(LAST_QUESTION_SLOT, "details")]
        matches = tuple(m for m in kb.find_programs(provider=query.provider) if m.program.id in query.programs) \
            if query.provider else tuple(m for pid in query.programs for m in kb.find_programs() if m.program.id == pid)
        events: List[EventType] = [SlotSet(INSTITUTION_SLOT, query.provider)] if query.provider else []
        if query.provider:
            answer = query_answers.provider_answer(kb.provider(query.provider), matches, self.citation)
        else:
            # The group was asked for by name or by what it leaves out: all of it is shown and kept.
            answer = answers.program_list_answer(matches, "the ones you asked about", limit=None)
        # A school described: "it" is now none of its certificates ("price for that?" after CalRBS's two is not
        # the certificate before them). Others beside the one discussed keep it ("so how many is that total?").
        return answer, events + [SlotSet(LISTED_PROGRAMS_SLOT, [m.program.id for m in matches])] + (
            [SlotSet(PROGRAM_SLOT, None)] if query.provider else []) + [SlotSet(LAST_QUESTION_SLOT, "details")]

    def lookup(self, query: Query) -> Tuple[Answer, List[EventType]]:
        kb, citation = self.kb, self.citation
        attribute, programs = query.attribute, query.programs
        events: List[EventType] = [SlotSet(LAST_QUESTION_SLOT, attribute)]
        providers = {kb.program(pid).provider for pid in programs}
        whole_school = len(providers) == 1 and len(programs) > 1 and \
            set(programs) == {p.id for p in kb.programs_of(next(iter(providers)))}
        if len(programs) == 1:
            program_id = programs[0]
            events.append(SlotSet(PROGRAM_SLOT, program_id))
            if attribute == "cost":
                return answers.cost_answer(kb.cost_of(program_id), citation), events
            if attribute == "funding":
                return answers.funding_answer(kb.funding_for(program_id), citation), events
            if attribute == "prerequisites":
                advice = kb.prerequisites_for(program_id=program_id)
                return answers.prerequisites_answer(advice, citation), events + self.cited(advice, program_id)
        elif whole_school and attribute in PROVIDER_ATTRIBUTES:
            provider_id = next(iter(providers))
            # "It" is now none of them: the answer was about the school's certificates, not one before them.
            events += [SlotSet(LISTED_PROGRAMS_SLOT, list(programs)), SlotSet(INSTITUTION_SLOT, provider_id),
                       SlotSet(PROGRAM_SLOT, None)]
            if attribute == "cost":
                return answers.provider_cost_answer(kb.provider(provider_id), kb.programs_of(provider_id), citation), events
            facts = kb.funding_for(programs[0])
            return answers.funding_answer(facts, citation, for_provider=True), events
        else:
            events += [SlotSet(LISTED_PROGRAMS_SLOT, list(programs)), SlotSet(PROGRAM_SLOT, None), self.school_of(programs)]
        if attribute == "quotes":
            # "Has anyone done that?" answered with one learner: "she" is that learner next.
            learners = learners_of(programs, kb)
            if len(learners) == 1:
                events.append(SlotSet(PERSON_SLOT, learners[0]))
        if attribute == "hardest":
            # "Who said that?" next is the learner whose hardest course the answer gives.
            finders = [p.id for p, _ in self.hardest() if set(p.programs) & set(programs)] or [p.id for p, _ in self.hardest()]
            if len(finders) == 1:
                events.append(SlotSet(PERSON_SLOT, finders[0]))
        if attribute in STATED_BY_PEOPLE:
            events += self.stated_by(attribute, programs)
        if attribute == "leadership":
            from actions.people_reading import quoted_for_these

            runs = quoted_for_these(programs, kb)  # "who runs it?" then "what did she say?" is the one who runs it
            events += [SlotSet(PERSON_SLOT, runs)] if runs else []
        members = tuple(kb.facts_about(pid) for pid in programs)
        uncovered: Dict[str, List[str]] = {}
        for topic in query.topics if attribute == "topics" else ():
            # "Does either of them cover digitization?": the ones the article does not say cover it, said so first.
            covering = {m.program.id for m in kb.find_programs(topics=(topic,))}
            for pid in programs:
                if pid not in covering:
                    uncovered.setdefault(pid, []).append(kb.topic(topic).label)
        return query_answers.lookup_answer(members, attribute, kb.attribute_label(attribute), citation,
                                           kb.landscape, self.hardest(), uncovered,
                                           done=query.courses if attribute == "structure" else None), events

    def school_of(self, programs: Sequence[str]) -> EventType:
        """The school the conversation is now about: the one school of these programs, or none."""
        schools = {self.kb.program(pid).provider for pid in programs}
        return SlotSet(INSTITUTION_SLOT, schools.pop() if len(schools) == 1 else None)

    def stated_by(self, attribute: str, programs: Sequence[str]) -> List[EventType]:
        """The one person tied to these certificates whose words the article gives for what was looked up
        ("growing very quickly" is the Arizona coordinator's), so that "who said that?" is them."""
        from actions.people_reading import kb_person_for

        tied = {p.id for p in self.kb.people if set(p.programs) & set(programs)
                or (p.provider and p.provider in {self.kb.program(pid).provider for pid in programs})}
        phrases = {query_answers.attribute_phrase(self.kb.facts_about(pid), attribute) for pid in programs}
        found = {kb_person_for(phrase, self.kb) for phrase in phrases if phrase}
        found = {person for person in found if person in tied}
        return [SlotSet(PERSON_SLOT, found.pop())] if len(found) == 1 else []

    def cited(self, advice: Any, program_id: Optional[str] = None) -> List[EventType]:
        """The person whose words an answer gives, so that "who said that?" and "she" point at them."""
        cited = [p for item in advice.advice for p in self.kb.people if p.name in item.who]
        # Of several, the one who took the certificate asked about: "according to her" after SJSU's advice is Marina.
        took = [p for p in cited if program_id in p.programs]
        person = (took or cited or [None])[0]
        return [SlotSet(PERSON_SLOT, person.id)] if person else []

    def hardest(self) -> Tuple[Tuple[Any, str], ...]:
        return tuple((person, s.text) for person in self.kb.people for s in person.statements if s.kind == "found_hardest")

    def general(self, attribute: str) -> Answer:
        kb, citation = self.kb, self.citation
        if attribute == "funding":
            return answers.general_funding_answer(kb.landscape, citation, kb.providers)
        if attribute == "prerequisites":
            return answers.prerequisites_answer(kb.prerequisites_for(), citation)
        if attribute == "source":
            return query_answers.article_answer(kb.article, citation)
        return query_answers.general_answer(attribute, kb.attribute_label(attribute), kb.landscape, citation, self.hardest())

    def clarify(self, clarification: Clarification, context: Context) -> Tuple[Answer, List[EventType]]:
        kb = self.kb
        attribute = clarification.attribute
        label = kb.attribute_label(attribute) if attribute and attribute != "compare" else ""
        if attribute == "compare":
            named = list(clarification.candidates)
            others = [p for p in kb.programs if p.id not in named][:6]
            if named:
                return Answer("Which two certificates should I compare? Name them, e.g. \"compare CalRBS and RBS\".",
                              kind=CLARIFICATION, about=about("compare", named)), []
            return answers.which_program_answer("compare_programs", others, kb,
                                                "Which two certificates should I compare? Name them, e.g. \"compare CalRBS and RBS\".",
                                                "compare"), []
        if clarification.provider and attribute and len({
                query_answers.attribute_phrase(kb.facts_about(pid), attribute) for pid in clarification.candidates}) == 1:
            # "Is the SJSU certificate online?": the answer is the same for each (here: the article
            # does not say), so give it rather than ask which.
            answer, events = self.lookup(Query("lookup", programs=clarification.candidates, attribute=attribute))
            return answer, events + [SlotSet(INSTITUTION_SLOT, clarification.provider)]
        known = [pid for pid in clarification.candidates
                 if attribute and query_answers.attribute_phrase(kb.facts_about(pid), attribute) is not None]
        if clarification.provider and attribute in HAD_OR_NOT and len(known) == 1:
            # "What are SJSU's pathways?": only one of its certificates has any; answer for it.
            return self.lookup(Query("lookup", programs=(known[0],), attribute=attribute))
        if clarification.candidates:
            programs = [kb.program(pid) for pid in clarification.candidates]
            school = kb.provider(clarification.provider) if clarification.provider else None
            if school:
                return query_answers.clarification_answer(attribute, label, programs, {p.id: p for p in kb.providers}, school), [
                    SlotSet(LISTED_PROGRAMS_SLOT, list(clarification.candidates)), SlotSet(LAST_QUESTION_SLOT, attribute),
                    SlotSet(INSTITUTION_SLOT, school.id)]
            return query_answers.clarification_answer(attribute, label, programs, {p.id: p for p in kb.providers}, school), [
                SlotSet(LISTED_PROGRAMS_SLOT, list(clarification.candidates)), SlotSet(LAST_QUESTION_SLOT, attribute)]
        intent = query_answers.ATTRIBUTE_INTENTS.get(attribute or "")
        if intent:
            prompt = f"Which school's certificate do you mean? (I'll answer about {label}.)" if label else \
                "Which school's certificate do you mean?"
            return answers.which_institution_answer(intent, kb.providers, prompt, attribute or ""), [SlotSet(LAST_QUESTION_SLOT, attribute)]
        programs = list(kb.programs)
        return query_answers.clarification_answer(attribute, label, programs, {p.id: p for p in kb.providers}), [
            SlotSet(LISTED_PROGRAMS_SLOT, [p.id for p in programs]), SlotSet(LAST_QUESTION_SLOT, attribute)]

    def nothing_understood(self, text: str, intent: str, context: Optional[Context] = None) -> Answer:
        """The last resort: the closest facts, or a plain "not understood" / "outside what I know".
        With certificates under discussion, facts about other certificates only are left out: "does
        the certificate expire?" is about the one in context, whatever else shares its words."""
        if intent == "out_of_scope":
            return answers.out_of_scope_answer()
        found = fact_index(self.kb).search(text, limit=8)
        current = set((context.program,) if context and context.program else context.listed if context else ())
        if current:
            found = tuple(item for item in found if not item[0].programs or current & set(item[0].programs))
        found = found[:3]
        if found:
            passages = {p.id: p for p in self.kb.passages}
            facts = [(fact.text, f"paragraph on {passages[fact.source].covers.split(';')[0]}") for fact, _ in found]
            return query_answers.closest_facts_answer(facts, self.citation)
        return answers.not_understood_answer()


class ProgramQuestion(QuestionAction):
    """A question whose intent says what it asks: cost, funding, prerequisites or details."""

    question: Text = ""


class ActionAnswerQuestion(QuestionAction):
    """Questions NLU could not place (fallback) or thought out of scope: answered if the knowledge base can."""

    def name(self) -> Text:
        return "action_answer_question"


class ActionAnswerCost(ProgramQuestion):
    intent, question, default_attribute = "ask_cost", "cost", "cost"

    def name(self) -> Text:
        return "action_answer_cost"


class ActionAnswerFunding(ProgramQuestion):
    intent, question, default_attribute = "ask_funding", "funding", "funding"

    def name(self) -> Text:
        return "action_answer_funding"


class ActionAnswerPrerequisites(ProgramQuestion):
    intent, question, default_attribute = "ask_prerequisites", "prerequisites", "prerequisites"

    def name(self) -> Text:
        return "action_answer_prerequisites"


class ActionDescribeProgram(ProgramQuestion):
    intent, question = "ask_program_details", "details"

    def name(self) -> Text:
        return "action_describe_program"


class ActionAnswerFollowUp(QuestionAction):
    """ "And at Rare Book School?": the last question again, about the program now named."""

    def name(self) -> Text:
        return "action_answer_follow_up"

    intent = "switch_program"

    def default_for(self, context: Context) -> Optional[str]:
        return context.last_attribute if context.last_attribute != "details" else None


class ActionFindCertificates(QuestionAction):
    """Programs for the topics, goals and school in the message, ranked, with reasons."""

    intent = "find_certificate"

    def name(self) -> Text:
        return "action_find_certificates"


class ActionComparePrograms(QuestionAction):
    """Two or more programs side by side; missing ones come from context or a question."""

    intent = "compare_programs"

    def name(self) -> Text:
        return "action_compare_programs"


class ActionAnswerLandscape(QuestionAction):
    intent = "ask_landscape"

    def name(self) -> Text:
        return "action_answer_landscape"


class ActionAnswerWorthIt(QuestionAction):
    intent = "ask_worth_it"

    def name(self) -> Text:
        return "action_answer_worth_it"
