"""What each field of the knowledge base's YAML says, and which passage it cites.

A field cites the ``source`` of the nearest mapping around it that has one; a
``<name>_source`` key cites for the sibling fields whose key contains ``<name>``
(``funding_source`` for ``general_funding``). A passage in source.yml cites itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple

import yaml

# Keys that locate or identify rather than state a fact.
NOT_FACTS = {"id", "aliases", "source", "paragraph", "provider", "programs", "topics", "course_topics", "goals",
             "applies_to", "kind", "relation", "credential"}
# Files of words the advisor recognises, not facts from the article.
NOT_FACT_FILES = {"vocabulary.yml"}


@dataclass(frozen=True)
class Field:
    """One value of the YAML: the file, the entry (its id) and field path, and the passage it cites."""

    file: str
    entry: str
    field: str
    value: Any
    passage: Optional[str]


def fields_of(directory: Path) -> Iterator[Field]:
    """Every scalar field of every knowledge-base file in ``directory``."""
    for path in sorted(directory.glob("*.yml")):
        if path.name in NOT_FACT_FILES:
            continue
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for top, value in content.items():
            if isinstance(value, list):
                for index, item in enumerate(value):
                    entry = str(item.get("id", f"{top}[{index}]")) if isinstance(item, dict) else f"{top}[{index}]"
                    own = str(item["id"]) if top == "passages" and isinstance(item, dict) and "id" in item else None
                    yield from _walk(path.name, entry, "", item, own)
            else:
                yield from _walk(path.name, top, "", value, None)


def _walk(file: str, entry: str, where: str, value: Any, passage: Optional[str]) -> Iterator[Field]:
    if isinstance(value, dict):
        passage = value.get("source", passage) if isinstance(value.get("source", passage), str) else passage
        cites_for: Dict[str, str] = {key[: -len("_source")]: str(cited) for key, cited in value.items()
                                     if key.endswith("_source") and isinstance(cited, str)}
        for key, item in value.items():
            if key in NOT_FACTS or key.endswith("_source"):
                continue
            own = next((cited for name, cited in cites_for.items() if name in key), passage)
            yield from _walk(file, entry, f"{where}.{key}" if where else str(key), item, own)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(file, entry, f"{where}[{index}]", item, passage)
    else:
        yield Field(file, entry, where, value, passage)


def declarations(path: Path) -> Tuple[Dict[Tuple[str, str, str], str], Dict[Tuple[str, str, str], str]]:
    """From the declarations file: fields said in another passage (-> passage id), and fields not checked (-> why)."""
    content = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    content = content or {}
    elsewhere = {(d["file"], d["entry"], d["field"]): str(d["passage"]) for d in content.get("cited_elsewhere") or []}
    unchecked: Dict[Tuple[str, str, str], str] = {}
    for declared in content.get("derived") or []:
        unchecked[(declared["file"], declared["entry"], declared["field"])] = f"derived: {declared['derivation']}"
    for declared in content.get("exempt") or []:
        unchecked[(declared["file"], declared["entry"], declared["field"])] = f"exempt: {declared['reason']}"
    return elsewhere, unchecked
