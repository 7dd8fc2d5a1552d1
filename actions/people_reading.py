"""Which person of the article a message is about when it does not name them ("the Arizona professor",
"what's Find@Roux?", "who said data science is a recognisable term?"), and whether what a yes/no question
asks of a person is in what the article says of them."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Dict, Iterable, List, Optional, Sequence, Tuple

from actions import message_patterns as said
from knowledge import KnowledgeBase
from knowledge.query import UNSAID

if TYPE_CHECKING:
    from actions.understanding import Mentions


# A role word and the words the article's roles use for it: "the data science student" is the learner.
_ROLE_ALIKE = {"student": ("student", "learner"), "learner": ("learner", "student"), "prof": ("professor",)}
# Words that describe a person by the role the article gives them: "the Arizona professor".
# "The SJSU grad": someone who took a certificate there (not "grad students", "graduate certificates").
_A_GRADUATE = re.compile(r"\bthe (\w+ ){0,2}(grad|graduate|alum|alumna|alumnus)\b"
                         r"(?! (students?|certificates?|certs?|programs?|schools?|degrees?|level|courses?|who|that)\b)")
_ROLE_WORDS = ("professor", "prof", "coordinator", "director", "dean", "student", "learner", "metadata librarian", "cataloger")


def learners_of(programs: Iterable[str], kb: KnowledgeBase) -> List[str]:
    """The learners the article quotes who took (or are taking) any of ``programs``."""
    wanted = set(programs)
    return [p.id for p in kb.people if p.relation == "learner" and set(p.programs) & wanted]


def unsaid_of(person_id: str, text: str, kb: KnowledgeBase) -> Optional[str]:
    """``UNSAID`` for a yes/no question about a person whose words the article's statements of them
    do not hold ("did Marina Morgan get promoted?", "does she have a job lined up?"), else ``None``."""
    person = kb.person(person_id)
    if said.WORKPLACE.search(text) and not re.search(r"\bat\b", person.role):
        return UNSAID  # "where does she work?" of a learner whose employer the article does not give
    if not said.YES_NO.match(text):
        return None
    own = {_stem(w) for w in re.findall(r"[a-z@]+", " ".join(
        [person.name, person.role, *(s.text for s in person.statements), *(kb.program(p).name for p in person.programs)]).lower())}
    named = {_stem(w) for w in re.findall(r"[a-z]+", (person.name + " " + " ".join(person.aliases)).lower())}
    asked = {_stem(w) for w in re.findall(r"[a-z@]+", text.lower()) if len(w) >= 3} - _PERSON_QUESTION_WORDS - named
    return None if asked & own or not asked else UNSAID


def _stem(word: str) -> str:
    stem = re.sub(r"(ations?|ions?|ing|ed|er|es|s)$", "", word)
    return stem if len(stem) >= 3 else word


_PERSON_QUESTION_WORDS = {_stem(w) for w in (
    "did does was were has have had will would can could the and for she her him his they them their "
    "get got any anything that this what also still after before right now really actually ever yet some about from "
    "with into certificate certificates cert certs program programs course courses article mention say said").split()}


_PRONOUNS = {"he": re.compile(r"\b(he|him|his)\b", re.I), "she": re.compile(r"\b(she|her|hers)\b", re.I)}


def person_for_pronoun(text: str, person_id: Optional[str], programs: Sequence[str], kb: KnowledgeBase) -> Optional[str]:
    """Who "he" or "she" in ``text`` is, given ``person_id`` in context: that person, unless the article
    calls them by the other pronoun; then the one person it calls by this one among those tied to
    ``programs`` (the certificates in context), or among everyone; ``None`` when that is not one person.
    "What's his job?" just after Kendra Lyons and Cristian Román-Palacios were quoted is about him."""
    asked = [pronoun for pronoun, pattern in _PRONOUNS.items() if pattern.search(text)]
    if not person_id or len(asked) != 1 or kb.person(person_id).pronoun in (None, asked[0]):
        return person_id
    others = [p for p in kb.people if p.pronoun == asked[0] and p.relation != "author"]
    tied = [p for p in others if set(p.programs) & set(programs)]
    chosen = tied if tied else others
    return chosen[0].id if len(chosen) == 1 else None


def person_described(text: str, mentions: Mentions, kb: KnowledgeBase, attribute: Optional[str] = None) -> Optional[str]:
    """The one person of the article a message describes by role ("the Arizona professor"), if any:
    a role word in both the message and the person's role, and the school if one is named."""
    lowered = text.lower()
    # Not "the ones a non-matriculated student can take": a student in general, not the one in the article.
    described = [word for word in _ROLE_WORDS
                 if re.search(rf"\b(the|that|this) ((?!(a|an|any|every|each|non-matriculated|matriculated)\b)[\w'-]+ ){{0,3}}"
                              rf"{re.escape(word)}\b", lowered)]
    found = [p.id for p in kb.people if p.relation != "author"
             and any(alike in p.role.lower() for word in described for alike in _ROLE_ALIKE.get(word, (word,)))
             and (not mentions.institutions or p.provider in mentions.institutions)]
    if not described and mentions.institutions and re.search(
            r"(?<!\bmy )(?<!\bour )\b(lady|woman|guy|man|person|staff|rep|representative|official|administrator|instructor|teacher"
            r"|faculty|lecturer|spokesperson)\b"
            r"(?! (who|that|\w+ing)\b)|" + _A_GRADUATE.pattern, lowered):
        # "What did the SJSU lady say?": the one tied to that school; the one who found a course hardest when
        # that is asked ("the SJSU woman's hardest course"), else the one who speaks for the school.
        tied = [p for p in kb.people if p.relation != "author" and (p.provider in mentions.institutions or any(
            kb.program(pid).provider in mentions.institutions for pid in p.programs))]
        if attribute == "hardest":
            tied = [p for p in tied if any(s.kind == "found_hardest" for s in p.statements)]
        elif _A_GRADUATE.search(lowered):
            tied = [p for p in tied if p.relation == "learner"]  # "the SJSU grad": who took the certificate
        elif len(tied) > 1:
            tied = [p for p in tied if p.relation == "staff"] or tied
        found = [p.id for p in tied]
    if len(found) == 1:
        return found[0]
    return person_by_clause(text, kb) or person_by_role_words(text, kb)


def person_by_role_words(text: str, kb: KnowledgeBase) -> Optional[str]:
    """The one person whose role alone holds a word said before a noun for a person: "the Florida Southern
    librarian" is the metadata librarian at Florida Southern College."""
    match = said.DESCRIBED_PERSON.search(text)
    if not match or re.match(r"\s+(who|that)\b", text[match.end():]):
        return None  # "the lady who runs the program": what follows describes her (``person_by_clause``)
    schools = {_stem(w) for p in kb.providers for name in (p.name, *p.aliases) for w in re.findall(r"[a-z]{4,}", name.lower())}
    words = {_stem(w) for w in re.findall(r"[a-z]{4,}", match.group("words").lower())} - _PERSON_QUESTION_WORDS - schools
    roles = {p.id: {_stem(w) for w in re.findall(r"[a-z]{4,}", p.role.lower())} for p in kb.people}  # the author too
    alone = {holders[0] for word in words if len(holders := [pid for pid, role in roles.items() if word in role]) == 1}
    return alone.pop() if len(alone) == 1 else None


_WHO_IS_A = re.compile(r"\bwho\b( in (the|this) (article|piece|story))?( here)? (is|was|'s) (a|an) (?P<role>[\w -]{3,40}?)\s*(\?|$|,|\.| in the| here)", re.I)
_GENDERED = {"guy": "he", "man": "he", "woman": "she", "lady": "she", "gal": "she"}


def person_by_clause(text: str, kb: KnowledgeBase) -> Optional[str]:
    """The one person (the author too) a message points at with "the guy who ...", "the person from ...":
    among those the article calls by that noun's pronoun, the one whose role or statements alone hold a
    word of what follows (a shared stem: "coordinates" and "coordinator"). "Who in the article is a law
    librarian?" is the one whose role alone holds a word of the role asked."""
    role = _WHO_IS_A.search(text)
    if role:
        asked = {_stem(w) for w in re.findall(r"[a-z]{3,}", role.group("role").lower())} - _PERSON_QUESTION_WORDS
        holding: Dict[str, List[str]] = {}
        for person in kb.people:
            for word in asked & {_stem(w) for w in re.findall(r"[a-z]{3,}", person.role.lower())}:
                holding.setdefault(word, []).append(person.id)
        alone = {found[0] for found in holding.values() if len(found) == 1}
        return alone.pop() if len(alone) == 1 else None
    match = said.PERSON_BY_CLAUSE.search(text)
    if not match:
        return None
    pronoun = _GENDERED.get(match.group(1).lower())
    people = [p for p in kb.people if pronoun is None or p.pronoun == pronoun]
    if pronoun and len(people) == 1:
        return people[0].id
    clause = {_stem(w) for w in _story_words(text[match.end():])}
    _, certificates = _stories(kb)
    holding: Dict[str, List[str]] = {}
    for person in people:
        words = {_stem(w) for w in _story_words(" ".join([person.role, *(s.text for s in person.statements)]))}
        # Not a word of a certificate they did not take: "course" or "science" points at no one in particular.
        elsewhere = {_stem(w) for pid, record in certificates.items() if pid not in person.programs for w in record}
        for word in clause & words - elsewhere:
            holding.setdefault(word, []).append(person.id)
    alone = {found[0] for found in holding.values() if len(found) == 1}
    return alone.pop() if len(alone) == 1 else None


def person_story(text: str, kb: KnowledgeBase, unknown: Sequence[str] = ()) -> Optional[str]:
    """The one person whose story alone holds a word of the message ("what's Find@Roux?", "who built that
    stacks mapping tool?"): a word in that person's statements, in no one else's, and in no record of a
    certificate they did not take. Everyday words ("options", "someone", "there") point at nobody."""
    told, certificates = _stories(kb)
    found = set()
    # Only words NLU has never seen ("stacks", "mapping") or names with symbols ("Find@Roux"): an everyday
    # word ("world", "series") may sit in one person's statements by chance.
    candidates = {word for word in _story_words(text) if word in unknown or not word.isalpha()}
    for word in candidates:
        tellers = [person for person, story in told.items() if word in story]
        if len(tellers) == 1 and not any(word in words for pid, words in certificates.items()
                                          if pid not in kb.person(tellers[0]).programs):
            found.add(tellers[0])
    return found.pop() if len(found) == 1 else None


_EVERYDAY = {"there", "their", "where", "which", "about", "would", "could", "should", "these", "those", "other",
             "someone", "something", "people", "because", "after", "before", "while", "being", "every", "things",
             "really", "still", "think", "thing", "great", "might", "first", "years"}


def _story_words(text: str) -> List[str]:
    return [word for word in re.findall(r"[a-z@]{5,}", text.lower()) if word not in _EVERYDAY]


@lru_cache(maxsize=4)
def _stories(kb: KnowledgeBase) -> Tuple[Dict[str, set], Dict[str, set]]:
    """Each person's statement words, and each certificate record's words (once per knowledge base)."""
    told = {p.id: set().union(*(_story_words(s.text) for s in p.statements)) for p in kb.people if p.statements}
    return told, {p.id: set(_story_words(repr(p))) for p in kb.programs}


def speaking_for(programs: Sequence[str], kb: KnowledgeBase) -> Optional[str]:
    """The one person the article quotes for these certificates or their schools (its staff), if one."""
    schools = {kb.program(pid).provider for pid in programs}
    staff = [p.id for p in kb.people if p.relation == "staff" and (set(p.programs) & set(programs) or p.provider in schools)]
    return staff[0] if len(staff) == 1 else None


def quoted_for_these(programs: Sequence[str], kb: KnowledgeBase) -> Optional[str]:
    """The one staff member the article ties to these very certificates (not merely to their school): who
    "runs it", as far as the article says."""
    staff = [p.id for p in kb.people if p.relation == "staff" and set(p.programs) & set(programs)]
    return staff[0] if len(staff) == 1 else None


def person_matching(text: str, kb: KnowledgeBase, min_score: float = 2.5, margin: float = 1.5) -> Optional[str]:
    """The one person whose role and statements are clearly closest to ``text`` (BM25), with what names the
    article as where to look taken out: "did anyone in the article come from the humanities?" is Kendra Lyons."""
    from knowledge.retrieval import person_profile_index

    asked = said.SOMEONE_IN_ARTICLE.sub(" ", text)
    found = person_profile_index(kb).search(asked, limit=20, min_score=0.1)
    best: Dict[str, float] = {}
    for fact, score in found:
        best[fact.source] = max(best.get(fact.source, 0.0), score)
    ranked = sorted(best.items(), key=lambda pair: -pair[1])
    if not ranked or ranked[0][1] < min_score or (len(ranked) > 1 and ranked[0][1] < margin * ranked[1][1]):
        return None
    return ranked[0][0]


def kb_person_for(text: str, kb: KnowledgeBase, min_score: float = 3.0) -> Optional[str]:
    """The person whose statements are closest to ``text`` (BM25), if any is close enough."""
    from knowledge.retrieval import person_index

    found = person_index(kb).search(text, limit=1, min_score=min_score)
    return found[0][0].source if found else None
