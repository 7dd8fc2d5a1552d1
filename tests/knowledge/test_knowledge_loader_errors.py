"""A broken knowledge base fails loudly, and says where.

Each test copies the shipped ``knowledge/data`` into a temporary folder, breaks
one thing the way a hurried edit might, and checks that loading fails with a
``KnowledgeBaseError`` naming the file, the entry and (where there is one) the
field. The last tests show the other side: a program added in YAML alone is
found, priced and named without any code change.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Dict

import pytest
import yaml

from knowledge import DEFAULT_DIRECTORY, KnowledgeBaseError, Problem, load_knowledge_base

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the shipped data, safe to break."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    return target


def replace_text(directory: Path, file: str, old: str, new: str) -> None:
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_yaml(directory: Path, file: str, change: Callable[[Dict[str, Any]], None]) -> None:
    path = directory / file
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")


def entry(content: Dict[str, Any], collection: str, entry_id: str) -> Dict[str, Any]:
    return next(item for item in content[collection] if item["id"] == entry_id)


def edit_entry(
    directory: Path, file: str, collection: str, entry_id: str, change: Callable[[Dict[str, Any]], Any]
) -> None:
    """Apply ``change`` to one entry of one file, by id."""
    edit_yaml(directory, file, lambda content: change(entry(content, collection, entry_id)))


def load_error(directory: Path) -> KnowledgeBaseError:
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base(directory)
    return caught.value


def assert_reported(error: KnowledgeBaseError, file: str, entry_id: Any, field: Any, words: str) -> Problem:
    """The error holds a problem at this place, and its message says so to a reader."""
    problem = next(
        (p for p in error.problems if (p.file, p.entry, p.field) == (file, entry_id, field)),
        None,
    )
    assert problem is not None, f"no problem at {file}/{entry_id}/{field} in:\n{error}"
    assert words in problem.message
    message = str(error)
    assert file in message
    if entry_id is not None:
        assert f"entry '{entry_id}'" in message
    if field is not None:
        assert f"field '{field}'" in message
    return problem


# -- broken files ----------------------------------------------------------


def test_bad_yaml_syntax_names_the_file_and_the_line(data_dir):
    broken = "    aliases: [legal information certificate, Arizona legal information, law certificate"
    replace_text(data_dir, "programs.yml", broken + "]", broken)
    line = 1 + (data_dir / "programs.yml").read_text(encoding="utf-8").splitlines().index(broken)

    error = load_error(data_dir)

    # A file that does not parse has no entries yet: the line number points at the
    # entry (YAML notices the missing bracket on the line after it).
    problem = assert_reported(error, "programs.yml", None, None, "not valid YAML")
    assert f"line {line}," in problem.message or f"line {line + 1}," in problem.message


def test_missing_required_field(data_dir):
    edit_entry(data_dir, "programs.yml", "programs", "arizona-nlp", lambda e: e.pop("summary"))

    error = load_error(data_dir)

    assert_reported(error, "programs.yml", "arizona-nlp", "summary", "field required")


def test_entry_without_an_id_is_named_by_its_position(data_dir):
    edit_yaml(data_dir, "goals.yml", lambda c: c["goals"][2].pop("id"))

    error = load_error(data_dir)

    assert_reported(error, "goals.yml", "goals[2]", "id", "field required")


def test_wrong_type(data_dir):
    edit_entry(
        data_dir, "providers.yml", "providers", "calrbs", lambda e: e["tuition"].update(per_course_usd="a lot")
    )

    error = load_error(data_dir)

    assert_reported(error, "providers.yml", "calrbs", "tuition.per_course_usd", "not a valid integer")


def test_value_outside_the_allowed_choices(data_dir):
    edit_entry(
        data_dir, "programs.yml", "programs", "rbs-certificate", lambda e: e.update(credential="diploma")
    )

    error = load_error(data_dir)

    assert_reported(error, "programs.yml", "rbs-certificate", "credential", "permitted")


def test_duplicate_program_id(data_dir):
    def copy_under_the_same_id(content):
        original = entry(content, "programs", "arizona-nlp")
        twin = dict(original, name="Another NLP Certificate", aliases=["other nlp"])
        content["programs"].append(twin)

    edit_yaml(data_dir, "programs.yml", copy_under_the_same_id)

    error = load_error(data_dir)

    assert_reported(error, "programs.yml", "arizona-nlp", "id", "duplicate id in 'programs'")


def test_unknown_topic_reference_in_a_program(data_dir):
    edit_entry(
        data_dir, "programs.yml", "programs", "arizona-nlp", lambda e: e["topics"].append("basket-weaving")
    )

    error = load_error(data_dir)

    assert_reported(error, "programs.yml", "arizona-nlp", "topics", "unknown topic id 'basket-weaving'")


def test_unknown_topic_in_a_pathway_names_the_pathway(data_dir):
    edit_entry(
        data_dir, "programs.yml", "programs", "sjsu-post-masters",
        lambda e: e["pathways"][3].update(topics=["web-programing"]),
    )

    error = load_error(data_dir)

    assert_reported(error, "programs.yml", "sjsu-post-masters", "pathways.3.topics", "'web-programing'")


def test_what_a_pathway_teaches_needs_its_source(data_dir):
    edit_entry(data_dir, "programs.yml", "programs", "sjsu-post-masters", lambda e: e["pathways"][3].pop("source"))

    error = load_error(data_dir)

    assert_reported(error, "programs.yml", "sjsu-post-masters", "pathways.3.source", "required where 'covers' is given")


def test_unknown_provider(data_dir):
    edit_entry(
        data_dir, "programs.yml", "programs", "rbs-certificate", lambda e: e.update(provider="harvard")
    )

    error = load_error(data_dir)

    assert_reported(error, "programs.yml", "rbs-certificate", "provider", "unknown provider id 'harvard'")


def test_unknown_source_passage(data_dir):
    edit_entry(data_dir, "goals.yml", "goals", "move-up", lambda e: e.update(source="paragraph-99"))

    error = load_error(data_dir)

    assert_reported(error, "goals.yml", "move-up", "source", "unknown passage id 'paragraph-99'")


def test_unknown_source_passage_in_a_price(data_dir):
    edit_entry(
        data_dir, "providers.yml", "providers", "rbs", lambda e: e["tuition"].update(source="price-list")
    )

    error = load_error(data_dir)

    assert_reported(error, "providers.yml", "rbs", "tuition.source", "'price-list'")


def test_duplicate_alias_across_two_programs(data_dir):
    # The alias differs only in case from arizona-nlp's "NLP certificate".
    edit_entry(
        data_dir, "programs.yml", "programs", "arizona-archival-studies",
        lambda e: e["aliases"].append("nlp Certificate"),
    )

    error = load_error(data_dir)

    problem = assert_reported(error, "programs.yml", "arizona-nlp", "aliases", "alias already used")
    assert "arizona-archival-studies" in problem.message


def test_unknown_top_level_collection(data_dir):
    (data_dir / "extra.yml").write_text("programmes:\n  - id: misspelled-collection\n", encoding="utf-8")

    error = load_error(data_dir)

    problem = assert_reported(error, "extra.yml", None, "programmes", "unknown collection")
    assert "programs" in problem.message


def test_unknown_extra_field_is_a_typo_not_ignored(data_dir):
    def misspell(program):
        program["sumary"] = program.pop("summary")

    edit_entry(data_dir, "programs.yml", "programs", "sjsu-digital-assets", misspell)

    error = load_error(data_dir)

    assert_reported(error, "programs.yml", "sjsu-digital-assets", "sumary", "extra fields not permitted")
    assert_reported(error, "programs.yml", "sjsu-digital-assets", "summary", "field required")


def test_every_problem_is_reported_at_once(data_dir):
    edit_entry(data_dir, "programs.yml", "programs", "arizona-nlp", lambda e: e.pop("summary"))
    edit_yaml(data_dir, "topics.yml", lambda c: c["topics"][0].pop("label"))

    error = load_error(data_dir)

    assert {problem.file for problem in error.problems} == {"programs.yml", "topics.yml"}


def test_an_empty_folder_is_an_error(tmp_path):
    error = load_error(tmp_path)

    assert "no *.yml files found" in str(error)


def test_unknown_funding_source_of_the_landscape(data_dir):
    replace_text(data_dir, "landscape.yml", "funding_source: tuition-and-funding", "funding_source: nowhere")

    error = load_error(data_dir)

    assert_reported(error, "landscape.yml", "landscape", "funding_source", "'nowhere'")


def test_a_second_programs_key_in_one_file_is_an_error(data_dir):
    with (data_dir / "programs.yml").open("a", encoding="utf-8") as file:
        file.write(
            "\nprograms:\n  - id: late-addition\n    name: Late Addition\n    aliases: []\n"
            "    provider: rbs\n    credential: certificate\n    topics: [rare-books]\n"
            "    summary: Appended under a second programs key.\n    source: rare-book-schools\n"
        )

    error = load_error(data_dir)

    assert "programs" in str(error)


# -- adding data without code ---------------------------------------------

INVENTED_PROGRAM = """\
# An invented program, only to show that the code needs no change for new data.
providers:
  - id: north-pole-university
    name: North Pole University
    school: School of Winter Studies
    aliases: [NPU, North Pole U]
    tuition:
      per_course_usd: 900
      applies_to: an NPU course
      courses_for_certificate: 4
      rule: The certificate requires four times the single-course tuition.
      source: tuition-and-funding
    funding:
      traditional_financial_aid: unknown
      departmental_funding: unknown
      scholarships: unknown
      source: tuition-and-funding
    source: landscape

topics:
  - {id: puppetry, label: puppetry, synonyms: [puppetry, puppet theatre, marionettes]}

programs:
  - id: npu-puppetry
    name: Graduate Certificate in Puppetry Collections
    aliases: [puppetry certificate, NPU puppetry]
    provider: north-pole-university
    credential: graduate_certificate
    topics: [puppetry]
    course_topics: [preservation]
    goals: [special-collections]
    summary: An invented program used by the tests.
    source: landscape
"""


def test_a_new_program_added_in_yaml_is_found_without_code_changes(data_dir):
    (data_dir / "extra.yml").write_text(INVENTED_PROGRAM, encoding="utf-8")

    kb = load_knowledge_base(data_dir)

    assert len(kb.programs) == len(load_knowledge_base().programs) + 1
    assert [match.program.id for match in kb.find_programs(topics=["puppetry"])] == ["npu-puppetry"]
    assert "npu-puppetry" in [match.program.id for match in kb.find_programs(goals=["special-collections"])]
    by_provider = kb.find_programs(provider="north-pole-university")
    assert [match.program.id for match in by_provider] == ["npu-puppetry"]
    assert kb.resolve("program", "Puppetry Certificate") == "npu-puppetry"
    assert kb.resolve("provider", "npu") == "north-pole-university"
    assert kb.resolve("topic", "marionettes") == "puppetry"
    cost = kb.cost_of("npu-puppetry")
    assert cost.tuition.per_course_usd == 900
    assert cost.tuition.certificate_total_usd == 3600
    assert kb.prerequisites_for(program_id="npu-puppetry").advice == ()


def test_a_new_program_is_checked_like_the_others(data_dir):
    misspelled = INVENTED_PROGRAM.replace("topics: [puppetry]", "topics: [puppets]")
    (data_dir / "extra.yml").write_text(misspelled, encoding="utf-8")

    error = load_error(data_dir)

    assert_reported(error, "extra.yml", "npu-puppetry", "topics", "unknown topic id 'puppets'")


# -- the command librarians run -------------------------------------------


def run_validator(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "knowledge", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_validator_command_accepts_the_shipped_data():
    result = run_validator()

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Knowledge base OK")
    assert run_validator(str(DEFAULT_DIRECTORY)).returncode == 0


def test_validator_command_fails_with_file_entry_and_field(data_dir):
    edit_entry(data_dir, "programs.yml", "programs", "arizona-nlp", lambda e: e.pop("summary"))

    result = run_validator(str(data_dir))

    assert result.returncode == 1
    assert "Knowledge base OK" not in result.stdout
    assert "programs.yml, entry 'arizona-nlp', field 'summary': field required" in result.stderr
