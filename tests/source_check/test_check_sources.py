"""`make check-sources`: the knowledge base's figures and names against the paragraphs they cite."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import DEFAULT_DIRECTORY
from source_check.figures import figures_in, named_in
from tests.support.sources import article_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sources() -> Path:
    """The folder holding the article (``MLIS_SOURCES``)."""
    return article_path().parent


def check_sources(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "source_check", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})


def knowledge_copy(tmp_path: Path, file: str, typed: str, mistyped: str) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_DIRECTORY, copy)
    text = (copy / file).read_text(encoding="utf-8")
    assert text.count(typed) == 1, typed
    (copy / file).write_text(text.replace(typed, mistyped), encoding="utf-8")
    return copy


def test_the_shipped_knowledge_base_matches_the_article(sources):
    result = check_sources(str(sources))
    assert result.returncode == 0, result.stderr
    assert "all found in their paragraphs" in result.stdout
    checked = int(result.stdout.split("check-sources: ")[-1].split()[0])
    assert checked >= 40  # prices, counts, years, days, and every person's name


def test_a_mistyped_price_is_named_with_file_entry_field_and_paragraph(sources, tmp_path):
    mistyped = knowledge_copy(tmp_path, "providers.yml", "per_course_usd: 1395", "per_course_usd: 1359")
    result = check_sources(str(sources), "--knowledge", str(mistyped))
    assert result.returncode == 1
    assert ("providers.yml: entry 'rbs', field 'tuition.per_course_usd': 1359 is not in paragraph 8 "
            "(passage 'tuition-and-funding')") in result.stderr
    assert "1 not found in their paragraph" in result.stdout


def test_a_misspelt_name_is_reported(sources, tmp_path):
    mistyped = knowledge_copy(tmp_path, "people.yml", "name: Linda Main", "name: Linda Mane")
    result = check_sources(str(sources), "--knowledge", str(mistyped))
    assert result.returncode == 1
    assert "people.yml: entry 'linda-main', field 'name': Linda Mane is not in paragraph 5" in result.stderr


def test_a_figure_cited_to_the_wrong_paragraph_is_reported(sources, tmp_path):
    declarations = tmp_path / "none.yml"
    declarations.write_text("cited_elsewhere: []\n", encoding="utf-8")
    result = check_sources(str(sources), "--declarations", str(declarations))
    assert result.returncode == 1
    assert "programs.yml: entry 'arizona-data-science', field 'started': 2021 is not in paragraph 3" in result.stderr


def test_a_declaration_of_a_field_that_does_not_exist_is_reported(sources, tmp_path):
    declared = (DEFAULT_DIRECTORY.parent / "source_checks.yml").read_text(encoding="utf-8")
    declarations = tmp_path / "stale.yml"
    declarations.write_text(declared.replace("field: started,", "field: started_in,", 1), encoding="utf-8")
    result = check_sources(str(sources), "--declarations", str(declarations))
    assert result.returncode == 1
    assert "declares programs.yml: entry 'arizona-data-science', field 'started_in', which does not exist" in result.stderr


def test_without_sources_nothing_is_checked_and_it_says_so():
    result = check_sources()
    assert result.returncode == 0
    assert "nothing was checked" in result.stdout


def test_a_folder_without_the_article_is_an_error(tmp_path):
    (tmp_path / "other.txt").write_text("Another article entirely.", encoding="utf-8")
    result = check_sources(str(tmp_path))
    assert result.returncode == 2
    assert "is 'After the MLIS' by Jennifer A. Dixon" in result.stderr


@pytest.mark.parametrize("written, figures", [
    ("$6,975", {6975}), ("6975", {6975}), ("five courses", {5}), ("Five", {5}), ("39 programs, 24 online", {39, 24}),
    ("100% online", {100}), ("in 2021", {2021}), ("one of the certificates", set()), (5, {5}), (True, set()),
])
def test_figures_compare_in_their_plain_form(written, figures):
    assert figures_in(written) == {float(f) for f in figures}


def test_a_person_is_named_in_full_or_by_surname():
    assert named_in("Linda Main", "According to Linda Main, associate director")
    assert named_in("Linda Main", "As Main explains to LJ")
    assert named_in("Cristian Román-Palacios", "says Román-Palacios.")
    assert not named_in("Linda Main", "the main thing")
