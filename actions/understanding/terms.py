"""The terms understanding works in: what the conversation says so far, what a message is read as, and
the groups of attributes its rules share."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple, Union

from knowledge.query import Query


# What an intent asks for when the message has no attribute word of its own.
INTENT_ATTRIBUTES = {"ask_cost": "cost", "ask_funding": "funding", "ask_prerequisites": "prerequisites"}


# Attributes the knowledge base never holds: always an honest "the article does not say".
NEVER_GIVEN = {"deadlines", "outcomes", "instructors", "admission", "course_details", "accreditation", "leadership", "credits",
               "contact", "scholarship_amount", "combining"}


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
    #            | "not_named_place" (a place where the article names no certificate: "which are in Texas?")
    attribute: Optional[str] = None
    position: Optional[str] = None


Understanding = Union[Query, Clarification, Special, None]


@dataclass(frozen=True)
class NothingAsked:
    """A rule's verdict that the message asks the knowledge base nothing: ``understand`` returns ``None``.

    A rule that does not apply returns ``None`` itself, so this marks the ones that decide."""


NOTHING_ASKED = NothingAsked()


# What a rule answers when it applies.
Answer = Union[Query, Clarification, Special, NothingAsked]
