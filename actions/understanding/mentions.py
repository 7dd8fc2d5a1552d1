"""What a message names: its entities normalised to knowledge-base ids (``mentions_in``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from actions import message_patterns as said
from knowledge import KnowledgeBase


@dataclass(frozen=True)
class Mentions:
    """What the latest message names, as knowledge-base ids in the order typed."""

    programs: Tuple[str, ...] = ()
    institutions: Tuple[str, ...] = ()
    topics: Tuple[str, ...] = ()
    goals: Tuple[str, ...] = ()
    people: Tuple[str, ...] = ()
    attributes: Tuple[str, ...] = ()
    operations: Tuple[str, ...] = ()
    amounts: Tuple[int, ...] = ()
    credentials: Tuple[str, ...] = ()
    ordinal: Optional[str] = None
    # Topics named after a turn towards them ("a law librarian moving into medical librarianship").
    target_topics: Tuple[str, ...] = ()
    # Words no training example or knowledge-base phrase holds ("drexel", "zotero").
    unknown: Tuple[str, ...] = ()
    # The attributes named in the message's last sentence: in "My director has no money for this. Can I use
    # financial aid?" the question is the last sentence, the rest is its background.
    last_sentence_attributes: Tuple[str, ...] = ()
    # Whether the message opens with a clause that names no attribute ("tell me about the data science
    # certificate, my library just got a grant ..."): what follows the comma is background.
    opening_without_attribute: bool = False

    @property
    def names_anything(self) -> bool:
        return bool(self.programs or self.institutions or self.topics or self.goals or self.people)

    @property
    def empty(self) -> bool:
        """Nothing in the message is a knowledge-base word, operation, amount or list position."""
        return not (self.names_anything or self.attributes or self.operations or self.amounts
                    or self.credentials or self.ordinal)


def _surname_as_a_person(person, text: str) -> bool:
    """A surname the knowledge base does not list as a name of its own (a common word: "Main"), used as a person's
    name is: "according to main", "what does main think", "main's view"."""
    surname = person.name.split()[-1]
    if any(alias.lower() == surname.lower() for alias in person.aliases):
        return False  # matched as a name already
    word = re.escape(surname)
    return bool(re.search(rf"\b(according to|per|does|did|do|would|said|asked|quoted|from|by) {word}\b(?! (point|idea|reason|thing|one|"
                          rf"page|menu|campus|library|street|office|site|certificate|cert|program|course|question)s?\b)|"
                          rf"\b{word} (think|thinks|thought|say|says|said|believe|believes|recommend|recommends|mean|means|argue|argues|"
                          rf"suggest|suggests|feel|feels)\b|\b{word}'s (view|take|opinion|point|quote|words|job|role|title|advice)\b",
                          text, re.I))


ENTITY_KINDS = {"program": "program", "institution": "provider", "topic": "topic", "goal": "goal", "person": "person"}


_FIELDS = {"program": "programs", "institution": "institutions", "topic": "topics", "goal": "goals", "person": "people"}


def _sharing_a_plural_name(text: str, kb: KnowledgeBase) -> Tuple[str, ...]:
    """ "The two rare book schools": every school whose name holds the name said in the plural."""
    lowered = (text or "").lower()
    for provider in kb.providers:
        for name in (provider.name, *provider.aliases):
            if len(name) > 4 and re.search(rf"\b{re.escape(name.lower())}s\b", lowered):
                sharing = tuple(p.id for p in kb.providers
                                if any(name.lower() in n.lower() for n in (p.name, *p.aliases)))
                if len(sharing) > 1:
                    return sharing
    return ()


def _possessed(text: str, institutions: Tuple[str, ...], kb: KnowledgeBase) -> Tuple[str, ...]:
    """ "UCLA's rare book school", "the rare book school in LA" name one school, the owner, though "rare book
    school" is another's name too."""
    if len(institutions) < 2:
        return institutions
    lowered = text.lower()
    for owner in institutions:
        for alias in kb.provider(owner).aliases:
            for other in institutions:
                if other != owner and any(
                        f"{alias.lower()}'s {name.lower()}" in lowered
                        or re.search(rf"\b{re.escape(name.lower())} (in|at|of) {re.escape(alias.lower())}\b", lowered)
                        for name in (kb.provider(other).name, *kb.provider(other).aliases) if " " in name):  # not "RBS at UCLA?"
                    return tuple(i for i in institutions if i != other)
    return institutions


def mentions_in(entities: Iterable[Dict[str, Any]], kb: KnowledgeBase, text: str = "") -> Mentions:
    """Normalise a message's entities to knowledge-base ids; unknown names are dropped.

    Args:
        entities: ``tracker.latest_message["entities"]``; values may be ids (from the
            knowledge-base matcher or a button) or names (typed in a button payload).
        kb: the knowledge base that decides which names exist.
    """
    found: Dict[str, List[Any]] = {name: [] for name in (*_FIELDS.values(), "attributes", "operations", "amounts",
                                                         "credentials", "unknown")}
    ordinal = None
    topic_spans: List[Tuple[int, int, str]] = []
    attribute_spans: List[Tuple[int, int]] = []
    breaks = [m.end() for m in re.finditer(r"[.!?;]+\s+(?=\S)", text or "")]
    last_sentence = breaks[-1] if breaks else 0
    sentence_end = len(text or "")
    asked = [m.end() for m in re.finditer(r"\?+", text or "")]
    if breaks and asked and "?" not in (text or "")[last_sentence:]:
        # "are the courses the same every year? I'd want to plan a couple summers ahead": the question
        # is the last sentence that asks, not the remark after it.
        sentence_end = asked[-1]
        last_sentence = max([0] + [b for b in breaks if b < sentence_end])
    late: List[str] = []
    clause = re.search(r"[,.;!?]", text or "")
    opening_end = clause.start() if clause and clause.end() < len((text or "").rstrip()) else None
    opening_attribute = False
    for entity in sorted(entities or (), key=lambda e: e.get("start") or 0):
        name, value = entity.get("entity"), entity.get("value")
        if not isinstance(value, str):
            continue
        if name == "ordinal":
            if isinstance(entity.get("end"), int) and said.A_TIME_NOT_A_POSITION.match(text, entity["end"]):
                continue
            if value == "last" and isinstance(entity.get("start"), int) and said.LAST_AS_A_VERB.match(text, entity["start"]) \
                    and not said.ARTICLE_BEFORE.search(text[:entity["start"]]):
                continue  # "each class lasts how long": how long, not the last of a list
            ordinal = ordinal or value
        elif name == "unknown_word":
            found["unknown"].append(value)
        elif name in ENTITY_KINDS:
            entry_id = kb.resolve(ENTITY_KINDS[name], value)
            if name in ("topic", "goal") and isinstance(entity.get("start"), int) \
                    and said.NEGATED_BEFORE.search(text[max(0, entity["start"] - 40):entity["start"]]):
                continue  # "activism, and not just tech skills": not what is looked for
            if name == "topic" and entry_id and isinstance(entity.get("start"), int) and isinstance(entity.get("end"), int):
                topic_spans.append((entity["start"], entity["end"], entry_id))
            if entry_id and entry_id not in found[_FIELDS[name]]:
                found[_FIELDS[name]].append(entry_id)
        elif name == "attribute":
            if value == "started" and isinstance(entity.get("end"), int) and (entity.get("text") or "").lower() in ("new", "newer") \
                    and (said.NEW_SOMETHING_ELSE.match(text, entity["end"]) or said.A_PERSON_BEFORE.search(text[:entity["start"]])):
                continue  # "her new skills", "new tech", "someone newer": new, but no question of when a certificate started
            if isinstance(entity.get("start"), int) and isinstance(entity.get("end"), int):
                attribute_spans.append((entity["start"], entity["end"]))
            if value not in found["attributes"]:
                found["attributes"].append(value)
            if isinstance(entity.get("start"), int) and last_sentence <= entity["start"] < sentence_end and value not in late:
                late.append(value)
            if opening_end is None or (isinstance(entity.get("start"), int) and entity["start"] < opening_end):
                opening_attribute = True
        elif name == "operation" and value not in found["operations"]:
            if value.endswith(":started") and isinstance(entity.get("start"), int) \
                    and said.A_PERSON_BEFORE.search(text[:entity["start"]]):
                continue  # "something for someone newer": new to the field, not a newer certificate
            found["operations"].append(value)
        elif name == "amount" and value.isdigit():
            found["amounts"].append(int(value))
        elif name == "credential" and value not in found["credentials"]:
            found["credentials"].append(value)
    # "zero programming experience": a subject named only inside a way of asking for prerequisites is no subject.
    within = {(start, end) for start, end, _ in topic_spans if any(a <= start and end <= b for a, b in attribute_spans)}
    only_within = {topic for start, end, topic in topic_spans if (start, end) in within} - {
        topic for start, end, topic in topic_spans if (start, end) not in within}
    found["topics"] = [topic for topic in found["topics"] if topic not in only_within]
    topic_spans = [span for span in topic_spans if span[2] not in only_within]
    found["institutions"] = list(_possessed(text, tuple(found["institutions"]), kb))
    found["institutions"] += [i for i in _sharing_a_plural_name(text, kb) if i not in found["institutions"]]
    # "does CalRBS teach descriptive bibliography?": "teach" asks what it covers, it names no subject.
    verbs = {topic for start, end, topic in topic_spans if said.TOPIC_VERB.fullmatch(text[start:end])}
    asked_of = {topic for start, end, topic in topic_spans
                if said.TOPIC_VERB.fullmatch(text[start:end]) and said.WHAT_TEACHES.search(text[:start])}
    if len({topic for _, _, topic in topic_spans} - verbs) >= 1 or found["goals"] or asked_of:
        # "which program teaches managing digital stuff?": teaching is what a program does here, not a subject.
        verbs = verbs if len({topic for _, _, topic in topic_spans} - verbs) >= 1 or found["goals"] else asked_of
        found["topics"] = [topic for topic in found["topics"] if topic not in verbs]
        topic_spans = [span for span in topic_spans if span[2] not in verbs]
    required = said.REQUIRES_AFTER_ONE.search(text or "")
    if required and any(start < required.start() for start, _, _ in topic_spans):
        asked = {topic for start, _, topic in topic_spans if start >= required.end()} - {
            topic for start, _, topic in topic_spans if start < required.start()}
        found["topics"] = [topic for topic in found["topics"] if topic not in asked]
        topic_spans = [span for span in topic_spans if span[2] not in asked]
    heads = _compound_heads(topic_spans, text)
    found["topics"] = [topic for topic in found["topics"] if topic not in heads]
    if any(not kb.topic(topic).broad for topic in found["topics"]):
        found["topics"] = [topic for topic in found["topics"] if not kb.topic(topic).broad]
    targets = _targets(topic_spans, text)
    for person in kb.people:
        if person.id not in found["people"] and _surname_as_a_person(person, text or ""):
            found["people"].append(person.id)  # "what does main think?": a surname that is also a common word
    if not ordinal and re.search(r"\bthe middle (one|cert|certificate|program|option)\b", text or "", re.I):
        ordinal = "middle"  # of a list of three: the second
        found["unknown"] = [word for word in found.get("unknown", []) if word.lower() != "middle"]
    return Mentions(**{key: tuple(values) for key, values in found.items()}, ordinal=ordinal,
                    target_topics=tuple(t for t in targets if t not in heads),
                    last_sentence_attributes=tuple(late) if last_sentence or sentence_end < len(text or "") else (),
                    opening_without_attribute=opening_end is not None and not opening_attribute)


def _compound_heads(spans: Sequence[Tuple[int, int, str]], text: str) -> set:
    """Topics that only name the head of a compound whose modifier is another topic: in "health
    sciences librarianship" the subject is health sciences, not librarianship in general."""
    heads, modifiers = set(), set()
    for index, (_, end, first) in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        if following and following[2] != first and 0 < following[0] - end <= 1 and not text[end:following[0]].strip() \
                and said.HEAD_NOUN.fullmatch(text[following[0]:following[1]]):
            heads.add(following[2])
            modifiers.add(first)
    return heads - modifiers


def _targets(spans: Sequence[Tuple[int, int, str]], text: str) -> Tuple[str, ...]:
    """The topics after the last turn towards something, when other topics come before it."""
    turns = [match.end() for match in said.TOWARDS.finditer(text)]
    if not turns or len({topic for _, _, topic in spans}) < 2:
        return ()
    turn = turns[-1]
    before = [topic for start, _, topic in spans if start < turn]
    after = tuple(dict.fromkeys(topic for start, _, topic in spans if start >= turn))
    return after if before and after else ()
