"""Where a user says they are in their career ("graduated last spring", "8 yrs in"), read from one message,
for the certificates the article says suit that stage (``career_stage`` in ``programs.yml``)."""
from __future__ import annotations

import re
from typing import Optional

CAREER_STAGES = ("recent", "established")  # the values of ``career_stage`` in programs.yml

_NUMBER = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|many|a few|few)"

RECENT = re.compile(
    r"\b(just|recently|only just) (finished|graduated|got|completed|earned|wrapped up)\b|"
    r"\bgraduated (with my (mlis|mls|masters?|degree) )?(last|this) (spring|summer|fall|autumn|winter|year|semester|may|june|december)\b|"
    r"\b(finished|got|completed) (my|the) (mlis|mls|masters?|degree) (last|this) (spring|summer|fall|year|semester|may)\b|"
    r"\b(\d+|a few|few|six|three|two|four|five) months (ago|out|since)\b|"
    r"\b(new|recent|fresh) (grad|graduate|mlis grad|mlis graduate)\b|"
    r"\b(just|fresh|freshly|straight|right) out of (school|library school|grad school|my mlis|the mlis|my program)\b|"
    r"\bnot long out of\b", re.I)

# Years of one's own work: "8 yrs experience", "been working 7 years", "already 5 yrs in the field".
YEARS = re.compile(rf"\b{_NUMBER}\+? ?(years?|yrs?)\b(?! (ago|old|long|to (finish|complete)))|\bmid[- ]career\b|\bseasoned\b", re.I)
FIRST_PERSON = re.compile(r"\b(i|im|i'm|ive|i've|my|me)\b", re.I)
_FEW = {"1", "2", "one", "two", "a"}
# The user pointing at themself, as described before: "is there an SJSU one for someone like me then?"
LIKE_ME = re.compile(r"\b((someone|somebody|people|ppl|folks|a person) (like|in) (me|my (situation|position|shoes))|"
                     r"my (situation|position|stage)|where i am)\b", re.I)

# Asking what suits them: "options?", "which would u pick", "too early for me?", "is that one open to me".
ASKS_FIT = re.compile(
    r"\b(options?|what (should|could|would|can) i (take|do|get|pick|look at)|which (one |cert\w* |program )?"
    r"(would|should|fits?|suits?|makes? (more )?sense)|for (me|someone like me|people like me|ppl like me)|(fits?|suits?) me|"
    r"too (early|soon|late|new|junior|green|senior|experienced)|makes? (more )?sense|is there (one|a cert\w*|anything)|anything (for|i can)|would (u|you) (pick|choose|take)|"
    r"could i (add|take|do)|open to me|where do i start|what now|regret|wrong (track|path|choice)|"
    r"different (direction|way|career)|change (direction|course|careers?))\b", re.I)


def career_stage_of(text: str) -> Optional[str]:
    """"recent", "established" or ``None``: what the message says of the user's own career."""
    if RECENT.search(text):
        return "recent"
    if FIRST_PERSON.search(text) and any((m.group(1) or "").lower() not in _FEW for m in YEARS.finditer(text)):
        return "established"
    return None


# The stage described of others: "which is meant for people who've been working a while?", "for new grads".
_DESCRIBED_RECENT = re.compile(r"\b(new|recent|fresh|newer|newly)[- ]?(grads?|graduates?|graduated|librarians?|professionals?)\b|"
                               r"\b(just|recently|fresh|freshly|right|straight) (out of|graduated|finished)\b|\bearly[- ]career\b|"
                               r"\bnot long out of\b|\bjust starting out\b|\b(someone|somebody|people|anyone|folks) (a bit |much )?newer\b"
                               r"|\bnew(er)? to the (field|profession)\b", re.I)
_DESCRIBED_ESTABLISHED = re.compile(r"\balready (be |being )?(working|employed) (in the field|in libraries|as a librarian)\b|"
                                    r"\b(been )?(working|in the field|in the profession|in libraries|practicing)( for)? "
                                    r"(a while|a long time|for (a while|years|a long time)|(several|many|some|a few|\d+) (years|yrs))\b|"
                                    r"\b(experienced|seasoned|established|veteran|mid[- ]career|late[- ]career)\b|"
                                    r"\b(with|have|has|having) (some |a lot of |lots of |years of |more )?experience\b|"
                                    r"\b(several|many|a few|\d+)\+? (years|yrs) (in|of)\b", re.I)


def stage_described(text: str) -> Optional[str]:
    """"recent", "established" or ``None``: the career stage a message describes, the user's own or others'."""
    own = career_stage_of(text)
    if own:
        return own
    if _DESCRIBED_RECENT.search(text):
        return "recent"
    if _DESCRIBED_ESTABLISHED.search(text):
        return "established"
    return None
