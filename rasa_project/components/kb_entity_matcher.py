"""Recognise knowledge-base names in messages with spaCy's PhraseMatcher.

At training time the component reads the knowledge base and stores every
program name and alias, institution alias, topic synonym and goal phrase as a
pattern inside the model. At run time it matches them on lower-cased lemmas, so
"rare book", "Rare Books" and "CalRBS" are found even in sentences the intent
classifier never saw, and emits entities whose value is the knowledge-base id.
Adding a program to the YAML and retraining is enough for it to be recognised.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Dict, List, Optional, Text, Tuple, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

PATTERNS_FILE = "patterns.json"

# Words that point into the last list the bot showed ("the second one").
ORDINALS = {
    "first": "1", "1st": "1", "second": "2", "2nd": "2", "third": "3", "3rd": "3",
    "fourth": "4", "4th": "4", "fifth": "5", "5th": "5", "last": "last", "latter": "last",
    "former": "1", "top": "1",
}

Pattern = Tuple[str, str, str]  # (entity, value, phrase)


def patterns_from_knowledge_base(knowledge_dir: Optional[str]) -> List[Pattern]:
    """Every phrase the knowledge base knows, as (entity, knowledge-base id, phrase)."""
    from pathlib import Path

    from knowledge import load_knowledge_base

    kb = load_knowledge_base(Path(knowledge_dir) if knowledge_dir else None)
    patterns: List[Pattern] = []
    for program in kb.programs:
        patterns += [("program", program.id, name) for name in (program.name, *program.aliases)]
    for provider in kb.providers:
        patterns += [("institution", provider.id, name) for name in (provider.name, *provider.aliases)]
    for topic in kb.topics:
        patterns += [("topic", topic.id, name) for name in (topic.label, *topic.synonyms)]
    for goal in kb.goals:
        patterns += [("goal", goal.id, phrase) for phrase in goal.phrases]
    patterns += [("ordinal", value, word) for word, value in ORDINALS.items()]
    return patterns


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True, model_from="SpacyNLP"
)
class KnowledgeBaseEntityMatcher(GraphComponent, EntityExtractorMixin):
    """Entity extractor for program, institution, topic, goal and ordinal mentions."""

    @classmethod
    def required_components(cls) -> List[Type]:
        return [SpacyNLP]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # knowledge_dir: folder of the knowledge base YAML; None means the shipped one.
        return {"knowledge_dir": None}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["spacy"]

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        patterns: Optional[List[Pattern]] = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._patterns: List[Pattern] = patterns or []
        self._matcher = None
        self._matcher_vocab = None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "KnowledgeBaseEntityMatcher":
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "KnowledgeBaseEntityMatcher":
        try:
            with model_storage.read_from(resource) as directory:
                raw = json.loads((directory / PATTERNS_FILE).read_text(encoding="utf-8"))
        except (ValueError, OSError):
            logger.warning("No knowledge-base patterns in the model; entity matching is off.")
            raw = []
        return cls(config, model_storage, resource, [tuple(item) for item in raw])

    def train(self, training_data: TrainingData, model: SpacyModel) -> Resource:
        """Read the knowledge base and store its phrases in the model."""
        self._patterns = patterns_from_knowledge_base(self._config.get("knowledge_dir"))
        with self._model_storage.write_to(self._resource) as directory:
            (directory / PATTERNS_FILE).write_text(json.dumps(self._patterns), encoding="utf-8")
        return self._resource

    def process_training_data(self, training_data: TrainingData, model: SpacyModel) -> TrainingData:
        return training_data

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        """Add the knowledge-base entities found in each message."""
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            entities = self.add_extractor_name(self.find_entities(text, model.model))
            if entities:
                message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages

    def find_entities(self, text: str, nlp: Any) -> List[Dict[Text, Any]]:
        """Entities (start, end, value = knowledge-base id) for every phrase found in ``text``."""
        from spacy.util import filter_spans

        lowered = text.lower()
        # str.lower() can change the length of a few characters; keep offsets true.
        doc = nlp(lowered if len(lowered) == len(text) else text)
        matcher = self._matcher_for(nlp)
        spans = [doc[start:end] for _, start, end in matcher(doc)]
        values = {}
        for match_id, start, end in matcher(doc):
            values.setdefault((start, end), nlp.vocab.strings[match_id])
        entities = []
        for span in filter_spans(spans):
            entity, value = values[(span.start, span.end)].split("\t", 1)
            entities.append(
                {
                    "entity": entity,
                    "value": value,
                    "start": span.start_char,
                    "end": span.end_char,
                    "text": text[span.start_char : span.end_char],
                    "confidence_entity": 1.0,
                }
            )
        return entities

    def _matcher_for(self, nlp: Any) -> Any:
        if self._matcher is None or self._matcher_vocab is not nlp.vocab:
            from spacy.matcher import PhraseMatcher

            matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
            grouped: Dict[str, List[str]] = {}
            for entity, value, phrase in self._patterns:
                grouped.setdefault(f"{entity}\t{value}", []).append(phrase.lower())
            for key, phrases in grouped.items():
                matcher.add(key, list(nlp.pipe(phrases)))
            self._matcher, self._matcher_vocab = matcher, nlp.vocab
        return self._matcher
