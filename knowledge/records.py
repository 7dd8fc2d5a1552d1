"""Typed, immutable records for every kind of entry in the knowledge base.

Each model mirrors one kind of YAML entry in ``knowledge/data``. Models are
frozen and forbid unknown fields, so a typo in a field name is an error rather
than a silently ignored key. ``"unknown"`` is a value of its own wherever the
article may not say something, so that code must handle it explicitly.
"""
from __future__ import annotations

from typing import Optional, Tuple, Union

from pydantic import BaseModel, Extra, PositiveInt, constr
from typing_extensions import Literal

Unknown = Literal["unknown"]
UNKNOWN = "unknown"

EntryId = constr(regex=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=60)
Text = constr(strip_whitespace=True, min_length=1, max_length=600)
Name = constr(strip_whitespace=True, min_length=1, max_length=120)

Credential = Literal[
    "graduate_certificate",
    "post_masters_certificate",
    "professional_certificate",
    "certificate_of_completion",
    "certificate",
]

CREDENTIAL_LABELS = {
    "graduate_certificate": "graduate certificate",
    "post_masters_certificate": "post-master's certificate",
    "professional_certificate": "professional certificate",
    "certificate_of_completion": "certificate of completion",
    "certificate": "certificate",
}


class Record(BaseModel):
    """Base of all records: immutable, hashable, no unknown fields."""

    class Config:
        extra = Extra.forbid
        frozen = True


class Article(Record):
    title: Name
    author: Name
    publication: Name
    short_citation: Text
    author_role: Optional[Text] = None
    # What the article is about, in a phrase: "what is this article about?"
    subject: Optional[Text] = None
    source: Optional[EntryId] = None


class Passage(Record):
    id: EntryId
    paragraph: PositiveInt
    covers: Text


class Tuition(Record):
    per_course_usd: PositiveInt
    applies_to: Text
    courses_for_certificate: PositiveInt
    rule: Text
    source: EntryId

    @property
    def certificate_total_usd(self) -> int:
        """The certificate's tuition, derived from the stated rule."""
        return self.per_course_usd * self.courses_for_certificate


class Funding(Record):
    traditional_financial_aid: Literal["eligible", "not_eligible", "unknown"]
    departmental_funding: Literal["available", "none", "unknown"]
    scholarships: Literal["available", "none", "unknown"]
    scholarship_providers: Tuple[Name, ...] = ()
    scholarships_cover: Tuple[Name, ...] = ()
    not_covered: Tuple[Name, ...] = ()
    notes: Tuple[Text, ...] = ()
    source: EntryId


class Provider(Record):
    id: EntryId
    name: Name
    school: Name
    location: Optional[Name] = None
    part_of: Optional[Name] = None
    aliases: Tuple[Name, ...]
    tuition: Union[Unknown, Tuition]
    funding: Funding
    non_degree: Optional[bool] = None  # true where the article says its certificates earn no degree
    source: EntryId


class Topic(Record):
    id: EntryId
    label: Name
    synonyms: Tuple[Name, ...]
    # A field as a whole ("librarianship"): beside a narrower subject ("activism in librarianship")
    # it only frames the question, so the narrower one is what is looked for.
    broad: bool = False


class Goal(Record):
    id: EntryId
    label: Name
    phrases: Tuple[Name, ...]
    source: EntryId


class Quote(Record):
    person: Name
    role: Text
    point: Text


class Pathway(Record):
    name: Name
    topics: Tuple[EntryId, ...]
    # What the article says the pathway teaches, where it says it, and the passage that says it.
    covers: Optional[Text] = None
    source: Optional[EntryId] = None


class Structure(Record):
    courses: PositiveInt
    course_length: Union[Unknown, Text]
    days_per_course: Optional[PositiveInt] = None
    courses_vary_by_year: bool = False

    @property
    def total_days(self) -> Optional[int]:
        """Days of programming for the whole certificate, when the article gives a course's length."""
        return None if self.days_per_course is None else self.courses * self.days_per_course


class Delivery(Record):
    """How courses are attended, only as far as the article says."""

    mode: Literal["online", "in_person", "unknown"]
    note: Optional[Text] = None
    source: EntryId


class Eligibility(Record):
    matriculated: Optional[bool] = None
    non_matriculated: Optional[bool] = None
    note: Optional[Text] = None


class Program(Record):
    id: EntryId
    name: Name
    aliases: Tuple[Name, ...]
    provider: EntryId
    credential: Credential
    topics: Tuple[EntryId, ...]
    course_topics: Tuple[EntryId, ...] = ()
    goals: Tuple[EntryId, ...] = ()
    summary: Text
    audience: Optional[Text] = None
    # What the certificate documents, where the article says ("participants' time and intensive training").
    certifies: Optional[Text] = None
    # The career stage the article says it suits: "established" (several years in the field) or
    # "recent" (not long out of the MLIS); left out where it says neither.
    career_stage: Optional[Literal["established", "recent"]] = None
    started: Optional[PositiveInt] = None
    growth: Optional[Text] = None
    technical: bool = False
    pathways: Tuple[Pathway, ...] = ()
    quoted: Tuple[Quote, ...] = ()
    eligibility: Optional[Eligibility] = None
    structure: Optional[Structure] = None
    delivery: Optional[Delivery] = None
    source: EntryId

    @property
    def credential_label(self) -> str:
        return CREDENTIAL_LABELS[self.credential]


class Advice(Record):
    id: EntryId
    kind: Literal["prerequisite"]
    for_technical_programs: bool
    applies_to: Tuple[EntryId, ...]
    who: Text
    advice: Text
    step: Text
    source: EntryId


class WorthItPoint(Record):
    id: EntryId
    point: Text
    who: Text
    source: EntryId


class Landscape(Record):
    accredited_programs_with_post_masters_certificates: PositiveInt
    fully_online: PositiveInt
    accreditor: Name
    where_to_look: Text
    sample_note: Text
    funding_source: EntryId
    general_funding: Tuple[Text, ...]
    not_covered_here: Text
    standalone_note: Text
    standalone_source: EntryId
    source: EntryId


StatementKind = Literal["said", "did", "background", "chose", "found_hardest", "reason"]


class Statement(Record):
    """One thing a person in the article said, did or found, restated in our words."""

    kind: StatementKind
    text: Text
    source: EntryId


class Person(Record):
    """Someone the article quotes or names (the author too), with what it says of them."""

    id: EntryId
    name: Name
    aliases: Tuple[Name, ...] = ()
    role: Text
    provider: Optional[EntryId] = None
    programs: Tuple[EntryId, ...] = ()
    relation: Literal["staff", "learner", "author"]
    # The pronoun the article uses for them; left out where it uses none.
    pronoun: Optional[Literal["she", "he", "they"]] = None
    # Where a learner was in their career when they took the certificate, where the article says.
    career_stage: Optional[Literal["established", "recent"]] = None
    statements: Tuple[Statement, ...] = ()
    source: EntryId


AttributeId = Literal[
    "cost", "funding", "eligibility", "audience", "structure", "length", "delivery", "topics", "courses",
    "pathways", "started", "growth", "prerequisites", "hardest", "quotes", "provider", "credential",
    "source", "location", "deadlines", "outcomes", "instructors", "admission", "course_details", "accreditation",
    "leadership", "credits", "contact", "scholarship_amount", "combining",
]
OperationId = Literal["compare", "rank_max", "rank_min", "rank_all", "others_at_school", "filter_under", "filter_over", "count", "list", "describe"]


class AttributeWords(Record):
    """Words that ask for one attribute of a program ("how much" asks for cost)."""

    id: AttributeId
    label: Name
    phrases: Tuple[Name, ...]


class OperationWords(Record):
    """Words that ask for an operation over programs ("cheapest" ranks by cost, lowest first)."""

    id: OperationId
    phrases: Tuple[Name, ...]
    attribute: Optional[AttributeId] = None
