"""Which programs a message is about: named, described ("the two CalRBS certificates", "the data science
one"), picked out by a word only one of a school's certificates holds, pointed at in the last list ("the
second one", "the other one"), or in context; and the counts of courses a message prices."""
from __future__ import annotations

from dataclasses import replace

import re
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Tuple

from actions import message_patterns as said
from knowledge import KnowledgeBase
from knowledge.query import rank

if TYPE_CHECKING:
    from actions.understanding import Context, Mentions

# Attributes the article gives per school: one answer serves all of a school's certificates.
SCHOOL_ATTRIBUTES = {"cost", "funding", "provider", "location", "topics"}


def pointed_at(mentions: Mentions, context: Context) -> Tuple[str, ...]:
    """The program a list position points at ("the first one"), if any."""
    if mentions.ordinal and context.listed and not mentions.names_anything:
        index = _position(mentions.ordinal, len(context.listed), -1)
        if 0 <= index < len(context.listed):
            return (context.listed[index],)
    return ()


def _position(ordinal: str, length: int, otherwise: int) -> int:
    """The index an ordinal points at in a list of ``length`` ("last", "2", "middle" of an odd list), else ``otherwise``."""
    if ordinal == "last":
        return length - 1
    if ordinal == "middle":
        return length // 2 if length % 2 else otherwise
    return int(ordinal) - 1 if ordinal.isdigit() else otherwise


_COUNT_WORDS = {"a": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}


def number_of(word: str) -> Optional[int]:
    """A small count typed in digits or words ("5", "five")."""
    return int(word) if word.isdigit() else _COUNT_WORDS.get(word.lower())


def courses_counted(text: str) -> Optional[int]:
    """How many courses a message counts ("just 2 courses", "three at rbs", "1200 a class times 5"), if it counts any."""
    times = re.search(r"\b(times|x|×)\s?(\d{1,2}|two|three|four|five|six|ten)\b", text, re.I)
    if times:
        word = times.group(2).lower()
        return int(word) if word.isdigit() else _COUNT_WORDS.get(word)
    found = said.COURSES_COUNTED.search(text)
    if not found:
        return None
    word = next((g for g in (found.group(1), found.group(5), found.group(7), found.group(8)) if g), "").lower()
    return int(word) if word.isdigit() else _COUNT_WORDS.get(word.replace("a single", "single"))


def courses_per_school(text: str, kb: KnowledgeBase) -> Dict[str, int]:
    """Courses counted school by school: "3 courses at rbs and 2 at calrbs" is {rbs: 3, calrbs: 2}."""
    counts: Dict[str, int] = {}
    for found in said.COUNT_AT_SCHOOL.finditer(text):
        word = found.group(1).lower()
        number = int(word) if word.isdigit() else _COUNT_WORDS.get(word)
        words = found.group(2).split()
        school = next((kb.resolve("provider", " ".join(words[:n])) for n in range(len(words), 0, -1)
                       if kb.resolve("provider", " ".join(words[:n]))), None)
        if number and school and school not in counts:
            counts[school] = number
    return counts


def comparable(kb: KnowledgeBase, providers: Sequence[str]) -> Tuple[str, ...]:
    """For "compare CalRBS and RBS": from each school, the certificates sharing a topic with the
    other schools' certificates, when that narrows a school down to one; otherwise all of them."""
    chosen: List[str] = []
    for provider in providers:
        own = kb.programs_of(provider)
        others = {t for other in providers if other != provider for p in kb.programs_of(other) for t in p.topics}
        alike = [p.id for p in own if set(p.topics) & others]
        chosen += alike if len(alike) == 1 else [p.id for p in own]
    return tuple(dict.fromkeys(chosen))


def discussed_before(context: Context) -> Tuple[str, ...]:
    """The certificate discussed last before the one in context, if any."""
    return tuple(pid for pid in reversed(context.discussed) if pid != context.program)[:1]


def named_by_kind_beside(mentions: Mentions, kb: KnowledgeBase, text: str) -> Tuple[str, ...]:
    """ "Is the DAM cert cheaper than the post-master's one?": beside a certificate named, another
    named by its kind alone, when one certificate is of that kind (at the same school, else at all)."""
    if not (mentions.programs and said.AND_ONE_OF_A_KIND.search(text)):
        return ()
    named_kinds = {kb.program(pid).credential for pid in mentions.programs}
    schools = {kb.program(pid).provider for pid in mentions.programs}
    found: List[str] = []
    for credential in (c for c in mentions.credentials if c not in named_kinds):
        of_kind = [p for p in kb.programs if p.credential == credential]
        kinds = [p.id for p in of_kind if p.provider in schools] or [p.id for p in of_kind]
        if len(kinds) == 1:
            found.append(kinds[0])
    return tuple(found)


def narrowed_subjects(subjects: Tuple[str, ...], ambiguous: Optional[str], mentions: Mentions, context: Context,
              kb: KnowledgeBase, text: str) -> Tuple[Tuple[str, ...], Optional[str]]:
    """A school's certificates narrowed by the kind named ("the post-master's one"), and "the other one"."""
    schools = mentions.institutions or tuple(dict.fromkeys(kb.program(pid).provider for pid in subjects)) \
        or ((context.provider,) if context.provider else ()) \
        or ((kb.program(context.program).provider,) if context.program else ())
    pool = tuple(p.id for school in schools for p in kb.programs_of(school))
    if mentions.ordinal and mentions.ordinal.isdigit() and len(mentions.institutions) == 1 and not mentions.programs \
            and said.POSITION_AT_A_SCHOOL.search(text):
        own = kb.programs_of(mentions.institutions[0])
        if int(mentions.ordinal) <= len(own):  # "and for the second sjsu one?": the school's second, as the article lists them
            return (own[int(mentions.ordinal) - 1].id,), None
    if said.A_KIND_ASKED.search(text):
        mentions = replace(mentions, credentials=())
    subjects = tuple(dict.fromkeys((*subjects, *named_by_kind_beside(mentions, kb, text))))
    if mentions.credentials and not (mentions.programs or mentions.institutions) and subjects \
            and not any(kb.program(pid).credential in mentions.credentials for pid in subjects):
        everywhere = [p.id for p in kb.programs if p.credential in mentions.credentials]
        if len(everywhere) == 1:
            return (everywhere[0],), None  # "what pathways does the post-master's one have?" with another in context
    if mentions.credentials and not mentions.programs and len(pool) > 1:
        kinds = [pid for pid in pool if kb.program(pid).credential in mentions.credentials]
        if len(kinds) == 1:
            # "the Arizona archives cert and the SJSU post-master's": the kind narrows its own school only.
            school = kb.program(kinds[0]).provider
            joined = said.AND_ONE_OF_A_KIND.search(text)
            beside = tuple(pid for pid in subjects if pid != kinds[0] and kb.program(pid).provider == school and joined
                           and set(mentions.topics) & set(kb.program(pid).topics))  # "the post-masters and the DAM one"
            others = tuple(pid for pid in subjects if kb.program(pid).provider != school)
            kind = said.CREDENTIAL_WORD.search(text)
            if beside and kind and joined and kind.start() <= joined.start():
                return tuple(dict.fromkeys((*others, kinds[0], *beside))), None
            return tuple(dict.fromkeys((*others, *beside, kinds[0]))), None
    if said.OTHER.search(text) and context.program and not mentions.programs:
        group = context.listed if context.program in context.listed else pool
        others = [pid for pid in group if pid != context.program] or [
            p.id for p in kb.programs_of(kb.program(context.program).provider) if p.id != context.program] or \
            list(discussed_before(context))  # "and the other one is at ucla?"
        if len(others) == 1:  # "the other certificate from them": of the last list, else of the same school
            return (others[0],), None
    return subjects, ambiguous


def programs_having(kb: KnowledgeBase, attribute: str, text: str) -> Tuple[str, ...]:
    """For "which ones can I do as a non-matriculated student?": the programs whose statement of the
    attribute holds the message's rarest word that some of them hold; every program when none does."""
    from actions.query_answers import attribute_phrase

    phrases = {p.id: (attribute_phrase(kb.facts_about(p.id), attribute) or "").lower() for p in kb.programs}
    best: Tuple[str, ...] = ()
    # The longest word first among those as rare: "non-matriculated" rather than "student", whatever the set's order.
    for word in sorted(set(re.findall(r"[a-z][a-z-]{4,}", text.lower())) - _QUESTION_WORDS, key=lambda w: (-len(w), w)):
        holding = tuple(pid for pid, phrase in phrases.items() if re.search(rf"\b{re.escape(word)}", phrase))
        if holding and (not best or len(holding) < len(best)):
            best = holding
    return best or every_program(kb)


_QUESTION_WORDS = {"which", "certificates", "certificate", "programs", "program", "there", "those", "these", "about"}


def only_one(values: Sequence[str]) -> Optional[str]:
    return values[0] if values else None


def left_out(text: str, kb: KnowledgeBase) -> Tuple[str, ...]:
    """The schools a message leaves out ("not at arizona", "drop the ones in california", "forget sjsu"),
    by name, alias or state."""
    clauses = [match.group("left_out") for match in said.LEFT_OUT.finditer(text)]
    return schools_in(" / ".join(clauses), kb) if clauses else ()  # most messages leave nothing out


def _school_names(provider) -> Tuple[str, ...]:
    """Every name a school goes by: its name, its aliases, its state."""
    return (provider.name, *provider.aliases, *((provider.location,) if provider.location else ()))


def schools_in(text: str, kb: KnowledgeBase) -> Tuple[str, ...]:
    """The schools some words name, by name, alias or state ("arizona", "the ones in california"); "a rare book
    school" is every school whose name holds it."""
    named = [provider.id for provider in kb.providers
             if any(re.search(rf"\b{re.escape(name)}\b", text, re.I) for name in _school_names(provider))]
    any_such = [provider.id for provider in kb.providers for other in kb.providers for name in _school_names(other)
                if re.search(rf"\b(a|any|either|both|all)( the)? {re.escape(name)}s?\b", text, re.I)
                and any(name.lower() in own.lower() for own in _school_names(provider))]
    return tuple(dict.fromkeys(pid for pid in (p.id for p in kb.providers) if pid in named or pid in any_such))


def every_program(kb: KnowledgeBase) -> Tuple[str, ...]:
    return tuple(p.id for p in kb.programs)


def described_by(kb: KnowledgeBase, topic: str, provider: Optional[str] = None) -> Tuple[str, ...]:
    """Programs a topic describes ("the data science certificate"): their own topic first, then pathways."""
    pool = kb.programs_of(provider) if provider else kb.programs
    own = tuple(p.id for p in pool if topic in p.topics)
    if own:
        return own
    return tuple(p.id for p in pool if any(topic in pathway.topics for pathway in p.pathways))


def named_group(mentions: Mentions, context: Context, kb: KnowledgeBase, text: str) -> Tuple[str, ...]:
    """The programs a ranking or filter is over: those named or described, the last list ("which of
    those"), or every program."""
    if mentions.programs:
        return tuple(dict.fromkeys((*mentions.programs, *named_by_kind_beside(mentions, kb, text))))
    if mentions.institutions:
        return tuple(p.id for provider in mentions.institutions for p in kb.programs_of(provider))
    if mentions.topics:
        found = tuple(dict.fromkeys(pid for topic in mentions.topics for pid in described_by(kb, topic)))
        if found:
            return found
    if context.listed and said.PLURAL_REFERENCE.search(re.sub(r"\$?[\d,]+k?\s+(each|apiece)\b", " ", text)):
        return context.listed  # not "courses under $1300 each"
    return ()


_THE_ONE_OF_A_KIND = re.compile(r"\bthe (post[- ]?masters?'?s?( certificate| cert)?|certificate of completion)\b"
                                r"(?!\s*(certificates|certs|programs))", re.I)
_OF_A_YEAR = re.compile(r"\bthe ((?:19|20)\d\d) (ones|certs|certificates|programs|programmes)\b", re.I)


def subjects_of(
    mentions: Mentions, context: Context, kb: KnowledgeBase, text: str, attribute: Optional[str]
) -> Tuple[Tuple[str, ...], Optional[str], Optional[str]]:
    """The programs a question is about, an out-of-range list position if one was asked for, and the
    school whose certificates were all taken because the message named the school in the singular."""
    subjects: List[str] = list(mentions.programs)
    ambiguous: Optional[str] = None
    of_a_year = _OF_A_YEAR.search(text)
    if of_a_year and not (mentions.programs or mentions.topics):
        started = tuple(p.id for p in kb.programs if p.started == int(of_a_year.group(1))
                        and (not mentions.institutions or p.provider in mentions.institutions))
        if started:
            return started, None, None  # "are the 2021 ones growing?": the certificates started that year
    if not (mentions.programs or mentions.institutions or mentions.topics) and len(set(mentions.credentials)) == 1 \
            and _THE_ONE_OF_A_KIND.search(text):
        of_kind = tuple(p.id for p in kb.programs if p.credential == mentions.credentials[0])
        if len(of_kind) == 1:
            return of_kind, None, None  # "who takes the post-master's mostly?": the one post-master's certificate
    if mentions.institutions and not (mentions.programs or mentions.topics or mentions.goals or mentions.credentials):
        pointed = pointed_at(replace(mentions, institutions=()), context)
        if pointed and (kb.program(pointed[0]).provider,) == tuple(dict.fromkeys(mentions.institutions)):
            return pointed, None, None  # "is the first one open to people not enrolled at sjsu?": its own school, said again
    group = bool(said.GROUP_WORDS.search(text))
    topics_at = _topics_at_each_school(mentions, kb)
    for provider in mentions.institutions:
        programs = kb.programs_of(provider)
        if any(kb.program(pid).provider == provider for pid in subjects):
            if attribute not in ("topics", "pathways", "courses") and re.search(r"\b(and|or|vs|versus)\b|&", text, re.I):
                # "the data science and NLP certificates at Arizona": the other one described there too
                subjects += list(dict.fromkeys(
                    pid for topic in mentions.topics for pid in described_by(kb, topic, provider)
                    if pid not in subjects and not any(topic in kb.program(s).topics for s in subjects)))
            continue
        by_credential = [p.id for p in programs if p.credential in mentions.credentials]
        if len(by_credential) == 1 and not group and not mentions.topics:
            subjects.append(by_credential[0])  # "the sjsu post-masters": the one of its kind there
            continue
        with_topic = [pid for topic in topics_at.get(provider, mentions.topics) for pid in described_by(kb, topic, provider)]
        naming = _sentences_naming(text, provider, kb)  # "(part time at two branches lol). How much is the UA data one?"
        asked = 2 if re.search(r"\b(two|both)\b", naming, re.I) else None
        if with_topic and not (group and len(with_topic) < len(programs) and re.search(r"\b(two|both|all)\b", naming, re.I)
                               and len(set(with_topic)) != asked):
            subjects += [pid for pid in dict.fromkeys(with_topic) if pid not in subjects]
        elif len(programs) == 1:
            subjects.append(programs[0].id)
        elif not group and (singled := _singled_out(kb, [p.id for p in programs], text)):
            subjects.append(singled)  # "that non-matriculated thing at sjsu"
        elif context.program in [p.id for p in programs] and not group:
            subjects.append(context.program)
        elif not group and len([p for p in programs if p.id in context.listed]) == 1:
            subjects += [p.id for p in programs if p.id in context.listed]  # "the Arizona one" of the last list
        else:
            subjects += [p.id for p in programs if p.id not in subjects]
            if not group:
                ambiguous = provider
    described_one = said.DESCRIBED_ONE.search(text)  # "the legal one, who is it meant for?": that one, not the one before
    about_it = bool(context.program and said.SINGULAR_PRONOUN.search(text) and "quotes" not in mentions.attributes
                    and attribute in ("audience", "eligibility", "admission", "prerequisites") and not described_one)
    self_described = bool(mentions.programs and said.SELF_DESCRIBED.search(text))  # "I'm a medical librarian. ... the NLP cert?"
    if not mentions.institutions and not about_it and not self_described and not (mentions.programs and attribute in (
            "pathways", "topics", "courses", "audience", "eligibility", "prerequisites")):  # "does the nlp one require statistics"
        for topic in mentions.topics:
            described = described_by(kb, topic)
            school = context.provider or (kb.program(context.program).provider if context.program else None)
            in_context = [pid for pid in described if pid in context.listed
                          or (kb.program(pid).provider == school and pid != context.program)]
            if described_one and in_context and len(in_context) < len(described):
                described = in_context  # "and the rare books one?" just after CalRBS's two: CalRBS's
            beside = [pid for pid in described if kb.program(pid).provider in {kb.program(s).provider for s in subjects}]
            if described_one and len(beside) == 1 and len(described) > 1:
                described = beside  # "CalRBS critical librarianship vs the rare books one": the CalRBS one
            if described and (attribute is not None or mentions.operations or names_certificate(text)):
                subjects += [pid for pid in described if pid not in subjects]
    elif mentions.institutions and said.TOGETHER.search(text) and attribute not in ("pathways", "topics", "courses"):
        # "the NLP cert and RBS together": a subject that names one certificate of another school counts too.
        for topic in mentions.topics:
            described = described_by(kb, topic)
            if len(described) == 1 and not any(topic in kb.program(pid).topics for pid in subjects) \
                    and kb.program(described[0]).provider not in mentions.institutions:
                subjects.append(described[0])
    if len(subjects) >= 2 and said.POSITION_AMONG_NAMED.search(text):
        # "I'm deciding between the SJSU post-master's and Arizona's data science one. Tell me about the first one."
        position = said.POSITION_AMONG_NAMED.search(text).group("position").lower()
        index = 0 if position in ("first", "1st", "former") else 1 if position in ("second", "2nd") else len(subjects) - 1
        return (subjects[index],), None, None
    if subjects:
        return tuple(subjects), None, ambiguous if len(subjects) > 1 else None
    if len(context.listed) < 2 and len(context.discussed) >= 2 and not (mentions.topics or mentions.goals) \
            and re.search(r"\b(each|both|the two|those two|these two|them both|either)\b", text, re.I):
        return context.discussed[-2:], None, None  # "what would it run at each?" after one price, then another's
    if mentions.ordinal and context.listed:
        index = _position(mentions.ordinal, len(context.listed), len(context.listed))
        if 0 <= index < len(context.listed):
            return (context.listed[index],), None, None
        return (), mentions.ordinal, None
    if context.listed and refers_to_several(text, context) and not mentions.topics and not mentions.goals:
        return context.listed, None, None
    if len(context.listed) == 1 and not (mentions.topics or mentions.goals) and context.program in (None, context.listed[0]) \
            and (said.SINGULAR_PRONOUN.search(text) or said.ENDS_WITH_THAT.search(text)):
        return context.listed, None, None  # "which school runs that?" after a list of one
    if context.listed and not context.program and attribute in SCHOOL_ATTRIBUTES and not (mentions.topics or mentions.goals) \
            and len({kb.program(pid).provider for pid in context.listed}) == 1 and said.SINGULAR_PRONOUN.search(text):
        return context.listed, None, None  # "are there scholarships for it?" after the two CalRBS certificates
    if context.last_attribute == "compare" and len(context.listed) >= 2 and not mentions.names_anything \
            and len(re.findall(r"[\w'-]+", text)) <= 6 and not said.SINGULAR_PRONOUN.search(text):
        return context.listed, None, None  # "and per course?" just after a comparison: of both
    if context.program and (about_it or (not mentions.topics and not mentions.goals)):
        return (context.program,), None, None  # "is it only for people already working in archives?": of it
    if context.provider and not mentions.topics and not mentions.goals:
        programs = tuple(p.id for p in kb.programs_of(context.provider))
        return programs, None, context.provider if len(programs) > 1 else None
    return (), None, None


def _topics_at_each_school(mentions: Mentions, kb: KnowledgeBase) -> Dict[str, Tuple[str, ...]]:
    """The subjects that describe a certificate at each school named. A subject that is another named school's
    only one is that school's: in "the virginia rare book cert vs the ucla activism one", "rare book" is
    Virginia's, so UCLA's is only its activism certificate."""
    at = {provider: tuple(t for t in mentions.topics if described_by(kb, t, provider)) for provider in mentions.institutions}
    sole = {topics[0] for topics in at.values() if len(topics) == 1}
    return {provider: tuple(t for t in topics if t not in sole) or topics if len(topics) > 1 else topics
            for provider, topics in at.items()}


def _sentences_naming(text: str, provider: str, kb: KnowledgeBase) -> str:
    """The sentences of a message that name a school (asides in brackets left out), or the whole message."""
    school = kb.provider(provider)
    sentences = [sentence for sentence in re.split(r"(?<=[.?!;])\s+|\([^)]*\)", text) if sentence and any(
        re.search(rf"\b{re.escape(name)}\b", sentence, re.I) for name in (school.name, *school.aliases))]
    return " ".join(sentences) or text


def refers_to_several(text: str, context: Context) -> bool:
    """Whether the message points back at the certificates listed. Just after one certificate was singled out
    ("tell me about the first one"), "each course" is that certificate's courses and a bare "they" its
    school or its courses ("are they in person?"); "both", "those", "each of them" still mean the list."""
    if context.program and context.last_attribute != "compare":
        text = said.EACH_OF_ITS_COURSES.sub("", said.BARE_THEY.sub("", text))
    return bool(said.PLURAL_REFERENCE.search(text))


def ranked_first(kb: KnowledgeBase, attribute: str, operation: str, programs: Tuple[str, ...]) -> List[str]:
    """The programs a ranking puts first (several on a tie), for "the cheaper one"."""
    ranking = rank(kb, attribute, "max" if operation == "rank_max" else "min", programs)
    return [f.program.id for f, v in ranking.ranked if v == ranking.ranked[0][1]] if ranking.ranked else []


def _singled_out(kb: KnowledgeBase, program_ids: Sequence[str], text: str) -> Optional[str]:
    """Of one school's certificates, the only one whose facts hold a distinctive word of the message."""
    from actions.query_answers import attribute_phrase

    facts = {pid: " ".join(filter(None, [kb.program(pid).summary] + [
        attribute_phrase(kb.facts_about(pid), attribute) for attribute in ("eligibility", "audience", "pathways", "topics")])).lower()
        for pid in program_ids}
    singled = set()
    for word in set(re.findall(r"[a-z][a-z-]{6,}", text.lower())) - _QUESTION_WORDS - _SCHOOL_NAME_WORDS:
        holding = [pid for pid, said_of in facts.items() if re.search(rf"\b{re.escape(word)}", said_of)]
        if len(holding) == 1:
            singled.add(holding[0])
    # Words that single out different certificates single out none (and the answer does not depend on which
    # word is looked at first).
    return singled.pop() if len(singled) == 1 else None


# Words of a school's name, and words any certificate's students use ("how many students are in the sjsu
# one?" singles none out), that point at no certificate in particular.
_SCHOOL_NAME_WORDS = {"certificate", "certificates", "university", "school", "information", "library", "science", "program",
                      "programs", "graduate", "professional", "post-master", "post-masters", "student", "students"}


def names_certificate(text: str) -> bool:
    return bool(re.search(r"\b(certificates?|certs?|programs?|programmes?|one|ones|course|courses)\b", text, re.I))
