"""Work out which program a message is about, from its entities and the conversation so far."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Tuple

from knowledge import KnowledgeBase

# Slot names, in one place.
PROGRAM_SLOT = "program"
INSTITUTION_SLOT = "institution"
TOPIC_SLOT = "topic"
LISTED_PROGRAMS_SLOT = "listed_programs"
LAST_QUESTION_SLOT = "last_question"

ENTITY_KINDS = {"program": "program", "institution": "provider", "topic": "topic", "goal": "goal"}


@dataclass(frozen=True)
class Mentions:
    """What the latest message names, as knowledge-base ids in the order typed."""

    programs: Tuple[str, ...] = ()
    institutions: Tuple[str, ...] = ()
    topics: Tuple[str, ...] = ()
    goals: Tuple[str, ...] = ()
    ordinal: Optional[str] = None


def mentions_in(entities: Iterable[Dict[str, Any]], kb: KnowledgeBase) -> Mentions:
    """Normalise a message's entities to knowledge-base ids; unknown names are dropped.

    Args:
        entities: ``tracker.latest_message["entities"]``; values may be ids (from the
            knowledge-base matcher or a button) or names (typed in a button payload).
        kb: the knowledge base that decides which names exist.
    """
    found: Dict[str, List[str]] = {kind: [] for kind in ENTITY_KINDS}
    ordinal = None
    for entity in sorted(entities or (), key=lambda e: e.get("start") or 0):
        name, value = entity.get("entity"), entity.get("value")
        if not isinstance(value, str):
            continue
        if name == "ordinal":
            ordinal = ordinal or value
        elif name in ENTITY_KINDS:
            entry_id = kb.resolve(ENTITY_KINDS[name], value)
            if entry_id and entry_id not in found[name]:
                found[name].append(entry_id)
    return Mentions(
        programs=tuple(found["program"]),
        institutions=tuple(found["institution"]),
        topics=tuple(found["topic"]),
        goals=tuple(found["goal"]),
        ordinal=ordinal,
    )


@dataclass(frozen=True)
class Subject:
    """What a question is about: one program, or an institution with several programs.

    Exactly one of ``program`` and ``provider`` is set, unless nothing could be
    resolved (both ``None``). ``out_of_range`` is the list position the user asked
    for when the last list shown was shorter.
    """

    program: Optional[str] = None
    provider: Optional[str] = None
    out_of_range: Optional[str] = None

    @property
    def found(self) -> bool:
        return self.program is not None or self.provider is not None


def resolve_subject(
    mentions: Mentions,
    current_program: Optional[str],
    listed_programs: Optional[List[str]],
    kb: KnowledgeBase,
) -> Subject:
    """Decide which program (or institution) the user means.

    In order: a program named in the message; a position in the last list shown
    ("the second one"); an institution named in the message (its only program, or
    the program under discussion if it belongs there, or the institution itself);
    finally the program under discussion ("it").
    """
    if mentions.programs:
        return Subject(program=mentions.programs[0])
    listed = [p for p in listed_programs if _exists(kb, p)] if isinstance(listed_programs, list) else []
    if mentions.ordinal and listed:
        index = len(listed) - 1 if mentions.ordinal == "last" else int(mentions.ordinal) - 1
        if 0 <= index < len(listed):
            return Subject(program=listed[index])
        return Subject(out_of_range=mentions.ordinal)
    current = current_program if _exists(kb, current_program) else None
    if mentions.institutions:
        provider = mentions.institutions[0]
        programs = [p.id for p in kb.programs_of(provider)]
        if len(programs) == 1:
            return Subject(program=programs[0])
        if current in programs:
            return Subject(program=current)
        return Subject(provider=provider)
    if current:
        return Subject(program=current)
    return Subject()


def _exists(kb: KnowledgeBase, program_id: Optional[str]) -> bool:
    return bool(program_id) and kb.resolve("program", program_id) == program_id
