"""Reading what a message asks: what it refers to, which attribute it asks for, which programs it is about.

A ``Reading`` is the message as the rules have read it so far. The reading rules here each return
a new one (what "the first one" resolves to, the attribute corrected by the wording, the subjects);
the answering rules in the other modules only read it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, List, Optional, Tuple, Union

from actions import message_patterns as said
from actions.people_reading import person_for_pronoun
from actions.subject_reading import described_by, left_out, narrowed_subjects, subjects_of
from actions.understanding.mentions import Mentions
from actions.understanding.scope import is_bare_name
from actions.understanding.terms import INTENT_ATTRIBUTES, PRICED, Answer, Context
from knowledge import KnowledgeBase


@dataclass(frozen=True)
class Reading:
    """One message, its context and what the reading rules have made of them so far."""

    text: str
    intent: str
    mentions: Mentions
    context: Context
    kb: KnowledgeBase
    # What the action answering this intent asks when nothing else says.
    default_attribute: Optional[str] = None
    # Set by ``attribute_asked`` and corrected by the reading rules after it.
    attribute: Optional[str] = None
    # The certificate discussed earlier that the message goes back to ("back to the first one").
    earlier: Optional[str] = None
    # Set by ``subjects_asked_about``: the programs the question is about, an out-of-range list
    # position, and the school whose certificates were all taken because it was named in the singular.
    subjects: Tuple[str, ...] = ()
    out_of_range: Optional[str] = None
    ambiguous: Optional[str] = None

    @property
    def operations(self) -> List[List[str]]:
        """The operations named, each split into its name and its argument ("rank_min:cost")."""
        return [op.split(":", 1) for op in self.mentions.operations]

    @property
    def op_names(self) -> List[str]:
        return [op[0] for op in self.operations]


# A rule: a reading rule returns the new ``Reading``; an answering rule returns its ``Answer``, or
# ``None`` when it does not apply.
Rule = Callable[[Reading], Union[Reading, Answer, None]]


def choose_attribute(mentions: Mentions, intent: str, kb: KnowledgeBase) -> Optional[str]:
    """The attribute asked for: the intent's own if the words name it too, else the first in the vocabulary's order."""
    hinted = INTENT_ATTRIBUTES.get(intent)
    if mentions.attributes:
        named = mentions.last_sentence_attributes if len(mentions.attributes) > 1 and mentions.last_sentence_attributes \
            else mentions.attributes
        if hinted == "cost" and "outcomes" in named:
            return "outcomes"  # "how much do graduates earn?" asks about pay, not the price
        if hinted in ("cost", "funding") and "scholarship_amount" in named:
            return "scholarship_amount"  # "how much is a scholarship worth?" asks its size, not the price
        if hinted in named:
            return hinted
        order = {attribute.id: index for index, attribute in enumerate(kb.attributes)}
        return min(named, key=lambda a: order.get(a, len(order)))
    return hinted


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


def not_the_one_it_is_likened_to(reading: Reading) -> Reading:
    """ "Does it have pathways like the first one does?", "does the digital assets certificate have pathways like
    the post-master's one?": the certificate likened to is not the one asked about, so a position or a kind
    named only after "like" points at nothing."""
    text, mentions = reading.text, reading.mentions
    match = said.LIKE_ANOTHER.search(text)
    if not match:
        return reading
    before, after = text[:match.start()], text[match.start():]
    if mentions.ordinal and said.POSITION_WORD.search(after) and not said.POSITION_WORD.search(before):
        mentions = replace(mentions, ordinal=None)
    if mentions.credentials and said.CREDENTIAL_WORD.search(after) and not said.CREDENTIAL_WORD.search(before):
        mentions = replace(mentions, credentials=())
    likened = [pid for pid in mentions.people if _named_in(reading.kb.person(pid), after) and not _named_in(reading.kb.person(pid), before)]
    if likened:  # "does her certificate have pathways like morgan's does?": Morgan is not asked about
        mentions = replace(mentions, people=tuple(pid for pid in mentions.people if pid not in likened))
    if reading.context.program and said.IT_THEN_LIKE.match(before) and not said.SAME_AS.search(text):
        # "Is it new like the data science one?": every name is in the likeness; "it" is asked about.
        mentions = replace(mentions, programs=(), institutions=(), topics=(), target_topics=(), credentials=())
    return replace(reading, mentions=mentions)


def _named_in(person, text: str) -> bool:
    """Whether any word of a person's name or aliases is in ``text``."""
    words = {w for name in (person.name, *person.aliases) for w in re.findall(r"[a-z]{3,}", name.lower())}
    return any(re.search(rf"\b{re.escape(word)}\b", text.lower()) for word in words)


def number_is_no_position(reading: Reading) -> Reading:
    """A number after "those" counts them; it does not point into the list."""
    text, mentions = reading.text, reading.mentions
    if mentions.ordinal and mentions.ordinal.isdigit() and (re.search(
            rf"\b(those|these|both|all|the) {mentions.ordinal}\b(?!\s*(st|nd|rd|th)\b)|\b(times|x|×)\s?{mentions.ordinal}\b", text, re.I)
            or said.COURSES_AT_A_PRICE.search(text)):
        # "when did those 2 start?", "1200 times 5?", "5 courses at 1200 is 6k?": a number, not a position
        mentions = replace(mentions, ordinal=None)
    return replace(reading, mentions=mentions)


def schools_left_out(reading: Reading) -> Reading:
    """ "Ok forget sjsu. tell me about rbs": a school set aside is not what the message is about."""
    text, mentions, kb = reading.text, reading.mentions, reading.kb
    dropped = () if said.ELSEWHERE.search(text) else left_out(text, kb)  # "besides X and Y, who else?" keeps them named
    if dropped:
        mentions = replace(mentions, institutions=tuple(i for i in mentions.institutions if i not in dropped),
                           programs=tuple(p for p in mentions.programs if kb.program(p).provider not in dropped))
    return replace(reading, mentions=mentions)


def back_to_an_earlier_program(reading: Reading) -> Reading:
    """The certificate discussed earlier that the message goes back to becomes the one in context."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    earlier = earlier_program(text, mentions, context)
    if earlier:
        # "ok back to the first one - what university is it part of?": the conversation's first certificate, not the last list's.
        context = replace(context, program=earlier, listed=(earlier,))
        mentions = replace(mentions, ordinal=None)
        text = said.EARLIER_ONE.sub("it", text)  # resolved: "the other one" in it is not the school's other one
    return replace(reading, text=text, mentions=mentions, context=context, earlier=earlier)


def unrecognised_name_is_not_the_context(reading: Reading) -> Reading:
    """A certificate named by words we do not know is not the one in context."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    if not mentions.names_anything and (_unrecognised_name(text) or any(
            re.search(rf"\bthe {re.escape(word)} ones?\b", text, re.I) for word in mentions.unknown)):
        # "how much is the medical info cert?" with the NLP certificate in context: a certificate is
        # named, just not one we recognise; the one in context is not it.
        context = Context(person=context.person)
    return replace(reading, context=context)


def person_of_the_pronoun(reading: Reading) -> Reading:
    """The person a pronoun points at, when no person is named: the one in context or another."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if context.person and not mentions.people:
        context = replace(context, person=person_for_pronoun(
            text, context.person, (context.program,) if context.program else context.listed, kb))
    return replace(reading, context=context)


def article_as_where_to_look(reading: Reading) -> Reading:
    """The article named as where to look is not the article asked about."""
    text, mentions = reading.text, reading.mentions
    if "source" in mentions.attributes and said.ARTICLE_AS_SCOPE.search(text) and not said.ABOUT_THE_SOURCE.search(text):
        # "is there a certificate in the article for medical information?": the article is where to look, not the question.
        # Nor are its words what people said: "how many does SJSU offer, according to the article?"
        dropped = {"source", "quotes"} if said.THE_ARTICLE_SAYS.search(text) and not mentions.people else {"source"}
        mentions = replace(mentions, attributes=tuple(a for a in mentions.attributes if a not in dropped),
                           last_sentence_attributes=tuple(a for a in mentions.last_sentence_attributes if a not in dropped))
    return replace(reading, mentions=mentions)


def attribute_asked(reading: Reading) -> Reading:
    """The attribute asked for (``choose_attribute``, else the action's default), as the wording corrects it."""
    text, intent, mentions, context, kb = reading.text, reading.intent, reading.mentions, reading.context, reading.kb
    attribute = choose_attribute(mentions, intent, kb) or reading.default_attribute
    if intent == "switch_program" and not mentions.attributes:
        attribute = context.last_attribute if context.last_attribute not in (None, "details", "compare") else None
    if mentions.opening_without_attribute and said.TELL_ME_ABOUT.match(text) and (mentions.programs or mentions.institutions):
        attribute = None  # "tell me about the data science certificate, my library just got a grant ..."
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    if len(sentences) > 1 and said.TELL_ME_ABOUT.match(sentences[-1]) and not mentions.last_sentence_attributes \
            and (mentions.programs or mentions.institutions):
        attribute = None  # "I have a $10k grant for staff development. Tell me about the CalRBS certificate."
    if set(mentions.attributes) <= {"credential"} and said.WHEN_STARTED.search(text):
        # "when did the nlp cert start?"; but "when does the next rbs session start?" asks for dates
        attribute = "deadlines" if re.search(r"\b(next|upcoming|coming|this year|this summer)\b", text, re.I) else "started"
    if attribute == "hardest" and said.WOULD_I_STRUGGLE.search(text):
        attribute = "prerequisites"  # "would I struggle with the NLP certificate?": what to learn first
    if not mentions.attributes and re.search(r"\bper (course|class)\W*$", text, re.I):
        attribute = "cost"  # "and what about the rare book school in virginia, per course?" after travel
    if attribute is None and re.search(r"\btotal\W*$", text, re.I) and not mentions.operations \
            and (mentions.programs or mentions.institutions or mentions.topics):
        attribute = "cost"  # "calrbs cert total?"; not "so how many arizona certs total"
    if attribute == "length" and "started" in mentions.attributes and said.BEEN_AROUND.search(text):
        attribute = "started"  # "how long has the rbs one been around?"
    if attribute == "cost" and "delivery" in mentions.attributes and said.ONLINE_CONDITION.search(text):
        attribute = "delivery"  # "is that the same price if the course is online?": the prices given are not for online
    if mentions.amounts and said.COVERS_COST.search(text) and (mentions.programs or mentions.institutions) \
            and attribute in (None, "topics", "quotes", "funding") and not said.FUNDING_WORD.search(text):
        attribute = "cost"  # "she'd put up to 6000 toward it. would that cover a whole calrbs certificate?": the price
    if attribute == "topics" and said.COVERS_COST.search(text):
        attribute = "funding"  # "would it cover the whole 6975?"
    if attribute == "topics" and context.last_attribute == "funding" and not mentions.topics \
            and re.search(r"\b(don'?t|doesn'?t|do not|does not|won'?t|not)\b.{0,20}\bcover\b|\bwhat (do|does|will|would) "
                          r"(those|they|these|the scholarships?|scholarships?|the aid|aid) (not )?cover\b", text, re.I):
        attribute = "funding"  # "what don't those cover?" just after scholarships
    if attribute == "cost" and "funding" in mentions.attributes and said.HOW_PEOPLE_PAY.search(text):
        attribute = "funding"  # "i have no money lol how do ppl even pay for these certs"
    if attribute is None and (mentions.amounts or said.A_FIGURE.search(text)) and (mentions.programs or mentions.institutions) \
            and (said.YES_NO.match(text) or text.rstrip().endswith("?") or said.A_CLAIM_CHECKED.search(text)) \
            and not any(op.startswith(("filter", "rank")) for op in mentions.operations):
        attribute = "cost"  # "is every rbs course $1,395?": its price, to check
    if context.last_attribute == "funding" and attribute in (None, "provider") and not mentions.names_anything \
            and said.WHO_GIVES.search(text):
        attribute = "funding"  # "who gives them out?" just after scholarships
    if attribute is None and context.last_attribute in PRICED and said.PRICE_FOLLOW_UP.search(text) \
            and (context.program or context.listed or mentions.programs or mentions.institutions) and not mentions.people:
        attribute = "cost"  # "x5?", "and the full certificate", "per class what are they" just after a price
    if attribute in (None, "topics") and said.WHATS_THE_DEAL.search(text) and not mentions.last_sentence_attributes:
        attribute = None  # "what's the deal with the rare book one in virginia": what it is, not what it deals with
    if attribute is None and mentions.topics and (mentions.programs or mentions.institutions) and said.DOES_IT_DO.match(text):
        attribute = "topics"  # "does calrbs do critical theory?": whether it covers it
    return replace(reading, attribute=attribute)


def what_named_certificates_show(reading: Reading) -> Reading:
    """Asked what named certificates show: what they document."""
    text, mentions, attribute = reading.text, reading.mentions, reading.attribute
    if attribute is None and said.WHAT_IT_SHOWS.search(text) and (mentions.programs or mentions.institutions) \
            and not mentions.goals:
        attribute = "credential"  # "what does finishing an RBS or CalRBS certificate actually show?"
    return replace(reading, attribute=attribute)


def days_of_instruction(reading: Reading) -> Reading:
    """Asked how many days a certificate adds up to: its length, not its price."""
    text, mentions, attribute = reading.text, reading.mentions, reading.attribute
    if attribute == "cost" and said.HOW_MANY_DAYS.search(text) and "length" in mentions.attributes:
        attribute = "length"  # "how many days of instruction does a CalRBS certificate add up to?"
    return replace(reading, attribute=attribute)


def what_it_would_run(reading: Reading) -> Reading:
    """Asked what a certificate would run at: its price."""
    text, attribute = reading.text, reading.attribute
    if attribute in (None, "length", "structure") and said.COSTS_TO_RUN.search(text):
        attribute = "cost"  # "what would the full certificate run at each"
    return replace(reading, attribute=attribute)


def same_question_again(reading: Reading) -> Reading:
    """ "The same for ...?" asks the last question again."""
    text, mentions, context, attribute = reading.text, reading.mentions, reading.context, reading.attribute
    if attribute is None and context.last_attribute not in (None, "details", "compare") and not mentions.operations \
            and said.SAME_AGAIN.search(text):
        attribute = context.last_attribute  # "is that the same for both of their certificates?" just after a price
    if context.last_attribute not in (None, "details", "compare") and said.APPLIES_THERE_TOO.search(text) \
            and (mentions.programs or mentions.institutions or mentions.topics):
        attribute = context.last_attribute  # "does that apply to arizona too?" just after what funding covers
    if context.last_attribute == "cost" and attribute in (None, "structure") and said.EVERY_COURSE.search(text) \
            and (context.program or context.listed) and not mentions.names_anything:
        attribute = "cost"  # "is that for every course there?" just after a course's price
    if context.last_attribute == "funding" and said.OF_THE_FUNDING.search(text) and not mentions.names_anything:
        attribute = "funding"  # "ok so what do they actually cover?" just after scholarships
    return replace(reading, attribute=attribute)


def subjects_asked_about(reading: Reading) -> Reading:
    """The programs the question is about (``subjects_of``), narrowed by the kind named (``narrowed_subjects``)."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    subjects, out_of_range, ambiguous = subjects_of(mentions, context, kb, text, reading.attribute)
    subjects, ambiguous = narrowed_subjects(subjects, ambiguous, mentions, context, kb, text)
    return replace(reading, subjects=subjects, out_of_range=out_of_range, ambiguous=ambiguous)


def bare_name_asks_the_last_question(reading: Reading) -> Reading:
    """ "The medical information one", "calrbs", "what about SJSU?": a bare name answers the last question."""
    text, mentions, context, subjects = reading.text, reading.mentions, reading.context, reading.subjects
    attribute, operations = reading.attribute, reading.operations
    one_described = len(subjects) == 1 and bool(mentions.institutions and mentions.topics) and not mentions.programs
    if attribute is None and not operations and context.last_attribute not in (None, "details", "compare") \
            and (mentions.programs or mentions.institutions or mentions.topics) \
            and not (mentions.institutions and mentions.topics and not mentions.programs and not one_described) \
            and (is_bare_name(text, mentions) or said.SAME_QUESTION.search(text)) and not said.IS_THERE_A_KIND.search(text):
        attribute = context.last_attribute
        if not subjects and mentions.topics and not (mentions.programs or mentions.institutions):
            # "nlp" just after "when did it start?": the certificate of that subject
            subjects = tuple(dict.fromkeys(pid for topic in mentions.topics for pid in described_by(reading.kb, topic)))
    return replace(reading, attribute=attribute, subjects=subjects)
