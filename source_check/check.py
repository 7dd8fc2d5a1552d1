"""Every figure and person's name of the knowledge base against the paragraph its entry cites."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Sequence, Tuple

import yaml

from source_check.citations import Field, declarations, fields_of
from source_check.figures import figures_in, named_in, names_in, show
from source_check.paragraphs import body_paragraphs, find_source

QUOTE_CHARACTERS = 240


@dataclass(frozen=True)
class Mismatch:
    file: str
    entry: str
    field: str
    what: str  # the figure or name
    passage: str
    paragraph: int
    text: str

    def __str__(self) -> str:
        quoted = self.text if len(self.text) <= QUOTE_CHARACTERS else self.text[: QUOTE_CHARACTERS - 1] + "…"
        return (f"{self.file}: entry '{self.entry}', field '{self.field}': {self.what} is not in paragraph "
                f"{self.paragraph} (passage '{self.passage}'): \"{quoted}\"")


@dataclass(frozen=True)
class Outcome:
    source: Path
    checked: int  # figures and names compared
    mismatches: Sequence[Mismatch]
    problems: Sequence[str]  # fields citing nothing or an unknown passage
    unchecked: Sequence[str]  # declared derivations and exemptions


def declared(declarations: Dict[Tuple[str, str, str], str], field: Field) -> Optional[str]:
    """What the declarations say of ``field``: a declared field covers the fields below it ("quoted[1]": its person, role...)."""
    for (file, entry, name), said in declarations.items():
        if file == field.file and entry == field.entry and (
                field.field == name or field.field.startswith(name + ".") or field.field.startswith(name + "[")):
            return said
    return None


def check(knowledge_dir: Path, sources_dir: Path, declarations_file: Path) -> Outcome:
    source_yml = yaml.safe_load((knowledge_dir / "source.yml").read_text(encoding="utf-8"))
    article = source_yml["article"]
    passages: Dict[str, int] = {p["id"]: int(p["paragraph"]) for p in source_yml["passages"]}
    source = find_source(sources_dir, article["title"], article["author"])
    paragraphs = body_paragraphs(source.read_text(encoding="utf-8"))
    people = yaml.safe_load((knowledge_dir / "people.yml").read_text(encoding="utf-8")) or {}
    names = {str(person["name"]) for person in people.get("people") or []} | {str(article["author"])}
    elsewhere, unchecked_fields = declarations(declarations_file)

    checked, mismatches, problems, unchecked = 0, [], [], []
    for field in fields_of(knowledge_dir):
        figures = sorted(figures_in(field.value))
        mentioned = sorted(names_in(field.value, names)) if isinstance(field.value, str) else []
        if not figures and not mentioned:
            continue
        why = declared(unchecked_fields, field)
        if why is not None:
            unchecked.append(f"{field.file}: entry '{field.entry}', field '{field.field}': {why}")
            continue
        passage = declared(elsewhere, field) or field.passage
        number = passages.get(passage or "")
        if number is None or not 1 <= number <= len(paragraphs):
            problems.append(f"{field.file}: entry '{field.entry}', field '{field.field}' cites "
                            f"{repr(passage) if passage else 'no passage'}, which is no paragraph of the article")
            continue
        text = paragraphs[number - 1]
        stated = figures_in(text)
        for figure in figures:
            checked += 1
            if figure not in stated:
                mismatches.append(Mismatch(field.file, field.entry, field.field, show(figure), passage, number, text))
        for name in mentioned:
            checked += 1
            if not named_in(name, text):
                mismatches.append(Mismatch(field.file, field.entry, field.field, name, passage, number, text))
    seen = {(f.file, f.entry, f.field) for f in fields_of(knowledge_dir)}
    for file, entry, name in [*elsewhere, *unchecked_fields]:
        if not any(key[:2] == (file, entry) and (key[2] == name or key[2].startswith((name + ".", name + "[")))
                   for key in seen):
            problems.append(f"{declarations_file.name} declares {file}: entry '{entry}', field '{name}', which does not exist")
    return Outcome(source, checked, mismatches, problems, unchecked)
