"""The knowledge-base entity matcher on its own: names, question words, misspellings, amounts,
and the fingerprint that makes Rasa retrain it when the knowledge base changes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import DEFAULT_DIRECTORY
from rasa_project.components.kb_entity_matcher import KnowledgeBaseEntityMatcher, amounts_in
from tests.support.matcher import trained_matcher

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def found():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load(ROOT / ".cache" / "spacy" / "en_advisor")
    matcher = trained_matcher(nlp)
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
                                            ("about 3 thousand dollars", 3000), ("i can only afford about 1,300", 1300),
                                            ("under six thousand five hundred dollars", 6500),
                                            ("six thousand dollars", 6000), ("any certs 6000 or more?", 6000),
                                            ("at least 6500", 6500), ("7000 or less", 7000)])
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


@pytest.mark.parametrize("typed, entity", [
    ("do schlarships cover tution", ("attribute", "funding")),
    ("do schlarships cover tution", ("attribute", "cost")),
    ("is it in persn", ("attribute", "delivery")),
    ("whats the cheapst one", ("operation", "rank_min:cost")),
    ("sjsu pathwayz for the post mastrs certifcate", ("credential", "post_masters_certificate")),
    ("who is lynda mane", ("person", "linda-main")),
])
def test_slips_in_question_words_and_names_made_of_unseen_words_are_read(found, typed, entity):
    assert entity in found(typed)


def test_words_never_seen_are_marked_and_known_words_are_not(found):
    assert ("unknown_word", "zorblat") in found("any certificate in zorblat studies?")
    assert not any(entity == "unknown_word" for entity, _ in found("how much does the NLP certificate cost?"))


def test_a_known_word_is_not_read_as_a_slip(found):
    # "learning" is as close to "earnings" as "tution" is to "tuition", but people write it
    assert ("attribute", "outcomes") not in found("what will I be learning there")
    assert ("attribute", "deadlines") not in found("any headlines about it")


def test_a_bare_number_after_having_is_an_amount():
    assert [a["value"] for a in amounts_in("what if i had 7000")] == ["7000"]


def test_another_word_of_a_names_family_is_not_a_slip_for_it(found):
    # "librarians" is close to the topic "librarianship" by edit distance, but a different word.
    assert ("topic", "library-and-information-science") not in found("anything for social-justice-minded librarians?")
    assert ("topic", "critical-librarianship") in found("anything on critcal librarianship?")


@pytest.mark.parametrize("typed, dollars", [("any between 6500 and 7000", {6500, 7000}), ("which certs are 6000-7000", {6000, 7000}),
                                            ("from 5k to 7k", {5000, 7000}), ("it ran 2019-2021", set())])
def test_both_ends_of_a_price_range_are_amounts(typed, dollars):
    assert {int(a["value"]) for a in amounts_in(typed)} == dollars
