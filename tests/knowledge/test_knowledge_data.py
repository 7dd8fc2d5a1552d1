"""The shipped knowledge base says what the article says, and nothing more.

These tests load the real ``knowledge/data`` and read as examples of the
questions the assistant asks it. The last group checks the data against the
article itself: every number typed in the YAML must be found in the article,
and every ``source`` must point at the paragraph that says it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest
import yaml
from pydantic import BaseModel

from knowledge import DEFAULT_DIRECTORY, KnowledgeBase, load_knowledge_base
from source_check.paragraphs import body_paragraphs

from tests.support.sources import article_path

REPO_ROOT = Path(__file__).resolve().parents[2]

ARIZONA_PROGRAMS = (
    "arizona-archival-studies",
    "arizona-legal-information",
    "arizona-medical-information",
    "arizona-data-science",
    "arizona-nlp",
)
SJSU_PROGRAMS = ("sjsu-post-masters", "sjsu-digital-assets")
CALRBS_PROGRAMS = ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
RARE_BOOK_PROGRAMS = (*CALRBS_PROGRAMS, "rbs-certificate")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="module")
def article_text() -> str:
    return article_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article_paragraphs(article_text: str) -> Tuple[str, ...]:
    """The body paragraphs, numbered from 1 as in source.yml (index 0 is paragraph 1)."""
    return body_paragraphs(article_text)


# -- what the article names ------------------------------------------------


@pytest.mark.parametrize(
    "program_id, provider_id, words_in_name",
    [
        ("arizona-archival-studies", "arizona", "Archival Studies"),
        ("arizona-legal-information", "arizona", "Legal Information"),
        ("arizona-medical-information", "arizona", "Medical Information"),
        ("arizona-data-science", "arizona", "Foundations of Data Science"),
        ("arizona-nlp", "arizona", "Natural Language Processing"),
        ("sjsu-post-masters", "sjsu", "Post-Master's Certificate"),
        ("sjsu-digital-assets", "sjsu", "Digital Assets Management Certificate"),
        ("calrbs-rare-books-manuscripts", "calrbs", "Rare Books and Manuscripts"),
        ("calrbs-critical-librarianship", "calrbs", "Critical Librarianship, Activism, and Justice"),
        ("rbs-certificate", "rbs", "Certificate of Completion"),
    ],
)
def test_every_certificate_named_in_the_article_is_present(kb, program_id, provider_id, words_in_name):
    program = kb.program(program_id)

    assert program.provider == provider_id
    assert words_in_name in program.name


def test_the_four_institutions_are_named_as_in_the_article(kb):
    names = {provider.id: provider.name for provider in kb.providers}

    assert names["arizona"] == "University of Arizona"
    assert names["sjsu"] == "San José State University"
    assert names["calrbs"] == "California Rare Book School"
    assert names["rbs"] == "Rare Book School"
    assert "University of California, Los Angeles" in kb.provider("calrbs").school
    assert kb.provider("rbs").school == "University of Virginia"


def test_arizona_certificates_are_graduate_certificates_and_the_rare_book_ones_are_not(kb):
    for program_id in ARIZONA_PROGRAMS:
        assert kb.program(program_id).credential == "graduate_certificate"
    assert kb.program("sjsu-post-masters").credential_label == "post-master's certificate"
    for program_id in CALRBS_PROGRAMS:
        assert kb.program(program_id).credential_label == "professional certificate"
    assert kb.program("rbs-certificate").credential_label == "certificate of completion"


def test_data_science_and_nlp_certificates_started_in_2021_and_are_growing(kb):
    for program_id in ("arizona-data-science", "arizona-nlp"):
        program = kb.program(program_id)
        assert program.started == 2021
        assert "growing" in program.growth


# -- cost and funding ------------------------------------------------------


@pytest.mark.parametrize("program_id", CALRBS_PROGRAMS)
def test_calrbs_costs_1200_per_course_and_6000_for_the_certificate(kb, program_id):
    cost = kb.cost_of(program_id)

    assert cost.known
    assert cost.tuition.per_course_usd == 1200
    assert cost.tuition.courses_for_certificate == 5
    assert cost.tuition.certificate_total_usd == 6000


def test_rbs_costs_1395_per_in_person_course_and_6975_in_total(kb):
    cost = kb.cost_of("rbs-certificate")

    assert cost.known
    assert cost.tuition.per_course_usd == 1395
    assert "in-person" in cost.tuition.applies_to
    assert cost.tuition.courses_for_certificate == 5
    assert cost.tuition.certificate_total_usd == 6975


@pytest.mark.parametrize("program_id", (*ARIZONA_PROGRAMS, *SJSU_PROGRAMS))
def test_prices_the_article_does_not_give_stay_unknown(kb, program_id):
    cost = kb.cost_of(program_id)

    assert cost.known is False
    assert cost.tuition is None
    assert cost.provider.tuition == "unknown"


@pytest.mark.parametrize("program_id", ARIZONA_PROGRAMS)
def test_arizona_certificates_are_not_eligible_for_traditional_financial_aid_and_get_no_departmental_funding(
    kb, program_id
):
    funding = kb.funding_for(program_id).funding

    assert funding.traditional_financial_aid == "not_eligible"
    assert funding.departmental_funding == "none"
    assert any("non-degree" in note for note in funding.notes)


@pytest.mark.parametrize("program_id", RARE_BOOK_PROGRAMS)
def test_scholarships_cover_tuition_but_not_travel_at_rare_book_schools(kb, program_id):
    funding = kb.funding_for(program_id).funding

    assert funding.scholarships == "available"
    assert "tuition" in funding.scholarships_cover
    assert any("travel" in item for item in funding.not_covered)
    assert not any("travel" in item for item in funding.scholarships_cover)


@pytest.mark.parametrize("program_id", SJSU_PROGRAMS)
def test_funding_the_article_does_not_describe_stays_unknown(kb, program_id):
    funding = kb.funding_for(program_id).funding

    assert funding.traditional_financial_aid == "unknown"
    assert funding.departmental_funding == "unknown"
    assert funding.scholarships == "unknown"


def test_general_funding_points_come_with_every_program(kb):
    facts = kb.funding_for("sjsu-post-masters")

    assert any("out of pocket" in point for point in facts.general)
    assert any("scholarships" in point for point in facts.general)


# -- program details -------------------------------------------------------


def test_sjsu_post_masters_has_exactly_four_pathways(kb):
    pathways = kb.program("sjsu-post-masters").pathways

    assert [pathway.name for pathway in pathways] == [
        "Data Science",
        "Digital Archives and Records Management",
        "Digital Services and Emerging Technologies",
        "Web Programming and Information Architecture",
    ]


def test_digital_assets_certificate_is_open_to_non_matriculated_students(kb):
    eligibility = kb.program("sjsu-digital-assets").eligibility

    assert eligibility.non_matriculated is True
    assert eligibility.matriculated is True


@pytest.mark.parametrize("program_id", RARE_BOOK_PROGRAMS)
def test_rare_book_certificates_take_five_courses_that_vary_by_year(kb, program_id):
    structure = kb.program(program_id).structure

    assert structure.courses == 5
    assert structure.courses_vary_by_year is True


def test_only_calrbs_courses_are_said_to_last_five_days(kb):
    for program_id in CALRBS_PROGRAMS:
        assert "five days" in kb.program(program_id).structure.course_length
    assert kb.program("rbs-certificate").structure.course_length == "unknown"


def test_landscape_counts_39_accredited_programs_and_24_fully_online(kb):
    landscape = kb.landscape

    assert landscape.accredited_programs_with_post_masters_certificates == 39
    assert landscape.fully_online == 24
    assert landscape.accreditor == "American Library Association"
    assert "ALA" in landscape.where_to_look


# -- finding programs ------------------------------------------------------


def test_find_programs_by_topic_ranks_own_topic_above_pathway_and_course_topics(kb):
    matches = kb.find_programs(topics=["data-science"])

    assert [match.program.id for match in matches] == ["arizona-data-science", "sjsu-post-masters"]
    own, pathway = matches
    assert own.score > pathway.score
    assert own.reasons == ("a certificate in data science",)
    assert pathway.reasons == ("its Data Science pathway covers data science",)


def test_a_course_topic_is_the_weakest_match(kb):
    matches = kb.find_programs(topics=["rare-books", "preservation"])

    ranked = [(match.program.id, match.score) for match in matches]
    assert ranked == [
        ("calrbs-rare-books-manuscripts", 4),
        ("rbs-certificate", 3),
        ("calrbs-critical-librarianship", 1),
    ]
    assert matches[-1].reasons == ("its courses cover preservation",)


def test_find_programs_by_provider(kb):
    matches = kb.find_programs(provider="calrbs")

    assert [match.program.id for match in matches] == list(CALRBS_PROGRAMS)
    assert all(match.reasons == ("awarded by California Rare Book School",) for match in matches)
    assert kb.find_programs(provider="calrbs", topics=["data-science"]) == ()


def test_find_programs_by_goal(kb):
    matches = kb.find_programs(goals=["special-collections"])

    assert [match.program.id for match in matches] == ["calrbs-rare-books-manuscripts", "rbs-certificate"]
    assert matches[0].reasons == ("fits your goal: work with rare books, special or archival materials",)


def test_topics_and_goals_add_up(kb):
    matches = kb.find_programs(topics=["data-science"], goals=["technical-skills"])

    assert [(match.program.id, match.score) for match in matches] == [
        ("arizona-data-science", 5),
        ("sjsu-post-masters", 4),
        ("arizona-nlp", 2),
    ]


def test_find_programs_is_deterministic_and_does_not_mutate(kb):
    before = [program.json() for program in kb.programs]

    first = kb.find_programs(topics=["rare-books", "web-programming"], goals=["document-training"])
    second = kb.find_programs(topics=["rare-books", "web-programming"], goals=["document-training"])

    assert first == second
    assert isinstance(first, tuple)
    assert [program.json() for program in kb.programs] == before
    with pytest.raises(TypeError):
        kb.programs[0].name = "changed"


# -- advice ----------------------------------------------------------------


@pytest.mark.parametrize("program_id", ["arizona-data-science", "arizona-nlp"])
def test_prerequisite_advice_for_technical_program_mentions_undergrad_or_online_courses(kb, program_id):
    answer = kb.prerequisites_for(program_id=program_id)

    assert answer.technical is True
    assert any("undergraduate or online courses" in item.advice for item in answer.advice)


def test_web_programming_pathway_brings_the_javascript_warning(kb):
    answer = kb.prerequisites_for(program_id="sjsu-post-masters")

    assert any("JavaScript" in item.advice for item in answer.advice)


@pytest.mark.parametrize("program_id", RARE_BOOK_PROGRAMS)
def test_rare_books_programs_have_no_invented_prerequisite_advice(kb, program_id):
    answer = kb.prerequisites_for(program_id=program_id)

    assert answer.technical is False
    assert answer.advice == ()


# -- comparing and naming --------------------------------------------------


def test_compare_two_programs(kb):
    comparison = kb.compare("calrbs-rare-books-manuscripts", "rbs-certificate")

    assert comparison.first.provider.name == "California Rare Book School"
    assert comparison.second.provider.name == "Rare Book School"
    assert comparison.first.cost.tuition.certificate_total_usd == 6000
    assert comparison.second.cost.tuition.certificate_total_usd == 6975
    assert comparison.first.program.structure.courses == comparison.second.program.structure.courses == 5
    assert "rare books" in comparison.first.topic_labels
    assert "bookbinding" in comparison.second.topic_labels


def test_comparing_programs_without_prices_keeps_both_unknown(kb):
    comparison = kb.compare("arizona-data-science", "sjsu-post-masters")

    assert not comparison.first.cost.known
    assert not comparison.second.cost.known


@pytest.mark.parametrize(
    "kind, mention, expected",
    [
        ("provider", "SJSU", "sjsu"),
        ("provider", "San Jose State", "sjsu"),
        ("provider", "san josé state university", "sjsu"),
        ("provider", "CalRBS", "calrbs"),
        ("provider", "UCLA", "calrbs"),
        ("provider", "RBS", "rbs"),
        ("provider", "UVA", "rbs"),
        ("provider", "U of A", "arizona"),
        ("provider", "u of a", "arizona"),
        ("program", "NLP certificate", "arizona-nlp"),
        ("program", "nlp CERTIFICATE", "arizona-nlp"),
        ("program", "Foundations of Data Science", "arizona-data-science"),
        ("program", "DAM certificate", "sjsu-digital-assets"),
        ("topic", "NLP", "nlp"),
        ("goal", "career change", "change-direction"),
    ],
)
def test_resolve_aliases_people_type(kb, kind, mention, expected):
    assert kb.resolve(kind, mention) == expected


def test_no_phrase_names_two_different_things(kb):
    meanings: Dict[str, Set[Tuple[str, str]]] = defaultdict(set)
    named = [
        *(("program", p.id, (p.name, *p.aliases)) for p in kb.programs),
        *(("provider", p.id, (p.name, *p.aliases)) for p in kb.providers),
        *(("topic", t.id, (t.label, *t.synonyms)) for t in kb.topics),
        *(("goal", g.id, (g.label, *g.phrases)) for g in kb.goals),
    ]
    for kind, entry_id, names in named:
        for name in names:
            meanings[name.casefold()].add((kind, entry_id))

    ambiguous = {name: sorted(found) for name, found in meanings.items() if len(found) > 1}
    assert ambiguous == {}


def test_resolve_returns_none_for_names_it_does_not_know(kb):
    assert kb.resolve("provider", "Harvard") is None
    assert kb.resolve("program", "") is None
    assert kb.resolve("program", None) is None


# -- the data against the article -----------------------------------------

# One phrase from the paragraph each passage points at, to catch a passage
# whose paragraph number has drifted from the article.
PASSAGE_ANCHORS = {
    "introduction": "master’s degree in library science",
    "information-schools": "focused certificates",
    "arizona-certificates": "University of Arizona",
    "arizona-growth": "started in 2021",
    "sjsu-post-masters": "Post-Master’s Certificate",
    "sjsu-digital-assets": "Digital Assets Management Certificate",
    "rare-book-schools": "California Rare Book School",
    "tuition-and-funding": "$1,200",
    "worth-it-data-science": "Is it worth it?",
    "worth-it-post-masters": "metadata librarian at Florida Southern College",
    "web-programming-pathway": "Web Programming and Information Architecture",
    "prerequisites": "undergrad or online courses",
    "investment": "investment of time",
    "landscape": "39",
}


def _sources(record: Any, path: str = "") -> Iterator[Tuple[str, str]]:
    """Every (where, passage id) a record cites, nested records included."""
    if isinstance(record, BaseModel):
        for name, value in record:
            where = f"{path}.{name}" if path else name
            if name in ("source", "funding_source") and value is not None:  # optional where nothing is said
                yield where, value
            else:
                yield from _sources(value, where)
    elif isinstance(record, tuple):
        for index, value in enumerate(record):
            yield from _sources(value, f"{path}.{index}")


def test_every_source_points_at_a_passage_of_the_article(kb, article_paragraphs):
    passages = {passage.id: passage for passage in kb.passages}
    records = [kb.landscape, *kb.providers, *kb.goals, *kb.programs, *kb.advice, *kb.worth_it]
    cited = [
        (getattr(record, "id", "landscape"), where, source)
        for record in records
        for where, source in _sources(record)
    ]

    assert cited, "no sources found"
    for entry, where, source in cited:
        assert source in passages, f"{entry}.{where} cites unknown passage '{source}'"
    for passage in kb.passages:
        assert 1 <= passage.paragraph <= len(article_paragraphs), passage.id
        anchor = PASSAGE_ANCHORS.get(passage.id)
        if anchor is not None:
            assert anchor in article_paragraphs[passage.paragraph - 1], (
                f"passage '{passage.id}' says paragraph {passage.paragraph}, "
                f"which does not contain {anchor!r}"
            )
    assert "After the MLIS" in kb.cite("tuition-and-funding")


NUMBER_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
    8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve",
}
# `paragraph` locates a passage in the article; it is not a fact from it.
LOCATOR_FIELDS = {"paragraph"}


def _numbers_in(value: Any, where: str) -> Iterator[Tuple[str, int]]:
    """Every number written in a YAML value: integers, and digits inside text."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in LOCATOR_FIELDS:
                yield from _numbers_in(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _numbers_in(item, f"{where}[{index}]")
    elif isinstance(value, bool):
        return
    elif isinstance(value, (int, float)):
        yield where, int(value)
    elif isinstance(value, str):
        for digits in re.findall(r"\d[\d,]*\d|\d", value):
            yield where, int(digits.replace(",", ""))


def _yaml_numbers() -> List[Tuple[str, int]]:
    found = []
    for path in sorted(DEFAULT_DIRECTORY.glob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found.extend(_numbers_in(content, path.name))
    return found


def _article_states(number: int, article_text: str) -> bool:
    plain = re.sub(r"(?<=\d),(?=\d)", "", article_text)
    if re.search(rf"(?<![\d.]){number}(?![\d])", plain):
        return True
    word = NUMBER_WORDS.get(number)
    return word is not None and re.search(rf"\b{word}\b", article_text, re.IGNORECASE) is not None


def test_no_number_in_the_data_is_missing_from_the_article(article_text):
    numbers = _yaml_numbers()
    found = {number for _, number in numbers}

    missing = [
        f"{where} = {number}" for where, number in numbers if not _article_states(number, article_text)
    ]
    assert missing == [], "numbers the article does not state:\n" + "\n".join(missing)
    assert {1200, 1395, 39, 24, 2021, 5} <= found, "the guard no longer sees the data's numbers"


def test_certificate_totals_are_derived_not_typed(kb, article_text):
    typed = "\n".join(path.read_text(encoding="utf-8") for path in sorted(DEFAULT_DIRECTORY.glob("*.yml")))
    totals = [
        provider.tuition.certificate_total_usd for provider in kb.providers if provider.tuition != "unknown"
    ]

    assert sorted(totals) == [6000, 6975]
    for total in totals:
        assert str(total) not in typed and f"{total:,}" not in typed
        assert not _article_states(total, article_text), "the article now states this total; type it instead"
