"""Read the YAML files of the knowledge base once into validated records.

Every ``*.yml`` file in the knowledge directory is read. Its top-level keys name
collections (``programs``, ``topics``...); lists from several files are joined,
so a librarian may keep new programs in a file of their own. Validation has two
stages: each entry against its record type, then the references between entries
(ids that must exist, ids and aliases that must be unique). All problems are
reported together, each naming the file, the entry and the field.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Type

import yaml
from pydantic import ValidationError

from knowledge.errors import KnowledgeBaseError, Problem
from knowledge.knowledge_base import KnowledgeBase
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
    Record,
    Topic,
    WorthItPoint,
)

DEFAULT_DIRECTORY = Path(__file__).parent / "data"

LIST_COLLECTIONS: Dict[str, Type[Record]] = {
    "passages": Passage,
    "providers": Provider,
    "topics": Topic,
    "goals": Goal,
    "programs": Program,
    "advice": Advice,
    "worth_it": WorthItPoint,
    "people": Person,
    "attributes": AttributeWords,
    "operations": OperationWords,
}
# Collections whose entries have no id of their own (several entries may share an operation).
WITHOUT_IDS = {"operations"}
SINGLE_COLLECTIONS: Dict[str, Type[Record]] = {"article": Article, "landscape": Landscape}


@dataclass(frozen=True)
class _Located:
    """A validated record and the file it came from."""

    file: str
    record: Any


def load_knowledge_base(directory: Optional[Path] = None) -> KnowledgeBase:
    """Load and validate the knowledge base.

    Args:
        directory: folder of ``*.yml`` files; the shipped ``knowledge/data`` by default.

    Returns:
        The validated, immutable knowledge base.

    Raises:
        KnowledgeBaseError: naming the file, entry and field of every problem found.
    """
    directory = Path(directory) if directory is not None else DEFAULT_DIRECTORY
    problems: List[Problem] = []
    lists: Dict[str, List[_Located]] = {name: [] for name in LIST_COLLECTIONS}
    singles: Dict[str, List[_Located]] = {name: [] for name in SINGLE_COLLECTIONS}

    files = sorted(directory.glob("*.yml")) + sorted(directory.glob("*.yaml"))
    if not files:
        raise KnowledgeBaseError([Problem(str(directory), None, None, "no *.yml files found")])
    for path in files:
        _read_file(path, lists, singles, problems)

    for name, located in singles.items():
        if not located:
            problems.append(Problem(str(directory), None, name, f"no file defines '{name}'"))
        for duplicate in located[1:]:
            problems.append(Problem(duplicate.file, None, name, f"'{name}' is defined in more than one file"))
    if problems:
        raise KnowledgeBaseError(problems)

    problems.extend(_check_references(lists, singles))
    if problems:
        raise KnowledgeBaseError(problems)

    return KnowledgeBase(
        article=singles["article"][0].record,
        landscape=singles["landscape"][0].record,
        **{name: tuple(item.record for item in located) for name, located in lists.items()},
    )


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key given twice in one mapping (YAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' appears twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


def _read_file(
    path: Path,
    lists: Dict[str, List[_Located]],
    singles: Dict[str, List[_Located]],
    problems: List[Problem],
) -> None:
    file = path.name
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problems.append(Problem(file, None, None, f"not valid YAML{at}: {getattr(error, 'problem', error)}"))
        return
    except UnicodeDecodeError as error:
        problems.append(Problem(file, None, None, f"not UTF-8 text: {error}"))
        return
    if content is None:
        return
    if not isinstance(content, dict):
        problems.append(Problem(file, None, None, "the top level must be a mapping of collection names"))
        return
    for key, value in content.items():
        if key in LIST_COLLECTIONS:
            if not isinstance(value, list):
                problems.append(Problem(file, None, str(key), "must be a list of entries"))
                continue
            for index, raw in enumerate(value):
                record = _validate(LIST_COLLECTIONS[key], raw, file, _entry_name(key, raw, index), problems)
                if record is not None:
                    lists[key].append(_Located(file, record))
        elif key in SINGLE_COLLECTIONS:
            record = _validate(SINGLE_COLLECTIONS[key], value, file, str(key), problems)
            if record is not None:
                singles[key].append(_Located(file, record))
        else:
            known = ", ".join(sorted([*LIST_COLLECTIONS, *SINGLE_COLLECTIONS]))
            problems.append(Problem(file, None, str(key), f"unknown collection (expected one of: {known})"))


def _entry_name(collection: str, raw: Any, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return raw["id"]
    return f"{collection}[{index}]"


def _validate(model: Type[Record], raw: Any, file: str, entry: str, problems: List[Problem]) -> Optional[Record]:
    if not isinstance(raw, dict):
        problems.append(Problem(file, entry, None, f"must be a mapping of fields, not {type(raw).__name__}"))
        return None
    try:
        return model.parse_obj(raw)
    except ValidationError as error:
        for detail in error.errors():
            if detail["msg"].startswith("unhashable type"):
                continue  # pydantic 1 noise from the `"unknown"` alternative of a union field
            field = ".".join(str(part) for part in detail["loc"] if part != "__root__")
            problems.append(Problem(file, entry, field or None, detail["msg"]))
        return None


def _check_references(
    lists: Dict[str, List[_Located]], singles: Dict[str, List[_Located]]
) -> Iterable[Problem]:
    for name, located in lists.items():
        if name not in WITHOUT_IDS:
            yield from _duplicates(located, lambda record: [record.id], "id", f"duplicate id in '{name}'")

    ids = {name: {item.record.id for item in located} for name, located in lists.items() if name not in WITHOUT_IDS}

    def missing(file: str, entry: str, field: str, values: Iterable[str], kind: str) -> Iterable[Problem]:
        for value in values:
            if value not in ids[kind]:
                yield Problem(file, entry, field, f"unknown {kind[:-1]} id '{value}'")

    everything = [*(item for located in lists.values() for item in located),
                  *(item for located in singles.values() for item in located)]
    for item in everything:
        if hasattr(item.record, "source"):
            entry = getattr(item.record, "id", type(item.record).__name__.lower())
            yield from missing(item.file, entry, "source", [item.record.source], "passages")

    for item in lists["providers"]:
        provider = item.record
        if provider.tuition != "unknown":
            yield from missing(item.file, provider.id, "tuition.source", [provider.tuition.source], "passages")
        yield from missing(item.file, provider.id, "funding.source", [provider.funding.source], "passages")

    for item in lists["programs"]:
        program = item.record
        yield from missing(item.file, program.id, "provider", [program.provider], "providers")
        yield from missing(item.file, program.id, "topics", program.topics, "topics")
        yield from missing(item.file, program.id, "course_topics", program.course_topics, "topics")
        yield from missing(item.file, program.id, "goals", program.goals, "goals")
        for index, pathway in enumerate(program.pathways):
            yield from missing(item.file, program.id, f"pathways.{index}.topics", pathway.topics, "topics")
            if pathway.covers and not pathway.source:
                yield Problem(item.file, program.id, f"pathways.{index}.source", "required where 'covers' is given")
            elif pathway.source:
                yield from missing(item.file, program.id, f"pathways.{index}.source", [pathway.source], "passages")

    for item in lists["people"]:
        person = item.record
        if person.provider:
            yield from missing(item.file, person.id, "provider", [person.provider], "providers")
        yield from missing(item.file, person.id, "programs", person.programs, "programs")
        for index, statement in enumerate(person.statements):
            yield from missing(item.file, person.id, f"statements.{index}.source", [statement.source], "passages")
    for item in lists["programs"]:
        if item.record.delivery is not None:
            yield from missing(item.file, item.record.id, "delivery.source", [item.record.delivery.source], "passages")

    for item in lists["advice"]:
        yield from missing(item.file, item.record.id, "applies_to", item.record.applies_to, "topics")
    for item in singles["landscape"]:
        yield from missing(item.file, "landscape", "funding_source", [item.record.funding_source], "passages")
        yield from missing(item.file, "landscape", "standalone_source", [item.record.standalone_source], "passages")

    # A name people type must lead to one program or one provider, never two.
    named = [*lists["programs"], *lists["providers"], *lists["people"]]
    yield from _duplicates(
        named,
        lambda record: {alias.casefold() for alias in (*record.aliases, getattr(record, "name", ""))},
        "aliases",
        "alias already used by another program, provider or person",
    )
    yield from _duplicates(
        [*lists["topics"], *lists["goals"]],
        lambda record: {phrase.casefold() for phrase in (*getattr(record, "synonyms", ()), *getattr(record, "phrases", ()))},
        "synonyms",
        "phrase already used by another topic or goal",
    )


def _duplicates(located: List[_Located], keys_of, field: str, message: str) -> Iterable[Problem]:
    seen: Dict[str, str] = {}
    for item in located:
        for key in keys_of(item.record):
            if key in seen and seen[key] != item.record.id:
                yield Problem(item.file, item.record.id, field, f"{message}: '{key}' (also '{seen[key]}')")
            elif key in seen:
                yield Problem(item.file, item.record.id, field, f"{message}: '{key}'")
            else:
                seen[key] = item.record.id
