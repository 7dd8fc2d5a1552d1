"""The figures and names a text contains, in forms that compare: "$6,975" and "6975" are 6975,
"five" is 5, and names match whatever their case, accents' encoding or apostrophes; a person
is also named by their surname alone."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, FrozenSet, Iterable, Set

# "one" is left out: "one of the certificates" is not a count.
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
_DIGITS = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")
_WORDS = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def _number(digits: str) -> float:
    return float(digits.replace(",", ""))


def figures_in(value: Any) -> FrozenSet[float]:
    """The numbers a YAML value states: an integer or float, or digits and number words in text."""
    if isinstance(value, bool):
        return frozenset()
    if isinstance(value, (int, float)):
        return frozenset({float(value)})
    if not isinstance(value, str):
        return frozenset()
    found: Set[float] = {_number(m.group()) for m in _DIGITS.finditer(value)}
    found |= {float(NUMBER_WORDS[m.group(1).lower()]) for m in _WORDS.finditer(value)}
    return frozenset(found)


def comparable(text: str) -> str:
    """Text for comparing names: composed accents, case folded, typographic apostrophes and dashes plain."""
    text = unicodedata.normalize("NFC", text).casefold()
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")


def names_in(value: str, names: Iterable[str]) -> Set[str]:
    """Which of ``names`` the text mentions in full."""
    text = comparable(value)
    return {name for name in names if comparable(name) in text}


def named_in(name: str, text: str) -> bool:
    """Whether ``text`` names the person: in full, or (as articles do after the first mention) by surname."""
    if comparable(name) in comparable(text):
        return True
    surname = unicodedata.normalize("NFC", name.split()[-1])
    return re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", unicodedata.normalize("NFC", text)) is not None


def show(figure: float) -> str:
    return f"{figure:g}" if figure != int(figure) else str(int(figure))
