"""The error raised when the knowledge base cannot be loaded."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence, Tuple


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge base, located as precisely as possible."""

    file: str
    entry: Optional[str]
    field: Optional[str]
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.entry is not None:
            where.append(f"entry '{self.entry}'")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


class KnowledgeBaseError(Exception):
    """The knowledge base is invalid; ``problems`` says where and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: Tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"Invalid knowledge base ({len(self.problems)} problem(s)):\n{lines}")
