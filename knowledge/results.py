"""What the knowledge-base queries return: small immutable answers to one question each."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from knowledge.records import Advice, Funding, Program, Provider, Tuition


@dataclass(frozen=True)
class ProgramMatch:
    """A program found by ``find_programs`` with the reasons it matched, strongest first."""

    program: Program
    provider: Provider
    score: int
    reasons: Tuple[str, ...]


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


@dataclass(frozen=True)
class Comparison:
    """Two programs side by side."""

    first: ProgramFacts
    second: ProgramFacts
