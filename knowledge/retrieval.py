"""The last resort: the knowledge base's statements closest to a question (BM25).

Every sentence-like field of the records (summaries, audiences, eligibility notes,
funding notes, advice, worth-it points, people's statements, the landscape, the
passages' descriptions) becomes a ``Fact`` with the passage it comes from. A
question is scored against them with Okapi BM25 over lower-cased word stems.
The index is built once per knowledge base.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Sequence, Tuple

from knowledge.knowledge_base import KnowledgeBase

K1, B = 1.5, 0.75
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an and are as at be by can do does for from has have how i if in is it its me my of on or so than that the "
    "their them there they this to was what when where which who why will with you your about any would could should "
    "i'm im get tell know".split()
)


@dataclass(frozen=True)
class Fact:
    """One statement of the knowledge base, the passage it comes from, and the certificates it is
    about (none for what the article says of certificates in general)."""

    text: str
    source: str
    programs: Tuple[str, ...] = ()


def stem(word: str) -> str:
    """A crude English stem, enough to match "scholarships" with "scholarship"."""
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def terms(text: str) -> List[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


def facts_of(kb: KnowledgeBase) -> Tuple[Fact, ...]:
    """Every statement the knowledge base holds, with its source passage and the certificates it is about."""
    facts: List[Fact] = []
    for program in kb.programs:
        provider = kb.provider_of(program)
        own = (program.id,)
        facts.append(Fact(f"{program.name} ({provider.name}): {program.summary}", program.source, own))
        if program.audience:
            facts.append(Fact(f"{program.name} is aimed at {program.audience}.", program.source, own))
        if program.eligibility and program.eligibility.note:
            facts.append(Fact(f"{program.name}: {program.eligibility.note}", program.source, own))
        if program.delivery and program.delivery.note:
            facts.append(Fact(f"{program.name}: {program.delivery.note}", program.delivery.source, own))
    for provider in kb.providers:
        theirs = tuple(p.id for p in kb.programs_of(provider.id))
        facts += [Fact(f"{provider.name}: {note}", provider.funding.source, theirs) for note in provider.funding.notes]
    for item in kb.advice:
        facts.append(Fact(f"{item.advice} ({item.who})", item.source))
    for point in kb.worth_it:
        facts.append(Fact(f"{point.point} ({point.who})", point.source))
    for person in kb.people:
        facts.append(Fact(f"{person.name} is {person.role}.", person.source, person.programs))
        facts += [Fact(f"{person.name}: {s.text}", s.source, person.programs) for s in person.statements]
    landscape = kb.landscape
    facts += [Fact(line, landscape.funding_source) for line in landscape.general_funding]
    facts.append(Fact(landscape.not_covered_here, landscape.source))
    facts.append(Fact(landscape.standalone_note, landscape.standalone_source))
    facts.append(Fact(landscape.sample_note, landscape.source))
    return tuple(facts)


class FactIndex:
    """BM25 over the knowledge base's facts."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.facts = tuple(facts)
        self._docs = [Counter(terms(f.text)) for f in self.facts]
        self._lengths = [sum(d.values()) for d in self._docs]
        self._average = (sum(self._lengths) / len(self._lengths)) if self._lengths else 1.0
        frequency: Counter = Counter()
        for doc in self._docs:
            frequency.update(doc.keys())
        n = len(self._docs)
        self._idf: Dict[str, float] = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}

    def search(self, question: str, limit: int = 3, min_score: float = 2.5) -> Tuple[Tuple[Fact, float], ...]:
        """The facts scoring at least ``min_score`` for ``question``, best first."""
        query = set(terms(question))
        scored = []
        for fact, doc, length in zip(self.facts, self._docs, self._lengths):
            score = 0.0
            for term in query & doc.keys():
                tf = doc[term]
                score += self._idf[term] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / self._average))
            if score >= min_score:
                scored.append((fact, score))
        scored.sort(key=lambda pair: -pair[1])
        return tuple(scored[:limit])


@lru_cache(maxsize=4)
def fact_index(kb: KnowledgeBase) -> FactIndex:
    """The index of one knowledge base, built on first use."""
    return FactIndex(facts_of(kb))


@lru_cache(maxsize=4)
def person_index(kb: KnowledgeBase) -> FactIndex:
    """BM25 over what each person said or did; a fact's ``source`` is the person's id."""
    return FactIndex(tuple(Fact(s.text, person.id) for person in kb.people for s in person.statements))


@lru_cache(maxsize=4)
def person_profile_index(kb: KnowledgeBase) -> FactIndex:
    """BM25 over each quoted person's role and statements (not the author's); ``source`` is the person's id."""
    return FactIndex(tuple(Fact(text, person.id) for person in kb.people if person.relation != "author"
                           for text in (person.role, *(s.text for s in person.statements))))
