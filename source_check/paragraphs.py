"""A source text split into the paragraphs ``knowledge/data/source.yml`` numbers.

Paragraph 1 is the first body paragraph: the article's title, byline and other
front matter before it, and anything after its last paragraph, are not counted.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence, Tuple

FIRST_BODY_PARAGRAPH = "After the time and expense"
LAST_BODY_PARAGRAPH = "Jennifer A. Dixon is a law librarian"


class SourceNotFound(RuntimeError):
    """No text in the sources folder is the article the knowledge base cites, or it is not as expected."""


def body_paragraphs(text: str, first: str = FIRST_BODY_PARAGRAPH, last: str = LAST_BODY_PARAGRAPH) -> Tuple[str, ...]:
    """The body paragraphs (one non-empty line each), numbered from 1 as in source.yml: index 0 is paragraph 1."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    try:
        start = next(i for i, line in enumerate(lines) if line.startswith(first))
        end = next(i for i, line in enumerate(lines) if line.startswith(last))
    except StopIteration:
        raise SourceNotFound(f"the text has no paragraph starting {first!r} and one starting {last!r}") from None
    return tuple(lines[start: end + 1])


def find_source(directory: Path, title: str, author: str) -> Path:
    """The text file in ``directory`` that is the article ``title`` by ``author``."""
    if not directory.is_dir():
        raise SourceNotFound(f"{directory} is not a folder")
    candidates: Sequence[Path] = sorted(p for p in directory.iterdir() if p.is_file())
    for path in candidates:
        text: Optional[str]
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if title in text and author in text:
            return path
    raise SourceNotFound(f"no text in {directory} is {title!r} by {author}")
