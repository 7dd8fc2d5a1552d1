"""Fuzzing the knowledge-base loader: a mutated KB loads or fails with KnowledgeBaseError, never anything else.

Each example builds a knowledge-base folder from the shipped ``knowledge/data``
with one file changed by one random edit of the kind a hurried editor makes (a value replaced by another type, a key or an
entry removed, an entry duplicated, raw text spliced into a file, a file cut
short) and loads it. Bounded by ``max_examples`` and a per-example deadline.
"""
from __future__ import annotations

import copy
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any, List, Tuple

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge import DEFAULT_DIRECTORY, KnowledgeBase, KnowledgeBaseError, load_knowledge_base

FILES = sorted(path.name for path in DEFAULT_DIRECTORY.glob("*.yml"))
TEXTS = {file: (DEFAULT_DIRECTORY / file).read_text(encoding="utf-8") for file in FILES}
PARSED = {file: yaml.safe_load(text) for file, text in TEXTS.items()}
FUZZ = settings(max_examples=100, deadline=timedelta(seconds=5), database=None)

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)


def nodes(content: Any, path: Tuple = ()) -> List[Tuple]:
    """Every path to a value inside the parsed YAML (mapping keys and list indexes)."""
    found = [path]
    if isinstance(content, dict):
        for key, value in content.items():
            found += nodes(value, path + (key,))
    elif isinstance(content, list):
        for index, value in enumerate(content):
            found += nodes(value, path + (index,))
    return found


def parent_and_key(content: Any, path: Tuple) -> Tuple[Any, Any]:
    for step in path[:-1]:
        content = content[step]
    return content, path[-1]


@st.composite
def structural_edit(draw):
    """(file, new text): one value replaced, removed or duplicated in the parsed YAML."""
    file = draw(st.sampled_from(FILES))
    content = copy.deepcopy(PARSED[file])
    path = draw(st.sampled_from(nodes(content)[1:]))
    parent, key = parent_and_key(content, path)
    kind = draw(st.sampled_from(["replace", "remove", "duplicate"]))
    if kind == "replace":
        parent[key] = draw(values)
    elif kind == "remove":
        del parent[key]
    elif isinstance(parent, list):
        parent.append(parent[key])
    else:
        parent[draw(st.text(min_size=1, max_size=8))] = parent[key]
    return file, yaml.safe_dump(content, allow_unicode=True, sort_keys=False)


@st.composite
def textual_edit(draw):
    """(file, new text): raw characters spliced in, or the file cut short."""
    file = draw(st.sampled_from(FILES))
    text = TEXTS[file]
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()):
        return file, text[:at]
    return file, text[:at] + draw(st.text(max_size=30)) + text[at:]


def load_edited(file: str, text: str) -> Any:
    """Load a copy of the shipped knowledge base in which ``file`` reads ``text``."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        data.mkdir()
        for other in FILES:
            if other != file:
                (data / other).symlink_to(DEFAULT_DIRECTORY / other)
        (data / file).write_text(text, encoding="utf-8")
        try:
            return load_knowledge_base(data)
        except KnowledgeBaseError as error:
            return error


def assert_loads_or_names_the_problem(result: Any) -> None:
    assert isinstance(result, (KnowledgeBase, KnowledgeBaseError)), result
    if isinstance(result, KnowledgeBaseError):
        assert result.problems
        assert all(problem.file in FILES or problem.file.endswith("data") for problem in result.problems), result


@FUZZ
@given(edit=structural_edit())
def test_a_structurally_edited_knowledge_base_loads_or_says_where_it_is_wrong(edit):
    assert_loads_or_names_the_problem(load_edited(*edit))


@FUZZ
@given(edit=textual_edit())
def test_a_textually_damaged_knowledge_base_loads_or_says_where_it_is_wrong(edit):
    assert_loads_or_names_the_problem(load_edited(*edit))
