"""The knowledge-base entity matcher as training builds it: the knowledge base's phrases and the
words of the project's NLU examples, without training a model."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa_project.components.kb_entity_matcher import KnowledgeBaseEntityMatcher, known_words, patterns_from_knowledge_base

ROOT = Path(__file__).resolve().parents[2]
SPACY_PIPELINE = ROOT / ".cache" / "spacy" / "en_advisor"


def trained_matcher(nlp: Any) -> KnowledgeBaseEntityMatcher:
    from rasa.shared.nlu.training_data.loading import load_data

    patterns = patterns_from_knowledge_base(None)
    examples = [m.get("text") for m in load_data(str(ROOT / "rasa_project" / "data" / "nlu")).training_examples]
    texts = [text for text in examples if text]
    return KnowledgeBaseEntityMatcher({}, None, None, patterns,
                                      sorted(known_words(texts, nlp, [phrase for _, _, phrase in patterns])))
