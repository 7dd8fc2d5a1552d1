"""The knowledge-base entity matcher on its own: names, question words, misspellings, amounts,
and the fingerprint that makes Rasa retrain it when the knowledge base changes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import DEFAULT_DIRECTORY
from rasa_project.components.kb_entity_matcher import KnowledgeBaseEntityMatcher, amounts_in, patterns_from_knowledge_base

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def found():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load(ROOT / ".cache" / "spacy" / "en_advisor")
    matcher = KnowledgeBaseEntityMatcher({}, None, None, patterns_from_knowledge_base(None))
    return lambda text: {(e["entity"], e["value"]) for e in matcher.find_entities(text, nlp)}


@pytest.mark.parametrize("typed, entity", [
    ("how much is Rare Bok School", ("institution", "rbs")),
    ("what did Roman Palacios say", ("person", "cristian-roman-palacios")),
    ("whats the critcal librarianship certifcate", ("program", "calrbs-critical-librarianship")),
    ("archivs certificates in arizona", ("topic", "archives")),
])
def test_misspelled_names_are_found(found, typed, entity):
    assert entity in found(typed)


def test_a_generic_phrase_is_not_a_misspelled_program_name(found):
    entities = found("how many schools have online post-master's certificates")
    assert not any(entity == "program" for entity, _ in entities)


def test_question_words_name_the_attribute_and_the_operation(found):
    entities = found("which certificate takes the least time?")
    assert ("attribute", "length") in entities and ("operation", "rank_min:length") in entities


def test_how_long_is_not_a_superlative(found):
    assert not any(entity == "operation" for entity, _ in found("how long does the SJSU certificate take?"))


def test_ordinary_words_are_not_taken_for_names(found):
    assert found("what is the main advantage of these programs?") & {("person", "linda-main")} == set()


@pytest.mark.parametrize("typed, dollars", [("under $5,000", 5000), ("a 5k budget", 5000), ("and under 7000?", 7000),
                                            ("about 3 thousand dollars", 3000)])
def test_amounts_are_read_in_whole_dollars(typed, dollars):
    assert [int(e["value"]) for e in amounts_in(typed)] == [dollars]


def test_a_year_is_not_an_amount():
    assert amounts_in("started in 2021") == []


def test_the_fingerprint_follows_the_knowledge_base(tmp_path):
    directory = tmp_path / "kb"
    shutil.copytree(DEFAULT_DIRECTORY, directory)
    before = KnowledgeBaseEntityMatcher.fingerprint_addon({"knowledge_dir": str(directory)})
    people = directory / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("Ms. Lyons", "Dr. Lyons"), encoding="utf-8")
    assert KnowledgeBaseEntityMatcher.fingerprint_addon({"knowledge_dir": str(directory)}) != before
