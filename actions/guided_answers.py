"""The guided interview in words, both ways: reading the learner's answers, writing the advisor's.

Readers (``parse_*``) turn what the learner typed or clicked into one canonical
value per question, ``SKIPPED`` for "not sure", or ``None`` when the text is
not an answer (the form then asks again). Canonical values parse to themselves,
so re-validating a stored answer never changes it.

Writers return ``Answer`` objects (text plus buttons) from the ranking in
``knowledge.recommend``; channels render the buttons (web widget and Slack as
buttons, ``rasa shell`` as a numbered choice). Nothing here reads a tracker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from actions.answer import Answer, Button
from actions.slots import BUDGET, CODING, ENROLLED, INTEREST, QUESTIONS, ROLE, TRAVEL
from actions.answers import funding_lines, join_words, no_match_answer, program_title, source_line, usd
from knowledge import KnowledgeBase
from knowledge.recommend import (
    CODING_LEVELS,
    CODING_UNKNOWN,
    DELIVERY_UNKNOWN,
    NO_CODING,
    OVER_BUDGET,
    PRICE_UNKNOWN,
    SOME_CODING,
    LearnerProfile,
    Recommendation,
)

SKIPPED = "not_sure"


CAN_TRAVEL, ONLINE_ONLY = "yes", "no"
NOT_ENROLLED, ENROLLED_ELSEWHERE, ENROLLED_SCHOOL_UNSAID = "no", "other", "yes"

# Budget buttons are ranges a learner picks from, not prices from the article.
BUDGET_CHOICES_USD = (2000, 5000, 10000)
MAX_TOPIC_BUTTONS = 8

Parsed = Union[str, int, None]


# -- reading answers ------------------------------------------------------------------

_SKIP = re.compile(
    r"\b(not sure|unsure|no idea|don'?t know|do not know|dunno|idk|skip|pass|rather not say|"
    r"prefer not to say|(prefer|rather) not (to )?answer|no preference|not certain|n/a|whatever|next question|"
    r"hard to say|can'?t say|move on|no answer|no clue|(don'?t|do not) want to (say|answer)|leave (it|that|this) blank|"
    r"(doesn'?t|does not|don'?t) matter|undecided|no opinion|still deciding|haven'?t decided|^next$)\b"
)
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "couple": 2, "few": 3,
}
_MULTIPLIERS = {"k": 1000, "thousand": 1000, "grand": 1000, "hundred": 100}
_AMOUNT = re.compile(r"(?<![\w.])\$?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|thousand|grand|hundred)?(?!\w)")
_WORD_AMOUNT = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\s+(thousand|grand|hundred)\b")
_NO_BUDGET = re.compile(
    r"^(no|none|nope|nothing set)$|\bno (set |fixed |real |particular )?(budget|limit)\b|\bunlimited\b|"
    r"\b(money|cost|price)( is|'s| isn'?t)( really)? (not )?(an issue|a problem|a concern|no object)\b|"
    r"\b(employer|library|work|job|institution|university) (\w+ )?(pays?|covers?|will pay|will cover|is paying|is covering) "
    r"(for )?(all|everything|it all|the (whole|full) (thing|cost))\b"
)


_QUESTION_START = re.compile(
    r"(am|are|is|what|how|why|who|which|when|where|can|could|do|does|should|will|would|tell|show|give|list|"
    r"compare|explain|describe)\b"
)
_NON_ANSWERS = {"yes", "no", "ok", "okay", "hmm", "what", "why", "huh", "sure", "nope", "yeah", "maybe"}


def normalise(text: Any) -> str:
    """Lower case, straight apostrophes, single spaces."""
    return re.sub(r"\s+", " ", str(text).replace("\u2019", "'").strip().lower())


def looks_like_question(text: Any) -> bool:
    """True for "is it more than $1,000?" or "tell me about RBS": a question or request, not an answer."""
    text = normalise(text)
    return text.endswith("?") or bool(_QUESTION_START.match(text))


_COMMAND_WORDS = re.compile(
    r"\b(stop|cancel|quit|exit|abort|pause|enough|reset|clear|wipe|delete|restart|start over|start again|"
    r"shortlist|questions?|interview|questionnaire|bye|goodbye|later)\b"
)


def looks_like_command(text: Any) -> bool:
    """True for "stop the questions" or "reset my shortlist": words that steer the conversation."""
    return bool(_COMMAND_WORDS.search(normalise(text)))


_FILLER = re.compile(
    r"\b(i'?m|i am|i|am|mostly|mainly|maybe|probably|perhaps|really|interested|in|into|and|or|plus|also|"
    r"the|a|an|some|something|like|want|would|to|do|work|with|on|about|guess|think|topic|field|area)\b"
)


def residue_after_names(text: Any) -> str:
    """What is left of a message once names and filler words are removed ("" for "rare books, i guess")."""
    return re.sub(r"[^a-z]", "", _FILLER.sub(" ", normalise(text)))


def is_skip(text: Any) -> bool:
    """True for "not sure", "skip", "no idea" and the like."""
    return normalise(text) == SKIPPED or bool(_SKIP.search(normalise(text)))


def parse_budget(value: Any) -> Parsed:
    """A tuition budget in whole US dollars, ``SKIPPED``, or ``None`` if no amount is given.

    "$3,000", "3000 dollars", "3k" and "five thousand" are amounts; "no budget",
    "no limit" and "not sure" are skipped. With several amounts ("between 2000
    and 5000") the largest is the budget.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(round(value)) if value >= 0 else None
    text = normalise(value)
    if is_skip(text) or _NO_BUDGET.search(text):
        return SKIPPED
    amounts: List[float] = []
    for number, multiplier in _AMOUNT.findall(text):
        amounts.append(float(number.replace(",", "")) * _MULTIPLIERS.get(multiplier, 1))
    for word, multiplier in _WORD_AMOUNT.findall(text):
        amounts.append(float(_NUMBER_WORDS[word] * _MULTIPLIERS[multiplier]))
    return int(round(max(amounts))) if amounts else None


_NOT_COMFORTABLE = re.compile(r"\bnot (very |really |that |too )?(comfortable|confident|fluent|great|good)\b|\bnot much\b")
_COMFORTABLE = re.compile(
    r"\b(comfortable|confident|fluent|experienced|proficient|advanced|expert|developer|programmer|"
    r"every ?day|daily|professionally|lots of|regularly|pretty good|very good|good at|program a lot|"
    r"(quite|really|very|pretty) well|ok with (code|coding|programming)|fine with (code|coding|programming))\b"
)
_SOME = re.compile(
    r"\b(some|a little|a bit|bit of|basic|basics|beginner|dabble[ds]?|html|a few|somewhat|limited|learning|"
    r"intro|introductory|a course|one (programming |coding )?(class|course)|scripts?|macros|tutorials?|"
    r"new to (programming|coding|code)|intermediate|novice|very little|little bit)\b"
)
_CANNOT_CODE = re.compile(
    r"\b(don'?t|do not) know (how to )?(code|coding|program|programming)\b|\bnot an? (coder|programmer|developer)\b|"
    r"^nada\b|^zilch\b"
)
_NONE = re.compile(r"\b(no|none|never|zero|nope|nothing|not at all|don'?t|do not|can'?t|cannot|haven'?t|have not)\b")


def parse_coding(value: Any) -> Parsed:
    """ "none", "some", "comfortable", ``SKIPPED``, or ``None`` ("yes" alone does not say how much)."""
    text = normalise(value)
    if text in CODING_LEVELS:
        return text
    if _CANNOT_CODE.search(text):
        return "none"
    if is_skip(text):
        return SKIPPED
    for pattern, level in ((_NOT_COMFORTABLE, "some"), (_COMFORTABLE, "comfortable"), (_SOME, "some"), (_NONE, "none")):
        if pattern.search(text):
            return level
    return None


_ONLINE_ONLY = re.compile(
    r"\bonline[- ]only\b|\bonly online\b|\b(remote|remotely) only\b|\b(can'?t|cannot|can not|unable to|not able to|"
    r"won'?t|don'?t|couldn'?t) (really )?(travel|go|attend in person)\b|\bno travel(ling|ing)?\b|"
    r"\b(must|need to|needs to|has to|have to) (stay|be|study) online\b|\b(fully|100%|100 percent) online\b|"
    r"\b(only|just) (\w+ )?(online|remotely|from home)\b|\bdistance learning\b|\bcan'?t (leave|get to)\b|"
    r"\bneed (\w+ ){0,3}(to be )?online\b|^online\b|"
    r"\b(can'?t|cannot) take time off\b|\bin[- ]person\b.*\b(won'?t|doesn'?t|does not|will not) work\b|"
    r"\btravel(l?ing)? (isn'?t|is not) (possible|an option)\b|\btravel(l?ing)? isn'?t\b|"
    r"\b(prefer|rather|rather do|want) (\w+ )?(online|virtual)\b|\bvirtual(ly)?( only)?$|\bvirtual only\b|"
    r"\b(don'?t|do not|wouldn'?t|would not|'d prefer not to|prefer not to|rather not) (want to |like to )?travel\b|"
    r"\b(can'?t|cannot|can not) (get away|afford (to )?travel|afford the travel|afford trips)\b"
)
_TRAVEL_WORDS = re.compile(r"\b(travel\w*|fly|fly out|flying|get away|go(ing)? to|trips?|week-long|a week|summer school)\b")
_POSITIVE = re.compile(r"\b(happily|happy|glad|works?|would work|doable|fine|ok|okay|could|can)\b")
# Weaker signs of online only, read after the signs that travel is possible.
_NO = re.compile(r"^(no|nope|nah|not really|not possible|no way)\b|\bremote(ly)?\b")
_CAN_TRAVEL = re.compile(
    r"\b(can|could|able to|happy to|willing to|glad to) (travel|attend|go|get to|make it to|drive|fly)\b|"
    r"\btravel(l?ing)? (is )?(fine|ok|okay|possible|no problem)\b|"
    r"\bin[- ]person (is )?(fine|ok|okay|works|possible)\b|\b(either|both)\b|^(yes|yeah|yep|sure|of course|definitely)\b|"
    r"^no problem\b|\b(travel\w*|trips?|in[- ]person|away from home)\b.*\b(is|are) (fine|ok|okay|possible|no problem)\b|"
    r"\b(fine|ok|okay|happy|open) (with|to) travel\w*\b"
)


def parse_travel(value: Any) -> Parsed:
    """ "yes" (in-person courses possible), "no" (online only), ``SKIPPED``, or ``None``."""
    text = normalise(value)
    if text in (CAN_TRAVEL, ONLINE_ONLY):
        return text
    if is_skip(text):
        return SKIPPED
    if _ONLINE_ONLY.search(text):
        return ONLINE_ONLY
    if _CAN_TRAVEL.search(text) or (_TRAVEL_WORDS.search(text) and _POSITIVE.search(text)):
        return CAN_TRAVEL
    return ONLINE_ONLY if _NO.search(text) else None


_NEGATION = re.compile(r"\b(no|nope|not|never|nah)\b|n't\b")
_ENROLLED_WORDS = re.compile(r"\b(yes|yeah|yep|enrolled|student|matriculated|studying|attending)\b")
_SCHOOL_WORDS = re.compile(r"\b(university|college|school|ischool|institute|program|another|other|elsewhere)\b|\bat \w+")


def parse_enrollment(value: Any, institutions: Sequence[str], kb: KnowledgeBase) -> Parsed:
    """Where the learner is enrolled now.

    Args:
        value: the slot value (typed text, a button value or a stored answer).
        institutions: provider ids named in the same message.
        kb: decides which provider ids exist.

    Returns:
        A provider id, "no", "other" (a school the article does not cover),
        "yes" (enrolled, school not said), ``SKIPPED``, or ``None``.
    """
    text = normalise(value)
    if text in (NOT_ENROLLED, ENROLLED_ELSEWHERE) or (text and kb.resolve("provider", text) == text):
        return text
    if is_skip(text):
        return SKIPPED
    if _NEGATION.search(text):
        return NOT_ENROLLED
    if institutions:
        return institutions[0]
    if _ENROLLED_WORDS.search(text):
        return ENROLLED_ELSEWHERE if _SCHOOL_WORDS.search(text) else ENROLLED_SCHOOL_UNSAID
    if _SCHOOL_WORDS.search(text):
        return ENROLLED_ELSEWHERE
    return None


@dataclass(frozen=True)
class RoleAnswer:
    """The learner's role in their words (``SKIPPED`` if only years were given) and years in the field."""

    role: str
    years: Optional[int]


_YEARS = re.compile(
    r"(?:\b(?:with|for|of|after)\s+)?(?:\b(?:over|about|around|almost|nearly|roughly|some)\s+)?"
    r"\b(?:a\s+)?(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s*\+?\s*(?:of\s+)?(?:years?|yrs?)\b"
    r"(?:\s+(?:of\s+)?(?:experience|in the field|in libraries|in the profession|now|so far|in))?"
)
_DECADES = re.compile(r"(?:\b(?:for|of|after)\s+)?\b(a|one|two|three) decades?\b")
_NEW_TO_FIELD = re.compile(
    r"\b(just|recently) (graduated|finished|started)( (my|the) (mlis|mls|degree|master'?s|program))?\b|"
    r"\brecent grad(uate)?\b|\bnew to the field\b"
)
_ROLE_PREFIX = re.compile(
    r"^(?:(?:i'?m|i am|i work as|i'?ve been|i have been|i'?ve worked as|currently|working as|my role is|as|"
    r"my job is|and|work as|i)\s+)+(?:(?:a|an|the)\s+)?"
)
_ROLE_TAIL = re.compile(
    r"(?:\s*(?:,|and|with|for|in|here|now|(?:and )?(?:i )?(?:have )?been(?: doing (?:it|this|that))?))+\s*$"
)
_NOT_WORKING_YET = re.compile(r"\b(haven'?t|have not|not yet|never) (worked|been working|had a (library )?job)\b")
NOT_WORKING_YET = "not working in the field yet"


def parse_role(value: Any) -> Union[RoleAnswer, str, None]:
    """The role and years in one answer ("metadata librarian, 8 years"), ``SKIPPED``, or ``None``."""
    text = normalise(value)
    if is_skip(text):
        return SKIPPED
    if text.endswith("?") or _QUESTION_START.match(text):
        return None  # a question back ("why do you need that?") is not a role
    years: Optional[int] = None
    found = _YEARS.search(text)
    if found:
        number = found.group(1)
        years = int(number) if number.isdigit() else _NUMBER_WORDS[number]
        text = (text[: found.start()] + " " + text[found.end():]).strip()
    elif _DECADES.search(text):
        found = _DECADES.search(text)
        years = 10 * _NUMBER_WORDS[found.group(1)]
        text = (text[: found.start()] + " " + text[found.end():]).strip()
    elif _NEW_TO_FIELD.search(text):
        years = 0
        text = _NEW_TO_FIELD.sub(" ", text)
    if _NOT_WORKING_YET.search(text):
        return RoleAnswer(NOT_WORKING_YET, years if years is not None else 0)
    role = _ROLE_PREFIX.sub("", re.sub(r"\s+", " ", text).strip(" ,.;:-!"))
    role = _ROLE_TAIL.sub("", role.strip(" ,.;:-!")).strip(" ,.;:-!")
    if len(re.sub(r"[^a-z]", "", role)) < 3 or role in _NON_ANSWERS:
        return RoleAnswer(SKIPPED, years) if years is not None else None
    return RoleAnswer(role[:80], years)


def encode_interest(topics: Iterable[str], goals: Iterable[str]) -> str:
    """The canonical slot value for an interest: ``topic:<id>,goal:<id>``."""
    return ",".join([f"topic:{t}" for t in dict.fromkeys(topics)] + [f"goal:{g}" for g in dict.fromkeys(goals)])


def decode_interest(value: Any, kb: KnowledgeBase) -> Optional[Tuple[Tuple[str, ...], Tuple[str, ...]]]:
    """Topic and goal ids from a canonical value; ``None`` if it is not one or names an unknown id."""
    if not isinstance(value, str) or not value:
        return None
    topics: List[str] = []
    goals: List[str] = []
    for part in value.split(","):
        kind, _, entry_id = part.partition(":")
        if kind == "topic" and kb.resolve("topic", entry_id) == entry_id:
            topics.append(entry_id)
        elif kind == "goal" and kb.resolve("goal", entry_id) == entry_id:
            goals.append(entry_id)
        else:
            return None
    return tuple(topics), tuple(goals)


def parse_interest(value: Any, topics: Sequence[str], goals: Sequence[str], kb: KnowledgeBase) -> Parsed:
    """What the learner wants a certificate for, as a canonical value.

    Args:
        value: the slot value: a stored canonical value, a knowledge-base id from
            a button, or the typed text.
        topics: topic ids the entity matcher found in the same message.
        goals: goal ids found in the same message.
        kb: resolves names and checks ids.
    """
    if value == SKIPPED:
        return SKIPPED
    if decode_interest(value, kb) is not None:
        return value
    topics, goals = list(topics), list(goals)
    for kind, found in (("topic", topics), ("goal", goals)):
        entry_id = kb.resolve(kind, str(value))
        if entry_id and entry_id not in found:
            found.append(entry_id)
    if topics or goals:
        return encode_interest(topics, goals)
    return SKIPPED if is_skip(value) else None


# -- asking -----------------------------------------------------------------------------

def _skip_button() -> Button:
    return Button("Not sure", "/skip")


def question_answer(slot: str, kb: KnowledgeBase) -> Answer:
    """The interview question for one slot, with its quick replies and a "Not sure" skip."""
    if slot == INTEREST:
        labels: Dict[str, str] = {}
        for program in kb.programs:
            if program.topics and program.topics[0] not in labels:
                labels[program.topics[0]] = kb.topic(program.topics[0]).label
        buttons = [Button.for_intent(label.capitalize(), "find_certificate", {"topic": topic_id})
                   for topic_id, label in list(labels.items())[:MAX_TOPIC_BUTTONS]]
        text = ("What do you want a certificate for? Name a topic (for example data science or rare books) "
                "or a goal (for example \"move into a higher position\").")
        return Answer(text, tuple(buttons) + (_skip_button(),))
    if slot == ROLE:
        return Answer("What is your current role, and how many years have you worked in the field? "
                      "For example: \"metadata librarian, 8 years\".", (_skip_button(),))
    if slot == CODING:
        buttons = [Button.for_intent(title, "inform_coding", {"coding": level})
                   for title, level in (("None", "none"), ("Some", "some"), ("Comfortable", "comfortable"))]
        return Answer("Do you have a coding background?", tuple(buttons) + (_skip_button(),))
    if slot == TRAVEL:
        buttons = (Button.for_intent("I can travel", "inform_travel", {"travel": CAN_TRAVEL}),
                   Button.for_intent("Online only", "inform_travel", {"travel": ONLINE_ONLY}))
        return Answer("Could you travel to attend courses in person, or must it be online only?", buttons + (_skip_button(),))
    if slot == BUDGET:
        buttons = [Button.for_intent(f"Up to {usd(amount)}", "inform_budget", {"budget": str(amount)})
                   for amount in BUDGET_CHOICES_USD]
        return Answer("About how much could you spend on tuition, in US dollars? "
                      "For example \"$3,000\" or \"3k\" (or \"no budget\").", tuple(buttons) + (_skip_button(),))
    if slot == ENROLLED:
        buttons = [Button.for_intent("No", "inform_enrollment", {"enrolled": NOT_ENROLLED})]
        buttons += [Button.for_intent(f"Yes, at {p.name}", "inform_enrollment", {"institution": p.id}) for p in kb.providers]
        buttons.append(Button.for_intent("Yes, another school", "inform_enrollment", {"enrolled": ENROLLED_ELSEWHERE}))
        return Answer("Are you enrolled at a school right now?", tuple(buttons) + (_skip_button(),))
    raise ValueError(f"no interview question for slot {slot!r}")


def reprompt_text(slot: str, value: Any = None) -> str:
    """What to say when an answer could not be read, before the question is asked again."""
    if slot == ENROLLED and value == ENROLLED_SCHOOL_UNSAID:
        return "Which school are you enrolled at? Pick it below, or choose \"another school\"."
    return {
        INTEREST: "I didn't find a topic or goal from the article in that. Pick a topic below, name a goal, "
                  "or say \"not sure\".",
        ROLE: "Tell me your role in a few words, for example \"cataloger, 5 years\", or say \"skip\".",
        CODING: "How much coding have you done: none, some, or are you comfortable with it?",
        TRAVEL: "I didn't catch that: could you travel to in-person courses, or online only?",
        BUDGET: "I couldn't find an amount in that. Give a number such as \"$3,000\", \"3000 dollars\" or \"3k\", "
                "or say \"no budget\".",
        ENROLLED: "Are you enrolled at a school now? Say \"no\", name the school, or say \"not sure\".",
    }[slot]


# -- describing answers -----------------------------------------------------------------------

def describe_answer(slot: str, value: Any, kb: KnowledgeBase, years: Optional[int] = None) -> str:
    """A stored answer in words ("budget $3,000", "online only")."""
    if value is None or value == SKIPPED:
        return {INTEREST: "topic: not sure", ROLE: "role: not said", CODING: "coding: not sure",
                TRAVEL: "travel: not sure", BUDGET: "budget: not said", ENROLLED: "enrolment: not sure"}[slot] + (
            f" ({years} years in the field)" if slot == ROLE and years is not None else "")
    if slot == INTEREST:
        ids = decode_interest(value, kb) or ((), ())
        return "interest: " + join_words([kb.topic(t).label for t in ids[0]] + [kb.goal(g).label for g in ids[1]])
    if slot == ROLE:
        return f"role: {value}" + (f" ({years} years in the field)" if years is not None else "")
    if slot == CODING:
        return {"none": "no coding experience", "some": "some coding", "comfortable": "comfortable with coding"}[value]
    if slot == TRAVEL:
        return "can travel to in-person courses" if value == CAN_TRAVEL else "online only"
    if slot == BUDGET:
        return f"budget {usd(int(value))}"
    if slot == ENROLLED:
        if value == NOT_ENROLLED:
            return "not enrolled at a school"
        if value == ENROLLED_ELSEWHERE:
            return "enrolled at another school"
        provider = kb.resolve("provider", str(value))
        return f"enrolled at {kb.provider(provider).name}" if provider else "enrolled at a school"
    raise ValueError(f"no interview question for slot {slot!r}")


def correction_text(slot: str, value: Any, kb: KnowledgeBase, years: Optional[int] = None) -> str:
    """The acknowledgement of a changed answer ("Got it: budget $3,000.")."""
    return f"Got it, I've noted that: {describe_answer(slot, value, kb, years)}."


def answers_summary(answers: Dict[str, Any], kb: KnowledgeBase, years: Optional[int]) -> str:
    """All the interview's answers in one line."""
    parts = [describe_answer(slot, answers.get(slot), kb, years) for slot in QUESTIONS]
    return "Your answers: " + "; ".join(parts) + "."


# -- the shortlist ----------------------------------------------------------------------------------

def cost_line(rec: Recommendation) -> str:
    """The total to plan for, with what it leaves out, or a plain "unknown"."""
    cost = rec.cost
    tuition = cost.tuition
    if tuition is None:
        line = f"unknown: the article gives no price, so check with the school ({rec.provider.name}, {rec.provider.school})."
        return line + (" I can't tell whether it fits your budget." if rec.budget_usd is not None else "")
    line = (f"plan for {usd(tuition.certificate_total_usd)} in tuition ({tuition.courses_for_certificate} courses "
            f"× {usd(tuition.per_course_usd)}, the price for {tuition.applies_to})")
    if cost.never_covered:
        line += f", plus {join_words(cost.never_covered)}, for which the article gives no figure"
    line += "."
    if rec.budget_usd is not None:
        line += (f" That is over your budget of {usd(rec.budget_usd)}." if rec.over_budget
                 else f" That fits your budget of {usd(rec.budget_usd)}.")
    return line


def funding_line(rec: Recommendation) -> str:
    """Which parts scholarships may cover and which they never do, or what the article says instead."""
    cost = rec.cost
    if cost.scholarships_may_cover:
        line = "scholarships"
        if cost.scholarship_providers:
            line += f" through {join_words(cost.scholarship_providers)}"
        line += f" may cover {join_words(cost.scholarships_may_cover)}"
        if cost.never_covered:
            line += f", never {join_words(cost.never_covered)}"
        return " ".join([line + "."] + list(cost.notes))
    lines = funding_lines(rec.provider)
    if not lines:
        return f"the article gives no funding details for {rec.provider.name}."
    return " ".join(lines)


def warning_text(kind: str, rec: Recommendation) -> str:
    """One fit warning in words."""
    tuition = rec.cost.tuition
    if kind == OVER_BUDGET and tuition is not None and rec.budget_usd is not None:
        text = f"the certificate's tuition ({usd(tuition.certificate_total_usd)}) is over your budget"
        if tuition.per_course_usd <= rec.budget_usd:
            text += f", though a single course ({usd(tuition.per_course_usd)}) fits"
        return text + "."
    if kind == PRICE_UNKNOWN:
        return "the article gives no price, so I can't say whether it fits your budget."
    if kind == NO_CODING:
        return "you said you have no coding experience; learners in the article needed to prepare for this: see the steps."
    if kind == SOME_CODING:
        return "you have some coding; the learners' advice in the steps may still help."
    if kind == CODING_UNKNOWN:
        return "if you have no coding experience, learners in the article needed to prepare first: see the steps."
    if kind == DELIVERY_UNKNOWN:
        text = "you need online study, and the article does not say whether this program can be taken online."
        if tuition is not None:
            text += f" Its price is quoted for {tuition.applies_to}."
        if rec.cost.never_covered:
            text += f" The article counts {join_words(rec.cost.never_covered)} among the costs."
        return text
    raise ValueError(f"unknown warning {kind!r}")


def recommendation_lines(number: int, rec: Recommendation) -> List[str]:
    """One shortlist entry: why, cost, funding, warnings, preparation steps."""
    lines = [f"{number}. {program_title(rec.program, rec.provider)}, a {rec.program.credential_label}"]
    if rec.reasons:
        lines.append(f"   Why: {'; '.join(rec.reasons)}.")
    lines.append(f"   Cost: {cost_line(rec)}")
    lines.append(f"   Paying for it: {funding_line(rec)}")
    for kind in rec.warnings:
        lines.append(f"   Watch out: {warning_text(kind, rec)}")
    if rec.preparation_steps:
        lines.append("   To prepare:")
        lines += [f"     {step_number}) {step}" for step_number, step in enumerate(rec.preparation_steps, 1)]
    return lines


def shortlist_answer(
    recommendations: Sequence[Recommendation],
    profile: LearnerProfile,
    answers: Dict[str, Any],
    kb: KnowledgeBase,
    citation: str,
    heading: str = "Your shortlist, from what you told me:",
) -> Answer:
    """The ranked shortlist (at most three), with reasons, costs, funding, warnings and steps."""
    if not recommendations:
        return empty_shortlist_answer(profile, answers, kb, citation)
    lines = [heading]
    for number, rec in enumerate(recommendations, 1):
        lines += recommendation_lines(number, rec)
    if profile.can_travel is False:
        landscape = kb.landscape
        lines.append(
            f"Studying online: the article says {landscape.fully_online} of the "
            f"{landscape.accredited_programs_with_post_masters_certificates} {landscape.accreditor}-accredited programs "
            f"with post-master's certificates are available 100% online; search {landscape.where_to_look}."
        )
    lines.append(answers_summary(answers, kb, profile.years_in_field))
    lines.append("Change an answer any time (\"actually my budget is $3,000\"), say \"show my shortlist\", "
                 "or \"reset my shortlist\".")
    lines.append(source_line(citation))
    buttons = [Button.for_intent(rec.program.name, "ask_program_details", {"program": rec.program.id})
               for rec in recommendations]
    if len(recommendations) >= 2:
        buttons.append(Button("Compare the first two", "/compare_programs"))
    buttons.append(Button("Reset my shortlist", "/reset_shortlist"))
    return Answer("\n".join(lines), tuple(buttons))


def empty_shortlist_answer(profile: LearnerProfile, answers: Dict[str, Any], kb: KnowledgeBase, citation: str) -> Answer:
    """Nothing matched: say so plainly and point to where else to look."""
    summary = answers_summary(answers, kb, profile.years_in_field)
    if profile.topics or profile.goals:
        criteria = join_words([kb.topic(t).label for t in profile.topics] + [kb.goal(g).label for g in profile.goals])
        text = no_match_answer(criteria, kb.landscape, citation).text + "\n" + summary
    else:
        text = ("With no topic or goal, I have nothing to rank the article's certificates on. "
                "Reset your shortlist and name a topic, or ask for the full list.\n" + summary + "\n" + source_line(citation))
    buttons = (Button("Reset my shortlist", "/reset_shortlist"), Button.for_intent("Show all certificates", "find_certificate"))
    return Answer(text, buttons)


def no_shortlist_yet_answer(answered: int, total: int) -> Answer:
    """ "Show my shortlist" before the interview has finished."""
    if answered:
        text = (f"You don't have a shortlist yet: you've answered {answered} of {total} questions. "
                "Say \"continue the questions\" to finish them.")
        title = "Continue the questions"
    else:
        text = "You don't have a shortlist yet. I can ask you a few questions and suggest up to three certificates."
        title = "Help me choose a certificate"
    return Answer(text, (Button(title, "/start_guided_advice"),))


def reset_answer(restarting: bool) -> Answer:
    """The confirmation that answers and shortlist are cleared."""
    if restarting:
        return Answer("I've cleared your answers and shortlist. Let's start the questions again.")
    return Answer("I've cleared your answers and shortlist.",
                  (Button("Help me choose a certificate", "/start_guided_advice"),))


def continue_answer() -> Answer:
    """After a changed answer when there is no shortlist yet."""
    return Answer("I'll use that when I suggest certificates.",
                  (Button("Help me choose a certificate", "/start_guided_advice"),))


def unreadable_answer(slot: str) -> Answer:
    """A changed answer outside the questions that could not be read; the earlier answer stays."""
    return Answer(reprompt_text(slot) + " I've kept your earlier answer.")
