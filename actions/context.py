"""Reading the conversation's context from its slots (names in ``actions.slots``)."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from actions.slots import LISTED_PROGRAMS_SLOT, PROGRAM_SLOT
from knowledge import KnowledgeBase


def existing_program(kb: KnowledgeBase, value: Any) -> Optional[str]:
    """The slot's program id if the knowledge base has it (slots can hold anything a payload put there)."""
    return value if isinstance(value, str) and kb.resolve("program", value) == value else None


def existing_programs(kb: KnowledgeBase, values: Any) -> tuple:
    """The program ids of a list slot that the knowledge base has, in order."""
    if not isinstance(values, list):
        return ()
    return tuple(v for v in values if existing_program(kb, v))


def programs_discussed(kb: KnowledgeBase, events: Iterable[Any]) -> tuple:
    """The programs this conversation has been about, in the order it came to each (the program
    slot's values, and lists of one, since the session began; a program returned to after another
    counts again)."""
    discussed: list = []
    for event in events or ():
        if not isinstance(event, dict):
            continue
        if event.get("event") in ("restart", "session_started"):
            discussed = []
        elif event.get("event") == "slot" and event.get("name") in (PROGRAM_SLOT, LISTED_PROGRAMS_SLOT):
            value = event.get("value")
            if event.get("name") == LISTED_PROGRAMS_SLOT:  # a list of one ("a course at CalRBS: $1,200") is about it too
                value = value[0] if isinstance(value, list) and len(value) == 1 else None
            program = existing_program(kb, value)
            if program and (not discussed or discussed[-1] != program):
                discussed.append(program)
    return tuple(discussed)


def program_after_list(kb: KnowledgeBase, events: Iterable[Any]) -> bool:
    """Whether the last certificate discussed came after the last list and is not in it: "CalRBS's
    certificates", then "and at RBS?", then "does either of them do bookbinding?" is of all three."""
    listed: list = []
    after = False
    for event in events or ():
        if not isinstance(event, dict) or event.get("event") != "slot":
            continue
        if event.get("name") == LISTED_PROGRAMS_SLOT:
            listed, after = list(existing_programs(kb, event.get("value"))), False
        elif event.get("name") == PROGRAM_SLOT:
            program = existing_program(kb, event.get("value"))
            after = bool(program and listed and program not in listed)
    return after
