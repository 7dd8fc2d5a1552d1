"""What the knowledge-base queries return: small immutable answers to one question each."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from knowledge.records import Advice, Funding, Landscape, Person, Program, Provider, Tuition


@dataclass(frozen=True)
class ProgramMatch:
    """A program found by ``find_programs`` with the reasons it matched, strongest first."""

    program: Program
    provider: Provider
    score: int
    reasons: Tuple[str, ...]
    # Only some of its courses touch what was asked (no own topic, pathway or goal matched).
    by_courses_only: bool = False


@dataclass(frozen=True)
class Total:
    """Courses or certificates added up: each program's cost with how many of its courses are counted."""

    parts: Tuple[Tuple["Cost", Optional[int]], ...]
    whole_certificates: bool

    @property
    def known(self) -> bool:
        return all(cost.known for cost, _ in self.parts)

    @property
    def usd(self) -> Optional[int]:
        if not self.known:
            return None
        return sum(cost.tuition.per_course_usd * (count or 0) for cost, count in self.parts)


@dataclass(frozen=True)
class Cost:
    """What a program costs, or that the article gives no price (``tuition is None``)."""

    program: Program
    provider: Provider
    tuition: Optional[Tuition]

    @property
    def known(self) -> bool:
        return self.tuition is not None


@dataclass(frozen=True)
class FundingFacts:
    """How a program can be paid for: the provider's facts and the general ones."""

    program: Program
    provider: Provider
    funding: Funding
    general: Tuple[str, ...]


@dataclass(frozen=True)
class PrerequisiteAdvice:
    """Learners' advice about what to learn first, for a program or a topic."""

    subject: str
    technical: bool
    advice: Tuple[Advice, ...]


@dataclass(frozen=True)
class ProgramFacts:
    """Everything needed to describe or compare one program."""

    program: Program
    provider: Provider
    cost: Cost
    funding: FundingFacts
    topic_labels: Tuple[str, ...]
    people: Tuple[Person, ...] = ()
    advice: Tuple[Advice, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Two programs side by side."""

    first: ProgramFacts
    second: ProgramFacts


@dataclass(frozen=True)
class Ranking:
    """Programs ordered by a value the article gives; the ones it gives none for apart."""

    attribute: str
    value_name: str
    order: str
    ranked: Tuple[Tuple[ProgramFacts, int], ...]
    without_value: Tuple[ProgramFacts, ...]


@dataclass(frozen=True)
class Filtered:
    """Programs on each side of a price bound, and those the article gives no price for."""

    bound: str
    amount: int
    passing: Tuple[Tuple[ProgramFacts, int], ...]
    failing: Tuple[Tuple[ProgramFacts, int], ...]
    without_value: Tuple[ProgramFacts, ...]
    per_course: bool = False  # the bound is on tuition per course, not for the certificate
    upper: Optional[int] = None  # for "between": the higher end, ``amount`` the lower


@dataclass(frozen=True)
class GroupComparison:
    """Two or more programs side by side."""

    members: Tuple[ProgramFacts, ...]


@dataclass(frozen=True)
class Count:
    """How many programs the article names (for a school, or overall), and the landscape's figures."""

    programs: Tuple[Program, ...]
    provider: Optional[Provider]
    landscape: Landscape
    schools: Tuple[Provider, ...] = ()  # the providers of ``programs``, in order


@dataclass(frozen=True)
class PersonFacts:
    """A person of the article, the school they speak for and the programs they are tied to."""

    person: Person
    provider: Optional[Provider]
    programs: Tuple[Program, ...]
