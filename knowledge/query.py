"""One typed question over the whole knowledge base, and the answer it gets.

A ``Query`` says what a question is about (programs, a school, topics, a person,
the article or the landscape), what it asks about it (an attribute such as
``cost``) and what to do (describe, look up, find, rank, filter, compare,
count). ``run_query`` answers it with the result types of ``knowledge.results``;
the actions render those with one composer per kind of result. Nothing here is
specific to one program: values are read from the records, and a program the
article gives no figure for is reported as such, never guessed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Optional, Tuple

from typing_extensions import Literal

from knowledge.knowledge_base import KnowledgeBase
from knowledge.results import Count, Filtered, GroupComparison, PersonFacts, Ranking, Total


Operation = Literal["lookup", "describe", "find", "rank", "filter", "compare", "count", "total"]
Order = Literal["max", "min"]
Bound = Literal["under", "over", "above", "between"]  # "over" includes the amount, "above" does not

# What a question asks of a person that none of the article's statements of them holds ("did she get
# promoted?"): asked as ``Query("describe", person=..., attribute=UNSAID)``.
UNSAID = "unsaid"

# Attributes whose values can be ordered, and how to read the value from the records.
RANKABLE: Dict[str, str] = {
    "cost": "certificate tuition",
    "length": "number of days of programming",
    "structure": "number of courses",
    "started": "year started",
    "pathways": "number of pathways",
    "course_cost": "tuition per course",
}


@dataclass(frozen=True)
class Query:
    """A question as the knowledge base understands it.

    Attributes:
        operation: what to do; see the module docstring.
        programs: the programs it is about, resolved; empty means every program
            (for find, rank, filter, count) or none (for the article, a person).
        provider: the school named, when the question is about the school itself.
        topics, goals: search criteria for ``find``.
        person: a person of the article (id).
        attribute: what is asked (an attribute id of the vocabulary), if anything.
        order: for ``rank``, highest or lowest first.
        bound, amount: for ``filter`` on cost ("under $5,000"); for "between", ``amount`` is the
            lower end and ``upper`` the higher ("between 6500 and 7000").
        also: for ``lookup``, further attributes the same message asks of the same programs
            ("is the NLP cert new and is it online?").
        among: the certificates the message named and picked ``programs`` from by position ("between X
            and Y ... the first one"): the list "the second one" points into next.
        full: for ``rank``, the whole order was asked for, not only the first.
        courses: for ``total``, how many courses of each program ("two courses at CalRBS"); ``None``
            means each program's whole certificate ("both CalRBS certificates together").
        course_counts: for ``total``, a number of courses per program, in the order of ``programs``
            ("3 courses at RBS and 2 at CalRBS"); it overrides ``courses``.
    """

    operation: Operation
    programs: Tuple[str, ...] = ()
    provider: Optional[str] = None
    topics: Tuple[str, ...] = ()
    goals: Tuple[str, ...] = ()
    person: Optional[str] = None
    attribute: Optional[str] = None
    order: Optional[Order] = None
    bound: Optional[Bound] = None
    amount: Optional[int] = None
    upper: Optional[int] = None
    also: Tuple[str, ...] = ()
    among: Tuple[str, ...] = ()
    full: bool = False
    courses: Optional[int] = None
    course_counts: Tuple[int, ...] = ()


def tuition_total(kb: KnowledgeBase, program_ids: Tuple[str, ...], courses: Optional[int],
                  course_counts: Tuple[int, ...] = ()) -> Total:
    """What some courses (the same number of each, or ``course_counts`` one per program), or whole
    certificates, of the given programs cost together."""
    parts = []
    for index, program_id in enumerate(program_ids):
        cost = kb.cost_of(program_id)
        count = course_counts[index] if course_counts else courses
        if count is None and cost.known:
            count = cost.tuition.courses_for_certificate
        parts.append((cost, count))
    return Total(tuple(parts), whole_certificates=courses is None and not course_counts)


def value_of(kb: KnowledgeBase, program_id: str, attribute: str) -> Optional[int]:
    """The number an attribute has for a program, or ``None`` when the article gives none."""
    program = kb.program(program_id)
    readers: Dict[str, Callable[[], Optional[int]]] = {
        "cost": lambda: kb.cost_of(program_id).tuition.certificate_total_usd if kb.cost_of(program_id).known else None,
        "length": lambda: program.structure.total_days if program.structure else None,
        "structure": lambda: program.structure.courses if program.structure else None,
        "started": lambda: program.started,
        "pathways": lambda: len(program.pathways) or None,  # no pathways named: the article does not say
        "course_cost": lambda: kb.cost_of(program_id).tuition.per_course_usd if kb.cost_of(program_id).known else None,
    }
    return readers[attribute]()


def rank(kb: KnowledgeBase, attribute: str, order: Order, program_ids: Tuple[str, ...] = ()) -> Ranking:
    """Programs ordered by a known value; those without one are listed apart.

    Args:
        attribute: one of ``RANKABLE``.
        order: ``"max"`` for highest first, ``"min"`` for lowest first.
        program_ids: the programs to rank; every program when empty.
    """
    candidates = program_ids or tuple(p.id for p in kb.programs)
    with_value = [(kb.facts_about(pid), value_of(kb, pid, attribute)) for pid in candidates]
    known = [(facts, value) for facts, value in with_value if value is not None]
    known.sort(key=lambda pair: pair[1], reverse=(order == "max"))
    unknown = tuple(facts for facts, value in with_value if value is None)
    return Ranking(attribute, RANKABLE[attribute], order, tuple(known), unknown)


def filter_by_cost(kb: KnowledgeBase, bound: Bound, amount: int, program_ids: Tuple[str, ...] = (),
                   per_course: bool = False, upper: Optional[int] = None) -> Filtered:
    """Programs whose certificate tuition (or, ``per_course``, tuition per course) is under (or over)
    ``amount``, or between ``amount`` and ``upper``; those without a price apart. Bounds are inclusive
    but "above" ("over 6k", "more than $6,000"), which a price equal to the amount does not pass."""
    ranking = rank(kb, "course_cost" if per_course else "cost", "min", program_ids)
    if bound == "between":
        passes = lambda value: amount <= value <= (upper if upper is not None else amount)  # noqa: E731
    else:
        passes = {"under": lambda value: value <= amount, "over": lambda value: value >= amount,
                  "above": lambda value: value > amount}[bound]
    passing = tuple(pair for pair in ranking.ranked if passes(pair[1]))
    failing = tuple(pair for pair in ranking.ranked if not passes(pair[1]))
    return Filtered(bound, amount, passing, failing, ranking.without_value, per_course,
                    upper if bound == "between" else None)


def compare_group(kb: KnowledgeBase, program_ids: Tuple[str, ...]) -> GroupComparison:
    """Two or more programs side by side."""
    return GroupComparison(tuple(kb.facts_about(pid) for pid in dict.fromkeys(program_ids)))


def count(kb: KnowledgeBase, program_ids: Tuple[str, ...], provider: Optional[str]) -> Count:
    """How many programs the article names, for a school or overall, with the landscape's figures."""
    if program_ids:
        ids = program_ids
    elif provider:
        ids = tuple(p.id for p in kb.programs_of(provider))
    else:
        ids = tuple(p.id for p in kb.programs)
    programs = tuple(kb.program(pid) for pid in ids)
    return Count(
        programs,
        kb.provider(provider) if provider else None,
        kb.landscape,
        tuple(kb.provider(pid) for pid in dict.fromkeys(p.provider for p in programs)),
    )


def person_facts(kb: KnowledgeBase, person_id: str) -> PersonFacts:
    """Everything the article says of one person, with the programs they are tied to."""
    person = kb.person(person_id)
    return PersonFacts(
        person,
        kb.provider(person.provider) if person.provider else None,
        tuple(kb.program(pid) for pid in person.programs),
    )
