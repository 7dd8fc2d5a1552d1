"""Answers about the programs a message names or describes, searches for a subject, and what is left
when nothing of ours is named: a general answer, a question back, or nothing."""
from __future__ import annotations

import re
from typing import Optional

from actions import message_patterns as said
from actions.people_reading import person_story
from actions.subject_reading import (
    SCHOOL_ATTRIBUTES,
    described_by,
    discussed_before,
    every_program,
    names_certificate,
    only_one,
    pointed_at,
    programs_having,
)
from actions.understanding.reading import Reading, second_questions
from actions.understanding.scope import is_bare_name
from actions.understanding.terms import (
    GENERAL_ATTRIBUTES,
    NOTHING_ASKED,
    PER_PROGRAM_ATTRIBUTES,
    SHORT_LIST,
    Answer,
    Clarification,
    Special,
)
from knowledge import KnowledgeBase
from knowledge.query import Query


def _in_subject_position(word: str, text: str) -> bool:
    """Whether an unknown word stands where a subject does: "certificates in zorblat studies", not "haha ok"."""
    return bool(re.search(rf"\b(in|on|about|for|of|with|into)\s+{re.escape(word)}\b", text, re.I))


def _same_answer(kb: KnowledgeBase, provider: str, attribute: Optional[str]) -> bool:
    """Whether the article says the same of ``attribute`` for every certificate of the school (what
    the CalRBS certificate documents): then there is no need to ask which one is meant."""
    from actions.query_answers import attribute_phrase

    if attribute is None:
        return False
    phrases = {attribute_phrase(kb.facts_about(p.id), attribute) for p in kb.programs_of(provider)}
    return len(phrases) == 1 and None not in phrases


def _named_as_school(word: str, text: str) -> bool:
    """Whether an unknown word stands where a school's name does: "does Drexel offer one?", "anything at Simmons?"."""
    w = re.escape(word)
    return bool(re.search(rf"\b(at|from)\s+{w}\b|\b{w}('s)?\s+(offer|offers|have|has|run|runs|provide|provides)\b|"
                          rf"\b(does|do|did)\s+{w}\b", text, re.I))


def a_subject_the_school_lacks(reading: Reading) -> Optional[Answer]:
    """ "How much is the UCLA data science certificate?": the article names none there. Asked as a search at
    that school, whose answer says so and names the certificates it gives for the subject elsewhere."""
    text, mentions, kb = reading.text, reading.mentions, reading.kb
    if len(mentions.institutions) != 1 or not mentions.topics or mentions.programs or mentions.people or mentions.amounts \
            or not said.A_CERTIFICATE_OF.search(text) \
            or reading.attribute in ("prerequisites", "hardest", "eligibility", "audience", "admission"):
        return None  # "do i need a programming background for the rbs cert?" asks what it takes, not for a subject
    school = mentions.institutions[0]
    if kb.find_programs(topics=mentions.topics, provider=school) or any(kb.topic(t).broad for t in mentions.topics):
        return None
    if not any(not m.by_courses_only for m in kb.find_programs(topics=mentions.topics)):
        return None
    return Query("find", topics=mentions.topics, provider=school)


def which_school_it_is_at(reading: Reading) -> Optional[Answer]:
    """ "Is it at UCLA?" just after RBS, "is the NLP certificate at SJSU?": which school it is at."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if len(mentions.institutions) == 2 and said.NAMED_AT.search(text) and not (mentions.programs or mentions.topics or mentions.people):
        # "is RBS at UCLA too?": the first school named, and where its certificates are
        return Query("lookup", programs=tuple(p.id for p in kb.programs_of(mentions.institutions[0])), attribute="provider")
    if len(mentions.institutions) == 1 and said.NAMED_AT.search(text) and not said.IS_IT_AT.search(text) \
            and not (mentions.people or mentions.operations or mentions.attributes):
        named = tuple(pid for pid in mentions.programs if kb.program(pid).provider not in mentions.institutions) or tuple(
            pid for topic in mentions.topics for pid in described_by(kb, topic) if kb.program(pid).provider not in mentions.institutions)
        return Query("lookup", programs=named, attribute="provider") if named else None  # "is NLP offered at SJSU?"
    if len(mentions.institutions) == 1 and said.IS_IT_AT.search(text) and not (mentions.people or mentions.operations) \
            and not {"eligibility", "admission"} & set(mentions.attributes):  # "open to people not enrolled at sjsu?"
        named = tuple(pid for pid in mentions.programs if kb.program(pid).provider not in mentions.institutions) or tuple(
            pid for topic in mentions.topics for pid in described_by(kb, topic)
            if kb.program(pid).provider not in mentions.institutions)
        if not named and context.program and said.OTHER.search(text):
            # "and the other one is at ucla?": the other of the last two, not the one in context
            other = [pid for pid in context.listed if pid != context.program] or list(discussed_before(context))
            return Query("lookup", programs=(other[0],), attribute="provider") if other else None
        asked_of = named or ((context.program,) if context.program and not mentions.programs and not mentions.topics
                             and kb.program(context.program).provider not in mentions.institutions else ())
        if not asked_of and not context.program and said.SINGULAR_PRONOUN.search(text) and context.listed \
                and len({kb.program(pid).provider for pid in context.listed}) == 1 and not (mentions.programs or mentions.topics):
            asked_of = tuple(context.listed)  # "is it offered at UCLA?" just after CalRBS's two: where they are
        if asked_of:
            return Query("lookup", programs=tuple(dict.fromkeys(asked_of)), attribute="provider")
    return None


def what_certificates_there_are(reading: Reading) -> Optional[Answer]:
    """ "What certificates are there?": every one, or the school's just discussed ("what do they award?")."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if said.WHAT_CERTIFICATES.search(text) and not (mentions.names_anything or set(mentions.attributes) - {"source"}) \
            and (not mentions.unknown or said.THEY_AWARD.search(text)):
        school = context.provider or (kb.program(context.program).provider if context.program else None)
        if said.THEY_AWARD.search(text) and school:  # "what certificates do they award?" just after a school
            return Query("describe", provider=school, programs=tuple(p.id for p in kb.programs_of(school)))
        return Query("find")  # "ok then what certificates are there for after the MLIS"
    return None


def a_schools_certificates_for_a_goal(reading: Reading) -> Optional[Answer]:
    """ "Just the Arizona ones that are about tech": a school's certificates for a goal."""
    mentions, context, kb = reading.mentions, reading.context, reading.kb
    if mentions.institutions and mentions.goals and not mentions.programs and reading.attribute is None \
            and "compare" not in reading.op_names:
        if context.program and said.OTHER.search(reading.text):
            # "what's the other techy arizona one called?" just after one of them: the other one
            found = [m.program.id for m in kb.find_programs(topics=mentions.topics, goals=mentions.goals,
                                                            provider=mentions.institutions[0])]
            others = [pid for pid in found if pid != context.program]
            if context.program in found and len(others) == 1:
                return Query("describe", programs=(others[0],))
        return Query("find", topics=mentions.topics, goals=mentions.goals, provider=mentions.institutions[0])
    return None


def search_or_list(reading: Reading) -> Optional[Answer]:
    """Find: a topic or goal to search for, or "list all certificates"."""
    text, intent, mentions, context, kb = reading.text, reading.intent, reading.mentions, reading.context, reading.kb
    attribute, subjects, op_names = reading.attribute, reading.subjects, reading.op_names
    if said.TELL_ME_ABOUT.match(text) and len(mentions.topics) == 1 and not (mentions.programs or mentions.institutions
                                                                            or mentions.goals) \
            and re.search(r"\b(cert|certificate|program|programme|thing|one|option)\b", text, re.I):
        about = [p.id for p in kb.programs if mentions.topics[0] in p.topics]
        if len(about) == 1:  # "tell me abt the digtal asets managment cert": the one certificate of that subject
            return Query("describe", programs=(about[0],))
    if intent == "find_certificate" and attribute and subjects and (said.REFERS_BACK.search(text) or said.ENDS_WITH_THAT.search(text)) \
            and not (mentions.names_anything or "list" in op_names):
        return Query("lookup", programs=tuple(subjects), attribute=attribute)  # "who is that option for?"
    if attribute and attribute == context.last_attribute and len(subjects) == 1 and subjects[0] in context.listed \
            and not context.program and is_bare_name(text, mentions) and "list" not in op_names and not mentions.institutions:
        return Query("lookup", programs=tuple(subjects), attribute=attribute)  # "nlp" answering "which one (when it started)?"
    if attribute and len(subjects) == 1 and subjects[0] in context.listed and "list" not in op_names \
            and re.search(r"\bthe [\w'-]+( [\w'-]+)? one\b", text, re.I):
        return Query("lookup", programs=tuple(subjects), attribute=attribute)  # "back to the rare books one, what would i study"
    if intent == "find_certificate" and attribute and attribute == context.last_attribute and len(subjects) == 1 \
            and not (context.program or context.listed) and context.provider in (None, *mentions.institutions) \
            and is_bare_name(text, mentions) and not (said.SEARCH.search(text) or "list" in op_names):
        # "The rare book one in virginia" answering "which school's certificate do you mean?" (nothing else in context).
        return Query("lookup", programs=tuple(subjects), attribute=attribute)
    # "which certificates are there for data science?", "certificates that deal with data science?", whatever the intent
    searches = bool(said.SEARCH.search(text)) and bool(mentions.topics or mentions.goals) and attribute in (None, "topics") \
        and not mentions.programs
    school_attribute = bool(attribute and attribute != "topics" and mentions.institutions
                            and not (mentions.topics or mentions.goals))  # "so total days for a calrbs cert"
    # "Would the department chip in anything?" with a certificate in context: asked of it, not a search.
    of_context = bool(attribute and attribute != "topics" and (context.program or context.listed)
                      and not (mentions.topics or mentions.goals or mentions.institutions or mentions.programs
                               or "list" in op_names or said.SEARCH.search(text)))
    if (intent == "find_certificate" and not school_attribute and not of_context) or searches \
            or (("list" in op_names) and not mentions.programs and attribute is None):
        if mentions.programs and attribute:
            return Query("lookup", programs=tuple(subjects), attribute=attribute)
        if attribute in ("started", "growth", "cost", "structure", "length") and len(subjects) == 1 and said.WHEN_OR_HOW_MUCH.search(text) \
                and (mentions.topics or mentions.institutions) and not ("list" in op_names or said.SEARCH.search(text)):
            return Query("lookup", programs=tuple(subjects), attribute=attribute)  # "UA's NLP cert, when did it launch?"
        if mentions.programs and not (mentions.topics or mentions.goals):
            return Query("describe", programs=tuple(subjects))
        if pointed_at(mentions, context) and not (mentions.topics or mentions.goals or mentions.institutions):
            pointed = pointed_at(mentions, context)  # "what's the second one about?" just after a list
            return Query("lookup", programs=pointed, attribute=attribute) if attribute else Query("describe", programs=pointed)
        if attribute == "delivery" and not subjects:
            return Query("lookup", programs=every_program(kb), attribute="delivery")
        provider = only_one(mentions.institutions)
        if provider and not (mentions.topics or mentions.goals) and len(kb.programs_of(provider)) == 1:
            return Query("describe", programs=(kb.programs_of(provider)[0].id,))  # "rare book school"
        if provider is None and context.provider and is_bare_name(text, mentions) \
                and not re.search(r"\b(other|else|another|elsewhere|which)\b", text, re.I):
            provider = context.provider  # "archival studies", just after Arizona's certificates were listed
        school = next((word for word in mentions.unknown if _named_as_school(word, text)), None)
        if school and not (mentions.topics or mentions.goals or provider):
            return Special("not_named", attribute=school)  # "does drexel offer a post-mlis certificate?"
        person = person_story(text, kb, mentions.unknown) if not (mentions.topics or mentions.goals or provider) else None
        if person:
            return Query("describe", person=person)  # "what's Find@Roux?": words only a person's story holds
        if not (mentions.topics or mentions.goals or provider) and (
                any(_in_subject_position(word, text) for word in mentions.unknown)
                or ("list" not in op_names and (mentions.unknown or not said.WHOLE_CATALOGUE.search(text)))):
            # "what should I look at?", "does drexel offer one?": no subject we know; ask, don't list all
            return Special("which_topic")
        return Query("find", topics=mentions.target_topics or mentions.topics, goals=mentions.goals, provider=provider)
    return None


def about_the_subjects(reading: Reading) -> Optional[Answer]:
    """The programs the question is about: described, asked about, or which of a school's is meant."""
    text, mentions, kb, attribute = reading.text, reading.mentions, reading.kb, reading.attribute
    subjects, ambiguous = reading.subjects, reading.ambiguous
    if subjects:
        if attribute is None:
            if len(subjects) == 1 or mentions.programs:
                return Query("describe", programs=tuple(subjects), attribute=attribute)
            provider = only_one(mentions.institutions) if len(mentions.institutions) == 1 else None
            if ambiguous and provider and said.ONE_OF_A_SCHOOL.search(text) and not said.SEVERAL_WORDS.search(text) \
                    and not re.search(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", text, re.I):
                return Clarification(None, candidates=tuple(subjects), provider=ambiguous)  # "the arizona certificate": which?
            return Query("describe", programs=tuple(subjects), provider=provider if len(subjects) > 1 else None)
        if ambiguous and attribute not in SCHOOL_ATTRIBUTES and not _same_answer(kb, ambiguous, attribute):
            return Clarification(attribute, candidates=tuple(subjects), provider=ambiguous)
        if attribute == "audience" and not any(kb.program(pid).audience for pid in subjects) \
                and any(kb.program(pid).eligibility for pid in subjects):
            attribute = "eligibility"  # "is it only for people already in archives?": who may enrol is what the article says
        # "Does the rare books one cover bookbinding?": the subjects asked about, not those that describe it
        asked = tuple(t for t in mentions.topics if not any(t in kb.program(pid).topics for pid in subjects)) \
            if attribute == "topics" else ()
        return Query("lookup", programs=tuple(subjects), topics=asked, attribute=attribute,
                     also=second_questions(text, mentions, attribute))
    return None


def a_school_or_subject_alone(reading: Reading) -> Optional[Answer]:
    """No program named or referred to: a school named is its certificates, a subject a search."""
    mentions, kb = reading.mentions, reading.kb
    if mentions.institutions:
        return Query("describe", provider=mentions.institutions[0], programs=tuple(
            p.id for p in kb.programs_of(mentions.institutions[0])))
    if mentions.topics or mentions.goals:
        return Query("find", topics=mentions.topics, goals=mentions.goals)
    return None


def nothing_named(reading: Reading) -> Optional[Answer]:
    """Nothing of ours named: the short list just shown, a general answer, a question back, or nothing."""
    text, intent, mentions, context, kb = reading.text, reading.intent, reading.mentions, reading.context, reading.kb
    attribute, op_names = reading.attribute, reading.op_names
    if attribute and 2 <= len(context.listed) <= SHORT_LIST and not said.SINGULAR_PRONOUN.search(text) \
            and is_bare_name(text, mentions):
        return Query("lookup", programs=context.listed, attribute=attribute)  # "price?" just after a short list
    nothing_in_context = not (context.program or context.listed or context.provider)
    if attribute in GENERAL_ATTRIBUTES and not said.SINGULAR_PRONOUN.search(said.DUMMY_IT.sub(" ", text)):
        return Special("general", attribute=attribute)
    if attribute in PER_PROGRAM_ATTRIBUTES and nothing_in_context and said.WHICH_OF_ALL.search(text):
        return Query("lookup", programs=programs_having(kb, attribute, text), attribute=attribute)
    if attribute is not None and nothing_in_context and said.OWN_TASK.search(text) and len(text.split()) >= 5 \
            and not (said.REFERS_BACK.search(text) or names_certificate(text) or said.CERTIFICATE_WORDS.search(text)):
        return NOTHING_ASKED  # "format my capstone references in APA": a task of the user's, no certificate in sight
    if attribute == "quotes" and nothing_in_context and ("count" not in op_names or said.PEOPLE_WORD.search(text)):
        return Special("people")  # "what do people who did them say?", not "how many does it say exist?"
    if attribute is not None:
        # "How do I get admitted to an MLIS program?": a subject of its own, not one of ours to ask about.
        # "How long does it take?" just after two: which of those two.
        short_list = context.listed if 2 <= len(context.listed) <= SHORT_LIST else ()
        return NOTHING_ASKED if said.OTHER_SUBJECT.search(text) else Clarification(attribute, candidates=short_list)
    if "list" in op_names or "count" in op_names:
        return Query("find")
    if ("describe" in op_names or intent == "ask_program_details") and said.SINGULAR_PRONOUN.search(text) \
            and not (context.program or context.listed):
        return Clarification(None)  # "tell me about the certificate", first thing
    person = person_story(text, kb, mentions.unknown) if mentions.empty or mentions.unknown else None
    if person:
        return Query("describe", person=person)  # "what's Find@Roux?"
    if said.WISH.search(text) and not mentions.names_anything and intent != "out_of_scope":
        return Special("which_topic")  # "I want to work in a museum": a wish we have no subject for; ask
    return None
