"""The NLU names exported from the knowledge base."""
from __future__ import annotations

import yaml

from knowledge import load_knowledge_base
from knowledge.nlu_export import DEFAULT_OUTPUT, render_nlu


def test_the_committed_generated_file_matches_the_knowledge_base():
    assert DEFAULT_OUTPUT.read_text(encoding="utf-8") == render_nlu(load_knowledge_base()), (
        "run `python -m knowledge.nlu_export` (make train does) and commit the result"
    )


def test_every_alias_becomes_a_synonym_of_its_id():
    kb = load_knowledge_base()
    data = yaml.safe_load(render_nlu(kb))["nlu"]
    synonyms = {block["synonym"]: block["examples"] for block in data if "synonym" in block}
    assert "- CalRBS" in synonyms["calrbs"]
    assert "- NLP certificate" in synonyms["arizona-nlp"]
    lookups = {block["lookup"] for block in data if "lookup" in block}
    assert lookups == {"program", "institution", "topic", "goal"}
