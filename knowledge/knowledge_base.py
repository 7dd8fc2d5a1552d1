"""The knowledge base in memory and the queries the assistant asks of it.

Everything here is generic over the data: no program, school or price is named
in code. Results are deterministic (ranked by score, then by the order of the
YAML files), and nothing is mutated after loading.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from knowledge.records import (
    Advice,
    Article,
    AttributeWords,
    Goal,
    Landscape,
    OperationWords,
    Passage,
    Person,
    Program,
    Provider,
    Topic,
    WorthItPoint,
)
from knowledge.results import (
    Comparison,
    Cost,
    FundingFacts,
    PrerequisiteAdvice,
    ProgramFacts,
    ProgramMatch,
)

TOPIC_SCORE = 3
PATHWAY_SCORE = 2
GOAL_SCORE = 2
COURSE_TOPIC_SCORE = 1


class UnknownEntry(KeyError):
    """Asked for an id the knowledge base does not have."""


@dataclass(frozen=True)
class KnowledgeBase:
    """All records of the knowledge base, with indexes built once."""

    article: Article
    landscape: Landscape
    passages: Tuple[Passage, ...]
    providers: Tuple[Provider, ...]
    topics: Tuple[Topic, ...]
    goals: Tuple[Goal, ...]
    programs: Tuple[Program, ...]
    advice: Tuple[Advice, ...]
    worth_it: Tuple[WorthItPoint, ...]
    people: Tuple[Person, ...] = ()
    attributes: Tuple[AttributeWords, ...] = ()
    operations: Tuple[OperationWords, ...] = ()
    _by_id: Dict[Tuple[str, str], object] = field(init=False, repr=False, compare=False)
    _by_name: Dict[Tuple[str, str], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: Dict[Tuple[str, str], object] = {}
        by_name: Dict[Tuple[str, str], str] = {}
        for kind, records in (
            ("program", self.programs),
            ("provider", self.providers),
            ("topic", self.topics),
            ("goal", self.goals),
            ("passage", self.passages),
            ("person", self.people),
            ("attribute", self.attributes),
        ):
            for record in records:
                by_id[(kind, record.id)] = record
                names: Iterable[str] = (
                    record.id,
                    getattr(record, "name", "") or getattr(record, "label", ""),
                    *getattr(record, "aliases", ()),
                    *getattr(record, "synonyms", ()),
                    *getattr(record, "phrases", ()),
                )
                for name in names:
                    if name:
                        by_name.setdefault((kind, name.casefold()), record.id)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_by_name", by_name)

    # -- looking things up -------------------------------------------------

    def program(self, program_id: str) -> Program:
        """The program with this id. Raises ``UnknownEntry`` if there is none."""
        return self._get("program", program_id)  # type: ignore[return-value]

    def provider(self, provider_id: str) -> Provider:
        """The provider with this id. Raises ``UnknownEntry`` if there is none."""
        return self._get("provider", provider_id)  # type: ignore[return-value]

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id. Raises ``UnknownEntry`` if there is none."""
        return self._get("topic", topic_id)  # type: ignore[return-value]

    def goal(self, goal_id: str) -> Goal:
        """The goal with this id. Raises ``UnknownEntry`` if there is none."""
        return self._get("goal", goal_id)  # type: ignore[return-value]

    def person(self, person_id: str) -> Person:
        """The person with this id. Raises ``UnknownEntry`` if there is none."""
        return self._get("person", person_id)  # type: ignore[return-value]

    def attribute(self, attribute_id: str) -> AttributeWords:
        """The words and label of one attribute. Raises ``UnknownEntry`` if there is none."""
        return self._get("attribute", attribute_id)  # type: ignore[return-value]

    def attribute_label(self, attribute_id: str) -> str:
        """How answers name an attribute ("what it costs"); the id when the vocabulary lacks it."""
        try:
            return self.attribute(attribute_id).label
        except UnknownEntry:
            return attribute_id.replace("_", " ")

    def people_of(self, program_id: str) -> Tuple[Person, ...]:
        """The people the article ties to a program (staff and learners)."""
        return tuple(person for person in self.people if program_id in person.programs)

    def provider_of(self, program: Program) -> Provider:
        """The institution that awards ``program``."""
        return self.provider(program.provider)

    def programs_of(self, provider_id: str) -> Tuple[Program, ...]:
        """The programs a provider awards, in knowledge-base order."""
        return tuple(program for program in self.programs if program.provider == provider_id)

    def resolve(self, kind: str, mention: Optional[str]) -> Optional[str]:
        """The id of the ``kind`` ("program", "provider", "topic", "goal", "person") a mention names.

        Args:
            kind: which kind of entry to look for.
            mention: an id, name, alias or synonym, in any letter case.

        Returns:
            The entry's id, or ``None`` when nothing has that name.
        """
        if not isinstance(mention, str) or not mention:
            return None  # slots can hold anything a typed payload put there
        return self._by_name.get((kind, mention.strip().casefold()))

    def cite(self, source_id: str) -> str:
        """A one-line citation of the article for an entry's ``source``."""
        return self.article.short_citation

    def _get(self, kind: str, entry_id: str) -> object:
        try:
            return self._by_id[(kind, entry_id)]
        except KeyError:
            raise UnknownEntry(f"no {kind} with id '{entry_id}'") from None

    # -- questions ---------------------------------------------------------

    def find_programs(
        self,
        *,
        topics: Sequence[str] = (),
        goals: Sequence[str] = (),
        provider: Optional[str] = None,
        credential: Optional[str] = None,
    ) -> Tuple[ProgramMatch, ...]:
        """Programs that fit the given topics and goals, best first, with reasons.

        Args:
            topics: topic ids; a program's own topic scores 3, a pathway's 2, a course topic 1.
            goals: goal ids; each goal the program serves scores 2.
            provider: only programs of this provider id.
            credential: only programs of this credential kind.

        Returns:
            Matching programs ranked by score, ties in knowledge-base order. With no
            topic or goal every program passing the filters is returned, score 0.
        """
        matches: List[ProgramMatch] = []
        for program in self.programs:
            if provider and program.provider != provider:
                continue
            if credential and program.credential != credential:
                continue
            score, reasons, by_courses_only = self._score(program, topics, goals)
            if (topics or goals) and score == 0:
                continue
            provider_record = self.provider_of(program)
            if not reasons:
                reasons = [f"awarded by {provider_record.name}"]
            matches.append(ProgramMatch(program, provider_record, score, tuple(reasons), by_courses_only))
        order = {program.id: index for index, program in enumerate(self.programs)}
        return tuple(sorted(matches, key=lambda match: (-match.score, order[match.program.id])))

    def _score(self, program: Program, topics: Sequence[str], goals: Sequence[str]) -> Tuple[int, List[str], bool]:
        """The match's score, its reasons, and whether only course topics matched."""
        score, reasons, strong = 0, [], False
        for topic_id in dict.fromkeys(topics):
            label = self.topic(topic_id).label
            pathway = next((p for p in program.pathways if topic_id in p.topics), None)
            if topic_id in program.topics:
                score, strong = score + TOPIC_SCORE, True
                reasons.append(f"a certificate in {label}")
            elif pathway is not None:
                score, strong = score + PATHWAY_SCORE, True
                reasons.append(f"its {pathway.name} pathway covers {label}")
            elif topic_id in program.course_topics:
                score += COURSE_TOPIC_SCORE
                reasons.append(f"its courses cover {label}")
        for goal_id in dict.fromkeys(goals):
            if goal_id in program.goals:
                score, strong = score + GOAL_SCORE, True
                reasons.append(f"fits your goal: {self.goal(goal_id).label}")
        return score, reasons, score > 0 and not strong

    def cost_of(self, program_id: str) -> Cost:
        """Tuition per course and for the certificate, or unknown (``tuition is None``)."""
        program = self.program(program_id)
        provider = self.provider_of(program)
        tuition = None if provider.tuition == "unknown" else provider.tuition
        return Cost(program, provider, tuition)

    def funding_for(self, program_id: str) -> FundingFacts:
        """What the article says about paying for a program, plus the general points."""
        program = self.program(program_id)
        provider = self.provider_of(program)
        return FundingFacts(program, provider, provider.funding, self.landscape.general_funding)

    def prerequisites_for(
        self, *, program_id: Optional[str] = None, topic_id: Optional[str] = None
    ) -> PrerequisiteAdvice:
        """Learners' advice on what to learn first, for a program or for a topic.

        Args:
            program_id: advice that applies to this program (its topics, pathways,
                or all technical programs when it is marked technical).
            topic_id: advice that names this topic, used when no program is given.

        Returns:
            The advice found, possibly none: the article may say nothing.
        """
        if program_id is not None:
            program = self.program(program_id)
            topic_ids = {*program.topics, *(t for p in program.pathways for t in p.topics)}
            advice = tuple(
                item
                for item in self.advice
                if (item.for_technical_programs and program.technical) or topic_ids & set(item.applies_to)
            )
            return PrerequisiteAdvice(program.name, program.technical, advice)
        if topic_id is not None:
            topic = self.topic(topic_id)
            advice = tuple(item for item in self.advice if topic_id in item.applies_to)
            return PrerequisiteAdvice(f"{topic.label} certificates", bool(advice), advice)
        return PrerequisiteAdvice("technical certificates", True, tuple(a for a in self.advice if a.for_technical_programs))

    def facts_about(self, program_id: str) -> ProgramFacts:
        """Everything the knowledge base holds on one program."""
        program = self.program(program_id)
        labels = tuple(self.topic(topic_id).label for topic_id in (*program.topics, *program.course_topics))
        return ProgramFacts(
            program,
            self.provider_of(program),
            self.cost_of(program_id),
            self.funding_for(program_id),
            labels,
            self.people_of(program_id),
            self.prerequisites_for(program_id=program_id).advice,
        )

    def compare(self, first_id: str, second_id: str) -> Comparison:
        """Two programs side by side (cost, structure, funding, topics)."""
        return Comparison(self.facts_about(first_id), self.facts_about(second_id))
