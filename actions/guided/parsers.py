"""Reading the learner's answers to the guided interview, one parser per question.

Each ``parse_*`` turns what the learner typed or clicked into one canonical value,
``SKIPPED`` for "not sure", or ``None`` when the text is not an answer (the form then
asks again). Canonical values parse to themselves, so re-validating a stored answer
never changes it. Nothing here reads a tracker or writes a reply.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, List, Optional, Sequence, Tuple, Union

from knowledge import KnowledgeBase
from knowledge.recommend import CODING_LEVELS

# The canonical values that are not knowledge-base ids or amounts.
SKIPPED = "not_sure"
CAN_TRAVEL, ONLINE_ONLY = "yes", "no"
NOT_ENROLLED, ENROLLED_ELSEWHERE, ENROLLED_SCHOOL_UNSAID = "no", "other", "yes"

Parsed = Union[str, int, None]


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


# A question after a name: "the activism one, how many courses".
_QUESTION_AFTER_A_NAME = re.compile(r"[,;:]\s*(how (many|much|long|old)|what|which|when|where|who|whose|"
                                    r"(is|are|does|do|can|could) (it|that|they|i|there))\b")


def looks_like_question(text: Any) -> bool:
    """True for "is it more than $1,000?", "tell me about RBS" or "the activism one, how many courses":
    a question or request, not an answer."""
    text = normalise(text)
    return text.endswith("?") or bool(_QUESTION_START.match(text)) or bool(_QUESTION_AFTER_A_NAME.search(text))


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
    # "3 years, not 1" is no budget: years are taken out, and so are numbers too small to be one.
    text = re.sub(r"\b\d{1,2}\s*\+?\s*(?:years?|yrs?)\b", " ", text)
    amounts: List[float] = []
    for number, multiplier in _AMOUNT.findall(text):
        amounts.append(float(number.replace(",", "")) * _MULTIPLIERS.get(multiplier, 1))
    for word, multiplier in _WORD_AMOUNT.findall(text):
        amounts.append(float(_NUMBER_WORDS[word] * _MULTIPLIERS[multiplier]))
    amounts = [amount for amount in amounts if amount == 0 or amount >= 50]
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
    r"\bin[- ]person (is )?(fine|ok|okay|works|possible)\b|\b(either|both)\b(?!.*\b(certs?|certificates?|programs?|courses?|schools?|of them)\b)|"
    r"^(yes|yeah|yep|sure|of course|definitely)\b|"
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
_NOT_ENROLLED = re.compile(r"^\W*(no|nope|nah)\b|\b(not|n't|no longer|never)\b.{0,15}\b(enrolled|a student|studying|matriculated)\b|"
                           r"\b(graduated|finished) (from|at)\b")
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
    if _NOT_ENROLLED.search(text):
        return NOT_ENROLLED  # "no, I already graduated from SJSU, so I'm not enrolled anywhere"
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
