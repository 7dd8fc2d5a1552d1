"""Reading the conversation's context from its slots (names in ``actions.slots``)."""
from __future__ import annotations

from typing import Any, Optional

from knowledge import KnowledgeBase


def existing_program(kb: KnowledgeBase, value: Any) -> Optional[str]:
    """The slot's program id if the knowledge base has it (slots can hold anything a payload put there)."""
    return value if isinstance(value, str) and kb.resolve("program", value) == value else None


def existing_programs(kb: KnowledgeBase, values: Any) -> tuple:
    """The program ids of a list slot that the knowledge base has, in order."""
    if not isinstance(values, list):
        return ()
    return tuple(v for v in values if existing_program(kb, v))
