"""Recognise knowledge-base names and question words in messages with spaCy.

At training time the component reads the knowledge base and stores as patterns
inside the model: every program name and alias, institution alias, person name,
topic synonym and goal phrase (entities ``program``, ``institution``, ``person``,
``topic``, ``goal``), and the vocabulary's words for attributes and operations
(``attribute``: "how much" asks for ``cost``; ``operation``: "cheapest" is
``rank_min:cost``). At run time it matches them on lower-cased lemmas, so "rare
book", "Rare Books" and "CalRBS" are found even in sentences the intent
classifier never saw, and emits entities whose value is the knowledge-base id.
Names and question words are matched separately, so "teaching" can be both a
topic and a word asking what a program covers.

Misspelled names ("Rare Bok School", "Roman Palacios") are found by fuzzy
matching (rapidfuzz) of the words no exact pattern covered against the names of
programs, institutions, people and topics of the same length in words. Money
amounts ("$5,000", "5k") become ``amount`` entities in whole dollars.

The component also keeps the words of the training examples and of the knowledge
base. A word in neither is *unknown*: a near miss of a question word ("tution",
"schlarships", "in persn") is read as that word, names made only of unknown words
may be further from the name ("lynda mane"), and the unknown words left over become
``unknown_word`` entities, so that "does drexel offer a certificate?" is not read as
"list every certificate".
Adding a program to the YAML and retraining is enough for it to be recognised.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
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
KNOWN_WORDS_FILE = "known_words.json"

# Words that point into the last list the bot showed ("the second one").
ORDINALS = {
    "first": "1", "1st": "1", "second": "2", "2nd": "2", "third": "3", "3rd": "3",
    "fourth": "4", "4th": "4", "fifth": "5", "5th": "5", "last": "last", "latter": "last",
    "former": "1", "top": "1",
}

Pattern = Tuple[str, str, str]  # (entity, value, phrase)

NAME_ENTITIES = ("program", "institution", "person", "topic", "goal", "ordinal")
# Each group is matched on its own: one span may be a name, an attribute and an operation at once.
# Operations are matched on the words as typed: a lemma would make "long" match "longest".
MATCH_GROUPS = (NAME_ENTITIES, ("attribute",), ("operation",), ("credential",))
# Other ways of writing a kind of credential ("the post masters one").
CREDENTIAL_VARIANTS = {"post_masters_certificate": ("post masters", "post-masters", "post master's", "post-master's")}
MATCH_ATTRIBUTES = {("operation",): "LOWER"}
# Fuzzy matching: which names, how alike (rapidfuzz ratio, 0-100), and how long a
# word must be before a near miss counts (short words are too often other words).
FUZZY_ENTITIES = ("program", "institution", "person", "topic")
FUZZY_MIN_SCORE = 86
FUZZY_MIN_WORD_SCORE = 70
SOFT_ENTITIES = ("topic", "goal", "ordinal")
FUZZY_MIN_CHARS = 5
# A window made only of words never seen in training may be further from a name ("lynda mane").
FUZZY_UNKNOWN_MIN_SCORE = 78
# Question words: only unknown words are compared, and only closely ("tution" is "tuition").
FUZZY_QUESTION_ENTITIES = ("attribute", "operation", "credential")
FUZZY_QUESTION_MIN_SCORE = 85
UNKNOWN_MIN_CHARS = 3

_AMOUNT = re.compile(
    r"(?:\$\s?(?P<dollars>\d[\d,]*(?:\.\d+)?)\s*(?P<k1>k|thousand)?)"
    r"|(?:\b(?P<plain>\d[\d,]*(?:\.\d+)?)\s*(?P<k2>k\b|thousand\b|dollars?\b|usd\b|bucks\b))"
    # A bare number after a price word: "under 7000", "budget of 3000".
    r"|(?:\b(?:under|below|over|above|than|within|max|maximum|budget|budget of|budget is|up to|cost|costs|had|have|got|spend|afford|least)\s+"
    r"(?:about |around |roughly |maybe |like |only |just |nearly |almost )?(?P<bare>\d{1,3}(?:,\d{3})+|\d{3,})\b)"
    # A bare number before what it is for: "6500 saved up for pd", "4000 for training".
    r"|(?:\b(?P<set_aside>\d{3,}(?:,\d{3})*)\s+(?:saved|in savings|to spend|set aside|for (?:pd|training|ce|"
    r"professional development|tuition|a certificate|courses))\b)"
    # A bare number before a bound: "6000 or more", "7000 or less".
    r"|(?:\b(?P<bounded>\d{3,}(?:,\d{3})*)\s+(?:or (?:more|less|under|over|above|below|cheaper|higher|lower)|and (?:up|under|over|above|below))\b)",
    re.IGNORECASE,
)


def _another_word_of_the_family(typed: str, name: str) -> bool:
    """Whether a word is the start of a longer name, or a name the start of it, a few letters apart:
    a different word of the same family ("librarians", "librarianship"), not a slip of the keyboard."""
    stem = typed[:-1] if typed.endswith("s") else typed
    return abs(len(name) - len(typed)) >= 3 and (name.startswith(stem) or typed.startswith(name))


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
        # "sjsus 2", "uclas certs": a school's abbreviation made possessive without the apostrophe.
        patterns += [("institution", provider.id, name + "s") for name in provider.aliases
                     if name.isupper() and " " not in name and not name.endswith("S")]
    for topic in kb.topics:
        patterns += [("topic", topic.id, name) for name in (topic.label, *topic.synonyms)]
    for goal in kb.goals:
        patterns += [("goal", goal.id, phrase) for phrase in goal.phrases]
    for person in kb.people:
        patterns += [("person", person.id, name) for name in (person.name, *person.aliases)]
    # "Rare Books & Manuscripts": every name written with "and" is also matched with "&".
    patterns += [(entity, value, name.replace(" and ", " & ")) for entity, value, name in list(patterns) if " and " in name]
    patterns += [("ordinal", value, word) for word, value in ORDINALS.items()]
    for attribute in kb.attributes:
        patterns += [("attribute", attribute.id, phrase) for phrase in attribute.phrases]
    from knowledge.records import CREDENTIAL_LABELS

    for credential, label in CREDENTIAL_LABELS.items():
        if credential != "certificate":  # "certificate" alone names no kind
            patterns += [("credential", credential, phrase) for phrase in (label, *CREDENTIAL_VARIANTS.get(credential, ()))]
    for operation in kb.operations:
        value = f"{operation.id}:{operation.attribute}" if operation.attribute else operation.id
        patterns += [("operation", value, phrase) for phrase in operation.phrases]
    return patterns


def fold(text: str) -> str:
    """Lower case without accents, for comparing names ("Román" and "roman")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _aligned(typed: str, name: str) -> bool:
    """Whether each word typed is a near miss of the name's word in the same place: "rare bok
    school" is "rare book school", but "post-master's certificates" is not "SJSU post-master's",
    however alike the two strings are as a whole."""
    from rapidfuzz import fuzz

    typed_words, name_words = typed.replace("-", " ").split(), name.replace("-", " ").split()
    return len(typed_words) == len(name_words) and all(
        fuzz.ratio(a, b) >= FUZZY_MIN_WORD_SCORE for a, b in zip(typed_words, name_words))


def known_words(texts: List[str], nlp: Any, phrases: List[str] = ()) -> frozenset:
    """The lower-cased words and lemmas of ``texts`` (training examples) and ``phrases`` (the
    knowledge base's). A word the examples only ever capitalise inside a sentence is a name, not a
    known word: "I'm enrolled at Drexel" does not make "drexel" a school of ours."""
    words, names = set(), set()
    unaccented = ("".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
                  for text in (*texts, *phrases))
    for index, doc in enumerate(nlp.pipe(unaccented)):
        from_example = index < len(texts)
        for token in doc:
            if not token.is_alpha:
                continue
            if from_example and token.i > 0 and token.text[:1].isupper() and token.text.lower() != "i":
                names.add(token.lower_)
                continue
            words.add(token.lower_)
            words.add(token.lemma_.lower())
    return frozenset(words)


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_WORD_AMOUNT = re.compile(rf"\b(?P<thousands>{'|'.join(_NUMBER_WORDS)})\s+thousand(?:\s+(?:and\s+)?(?P<hundreds>"
                          rf"{'|'.join(list(_NUMBER_WORDS)[:9])})\s+hundred)?\b", re.IGNORECASE)


# A range of bare numbers: "between 6500 and 7000", "from 5000 to 7000", "6000-7000" (not years: "2019-2021").
_RANGE = re.compile(r"(?:\b(?:between|from)\s+\$?(?P<low>\d{3,}(?:,\d{3})*)(?P<k_low>k)?\s*(?:and|to|-)\s*"
                    r"|\b(?P<low2>\d{4,}(?:,\d{3})*)(?P<k_low2>k)?\s*-\s*)\$?(?P<high>\d{3,}(?:,\d{3})*)(?P<k_high>k)?\b",
                    re.IGNORECASE)


def _range_amounts(text: str) -> List[Tuple[int, int, int]]:
    """(value, start, end) of both ends of each price range in ``text``."""
    ends = []
    for match in _RANGE.finditer(text):
        low_group = "low" if match.group("low") else "low2"
        k_low = match.group("k_low") or match.group("k_low2")
        low = int(match.group(low_group).replace(",", "")) * (1000 if k_low else 1)
        high = int(match.group("high").replace(",", "")) * (1000 if match.group("k_high") else 1)
        if 1900 <= low <= 2100 and 1900 <= high <= 2100:
            continue  # years
        ends += [(low, match.start(low_group), match.end(low_group)), (high, match.start("high"), match.end("high"))]
    return ends


def amounts_in(text: str) -> List[Dict[Text, Any]]:
    """Money amounts in whole dollars: "$5,000", "$5k", "5000 dollars", "5 thousand", both ends of "between 6500 and 7000"."""
    found = []
    for match in _AMOUNT.finditer(text):
        number = match.group("dollars") or match.group("plain") or match.group("bare") or match.group("set_aside") or match.group("bounded")
        try:
            value = float(number.replace(",", ""))
        except ValueError:
            continue
        if match.group("k1") or (match.group("k2") or "").lower() in ("k", "thousand"):
            value *= 1000
        start = match.start("bare") if match.group("bare") else match.start()
        found.append(
            {"entity": "amount", "value": str(int(value)), "start": start, "end": match.end(),
             "text": text[start:match.end()], "confidence_entity": 1.0}
        )
    for match in _WORD_AMOUNT.finditer(text):  # "six thousand five hundred dollars"
        value = _NUMBER_WORDS[match.group("thousands").lower()] * 1000 + (
            _NUMBER_WORDS[match.group("hundreds").lower()] * 100 if match.group("hundreds") else 0)
        found.append({"entity": "amount", "value": str(value), "start": match.start(), "end": match.end(),
                      "text": match.group(0), "confidence_entity": 1.0})
    taken = {int(amount["value"]) for amount in found}
    found += [{"entity": "amount", "value": str(value), "start": start, "end": end, "text": text[start:end],
               "confidence_entity": 1.0} for value, start, end in _range_amounts(text) if value not in taken]
    return found


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True, model_from="SpacyNLP"
)
class KnowledgeBaseEntityMatcher(GraphComponent, EntityExtractorMixin):
    """Entity extractor for knowledge-base names, question words and money amounts."""

    @classmethod
    def required_components(cls) -> List[Type]:
        return [SpacyNLP]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # knowledge_dir: folder of the knowledge base YAML; None means the shipped one.
        return {"knowledge_dir": None}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["spacy", "rapidfuzz"]

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        """The knowledge base's files and this module, so that Rasa's training cache retrains the
        component when they change: its patterns come from them, not from the NLU training data,
        and without this a cached model kept the old names after an edit of the YAML."""
        import hashlib
        from pathlib import Path

        from knowledge import DEFAULT_DIRECTORY

        directory = Path(config.get("knowledge_dir") or DEFAULT_DIRECTORY)
        digest = hashlib.sha256(Path(__file__).read_bytes())
        for path in sorted(directory.glob("*.y*ml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        patterns: Optional[List[Pattern]] = None,
        known_words: Optional[List[str]] = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._patterns: List[Pattern] = patterns or []
        self._matchers: Dict[Tuple[str, ...], Any] = {}
        self._matcher_vocab = None
        self._fuzzy: Optional[Dict[int, Dict[str, Tuple[str, str]]]] = None
        self._fuzzy_questions: Optional[Dict[int, Dict[str, List[Tuple[str, str]]]]] = None
        # Empty (a model trained before this existed): no word is taken for unknown.
        self._known_words = frozenset(known_words or ())

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
        raw: List[Any] = []
        known: List[str] = []
        try:
            with model_storage.read_from(resource) as directory:
                raw = json.loads((directory / PATTERNS_FILE).read_text(encoding="utf-8"))
                known_file = directory / KNOWN_WORDS_FILE
                if known_file.exists():
                    known = json.loads(known_file.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            logger.warning("No knowledge-base patterns in the model; entity matching is off.")
        return cls(config, model_storage, resource, [tuple(item) for item in raw], known)

    def train(self, training_data: TrainingData, model: SpacyModel) -> Resource:
        """Read the knowledge base and store its phrases in the model."""
        self._patterns = patterns_from_knowledge_base(self._config.get("knowledge_dir"))
        texts = [example.get(TEXT) for example in training_data.training_examples if example.get(TEXT)]
        self._known_words = known_words(texts, model.model, [phrase for _, _, phrase in self._patterns])
        with self._model_storage.write_to(self._resource) as directory:
            (directory / PATTERNS_FILE).write_text(json.dumps(self._patterns), encoding="utf-8")
            (directory / KNOWN_WORDS_FILE).write_text(json.dumps(sorted(self._known_words)), encoding="utf-8")
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

        lowered = fold(text)
        # Folding can change the length of a few characters; keep offsets true.
        doc = nlp(lowered if len(lowered) == len(text) else text.lower() if len(text.lower()) == len(text) else text)
        entities = []
        covered: Dict[int, str] = {}
        for group in MATCH_GROUPS:
            matcher = self._matcher_for(nlp, group)
            matches = matcher(doc)
            values = {}
            for match_id, start, end in matches:
                values.setdefault((start, end), nlp.vocab.strings[match_id])
            spans = filter_spans([doc[start:end] for _, start, end in matches])
            if group == ("attribute",):
                # Two ways of asking that only overlap are both asked: "courses are in" and "in person".
                spans += [doc[start:end] for start, end in dict.fromkeys((start, end) for _, start, end in matches)
                          if not any(kept.start <= start and end <= kept.end for kept in spans)
                          and any(kept.start < start < kept.end or kept.start < end < kept.end for kept in spans)]
            for span in spans:
                entity, value = values[(span.start, span.end)].split("\t", 1)
                if group is NAME_ENTITIES:
                    covered.update({index: entity for index in range(span.start, span.end)})
                entities.append(self._entity(entity, value, span.start_char, span.end_char, text))
        fuzzy = self._fuzzy_names(doc, covered, text)
        for found in fuzzy:
            # "critcal librarianship": a near miss of a longer name wins over the topic word inside it.
            entities = [e for e in entities if not (e["entity"] in SOFT_ENTITIES
                                                    and found["start"] <= e["start"] and e["end"] <= found["end"])]
        entities += fuzzy
        unknown = self._unknown_tokens(doc, entities)
        questions = self._fuzzy_questions_in(doc, unknown, text)
        entities += questions
        spelled = {index for found in questions for index in unknown
                   if found["start"] <= doc[index].idx < found["end"]}
        entities += [self._entity("unknown_word", doc[index].lower_, doc[index].idx, doc[index].idx + len(doc[index]), text)
                     for index in sorted(unknown - spelled)]
        entities += amounts_in(text)
        return sorted(entities, key=lambda e: (e["start"], e["entity"]))

    def _unknown_tokens(self, doc: Any, entities: List[Dict[Text, Any]]) -> set:
        """Indexes of the content words that no training example and no knowledge-base phrase
        holds, outside every entity found."""
        if not self._known_words:
            return set()
        inside = [(e["start"], e["end"]) for e in entities]
        return {token.i for token in doc
                if token.is_alpha and len(token) >= UNKNOWN_MIN_CHARS and not token.is_stop
                and token.lower_ not in self._known_words and token.lemma_.lower() not in self._known_words
                and not any(start <= token.idx < end for start, end in inside)}

    def _fuzzy_questions_in(self, doc: Any, unknown: set, text: str) -> List[Dict[Text, Any]]:
        """Question words typed with a slip ("tution", "in persn"): windows holding an unknown
        word compared with the vocabulary's phrases of as many words."""
        from rapidfuzz import fuzz, process

        found: List[Dict[Text, Any]] = []
        if not unknown:
            return found
        taken: set = set()
        by_length = self._fuzzy_question_choices()
        for size in sorted(by_length, reverse=True):
            for start in range(0, len(doc) - size + 1):
                indexes = set(range(start, start + size))
                if not indexes & unknown or indexes & taken:
                    continue
                window = doc[start : start + size]
                candidate = fold(window.text)
                if len(candidate.replace(" ", "")) < FUZZY_MIN_CHARS:
                    continue
                best = process.extractOne(candidate, list(by_length[size]), scorer=fuzz.ratio,
                                          score_cutoff=FUZZY_QUESTION_MIN_SCORE)
                if best is None or not _aligned(candidate, best[0]):
                    continue
                taken |= indexes
                # "cheapst" is both the attribute cost and the operation rank_min:cost, as "cheapest" is.
                found += [self._entity(entity, value, window.start_char, window.end_char, text, best[1] / 100)
                          for entity, value in by_length[size][best[0]]]
        return found

    def _fuzzy_question_choices(self) -> Dict[int, Dict[str, List[Tuple[str, str]]]]:
        if self._fuzzy_questions is None:
            by_length: Dict[int, Dict[str, List[Tuple[str, str]]]] = {}
            for entity, value, phrase in self._patterns:
                folded = fold(phrase).replace("-", " ")
                if entity in FUZZY_QUESTION_ENTITIES and len(folded.replace(" ", "")) >= FUZZY_MIN_CHARS:
                    by_length.setdefault(len(folded.split()), {}).setdefault(folded, []).append((entity, value))
            self._fuzzy_questions = by_length
        return self._fuzzy_questions

    @staticmethod
    def _entity(entity: str, value: str, start: int, end: int, text: str, confidence: float = 1.0) -> Dict[Text, Any]:
        return {"entity": entity, "value": value, "start": start, "end": end,
                "text": text[start:end], "confidence_entity": confidence}

    def _fuzzy_names(self, doc: Any, covered: Dict[int, str], text: str) -> List[Dict[Text, Any]]:
        """Near misses of names in the words no exact pattern matched, longest windows first.

        A window may cover words matched exactly as a topic or goal (``SOFT_ENTITIES``), as long
        as it also covers a word no exact pattern matched: that is how "critcal librarianship"
        beats the topic "librarianship"."""
        from rapidfuzz import fuzz, process

        found: List[Dict[Text, Any]] = []
        by_length = self._fuzzy_choices()
        taken = {index for index, entity in covered.items() if entity not in SOFT_ENTITIES}
        for size in sorted(by_length, reverse=True):
            choices = by_length[size]
            for start in range(0, len(doc) - size + 1):
                indexes = set(range(start, start + size))
                if indexes & taken or indexes <= set(covered):
                    continue
                window = doc[start : start + size]
                if window[0].is_punct or window[-1].is_punct or window[0].is_stop or window[-1].is_stop:
                    continue
                candidate = fold(window.text)
                if len(candidate.replace(" ", "")) < FUZZY_MIN_CHARS:
                    continue
                unseen = size > 1 and self._known_words and all(
                    token.lower_ not in self._known_words for token in window if token.is_alpha)
                cutoff = FUZZY_UNKNOWN_MIN_SCORE if unseen else FUZZY_MIN_SCORE
                best = process.extractOne(candidate, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff)
                if best is None or best[1] >= 100 or not _aligned(candidate, best[0]):
                    continue  # exact names are the phrase matcher's
                if size == 1 and _another_word_of_the_family(candidate, best[0]):
                    continue  # "librarians" is no slip for "librarianship"
                entity, value = choices[best[0]]
                taken |= indexes
                found.append(self._entity(entity, value, window.start_char, window.end_char, text, best[1] / 100))
        return found

    def _fuzzy_choices(self) -> Dict[int, Dict[str, Tuple[str, str]]]:
        if self._fuzzy is None:
            by_length: Dict[int, Dict[str, Tuple[str, str]]] = {}
            for entity, value, phrase in self._patterns:
                folded = fold(phrase).replace("-", " ")
                if entity in FUZZY_ENTITIES and len(folded.replace(" ", "")) >= FUZZY_MIN_CHARS:
                    by_length.setdefault(len(folded.split()), {}).setdefault(folded, (entity, value))
            self._fuzzy = by_length
        return self._fuzzy

    def _matcher_for(self, nlp: Any, group: Tuple[str, ...]) -> Any:
        if self._matcher_vocab is not nlp.vocab:
            self._matchers, self._matcher_vocab = {}, nlp.vocab
        if group not in self._matchers:
            from spacy.matcher import PhraseMatcher

            matcher = PhraseMatcher(nlp.vocab, attr=MATCH_ATTRIBUTES.get(group, "LEMMA"))
            grouped: Dict[str, List[str]] = {}
            for entity, value, phrase in self._patterns:
                if entity in group:
                    grouped.setdefault(f"{entity}\t{value}", []).append(fold(phrase))
            for key, phrases in grouped.items():
                matcher.add(key, list(nlp.pipe(phrases)))
            self._matchers[group] = matcher
        return self._matchers[group]
