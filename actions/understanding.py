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
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from actions import message_patterns as said
from actions import situation_reading as situation
from actions.situation_reading import career_stage_of
from actions.people_reading import kb_person_for, person_described, person_for_pronoun, person_matching, person_story, unsaid_of
from actions.subject_reading import (
    SCHOOL_ATTRIBUTES,
    comparable,
    courses_counted,
    courses_per_school,
    described_by,
    every_program,
    named_group,
    names_certificate,
    narrowed_subjects,
    only_one,
    pointed_at,
    programs_having,
    ranked_first,
    subjects_of,
)
from knowledge import KnowledgeBase
from knowledge.query import RANKABLE, Query


# What an intent asks for when the message has no attribute word of its own.
INTENT_ATTRIBUTES = {"ask_cost": "cost", "ask_funding": "funding", "ask_prerequisites": "prerequisites"}


# Attributes the knowledge base never holds: always an honest "the article does not say".
NEVER_GIVEN = {"deadlines", "outcomes", "instructors", "admission", "course_details", "accreditation"}




# A list this short is what a bare follow-up ("price?") is about.
SHORT_LIST = 3


# Attributes of a person's certificate rather than of the person ("was Marina's certificate online?").
PROGRAM_OF_PERSON_ATTRIBUTES = {"cost", "funding", "delivery", "structure", "length", "eligibility", "started", "growth",
                                "location", "deadlines", "admission"}


# Attributes a question may ask of every certificate at once ("which ones are open to non-students?").
# Last answers that gave prices, for "x5?" and "and the full certificate": a price, or a comparison (its cost row).
PRICED = ("cost", "compare")
PER_PROGRAM_ATTRIBUTES = {"eligibility", "delivery", "structure", "length", "audience", "started", "credential"}


# Attributes with an answer for certificates in general when no program is meant.
GENERAL_ATTRIBUTES = {"funding", "prerequisites", "hardest", "delivery", "source", "deadlines", "outcomes", "location"}


@dataclass(frozen=True)
class Mentions:
    """What the latest message names, as knowledge-base ids in the order typed."""

    programs: Tuple[str, ...] = ()
    institutions: Tuple[str, ...] = ()
    topics: Tuple[str, ...] = ()
    goals: Tuple[str, ...] = ()
    people: Tuple[str, ...] = ()
    attributes: Tuple[str, ...] = ()
    operations: Tuple[str, ...] = ()
    amounts: Tuple[int, ...] = ()
    credentials: Tuple[str, ...] = ()
    ordinal: Optional[str] = None
    # Topics named after a turn towards them ("a law librarian moving into medical librarianship").
    target_topics: Tuple[str, ...] = ()
    # Words no training example or knowledge-base phrase holds ("drexel", "zotero").
    unknown: Tuple[str, ...] = ()
    # The attributes named in the message's last sentence: in "My director has no money for this. Can I use
    # financial aid?" the question is the last sentence, the rest is its background.
    last_sentence_attributes: Tuple[str, ...] = ()
    # Whether the message opens with a clause that names no attribute ("tell me about the data science
    # certificate, my library just got a grant ..."): what follows the comma is background.
    opening_without_attribute: bool = False

    @property
    def names_anything(self) -> bool:
        return bool(self.programs or self.institutions or self.topics or self.goals or self.people)

    @property
    def empty(self) -> bool:
        """Nothing in the message is a knowledge-base word, operation, amount or list position."""
        return not (self.names_anything or self.attributes or self.operations or self.amounts
                    or self.credentials or self.ordinal)


def in_scope(mentions: Mentions, text: str = "", context: Optional["Context"] = None) -> bool:
    """Whether a message NLU read as small talk or out of scope still asks the knowledge base
    something: it names a program or person, asks about the article, asks for an attribute of
    something named or referred back to, or refers back to the person just discussed. "What's the
    weather in Arizona?" and "how do I get admitted to an MLIS program?" do none of these."""
    context = context or Context()
    in_context = bool(context.program or context.provider or context.listed) and (
        bool(said.REFERS_BACK.search(text)) or not said.OTHER_SUBJECT.search(text))
    return bool(
        mentions.programs or mentions.people or "source" in mentions.attributes
        or (mentions.attributes and (mentions.names_anything or in_context))
        or (context.person and said.PERSON_PRONOUN.search(text))
        or bool(said.WHY_BOTHER.search(text) or said.LIST_SCHOOLS.search(text))
        or (bool(context.discussed) and bool(said.EARLIER_ONE.search(text)))  # "ok back to the first one"
        or (in_context and any(op.split(":")[0] in ("others_at_school", "compare", "count")
                               for op in mentions.operations))  # "what else does that school have?"
        or (mentions.amounts and context.last_attribute == "cost")  # "what if I had 7000?"
        or (context.last_attribute in PRICED and bool(said.PRICE_FOLLOW_UP.search(text)) and bool(context.program or context.listed))
        or (context.last_attribute == "funding" and bool(said.WHO_GIVES.search(text)))  # "who gives them out?"
        or (bool(mentions.institutions) and context.last_attribute is not None and _is_bare_name(text, mentions))  # "the one in virginia"
        or bool(mentions.goals)  # "what would help me get a job outside libraries?"
        or (bool(mentions.topics) and bool(said.SEEKING.search(text) or said.WISH.search(text)))
        # "hospital librarian jobs. what's out there", "i want to build websites and do ux design"
        or (bool(mentions.topics) and bool(said.SAME_QUESTION.search(text))
            and bool(context.program or context.listed or context.provider))  # "what about law libraries?" after a search
        or bool(said.WHICH_PEOPLE.search(text) or said.SOMEONE_IN_ARTICLE.search(text)  # "how many people does it quote?"
                or said.PEOPLE_WHO_DID.search(text))
        or bool(career_stage_of(text) and situation.ASKS_FIT.search(text))  # "graduated last spring, options?"
        or (any(op.startswith("rank_") for op in mentions.operations) and context.last_attribute is not None
            and _is_bare_name(text, mentions))  # "and highest?" just after the lowest
    )


def asks_the_knowledge_base(mentions: Mentions) -> bool:
    """Whether a message read as an interview answer ("Is RBS online?" as a travel answer, "anything
    under $6,500?" as a budget) asks for something about named certificates or a price range."""
    named = mentions.programs or mentions.institutions or mentions.people
    return bool((named and mentions.attributes)
                or (mentions.amounts and any(op.startswith("filter_") for op in mentions.operations)))


ENTITY_KINDS = {"program": "program", "institution": "provider", "topic": "topic", "goal": "goal", "person": "person"}


_FIELDS = {"program": "programs", "institution": "institutions", "topic": "topics", "goal": "goals", "person": "people"}


def _sharing_a_plural_name(text: str, kb: KnowledgeBase) -> Tuple[str, ...]:
    """ "The two rare book schools": every school whose name holds the name said in the plural."""
    lowered = (text or "").lower()
    for provider in kb.providers:
        for name in (provider.name, *provider.aliases):
            if len(name) > 4 and re.search(rf"\b{re.escape(name.lower())}s\b", lowered):
                sharing = tuple(p.id for p in kb.providers
                                if any(name.lower() in n.lower() for n in (p.name, *p.aliases)))
                if len(sharing) > 1:
                    return sharing
    return ()


def _possessed(text: str, institutions: Tuple[str, ...], kb: KnowledgeBase) -> Tuple[str, ...]:
    """ "UCLA's rare book school" names one school, the owner, though "rare book school" is another's name too."""
    if len(institutions) < 2:
        return institutions
    lowered = text.lower()
    for owner in institutions:
        for alias in kb.provider(owner).aliases:
            for other in institutions:
                if other != owner and any(f"{alias.lower()}'s {name.lower()}" in lowered
                                          for name in (kb.provider(other).name, *kb.provider(other).aliases)):
                    return tuple(i for i in institutions if i != other)
    return institutions


def mentions_in(entities: Iterable[Dict[str, Any]], kb: KnowledgeBase, text: str = "") -> Mentions:
    """Normalise a message's entities to knowledge-base ids; unknown names are dropped.

    Args:
        entities: ``tracker.latest_message["entities"]``; values may be ids (from the
            knowledge-base matcher or a button) or names (typed in a button payload).
        kb: the knowledge base that decides which names exist.
    """
    found: Dict[str, List[Any]] = {name: [] for name in (*_FIELDS.values(), "attributes", "operations", "amounts",
                                                         "credentials", "unknown")}
    ordinal = None
    topic_spans: List[Tuple[int, int, str]] = []
    attribute_spans: List[Tuple[int, int]] = []
    breaks = [m.end() for m in re.finditer(r"[.!?;]+\s+(?=\S)", text or "")]
    last_sentence = breaks[-1] if breaks else 0
    sentence_end = len(text or "")
    asked = [m.end() for m in re.finditer(r"\?+", text or "")]
    if breaks and asked and "?" not in (text or "")[last_sentence:]:
        # "are the courses the same every year? I'd want to plan a couple summers ahead": the question
        # is the last sentence that asks, not the remark after it.
        sentence_end = asked[-1]
        last_sentence = max([0] + [b for b in breaks if b < sentence_end])
    late: List[str] = []
    clause = re.search(r"[,.;!?]", text or "")
    opening_end = clause.start() if clause and clause.end() < len((text or "").rstrip()) else None
    opening_attribute = False
    for entity in sorted(entities or (), key=lambda e: e.get("start") or 0):
        name, value = entity.get("entity"), entity.get("value")
        if not isinstance(value, str):
            continue
        if name == "ordinal":
            ordinal = ordinal or value
        elif name == "unknown_word":
            found["unknown"].append(value)
        elif name in ENTITY_KINDS:
            entry_id = kb.resolve(ENTITY_KINDS[name], value)
            if name in ("topic", "goal") and isinstance(entity.get("start"), int) \
                    and said.NEGATED_BEFORE.search(text[max(0, entity["start"] - 40):entity["start"]]):
                continue  # "activism, and not just tech skills": not what is looked for
            if name == "topic" and entry_id and isinstance(entity.get("start"), int) and isinstance(entity.get("end"), int):
                topic_spans.append((entity["start"], entity["end"], entry_id))
            if entry_id and entry_id not in found[_FIELDS[name]]:
                found[_FIELDS[name]].append(entry_id)
        elif name == "attribute":
            if isinstance(entity.get("start"), int) and isinstance(entity.get("end"), int):
                attribute_spans.append((entity["start"], entity["end"]))
            if value not in found["attributes"]:
                found["attributes"].append(value)
            if isinstance(entity.get("start"), int) and last_sentence <= entity["start"] < sentence_end and value not in late:
                late.append(value)
            if opening_end is None or (isinstance(entity.get("start"), int) and entity["start"] < opening_end):
                opening_attribute = True
        elif name == "operation" and value not in found["operations"]:
            found["operations"].append(value)
        elif name == "amount" and value.isdigit():
            found["amounts"].append(int(value))
        elif name == "credential" and value not in found["credentials"]:
            found["credentials"].append(value)
    # "zero programming experience": a subject named only inside a way of asking for prerequisites is no subject.
    within = {(start, end) for start, end, _ in topic_spans if any(a <= start and end <= b for a, b in attribute_spans)}
    only_within = {topic for start, end, topic in topic_spans if (start, end) in within} - {
        topic for start, end, topic in topic_spans if (start, end) not in within}
    found["topics"] = [topic for topic in found["topics"] if topic not in only_within]
    topic_spans = [span for span in topic_spans if span[2] not in only_within]
    found["institutions"] = list(_possessed(text, tuple(found["institutions"]), kb))
    found["institutions"] += [i for i in _sharing_a_plural_name(text, kb) if i not in found["institutions"]]
    # "does CalRBS teach descriptive bibliography?": "teach" asks what it covers, it names no subject.
    verbs = {topic for start, end, topic in topic_spans if said.TOPIC_VERB.fullmatch(text[start:end])}
    asked_of = {topic for start, end, topic in topic_spans
                if said.TOPIC_VERB.fullmatch(text[start:end]) and said.WHAT_TEACHES.search(text[:start])}
    if len({topic for _, _, topic in topic_spans} - verbs) >= 1 or found["goals"] or asked_of:
        # "which program teaches managing digital stuff?": teaching is what a program does here, not a subject.
        verbs = verbs if len({topic for _, _, topic in topic_spans} - verbs) >= 1 or found["goals"] else asked_of
        found["topics"] = [topic for topic in found["topics"] if topic not in verbs]
        topic_spans = [span for span in topic_spans if span[2] not in verbs]
    heads = _compound_heads(topic_spans, text)
    found["topics"] = [topic for topic in found["topics"] if topic not in heads]
    targets = _targets(topic_spans, text)
    return Mentions(**{key: tuple(values) for key, values in found.items()}, ordinal=ordinal,
                    target_topics=tuple(t for t in targets if t not in heads),
                    last_sentence_attributes=tuple(late) if last_sentence or sentence_end < len(text or "") else (),
                    opening_without_attribute=opening_end is not None and not opening_attribute)


def _compound_heads(spans: Sequence[Tuple[int, int, str]], text: str) -> set:
    """Topics that only name the head of a compound whose modifier is another topic: in "health
    sciences librarianship" the subject is health sciences, not librarianship in general."""
    heads, modifiers = set(), set()
    for index, (_, end, first) in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        if following and following[2] != first and 0 < following[0] - end <= 1 and not text[end:following[0]].strip() \
                and said.HEAD_NOUN.fullmatch(text[following[0]:following[1]]):
            heads.add(following[2])
            modifiers.add(first)
    return heads - modifiers


def _targets(spans: Sequence[Tuple[int, int, str]], text: str) -> Tuple[str, ...]:
    """The topics after the last turn towards something, when other topics come before it."""
    turns = [match.end() for match in said.TOWARDS.finditer(text)]
    if not turns or len({topic for _, _, topic in spans}) < 2:
        return ()
    turn = turns[-1]
    before = [topic for start, _, topic in spans if start < turn]
    after = tuple(dict.fromkeys(topic for start, _, topic in spans if start >= turn))
    return after if before and after else ()


@dataclass(frozen=True)
class Context:
    """What the conversation so far says about the subject."""

    program: Optional[str] = None
    listed: Tuple[str, ...] = ()
    last_attribute: Optional[str] = None
    person: Optional[str] = None
    provider: Optional[str] = None
    career_stage: Optional[str] = None  # "recent" or "established", as the user said earlier
    discussed: Tuple[str, ...] = ()  # the programs the conversation has been about, in order ("back to the first one")


@dataclass(frozen=True)
class Clarification:
    """The question is about a program, but which one is not clear: ask, with these candidates."""

    attribute: Optional[str]
    candidates: Tuple[str, ...] = ()
    provider: Optional[str] = None


@dataclass(frozen=True)
class Special:
    """A question answered from outside the program records: the article, the landscape, worth it."""

    kind: str  # "article" | "people" | "landscape" | "worth_it" | "out_of_range" | "general" | "which_topic" | "out_of_scope"
    #            | "not_named" (a school we know nothing of; ``attribute`` holds its name as typed)
    attribute: Optional[str] = None
    position: Optional[str] = None


Understanding = Union[Query, Clarification, Special, None]


# Attributes that say how a question is asked, not a second thing it asks.
_NOT_A_SECOND_QUESTION = {"source", "quotes", "details", "compare", "credential", "provider"}


def second_questions(text: str, mentions: Mentions, attribute: Optional[str]) -> Tuple[str, ...]:
    """The one further attribute a message asks of the same certificates after "and is it…", "and can I…":
    "is the nlp cert new and is it online?" asks when it started and whether it is online."""
    others = [a for a in mentions.attributes if a != attribute and a not in _NOT_A_SECOND_QUESTION]
    if len(mentions.attributes) != 2 or len(others) != 1 or not said.SECOND_QUESTION.search(text):
        return ()
    return (others[0],)


def earlier_program(text: str, mentions: Mentions, context: Context) -> Optional[str]:
    """The certificate the conversation discussed earlier that the message goes back to: the first
    ("back to the first one", "the one we started with") or the one before the current one ("the
    previous one", "back to the other one"); ``None`` when it names a certificate or refers to none."""
    if mentions.programs or mentions.institutions or not context.discussed:
        return None
    if said.FIRST_DISCUSSED.search(text):
        return context.discussed[0]
    if said.PREVIOUS_DISCUSSED.search(text):
        current = context.program or context.discussed[-1]
        return next((pid for pid in reversed(context.discussed) if pid != current), None)
    return None


def choose_attribute(mentions: Mentions, intent: str, kb: KnowledgeBase) -> Optional[str]:
    """The attribute asked for: the intent's own if the words name it too, else the first in the vocabulary's order."""
    hinted = INTENT_ATTRIBUTES.get(intent)
    if mentions.attributes:
        named = mentions.last_sentence_attributes if len(mentions.attributes) > 1 and mentions.last_sentence_attributes \
            else mentions.attributes
        if hinted == "cost" and "outcomes" in named:
            return "outcomes"  # "how much do graduates earn?" asks about pay, not the price
        if hinted in named:
            return hinted
        order = {attribute.id: index for index, attribute in enumerate(kb.attributes)}
        return min(named, key=lambda a: order.get(a, len(order)))
    return hinted


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
    understood = _understood(text, intent, mentions, context, kb, default_attribute)
    position = said.POSITION_AMONG_NAMED.search(text)
    if isinstance(understood, Query) and len(understood.programs) == 1 and position and mentions.names_anything:
        # "I'm deciding between X and Y. Tell me about the first one.": the two stay the list, for "now the second one".
        named = subjects_of(mentions, Context(), kb, text[:position.start()], None)[0]
        if len(named) >= 2 and understood.programs[0] in named:
            return replace(understood, among=tuple(named))
    return understood


def _understood(text: str, intent: str, mentions: Mentions, context: Context, kb: KnowledgeBase,
                default_attribute: Optional[str]) -> Understanding:
    if said.WRITING_TASK.search(text) or said.FAVOUR.search(text) or (
            (said.OTHER_THING.search(text) or said.TRAVEL_BOOKING.search(text)) and not (mentions.programs or mentions.institutions)):
        return Special("out_of_scope")  # "could you write my cover letter for a rare books job?"
    if said.OTHER_CERTIFICATE.search(text) and not (mentions.programs or mentions.institutions):
        return Special("out_of_scope")  # "the SSL certificate on our website expired", "the Google data analytics cert"
    if mentions.ordinal and mentions.ordinal.isdigit() and re.search(
            rf"\b(those|these|both|all|the) {mentions.ordinal}\b(?!\s*(st|nd|rd|th)\b)", text, re.I):
        mentions = replace(mentions, ordinal=None)  # "when did those 2 start?": a number of them, not a position
    earlier = earlier_program(text, mentions, context)
    if earlier:
        # "ok back to the first one - what university is it part of?": the conversation's first certificate, not the last list's.
        context = replace(context, program=earlier, listed=(earlier,))
        mentions = replace(mentions, ordinal=None)
        text = said.EARLIER_ONE.sub("it", text)  # resolved: "the other one" in it is not the school's other one
    if not mentions.names_anything and (_unrecognised_name(text) or any(
            re.search(rf"\bthe {re.escape(word)} ones?\b", text, re.I) for word in mentions.unknown)):
        # "how much is the medical info cert?" with the NLP certificate in context: a certificate is
        # named, just not one we recognise; the one in context is not it.
        context = Context(person=context.person)
    if context.person and not mentions.people:
        context = replace(context, person=person_for_pronoun(
            text, context.person, (context.program,) if context.program else context.listed, kb))
    if said.WHY.match(text) and not (mentions.names_anything or mentions.attributes):
        # "Why not?" after "no financial aid", "why that one?", "why did she go for it?": the reasons given.
        if context.person and (said.PERSON_PRONOUN.search(text) or not context.program):
            return Query("describe", person=context.person)
        if context.program and context.last_attribute not in (None, "details", "compare"):
            return Query("lookup", programs=(context.program,), attribute=context.last_attribute)
        if context.program:
            return Query("lookup", programs=(context.program,), attribute="quotes")
        if len(context.listed) >= 2 and context.last_attribute not in (None, "details", "compare"):
            return Query("lookup", programs=context.listed, attribute=context.last_attribute)  # "why not?" after a list
    if "source" in mentions.attributes and said.ARTICLE_AS_SCOPE.search(text) and not said.ABOUT_THE_SOURCE.search(text):
        # "is there a certificate in the article for medical information?": the article is where to look, not the question.
        mentions = replace(mentions, attributes=tuple(a for a in mentions.attributes if a != "source"),
                           last_sentence_attributes=tuple(a for a in mentions.last_sentence_attributes if a != "source"))
    attribute = choose_attribute(mentions, intent, kb) or default_attribute
    if intent == "switch_program" and not mentions.attributes:
        attribute = context.last_attribute if context.last_attribute not in (None, "details", "compare") else None
    if mentions.opening_without_attribute and said.TELL_ME_ABOUT.match(text) and (mentions.programs or mentions.institutions):
        attribute = None  # "tell me about the data science certificate, my library just got a grant ..."
    if set(mentions.attributes) <= {"credential"} and said.WHEN_STARTED.search(text):
        # "when did the nlp cert start?"; but "when does the next rbs session start?" asks for dates
        attribute = "deadlines" if re.search(r"\b(next|upcoming|coming|this year|this summer)\b", text, re.I) else "started"
    if attribute == "length" and "started" in mentions.attributes and said.BEEN_AROUND.search(text):
        attribute = "started"  # "how long has the rbs one been around?"
    if attribute == "cost" and "delivery" in mentions.attributes and said.ONLINE_CONDITION.search(text):
        attribute = "delivery"  # "is that the same price if the course is online?": the prices given are not for online
    if mentions.amounts and said.COVERS_COST.search(text) and (mentions.programs or mentions.institutions) \
            and attribute in (None, "topics", "quotes", "funding") and not said.FUNDING_WORD.search(text):
        attribute = "cost"  # "she'd put up to 6000 toward it. would that cover a whole calrbs certificate?": the price
    if attribute == "topics" and said.COVERS_COST.search(text):
        attribute = "funding"  # "would it cover the whole 6975?"
    if context.last_attribute == "funding" and attribute in (None, "provider") and not mentions.names_anything \
            and said.WHO_GIVES.search(text):
        attribute = "funding"  # "who gives them out?" just after scholarships
    if attribute is None and context.last_attribute in PRICED and said.PRICE_FOLLOW_UP.search(text) \
            and (context.program or context.listed or mentions.programs or mentions.institutions) and not mentions.people:
        attribute = "cost"  # "x5?", "and the full certificate", "per class what are they" just after a price
    if attribute in (None, "topics") and said.WHATS_THE_DEAL.search(text) and not mentions.last_sentence_attributes:
        attribute = None  # "what's the deal with the rare book one in virginia": what it is, not what it deals with
    referred = (context.program or context.listed) and (said.SINGULAR_PRONOUN.search(text) or said.PLURAL_REFERENCE.search(text)) \
        and not (mentions.programs or mentions.institutions or mentions.topics or mentions.people)
    if attribute is None and said.WHAT_IT_SHOWS.search(text) and referred:
        # "what do these certificates actually show employers?" just after two: what they document
        return Query("lookup", programs=(context.program,) if context.program and said.SINGULAR_PRONOUN.search(text)
                     else context.listed or (context.program,), attribute="credential")
    if attribute is None and said.WHAT_IT_SHOWS.search(text) and (mentions.programs or mentions.institutions) \
            and not mentions.goals:
        attribute = "credential"  # "what does finishing an RBS or CalRBS certificate actually show?"
    if attribute == "cost" and said.HOW_MANY_DAYS.search(text) and "length" in mentions.attributes:
        attribute = "length"  # "how many days of instruction does a CalRBS certificate add up to?"
    if attribute is None and said.ANYTHING_ELSE.search(text) and context.program and not mentions.names_anything:
        return Query("lookup", programs=(context.program,), attribute="quotes")  # "anything else I should know about it?"
    if attribute in (None, "length", "structure") and said.COSTS_TO_RUN.search(text):
        attribute = "cost"  # "what would the full certificate run at each"
    if attribute is None and context.last_attribute not in (None, "details", "compare") and not mentions.operations \
            and said.SAME_AGAIN.search(text):
        attribute = context.last_attribute  # "is that the same for both of their certificates?" just after a price
    operations = [op.split(":", 1) for op in mentions.operations]
    op_names = [op[0] for op in operations]
    # "SJSU post masters or the digital assets one, which is meant for people who've been working a while?":
    # of the two named (or the last list), the ones the article says suit that stage.
    the_one_for = re.match(r"\W*(and |ok |so )?the one (for|that|aimed|meant|geared|suited|who)\b", text, re.I)
    if (the_one_for or re.search(r"\b(which|could|can|should|would)\b", text, re.I)) and not mentions.people \
            and (described := situation.stage_described(text)):
        named: Tuple[str, ...] = ()
        if mentions.names_anything:
            found, _, school = subjects_of(mentions, Context(), kb, text, attribute)
            named = narrowed_subjects(found, school, mentions, Context(), kb, text)[0]  # "the post-masters at sjsu"
            named += tuple(pid for topic in mentions.topics for pid in described_by(kb, topic)
                           if pid in found and pid not in named)  # "SJSU post-masters or digital assets"
        group = named if len(named) >= 2 and (mentions.institutions or re.search(r"\b(or|vs\.?|versus|between|either)\b", text, re.I)) else \
            context.listed if not named and len(context.listed) >= 2 and (
                said.OF_THOSE.search(text) or the_one_for or re.search(r"\bwhich one\b", text, re.I)) else ()
        pointed = bool(mentions.programs or mentions.institutions or mentions.credentials
                       or re.search(r"\bthe [\w' -]{2,30} (one|cert|certificate|program)\b", text, re.I))
        if len(named) == 1 and pointed and attribute in (None, "started", "eligibility", "audience", "admission") \
                and not (said.WHEN_STARTED.search(text) or said.WISH.search(text) or said.SEEKING.search(text)) \
                and re.search(r"\b(could|can|should|would)\b", text, re.I):
            # "could a brand new grad do the digital assets one instead?": who it is for, as the article says
            return Query("lookup", programs=named, attribute="audience" if kb.program(named[0]).audience else "eligibility")
        suited = tuple(pid for pid in group if kb.program(pid).career_stage == described)
        if suited and len(suited) < len(group):
            return Query("lookup", programs=suited, attribute="audience" if kb.program(suited[0]).audience else "eligibility")
    # "Which certificates are in California?": those of the schools the knowledge base places there.
    if not (mentions.programs or mentions.people) and (said.ANY_OF_ALL.search(text) or said.WHICH_ONES.search(text)
                                                       or "list" in op_names or said.IS_THERE_ONE.search(text)):
        placed = [p.id for p in kb.providers if p.location and re.search(
            rf"(?<!apart )(?<!aside )\b(in|near|around|from) (the state of )?{re.escape(p.location)}\b", text, re.I)]
        if placed and not (mentions.topics or mentions.goals):
            return Query("describe", programs=tuple(q.id for school in placed for q in kb.programs_of(school)))
    # "Is it at UCLA?" just after RBS, "is the NLP certificate at SJSU?": which school it is at.
    if len(mentions.institutions) == 1 and said.IS_IT_AT.search(text) and not (mentions.people or mentions.operations):
        named = tuple(pid for pid in mentions.programs if kb.program(pid).provider not in mentions.institutions) or tuple(
            pid for topic in mentions.topics for pid in described_by(kb, topic)
            if kb.program(pid).provider not in mentions.institutions)
        asked_of = named or ((context.program,) if context.program and not mentions.programs and not mentions.topics
                             and kb.program(context.program).provider not in mentions.institutions else ())
        if asked_of:
            return Query("lookup", programs=tuple(dict.fromkeys(asked_of)), attribute="provider")
    # "What certificates does his school have?": the school of the person just discussed.
    if context.person and said.PERSON_SCHOOL.search(text) and not mentions.names_anything:
        person = kb.person(context.person)
        school = person.provider or next((kb.program(pid).provider for pid in person.programs), None)
        if school:
            return Query("describe", provider=school, programs=tuple(p.id for p in kb.programs_of(school)))
    if len(mentions.institutions) >= 2 and said.OTHER_THAN_NAMED.search(text) and said.SCHOOLS.search(text) \
            and not mentions.programs and attribute in (None, "provider"):
        return Special("landscape")  # "apart from Arizona, SJSU, UCLA and UVA, which universities offer post-master's certificates?"
    if said.WHY_BOTHER.search(text) and not (mentions.programs or mentions.institutions or mentions.people):
        return Special("worth_it")  # "why would I pay for this when there are free webinars everywhere"
    if said.LIST_SCHOOLS.search(text) and not (mentions.names_anything or said.WHICH_SCHOOL_MOST.search(text)) \
            and attribute in (None, "source", "provider") and not any(op.startswith(("rank", "filter", "count")) for op in op_names):
        return Query("count", attribute="provider")  # "list the schools the article talks about"
    if said.WHAT_CERTIFICATES.search(text) and not (mentions.names_anything or mentions.attributes) \
            and (not mentions.unknown or said.THEY_AWARD.search(text)):
        school = context.provider or (kb.program(context.program).provider if context.program else None)
        if said.THEY_AWARD.search(text) and school:  # "what certificates do they award?" just after a school
            return Query("describe", provider=school, programs=tuple(p.id for p in kb.programs_of(school)))
        return Query("find")  # "ok then what certificates are there for after the MLIS"
    if intent == "nlu_fallback" and mentions.empty and not earlier and not said.OTHER.search(text) \
            and not (said.WHO_DID.search(text) and (context.program or context.listed)) \
            and not ((said.TOGETHER.search(text) or said.PRICE_FOLLOW_UP.search(text)) and context.last_attribute in PRICED) \
            and not (said.WHO_GIVES.search(text) and context.last_attribute == "funding") \
            and not said.WISH.search(text) \
            and not (context.person and said.PERSON_PRONOUN.search(text)) and not said.WHERE_THE_LIST.search(text) \
            and not person_described(text, mentions, kb, attribute):  # "who's the metadata librarian in the article?"
        return None  # a pronoun alone ("can you write my statement for it?") is no question about the program

    # "I'm a library tech without a master's, are these for me?": the article's note on who they are not for.
    if said.NO_MASTERS.search(text) and not (mentions.programs or mentions.institutions or mentions.people) \
            and attribute in (None, "eligibility", "audience", "admission", "credential"):
        return Special("without_masters")

    # "Did anyone in the article come from the humanities?": the one person whose story says so.
    if said.SOMEONE_IN_ARTICLE.search(text) and not (mentions.people or mentions.programs or mentions.institutions) \
            and not re.search(r"\b(either|them|that|this|it|those|these|one|ones)\b", said.SOMEONE_IN_ARTICLE.sub(" ", text), re.I):
        person = person_matching(text, kb)
        if context.person and re.search(r"\bthe other (person|woman|student|learner|librarian)\b", text, re.I):
            # "and the other person they talk to, did she ...?": the one other learner (or staff) than the one just discussed
            same = [p.id for p in kb.people if p.relation == kb.person(context.person).relation and p.id != context.person]
            person = same[0] if len(same) == 1 else None
        if person:
            return Query("describe", person=person, attribute=attribute if attribute in ("hardest", "prerequisites", "pathways") else None)
    # "I graduated 6 months ago, options?", "which would u pick if im already 5 yrs in": the certificates
    # the article says suit that career stage; "too early for me?" just after one: who it is for.
    stage = career_stage_of(text) or (context.career_stage if situation.LIKE_ME.search(text) else None)
    if stage and situation.ASKS_FIT.search(text) and not said.WHO_DID.search(text) and not mentions.credentials \
            and not (mentions.programs or mentions.people or mentions.topics
                                                          or mentions.goals or op_names):
        elsewhere = re.search(r"\b(better|instead|else|other|another|different one)\b", text, re.I)
        if not elsewhere and context.program and not mentions.institutions and said.REFERS_BACK.search(text) or (
                not elsewhere and context.program and re.search(r"\btoo (early|soon|late)\b|\b(fits?|suits?) (me|who)\b", text, re.I)):
            chosen: Tuple[str, ...] = (context.program,)
        else:
            chosen = tuple(p.id for p in kb.programs if p.career_stage == stage
                           and (not mentions.institutions or p.provider in mentions.institutions))
        if chosen:
            return Query("lookup", programs=chosen, attribute="audience" if kb.program(chosen[0]).audience else "eligibility")
    # "Morgan's certificate vs Lyons's, how do they compare?": the certificates they took.
    if len(mentions.people) >= 2 and "compare" in op_names and not mentions.programs:
        took = tuple(dict.fromkeys(pid for person in mentions.people for pid in kb.person(person).programs))
        if len(took) >= 2:
            return Query("compare", programs=took)
    # People first: "what did Marina Morgan say?", "which certificate did Lyons take?", "what's her job?"
    person_named = mentions.people[0] if mentions.people else person_described(text, mentions, kb, attribute)
    if person_named and not mentions.programs:
        if not mentions.people and attribute == "instructors":
            attribute = "quotes"  # "what did the Arizona professor say?": the professor is who, not what is asked
        took = kb.person(person_named).programs
        if said.NAME_ASKED.search(text):
            return Query("describe", person=person_named)  # "the student doing the arizona certificate, what's her name again"
        if said.WHAT_DID_SAY.search(text):
            return Query("describe", person=person_named, attribute="quotes")  # "what did linda main say about the non-matriculated option?"
        if attribute in PROGRAM_OF_PERSON_ATTRIBUTES and took:
            return Query("lookup", programs=took, attribute=attribute)  # "was marina morgan's certificate online?"
        return Query("describe", person=person_named, attribute=attribute or unsaid_of(person_named, text, kb))
    # "Who said the data science and NLP certificates are growing fast?": the person whose statement it is.
    if said.WHO_SAID.search(text) and not mentions.people:
        person = kb_person_for(text, kb)
        if person:
            return Query("describe", person=person, attribute="quotes")
    if context.person and re.search(r"\bwho (said|was|is) (that|this|it)\b(?! ([a-z]+ )?for\b)", text, re.I) \
            and not mentions.names_anything:
        return Query("describe", person=context.person, attribute="quotes")
    if re.search(r"\bwho (said|says|thinks|claims) (that|this|so)\b", text, re.I) and not mentions.names_anything \
            and (context.program or context.listed):
        # "Who said that?" just after what the article says of some certificates: the people it quotes on them.
        return Query("lookup", programs=(context.program,) if context.program else context.listed, attribute="quotes")
    if context.person and said.PERSON_PRONOUN.search(text) and not (mentions.programs or mentions.institutions) \
            and (not mentions.topics or attribute in (None, "quotes", "hardest", "pathways")):
        took = kb.person(context.person).programs
        if attribute in PROGRAM_OF_PERSON_ATTRIBUTES and took and re.search(
                r"\b(her|his|their) (cert|certificate|program|programme|course|courses)\b", text, re.I):
            return Query("lookup", programs=took, attribute=attribute)  # "is her certificate online?"
        return Query("describe", person=context.person, attribute=attribute or unsaid_of(context.person, text, kb))

    if context.person and attribute == "pathways" and not context.program and not mentions.names_anything \
            and any(s.kind == "chose" for s in kb.person(context.person).statements):
        return Query("describe", person=context.person, attribute="pathways")  # "what does that pathway teach?" after Marina
    if context.person and said.PERSON_PRONOUN.search(text) and mentions.institutions and not mentions.programs \
            and attribute is None:
        return Query("describe", person=context.person, attribute="provider")  # "is he at San José State?"

    # "Which people does the article quote?", "how many people are quoted?", "what do the people who did them say?"
    if (said.WHICH_PEOPLE.search(text) or said.PEOPLE_WHO_DID.search(text) or (
            "count" in op_names and "quotes" in mentions.attributes and said.PEOPLE_WORD.search(text))) \
            and not (mentions.programs or mentions.institutions or mentions.people) \
            and attribute in (None, "quotes", "source"):  # not "what did the learners recommend doing beforehand?"
        return Special("people")

    # "Does it have a data science option?" with a certificate in context: its pathways or subjects.
    if (said.DOES_IT_HAVE.search(text) or (context.last_attribute == "pathways" and said.IS_THERE_ONE.search(text))) \
            and context.program and (mentions.topics or mentions.goals) \
            and not (mentions.programs or mentions.institutions or mentions.people):
        return Query("lookup", programs=(context.program,),
                     attribute="pathways" if kb.program(context.program).pathways else "topics")
    if said.DO_THEY_COVER.search(text) and len(context.listed) >= 2 and (mentions.topics or mentions.goals) \
            and attribute in (None, "topics", "courses", "pathways") \
            and not (mentions.programs or mentions.institutions or mentions.people):
        return Query("lookup", programs=context.listed, attribute="topics")  # "does either of them cover digitization?"

    # "How many do I need for the certificate?" with a certificate in context: its courses.
    if "count" in op_names and (context.program or context.listed) and said.SINGULAR_PRONOUN.search(text) \
            and not mentions.names_anything and (attribute in (None, "structure", "courses") or not mentions.attributes):
        return Query("lookup", programs=(context.program,) if context.program else context.listed, attribute="structure")

    # "How many of them for the certificate?" just after a question about its courses: its courses.
    if "count" in op_names and said.PLURAL_REFERENCE.search(text) and not mentions.names_anything \
            and context.last_attribute in ("structure", "length", "courses") and (context.program or context.listed):
        return Query("lookup", programs=(context.program,) if context.program else context.listed, attribute="structure")

    # "How many is that?" just after a list: the list's length (or the pathways' number, just after them).
    if "count" in op_names and not mentions.names_anything and said.THAT_MANY.search(text) and attribute is None \
            and (context.listed or context.program):
        if context.last_attribute == "pathways" and context.program:
            return Query("lookup", programs=(context.program,), attribute="pathways")
        if context.listed:
            return Query("count", programs=context.listed)

    # "Which school has the most certificates?": the count, school by school.
    if said.WHICH_SCHOOL_MOST.search(text) and not mentions.names_anything:
        return Query("count")

    # "How many schools do you cover?"
    if "count" in op_names and said.SCHOOLS.search(text) and not mentions.names_anything \
            and attribute in (None, "topics", "provider") and not (_mentions_landscape(text) and not said.ARTICLE.search(text)):
        return Query("count", attribute="provider")

    # How many: "how many certificates does the article talk about?", "how many programs are online?"
    if any(op.startswith("count") for op in mentions.operations) and not mentions.programs \
            and (attribute in (None, "source", "delivery") or (attribute == "topics" and said.CERTIFICATE_WORDS.search(text)
                                                               and not said.SINGULAR_PRONOUN.search(text))) \
            and not mentions.institutions and not mentions.topics:  # "how many certificates does the article cover?"
        if attribute == "delivery" or (_mentions_field(text) and not re.search(r"\b(article|you|named|mentioned)\b", text, re.I)):
            return Special("landscape")
        in_context = {kb.program(pid).provider for pid in ((context.program,) if context.program else context.listed)} \
            or ({context.provider} if context.provider else set())
        if len(in_context) == 1 and re.search(r"\b(they|them|that school|this school|that place)\b|(?<!are )(?<!is )\bthere\b", text, re.I) \
                and not said.ARTICLE.search(text):
            return Query("count", provider=in_context.pop())  # "how many certificates do they offer?" just after CalRBS
        return Query("count")

    # The whole field: "where do I see the whole list?", "are there loads of post-MLIS certs out there?"
    if not (mentions.programs or mentions.institutions or mentions.topics or mentions.people) \
            and (said.WHERE_THE_LIST.search(text) or said.ALL_OUT_THERE.search(text)) and attribute not in ("cost", "funding"):
        return Special("landscape")

    # The article itself: "who wrote this?", "where does this come from?"
    # Not "did anybody in the article do that?", which asks for a person.
    asks_who = bool(said.WHO_DID.search(text) and re.search(r"\b(anyone|anybody|someone|somebody|who|who's|whos|people)\b", text, re.I))
    if said.ARTICLE.search(text) and re.search(r"\b(other|others|besides|beyond|else|outside|all of them|the only ones|only ones|"
                                           r"just these|these few|a sample)\b", text, re.I) \
            and not any(name.startswith(("rank", "filter", "compare", "count")) for name in op_names) \
            and (names_certificate(text) or said.SCHOOLS.search(text) or re.search(r"\b(them|all)\b", text, re.I)) \
            and not mentions.names_anything:
        return Special("landscape")  # "are there other certificates out there besides the ones in this article?"
    if said.ARTICLE.search(text) and context.program and re.search(r"\babout (it|that|this|them)\b", text, re.I) \
            and not mentions.names_anything:
        return Query("describe", programs=(context.program,))  # "what does the article actually say about it?"
    if attribute == "source" and not mentions.programs and not mentions.institutions \
            and not (asks_who and (context.program or context.listed)):
        return Special("article")
    if re.search(r"\b(who wrote|who is the author|who's the author|whos the author|the article'?s? author|the author of "
                 r"(the|this) article)\b", text, re.I) and not (mentions.programs or mentions.institutions or mentions.people):
        return Special("article")  # "who wrote it? is she a librarian herself or a journalist?"
    if said.ARTICLE.search(text) and not mentions.names_anything and attribute in (None, "source", "quotes") \
            and intent not in ("ask_landscape", "ask_worth_it") and not asks_who and not said.WHICH_PEOPLE.search(text) \
            and not (said.ARTICLE_AS_SCOPE.search(text) and names_certificate(text) and not said.ABOUT_THE_SOURCE.search(text)):
        return Special("article")
    author = next((p.id for p in kb.people if p.relation == "author"), None)
    if author and context.person == author and not mentions.names_anything \
            and re.search(r"\b(called|title|titled|published|run|ran|appear|appeared|came out|when was it|magazine|"
                          r"journal|publication|newspaper|where did she work|her job)\b", text, re.I):
        return Special("article")  # "what's it called and where did it run?" just after the article

    # "Same school?" just after two certificates: who offers each.
    if "others_at_school" in op_names and not mentions.names_anything and len(context.listed) >= 2 and said.SAME_SCHOOL.match(text):
        return Query("lookup", programs=context.listed, attribute="provider")

    # "Why is funding harder for these than for the MLIS?": certificate funding in general.
    if attribute == "funding" and said.THAN_A_DEGREE.search(text) and not (mentions.programs or mentions.institutions):
        return Special("general", attribute="funding")

    # "Is there a sister program at the same school?": the school's other certificates.
    if "others_at_school" in op_names and not mentions.programs:
        school = only_one(mentions.institutions) or context.provider or (
            kb.program(context.program).provider if context.program else None)
        if school:
            others = tuple(p.id for p in kb.programs_of(school) if p.id != context.program)
            described = [pid for pid in others if set(mentions.topics) & set(kb.program(pid).topics)]
            if len(described) == 1:
                # "and the legal one at the same school?": that one, asked what was just asked
                asked = attribute or (context.last_attribute if context.last_attribute not in (None, "details", "compare") else None)
                return Query("lookup", programs=tuple(described), attribute=asked) if asked \
                    else Query("describe", programs=tuple(described))
            return Query("describe", programs=others) if others else Query(
                "describe", provider=school, programs=tuple(p.id for p in kb.programs_of(school)))

    # The whole order: "rank them by price", "sort the certificates by length".
    if "rank_all" in op_names:
        ranked_attribute = next((a for a in (attribute, context.last_attribute) if a in RANKABLE), "cost")
        named = mentions.programs or mentions.institutions or mentions.topics
        return Query("rank", programs=named_group(mentions, context, kb, text) if named else (),
                     attribute=ranked_attribute, order="max" if ranked_attribute == "started" else "min", full=True)

    # Adding up: "what would just 2 courses run me?", "both CalRBS certificates together?", "one at each, total?"
    asks_cost = attribute == "cost" or (attribute is None and (
        context.last_attribute == "cost" or re.search(r"\b(total|how much|run me|price|cost)\b", text, re.I)
        or (said.WHAT_IF_COURSES.search(text) and bool(context.program or context.listed))))  # "what if i only do 2 courses"
    if asks_cost and not mentions.amounts and not any(name.startswith(("rank", "filter")) for name in op_names):
        courses = courses_counted(text)
        named = subjects_of(mentions, Context(), kb, text, "cost")[0] if (mentions.programs or mentions.institutions) else ()
        together = bool(said.TOGETHER.search(text)) and "compare" not in op_names
        per_school = courses_per_school(text, kb)
        if len(per_school) >= 2 and len(set(per_school.values())) > 1:
            # "3 courses at rbs and 2 at calrbs": each school's courses at its own price.
            pool = tuple(kb.programs_of(school)[0].id for school in per_school)
            return Query("total", programs=pool, course_counts=tuple(per_school.values()))
        if courses is not None and (named or context.program or context.listed):
            if re.search(r"\b(each|both|one at each|per school)\b", text, re.I) and len(context.listed) >= 2 and not named:
                named = tuple(context.listed)
            pool = named or ((context.program,) if context.program else tuple(context.listed[:1]))
            if len({kb.program(pid).provider for pid in pool}) < len(pool):
                first: Dict[str, str] = {}
                for pid in pool:
                    first.setdefault(kb.program(pid).provider, pid)
                pool = tuple(first.values())  # "one course at CalRBS": a course there costs the same for each
            return Query("total", programs=pool, courses=courses)
        if together and courses is None:
            group = named if len(named) >= 2 else tuple(context.listed) if len(context.listed) >= 2 else ()
            if group:
                return Query("total", programs=group)

    # "By how much?" after two certificates were compared or ranked; "how much more is that than CalRBS?"
    if said.BY_HOW_MUCH.search(text) and attribute in (None, "cost") and not mentions.amounts:
        named = subjects_of(mentions, Context(), kb, text, attribute)[0] if mentions.names_anything else ()
        # "than one CalRBS course": a school's price is its certificates' price, so one of each school will do
        named = tuple({kb.program(pid).provider: pid for pid in reversed(named)}.values())[::-1]
        pair = (context.program, named[0]) if context.program and len(named) == 1 and named[0] != context.program \
            else named if len(named) == 2 \
            else tuple(context.listed) if len(context.listed) == 2 and not named else ()
        if len(pair) == 2:
            return Query("compare", programs=pair)

    # Ranking: "the cheapest", "which takes the least time", "the newest".
    for name, *rest in operations:
        if name in ("rank_max", "rank_min"):
            ranked_attribute = rest[0] if rest else attribute or (
                context.last_attribute if context.last_attribute in RANKABLE else None)  # "and highest?"
            if ranked_attribute == "cost" and said.PER_COURSE.search(text):
                ranked_attribute = "course_cost"  # "which ones are cheapest per course?"
            if ranked_attribute in RANKABLE:
                programs = named_group(mentions, context, kb, text)
                named_here = bool(mentions.programs or mentions.institutions) and bool(programs)
                if not programs and len(context.listed) >= 2 and not said.WHOLE_CATALOGUE.search(text) \
                        and (said.COMPARATIVE.search(text) or said.PLURAL_REFERENCE.search(text)):
                    programs = context.listed  # "which is cheaper?" after a list or a comparison; not "and the priciest?"
                if len(programs) < 2 and not named_here and len(context.discussed) >= 2 and said.COMPARATIVE.search(text) \
                        and re.search(r"\b(those|these|the|them) (two|both)\b|\bof them\b", text, re.I):
                    programs = context.discussed[-2:]  # "the cheaper of those two" after one price, then another
                if "compare" in op_names and said.RANKED_ONE.search(text) and context.program:
                    # "What's the difference vs the cheapest one?": the one in context against the first of the ranking.
                    top = ranked_first(kb, ranked_attribute, name, programs)
                    if top and len({kb.program(pid).provider for pid in top}) == 1 and context.program not in top:
                        return Query("compare", programs=(context.program, top[0]))
                asked = [a for a in mentions.attributes if a != ranked_attribute and a not in ("cost", "structure")
                         and not (a == "topics" and mentions.topics)]  # "for someone focused on rare books, the priciest?"
                if asked and said.RANKED_ONE.search(text):
                    # "Does the cheaper one have scholarships?": the first of the ranking, and what is asked of it.
                    top = ranked_first(kb, ranked_attribute, name, programs)
                    if top and len({kb.program(pid).provider for pid in top}) == 1:  # a tie within one school: both
                        return Query("lookup", programs=tuple(top), attribute=asked[0])
                # Over programs named or just listed, the whole (short) order is the answer: "calrbs vs rbs,
                # which is cheaper?"; over every program, the first is.
                # Over a group from the context ("whats the cheaper of those"), the first, not the others by name.
                return Query("rank", programs=programs, attribute=ranked_attribute,
                             order="max" if name == "rank_max" else "min", full=named_here or len(programs) > 2)
            if ranked_attribute == "growth":
                return Query("lookup", programs=named_group(mentions, context, kb, text) or every_program(kb), attribute="growth")

    # "So the whole cert is like 7k?" with a certificate in context: its price, to check.
    if mentions.amounts and context.program and not any(name.startswith(("filter", "rank")) for name in op_names) \
            and said.CHECKING_A_PRICE.search(text) and attribute in (None, "cost") and not mentions.names_anything:
        return Query("lookup", programs=(context.program,), attribute="cost")

    # Filtering by price: "under $5,000"; "any between 6500 and 7000".
    if len(set(mentions.amounts)) >= 2 and said.PRICE_RANGE.search(text) and attribute in (None, "cost") \
            and not mentions.people:
        return Query("filter", programs=named_group(mentions, context, kb, text),
                     attribute="course_cost" if said.PER_COURSE.search(text) else "cost",
                     bound="between", amount=min(mentions.amounts), upper=max(mentions.amounts))
    bound = next((name for name in op_names if name in ("filter_under", "filter_over")), None)
    if mentions.amounts and (attribute in (None, "cost") or (bound and not mentions.attributes)) \
            and (bound or intent in ("find_certificate", "ask_cost") or "cost" in mentions.attributes
                 or context.last_attribute == "cost") \
            and (intent != "inform_budget" or bound):
        return Query("filter", programs=named_group(mentions, context, kb, text),
                     attribute="course_cost" if said.PER_COURSE.search(text) else "cost",
                     bound="over" if bound == "filter_over" else "under", amount=max(mentions.amounts))

    # "How much more than CalRBS is it?": the program in context against the one named.
    if bound and (attribute or context.last_attribute) == "cost" and not mentions.amounts and context.program \
            and (mentions.programs or mentions.institutions):
        named, _, _ = subjects_of(mentions, Context(), kb, text, attribute)
        if named and context.program not in named:
            return Query("compare", programs=(context.program, named[0]))

    # "List them", "show me those": the programs of the last answer, whatever the intent guessed.
    if "list" in op_names and context.listed and said.PLURAL_REFERENCE.search(text) and not mentions.names_anything \
            and attribute is None:
        return Query("describe", programs=context.listed)

    # The whole field: "how many programs are online?", "how many schools offer these?"
    if intent == "ask_landscape" and not (mentions.programs or mentions.institutions or mentions.topics or mentions.goals) \
            and not ("list" in op_names and said.ARTICLE.search(text)) \
            and (attribute in (None, "delivery") and not said.SINGULAR_PRONOUN.search(text)) \
            and not (said.WHO_DID.search(text) and (context.program or context.listed)):
        # "Can I do any certificate fully online?": the article does not say which of its own.
        return Special("general", attribute="delivery") if attribute == "delivery" else Special("landscape")
    if intent == "ask_worth_it" and not (mentions.programs or mentions.institutions or mentions.people) \
            and attribute not in NEVER_GIVEN \
            and not (mentions.attributes and context.program and said.SINGULAR_PRONOUN.search(text)) \
            and not (("credential" in mentions.attributes or attribute == "credential") and (context.program or context.listed)) \
            and not said.COSTS_TO_RUN.search(text):
        # not "is it fully remote?", nor "what's the point of their certificate?" just after one
        return Special("worth_it")

    # "Who usually takes it that way?" just after who may enrol: the article's note on who does.
    if said.WHO_DID.search(text) and not said.DONE.search(text) and context.program and not mentions.names_anything \
            and context.last_attribute in ("eligibility", "audience") and attribute in (None, "audience", "eligibility"):
        return Query("lookup", programs=(context.program,), attribute="eligibility")

    # "Who found it hard?", "the hardest course anyone mentions?": the person whose hardest course the article gives.
    everyone = bool(said.ANYONE.search(text)) and not (mentions.programs or mentions.institutions
                                                        or said.SINGULAR_PRONOUN.search(text))
    if attribute == "hardest" and not mentions.people and (said.WHO_DID.search(text) or everyone):
        pool = mentions.programs or ((context.program,) if context.program and not everyone else ())
        found = [p.id for p in kb.people if any(s.kind == "found_hardest" for s in p.statements)
                 and (not pool or set(p.programs) & set(pool))]
        if len(found) == 1:
            return Query("describe", person=found[0], attribute="hardest")

    # "Who did the SJSU post-master's?", "who took the first one?": the people the article quotes about it.
    if said.WHO_DID.search(text) and not mentions.people and (attribute in (None, "quotes", "source", "provider") or (
            attribute == "audience" and said.DONE.search(text))):  # "who took the first one?" is not who it is for
        pointed = mentions.programs or pointed_at(mentions, context) or (
            context.listed if (said.PLURAL_REFERENCE.search(text) or re.search(r"\b(that|this)\b", text, re.I))
            and said.DONE.search(text) and not mentions.names_anything and len(context.listed) <= SHORT_LIST else ())
        if not pointed and mentions.institutions and not mentions.topics and said.DONE.search(text):
            # "what did the person who did the sjsu one get out of it?": the one learner at that school
            at_school = {p.id for school in mentions.institutions for p in kb.programs_of(school)}
            took = [p.id for p in kb.people if p.relation == "learner" and set(p.programs) & at_school]
            if len(took) == 1:
                return Query("describe", person=took[0])
        if pointed:
            took = [p.id for p in kb.people if p.relation == "learner" and set(p.programs) & set(pointed)]
            if said.DONE.search(text) and len(took) == 1:
                return Query("describe", person=took[0])  # "did anybody in the article take either of them?"
            return Query("lookup", programs=pointed, attribute="quotes")

    # "Has anyone done that?" just after a certificate: the people the article quotes on it.
    if said.WHO_DID.search(text) and not (mentions.people or mentions.names_anything) and context.program \
            and attribute not in ("audience", "eligibility") and (said.REFERS_BACK.search(text) or re.search(r"\b(that|this)\b", text, re.I)) and not said.PERSON_PRONOUN.search(text):
        return Query("lookup", programs=(context.program,), attribute="quotes")

    # "Who believes data science is a recognisable term?": the person whose statement it is.
    if said.WHO_DID.search(text) and not said.DONE.search(text) and re.search(r"\bwho\b", text, re.I) \
            and not mentions.people and not mentions.programs:
        person = kb_person_for(text, kb)
        if person:
            return Query("describe", person=person, attribute="quotes")

    # "Are there any certificates in the article where scholarships are a thing?": asked of every certificate.
    # "Which ones don't qualify for financial aid?", "any with scholarships?": the same, whatever is in context.
    if attribute in PER_PROGRAM_ATTRIBUTES | {"funding", "cost", "pathways", "growth"} and (said.ANY_OF_ALL.search(text) or said.WHICH_ONES.search(text)) \
            and not mentions.names_anything \
            and not said.SINGULAR_PRONOUN.search(text) and not said.PLURAL_REFERENCE.search(text):
        having = every_program(kb) if attribute == "cost" else programs_having(kb, attribute, text)  # "which ones have no price?": all
        if not said.ANY_OF_ALL.search(text) and len(context.listed) >= 2:  # "which ones ...?" just after a list: of it
            having = tuple(pid for pid in having if pid in context.listed) or having
        return Query("lookup", programs=having, attribute=attribute)

    # "Is there one at SJSU too?" just after a search: the one of the list at that school, or the school's own.
    if said.IS_THERE_ONE.search(text) and mentions.institutions and not (mentions.programs or mentions.topics or mentions.goals) \
            and context.listed and attribute is None:
        school = mentions.institutions[0]
        there = tuple(pid for pid in context.listed if kb.program(pid).provider == school)
        return Query("describe", programs=there) if there else Query(
            "describe", provider=school, programs=tuple(p.id for p in kb.programs_of(school)))

    # "Which of those is at Arizona?", "which of those two is the one about language?": the last list, narrowed.
    if len(context.listed) >= 2 and said.OF_THOSE.search(text) and not mentions.programs \
            and attribute == "pathways" and not mentions.names_anything:
        having = tuple(pid for pid in context.listed if kb.program(pid).pathways)  # "which of the two has pathways?"
        if having and len(having) < len(context.listed):
            return Query("lookup", programs=having, attribute="pathways")
    if len(context.listed) >= 2 and said.OF_THOSE.search(text) and not mentions.programs \
            and (mentions.institutions or mentions.topics or mentions.goals) \
            and not any(name.startswith(("rank", "filter", "count")) for name in op_names):
        for_goals = {m.program.id for m in kb.find_programs(goals=mentions.goals)} if mentions.goals else set()
        # A subject their courses cover counts too: "so which of the two has bookbinding?"
        for_topics = {m.program.id for t in mentions.topics for m in kb.find_programs(topics=(t,))}
        narrowed = tuple(pid for pid in context.listed
                         if (not mentions.institutions or kb.program(pid).provider in mentions.institutions)
                         and (not mentions.topics or pid in for_topics)
                         and (not mentions.goals or pid in for_goals))  # "which of those are the techy ones?"
        if narrowed and len(narrowed) < len(context.listed):
            return Query("lookup", programs=narrowed, attribute=attribute) if attribute else \
                Query("describe", programs=narrowed)

    # "What does the certificate actually show employers?" with a certificate in context: that certificate.
    if mentions.goals and not (mentions.topics or mentions.programs or mentions.institutions) and context.program \
            and said.SINGULAR_PRONOUN.search(text) and attribute is None and not said.SEARCH.search(text):
        return Query("describe", programs=(context.program,))

    # "Anything similar at SJSU?" just after a certificate: that school's certificates on its subjects.
    if said.SIMILAR.search(text) and context.program and not (mentions.programs or mentions.topics or mentions.goals) \
            and attribute in (None, "topics"):
        provider = only_one(mentions.institutions)
        return Query("find", topics=kb.program(context.program).topics, provider=provider)

    # "Just the Arizona ones that are about tech": a school's certificates for a goal.
    if mentions.institutions and mentions.goals and not mentions.programs and attribute is None and "compare" not in op_names:
        return Query("find", topics=mentions.topics, goals=mentions.goals, provider=mentions.institutions[0])

    subjects, out_of_range, ambiguous = subjects_of(mentions, context, kb, text, attribute)
    subjects, ambiguous = narrowed_subjects(subjects, ambiguous, mentions, context, kb, text)
    # "the medical information one", "calrbs", "what about SJSU?": a bare name answers the last question.
    one_described = len(subjects) == 1 and bool(mentions.institutions and mentions.topics) and not mentions.programs
    if attribute is None and not operations and context.last_attribute not in (None, "details", "compare") \
            and (mentions.programs or mentions.institutions or mentions.topics) \
            and not (mentions.institutions and mentions.topics and not mentions.programs and not one_described) \
            and (_is_bare_name(text, mentions) or said.SAME_QUESTION.search(text)):
        attribute = context.last_attribute
    if context.last_attribute == "pathways" and context.program and kb.program(context.program).pathways \
            and re.search(r"\bwhich (one|pathway|track|option)s?\b", text, re.I) and mentions.topics \
            and not (mentions.programs or mentions.institutions):
        return Query("lookup", programs=(context.program,), attribute="pathways")  # "which one is about archives" after them
    if mentions.ordinal and context.last_attribute == "pathways" and context.program and not mentions.names_anything \
            and kb.program(context.program).pathways:
        # "tell me more about the 4th one" just after a certificate's pathways: its pathways, with what the article says of each
        return Query("lookup", programs=(context.program,), attribute="pathways")
    if out_of_range:
        return Special("out_of_range", position=out_of_range)

    picked_by_position = len(subjects) == 1 and bool(said.POSITION_AMONG_NAMED.search(text)) and mentions.names_anything
    wants_compare = not picked_by_position and ("compare" in op_names or (intent == "compare_programs" and (
        len(subjects) != 1 or bool(said.COMPARING_WORDS.search(text)))))  # "different question - does the legal cert cover X"
    if wants_compare and not subjects and not context.program and len(context.listed) < 2 and mentions.unknown:
        # "Which is better for getting into an MLIS program, Simmons or Drexel?": nothing of ours is named.
        if said.OTHER_SUBJECT.search(text):
            return Special("out_of_scope")
        schools = [word for word in mentions.unknown if re.search(rf"\b{re.escape(word)}\b", text)
                   and re.search(rf"\b{re.escape(word[0].upper() + word[1:])}\b", text)]
        if schools:
            return Special("not_named", attribute=" or ".join(word.capitalize() for word in schools))
    if wants_compare:
        chosen = list(subjects)
        if len(mentions.institutions) >= 2 and not mentions.programs and not mentions.topics:
            chosen = list(comparable(kb, mentions.institutions))
        if len(chosen) < 2 and mentions.topics:
            # "data science vs the NLP certificate at Arizona": a topic describing one more program
            for topic in mentions.topics:
                described = [pid for pid in described_by(kb, topic, only_one(mentions.institutions)) if pid not in chosen] \
                    or [pid for pid in described_by(kb, topic) if pid not in chosen]  # "the Virginia one with the critlib one"
                if len(described) == 1:
                    chosen.append(described[0])
        if len(chosen) > 1 and context.program and context.program not in chosen and not mentions.programs \
                and said.SINGULAR_PRONOUN.search(said.DUMMY_IT.sub(" ", text)) and not said.GROUP_WORDS.search(text):
            # "How does it compare to the rare books one?": it, against the one of its school so described.
            same_school = [pid for pid in chosen if kb.program(pid).provider == kb.program(context.program).provider]
            if len(same_school) != 1:
                return Clarification("compare", candidates=(context.program,))
            chosen = same_school
        if len(chosen) == 1 and context.program and context.program not in chosen and not said.GROUP_WORDS.search(text):
            chosen.insert(0, context.program)
        if len(chosen) < 2 and len(context.listed) >= 2 and not mentions.names_anything:
            chosen = list(context.listed)
        if len(chosen) == 1 and not context.program and 2 <= len(context.listed) <= 3 and chosen[0] not in context.listed:
            chosen = [*context.listed, chosen[0]]  # "ok and the rbs one for comparison" just after the two CalRBS ones
        if len(chosen) >= 2:
            return Query("compare", programs=tuple(chosen))
        if not chosen and not (mentions.attributes or names_certificate(text) or said.PLURAL_REFERENCE.search(text)):
            return None  # "zotero or endnote, which is better?": nothing of ours to compare
        return Clarification("compare", candidates=tuple(chosen))

    if "count" in op_names and not mentions.programs:
        if attribute == "delivery" and subjects:  # "how many SJSU certificates are online?"
            return Query("lookup", programs=tuple(subjects), attribute="delivery")
        if attribute in (None, "provider"):
            return Query("count", programs=subjects if mentions.topics else (), provider=only_one(mentions.institutions))

    # What the article never gives (deadlines, instructors, salaries): say so for what was asked about.
    if attribute in NEVER_GIVEN:
        if not subjects and said.OTHER_SUBJECT.search(text) and not re.search(
                r"\b(cert|certs|certificates?|certification|post[- ]?mlis|post[- ]?masters?)\b", text, re.I):
            return Special("out_of_scope")  # "can you help me get into an MLIS program? my GRE scores are low"
        return Query("lookup", programs=tuple(subjects), attribute=attribute) if subjects \
            else Special("general", attribute=attribute)


    # "Do I need to know how to code before one of the tech certificates?": the advice for them.
    if attribute == "prerequisites" and mentions.goals and not (mentions.programs or mentions.institutions or mentions.topics):
        return Special("general", attribute="prerequisites")

    # Find: a topic or goal to search for, or "list all certificates".
    if intent == "find_certificate" and attribute and subjects and (said.REFERS_BACK.search(text) or said.ENDS_WITH_THAT.search(text)) \
            and not (mentions.names_anything or "list" in op_names):
        return Query("lookup", programs=tuple(subjects), attribute=attribute)  # "who is that option for?"
    searches = bool(said.SEARCH.search(text)) and bool(mentions.topics or mentions.goals) and attribute is None \
        and not mentions.programs  # "which certificates are there for data science?", whatever the intent
    school_attribute = bool(attribute and attribute != "topics" and mentions.institutions
                            and not (mentions.topics or mentions.goals))  # "so total days for a calrbs cert"
    # "Would the department chip in anything?" with a certificate in context: asked of it, not a search.
    of_context = bool(attribute and attribute != "topics" and (context.program or context.listed)
                      and not (mentions.topics or mentions.goals or mentions.institutions or mentions.programs
                               or "list" in op_names or said.SEARCH.search(text)))
    if (intent == "find_certificate" and not school_attribute and not of_context) or searches \
            or (("list" in op_names) and not mentions.programs and attribute is None):
        if mentions.programs and attribute:
            return Query("lookup", programs=tuple(subjects), attribute=attribute)
        if mentions.programs and not (mentions.topics or mentions.goals):
            return Query("describe", programs=tuple(subjects))
        if pointed_at(mentions, context) and not (mentions.topics or mentions.goals or mentions.institutions):
            pointed = pointed_at(mentions, context)  # "what's the second one about?" just after a list
            return Query("lookup", programs=pointed, attribute=attribute) if attribute else Query("describe", programs=pointed)
        if attribute == "delivery" and not subjects:
            return Query("lookup", programs=every_program(kb), attribute="delivery")
        provider = only_one(mentions.institutions)
        if provider and not (mentions.topics or mentions.goals) and len(kb.programs_of(provider)) == 1:
            return Query("describe", programs=(kb.programs_of(provider)[0].id,))  # "rare book school"
        if provider is None and context.provider and _is_bare_name(text, mentions) \
                and not re.search(r"\b(other|else|another|elsewhere|which)\b", text, re.I):
            provider = context.provider  # "archival studies", just after Arizona's certificates were listed
        school = next((word for word in mentions.unknown if _named_as_school(word, text)), None)
        if school and not (mentions.topics or mentions.goals or provider):
            return Special("not_named", attribute=school)  # "does drexel offer a post-mlis certificate?"
        person = person_story(text, kb, mentions.unknown) if not (mentions.topics or mentions.goals or provider) else None
        if person:
            return Query("describe", person=person)  # "what's Find@Roux?": words only a person's story holds
        if not (mentions.topics or mentions.goals or provider) and (
                any(_in_subject_position(word, text) for word in mentions.unknown)
                or ("list" not in op_names and (mentions.unknown or not said.WHOLE_CATALOGUE.search(text)))):
            # "what should I look at?", "does drexel offer one?": no subject we know; ask, don't list all
            return Special("which_topic")
        return Query("find", topics=mentions.target_topics or mentions.topics, goals=mentions.goals, provider=provider)

    if subjects:
        if attribute is None:
            if len(subjects) == 1 or mentions.programs:
                return Query("describe", programs=tuple(subjects), attribute=attribute)
            provider = only_one(mentions.institutions) if len(mentions.institutions) == 1 else None
            return Query("describe", programs=tuple(subjects), provider=provider if len(subjects) > 1 else None)
        if ambiguous and attribute not in SCHOOL_ATTRIBUTES and not _same_answer(kb, ambiguous, attribute):
            return Clarification(attribute, candidates=tuple(subjects), provider=ambiguous)
        if attribute == "audience" and not any(kb.program(pid).audience for pid in subjects) \
                and any(kb.program(pid).eligibility for pid in subjects):
            attribute = "eligibility"  # "is it only for people already in archives?": who may enrol is what the article says
        return Query("lookup", programs=tuple(subjects), attribute=attribute, also=second_questions(text, mentions, attribute))

    # No program named or referred to.
    if mentions.institutions:
        return Query("describe", provider=mentions.institutions[0], programs=tuple(
            p.id for p in kb.programs_of(mentions.institutions[0])))
    if mentions.topics or mentions.goals:
        return Query("find", topics=mentions.topics, goals=mentions.goals)
    if attribute and 2 <= len(context.listed) <= SHORT_LIST and not said.SINGULAR_PRONOUN.search(text) \
            and _is_bare_name(text, mentions):
        return Query("lookup", programs=context.listed, attribute=attribute)  # "price?" just after a short list
    nothing_in_context = not (context.program or context.listed or context.provider)
    if attribute in GENERAL_ATTRIBUTES and not said.SINGULAR_PRONOUN.search(said.DUMMY_IT.sub(" ", text)):
        return Special("general", attribute=attribute)
    if attribute in PER_PROGRAM_ATTRIBUTES and nothing_in_context and said.WHICH_OF_ALL.search(text):
        return Query("lookup", programs=programs_having(kb, attribute, text), attribute=attribute)
    if attribute is not None and nothing_in_context and said.OWN_TASK.search(text) and len(text.split()) >= 5 \
            and not (said.REFERS_BACK.search(text) or names_certificate(text) or said.CERTIFICATE_WORDS.search(text)):
        return None  # "format my capstone references in APA": a task of the user's, no certificate in sight
    if attribute == "quotes" and nothing_in_context:
        return Special("people")  # "what do people who did them say?"
    if attribute is not None:
        # "How do I get admitted to an MLIS program?": a subject of its own, not one of ours to ask about.
        # "How long does it take?" just after two: which of those two.
        short_list = context.listed if 2 <= len(context.listed) <= SHORT_LIST else ()
        return None if said.OTHER_SUBJECT.search(text) else Clarification(attribute, candidates=short_list)
    if "list" in op_names or "count" in op_names:
        return Query("find")
    if ("describe" in op_names or intent == "ask_program_details") and said.SINGULAR_PRONOUN.search(text) \
            and not (context.program or context.listed):
        return Clarification(None)  # "tell me about the certificate", first thing
    person = person_story(text, kb, mentions.unknown) if mentions.empty or mentions.unknown else None
    if person:
        return Query("describe", person=person)  # "what's Find@Roux?"
    if said.WISH.search(text) and not mentions.names_anything and intent != "out_of_scope":
        return Special("which_topic")  # "I want to work in a museum": a wish we have no subject for; ask
    return None


def _in_subject_position(word: str, text: str) -> bool:
    """Whether an unknown word stands where a subject does: "certificates in zorblat studies", not "haha ok"."""
    return bool(re.search(rf"\b(in|on|about|for|of|with|into)\s+{re.escape(word)}\b", text, re.I))


def _same_answer(kb: KnowledgeBase, provider: str, attribute: Optional[str]) -> bool:
    """Whether the article says the same of ``attribute`` for every certificate of the school (what
    the CalRBS certificate documents): then there is no need to ask which one is meant."""
    from actions.query_answers import attribute_phrase

    if attribute is None:
        return False
    phrases = {attribute_phrase(kb.facts_about(p.id), attribute) for p in kb.programs_of(provider)}
    return len(phrases) == 1 and None not in phrases


def _named_as_school(word: str, text: str) -> bool:
    """Whether an unknown word stands where a school's name does: "does Drexel offer one?", "anything at Simmons?"."""
    w = re.escape(word)
    return bool(re.search(rf"\b(at|from)\s+{w}\b|\b{w}('s)?\s+(offer|offers|have|has|run|runs|provide|provides)\b|"
                          rf"\b(does|do|did)\s+{w}\b", text, re.I))


def _is_bare_name(text: str, mentions: Mentions) -> bool:
    """A short message that is little more than a name ("the NLP one", "and at SJSU?")."""
    words = re.findall(r"[\w'-]+", text.lower())
    fillers = {"what", "about", "and", "at", "the", "for", "how", "one", "ones", "then", "ok", "okay", "i", "mean",
               "certificate", "program", "at", "with", "same", "question", "there", "same", "for", "of", "in", "please", "to"}
    return len([w for w in words if w not in fillers]) <= 5


# Words before "certificate" that name no particular one.
_NAMELESS = {"above", "actual", "average", "best", "big", "both", "cert", "certificate", "certificate's",
             "cheaper", "cheapest", "distance", "each", "entire", "every", "expensive", "famous", "fifth",
             "first", "former", "fourth", "full", "good", "grad", "graduate", "great", "her", "his", "hybrid",
             "in", "in-person", "its", "last", "latter", "least", "less", "long", "longest", "master's",
             "masters", "mlis", "more", "most", "my", "new", "newest", "next", "nice", "oldest", "one", "online",
             "only", "original", "other", "other's", "own", "particular", "per", "person", "popular", "post",
             "post-master's", "post-masters", "post-mlis", "postmasters", "previous", "professional", "program's",
             "quick", "related", "remote", "right", "said", "same", "same-school", "second", "second-to-last",
             "short", "shortest", "similar", "single", "sister", "small", "specific", "technical", "that",
             "their", "these", "third", "this", "those", "two", "typical", "week", "whole", "year", "your"}


_FUNCTION_WORDS = {"for", "of", "in", "at", "to", "with", "on", "per", "every", "each", "from", "about", "and", "or",
                   "is", "are", "was", "does", "do", "than", "that", "this", "it", "which", "what", "my", "your"}


def _unrecognised_name(text: str) -> bool:
    """Whether the message names a certificate by words we do not recognise ("the medical info cert")."""
    for match in said.NAMED_CERTIFICATE.finditer(text):
        words = [w.lower() for w in match.group(1).split()]
        if any(w in _FUNCTION_WORDS for w in words):
            continue  # "the price for every certificate": no name
        if any(w not in _NAMELESS and len(w) > 2 for w in words):
            return True
    return False


def _mentions_landscape(text: str) -> bool:
    return bool(re.search(r"\b(ala|accredited|online|out there|in total|exist|in the (country|us|field))\b", text, re.I))


def _mentions_field(text: str) -> bool:
    return bool(re.search(r"\b(programs?|schools?|universit(y|ies)|ala|accredited|online|out there|in total|exist)\b", text, re.I))
