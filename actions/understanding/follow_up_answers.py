"""Answers to follow-ups over the conversation's context: the certificate under discussion, the last
list shown, the last question asked."""
from __future__ import annotations

import re
from typing import Optional

from actions import message_patterns as said
from actions.subject_reading import described_by, only_one
from actions.understanding.reading import Reading
from actions.understanding.terms import Answer, Clarification, Special
from knowledge.query import Query


def why(reading: Reading) -> Optional[Answer]:
    """ "Why not?" after "no financial aid", "why that one?", "why did she go for it?": the reasons given."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    if said.WHY.match(text) and not (mentions.names_anything or mentions.attributes):
        if context.person and (said.PERSON_PRONOUN.search(text) or not context.program):
            return Query("describe", person=context.person)
        if context.program and context.last_attribute not in (None, "details", "compare"):
            return Query("lookup", programs=(context.program,), attribute=context.last_attribute)
        if context.program:
            return Query("lookup", programs=(context.program,), attribute="quotes")
        if len(context.listed) >= 2 and context.last_attribute not in (None, "details", "compare"):
            return Query("lookup", programs=context.listed, attribute=context.last_attribute)  # "why not?" after a list
    return None


def what_they_show(reading: Reading) -> Optional[Answer]:
    """ "What do these certificates actually show employers?" just after two: what they document."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    referred = (context.program or context.listed) and (said.SINGULAR_PRONOUN.search(text) or said.PLURAL_REFERENCE.search(text)) \
        and not (mentions.programs or mentions.institutions or mentions.topics or mentions.people)
    if reading.attribute is None and said.WHAT_IT_SHOWS.search(text) and referred:
        return Query("lookup", programs=(context.program,) if context.program and said.SINGULAR_PRONOUN.search(text)
                     else context.listed or (context.program,), attribute="credential")
    return None


def anything_else(reading: Reading) -> Optional[Answer]:
    """ "Anything else I should know about it?": what the article quotes on it."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    if reading.attribute is None and said.ANYTHING_ELSE.search(text) and context.program and not mentions.names_anything:
        return Query("lookup", programs=(context.program,), attribute="quotes")  # "anything else I should know about it?"
    return None


def does_it_have(reading: Reading) -> Optional[Answer]:
    """ "Does it have a data science option?" with a certificate in context: its pathways or subjects."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    if (said.DOES_IT_HAVE.search(text) or (context.last_attribute == "pathways" and said.IS_THERE_ONE.search(text))) \
            and context.program and (mentions.topics or mentions.goals) \
            and not (mentions.programs or mentions.institutions or mentions.people):
        has_pathways = bool(kb.program(context.program).pathways)
        return Query("lookup", programs=(context.program,), topics=() if has_pathways else mentions.topics,
                     attribute="pathways" if has_pathways else "topics")
    if said.DO_THEY_COVER.search(text) and len(context.listed) >= 2 and (mentions.topics or mentions.goals) \
            and attribute in (None, "topics", "courses", "pathways") \
            and not (mentions.programs or mentions.institutions or mentions.people):
        return Query("lookup", programs=context.listed, topics=mentions.topics, attribute="topics")  # "does either of them cover digitization?"
    return None


def same_school(reading: Reading) -> Optional[Answer]:
    """ "Same school?" just after two certificates: who offers each."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    if "others_at_school" in reading.op_names and not mentions.names_anything and len(context.listed) >= 2 and said.SAME_SCHOOL.match(text):
        return Query("lookup", programs=context.listed, attribute="provider")
    return None


def others_at_the_school(reading: Reading) -> Optional[Answer]:
    """ "Is there a sister program at the same school?": the school's other certificates."""
    mentions, context, kb, attribute = reading.mentions, reading.context, reading.kb, reading.attribute
    other_ones = said.OTHERS_OF_A_SCHOOL.search(reading.text) and context.program and not mentions.topics \
        and (not mentions.institutions or kb.program(context.program).provider in mentions.institutions)
    school_in_context = context.provider or (kb.program(context.program).provider if context.program else None)
    if said.ITS_CERTIFICATES.search(reading.text) and school_in_context and not mentions.names_anything:
        return Query("describe", provider=school_in_context, programs=tuple(p.id for p in kb.programs_of(school_in_context)))
    if ("others_at_school" in reading.op_names or other_ones) and not mentions.programs:
        school = only_one(mentions.institutions) or school_in_context
        if other_ones:
            attribute = attribute if mentions.attributes else None  # not the intent's guess: "what other arizona ones are there?"
        if school:
            others = tuple(p.id for p in kb.programs_of(school) if p.id != context.program)
            described = [pid for pid in others if set(mentions.topics) & set(kb.program(pid).topics)]
            if len(described) == 1:
                # "and the legal one at the same school?": that one, asked what was just asked
                asked = attribute or (context.last_attribute if context.last_attribute not in (None, "details", "compare") else None)
                return Query("lookup", programs=tuple(described), attribute=asked) if asked \
                    else Query("describe", programs=tuple(described))
            return Query("describe", programs=others) if others else Query(
                "describe", provider=school, programs=tuple(p.id for p in kb.programs_of(school)))
    return None


def its_full_name(reading: Reading) -> Optional[Answer]:
    """ "Full name?" just after a certificate: what it is, under its full name."""
    if reading.context.program and said.ITS_FULL_NAME.search(reading.text) and not reading.mentions.names_anything:
        return Query("describe", programs=(reading.context.program,))
    return None


def the_rest_of_the_school(reading: Reading) -> Optional[Answer]:
    """ "And the rest are what?" just after some of one school's certificates: the school's others."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if said.THE_REST.search(text) and context.listed and not mentions.names_anything and context.last_attribute != "pathways" \
            and not (said.WHERE_TO_LOOK.search(text) or said.WHERE_THE_LIST.search(text)) \
            and not re.search(r"\b(say|said|think|thought|quoted|people|learners?|students?|pathways?|tracks?)\b", text, re.I):
        schools = {kb.program(pid).provider for pid in context.listed}
        if len(schools) == 1:
            rest = tuple(p.id for p in kb.programs_of(schools.pop()) if p.id not in context.listed)
            if rest:
                return Query("lookup", programs=rest, attribute=reading.attribute) if reading.attribute \
                    else Query("describe", programs=rest)
    return None


def list_them(reading: Reading) -> Optional[Answer]:
    """ "List them", "show me those", "names?": the programs of the last answer, whatever the intent guessed."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    asks_names = said.NAME_THEM.search(text) or ("list" in reading.op_names and said.PLURAL_REFERENCE.search(text))
    if not asks_names or mentions.names_anything or reading.attribute is not None:
        return None
    if context.program and context.last_attribute in ("pathways", "topics"):
        # "How many pathways does it have?" "Name em": the pathways, not the certificates.
        return Query("lookup", programs=(context.program,), attribute=context.last_attribute)
    if len(context.listed) >= 2 or ("list" in reading.op_names and context.listed):
        return Query("describe", programs=context.listed)  # "how many at CalRBS?" "Names?": the certificates
    return None


def one_there_too(reading: Reading) -> Optional[Answer]:
    """ "Is there one at SJSU too?" just after a search: the one of the list at that school, or the school's own."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if said.IS_THERE_ONE.search(text) and mentions.institutions and not (mentions.programs or mentions.topics or mentions.goals) \
            and context.listed and reading.attribute is None:
        school = mentions.institutions[0]
        there = tuple(pid for pid in context.listed if kb.program(pid).provider == school)
        return Query("describe", programs=there) if there else Query(
            "describe", provider=school, programs=tuple(p.id for p in kb.programs_of(school)))
    return None


def which_of_those(reading: Reading) -> Optional[Answer]:
    """ "Which of those is at Arizona?", "which of those two is the one about language?": the last list, narrowed."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    if len(context.listed) >= 2 and said.OF_THOSE.search(text) and not mentions.programs \
            and attribute == "pathways" and not mentions.names_anything:
        having = tuple(pid for pid in context.listed if kb.program(pid).pathways)  # "which of the two has pathways?"
        if having and len(having) < len(context.listed):
            return Query("lookup", programs=having, attribute="pathways")
    if len(context.listed) >= 2 and said.OF_THOSE.search(text) and not mentions.programs \
            and (mentions.institutions or mentions.topics or mentions.goals) \
            and not any(name.startswith(("rank", "filter", "count")) for name in reading.op_names):
        for_goals = {m.program.id for m in kb.find_programs(goals=mentions.goals)} if mentions.goals else set()
        # A subject their courses cover counts too: "so which of the two has bookbinding?"
        for_topics = {m.program.id for t in mentions.topics for m in kb.find_programs(topics=(t,))}
        narrowed = tuple(pid for pid in context.listed
                         if (not mentions.institutions or kb.program(pid).provider in mentions.institutions)
                         and (not mentions.topics or pid in for_topics)
                         and (not mentions.goals or pid in for_goals))  # "which of those are the techy ones?"
        if narrowed and len(narrowed) < len(context.listed):
            return Query("lookup", programs=narrowed, attribute=attribute) if attribute else \
                Query("describe", programs=narrowed)
        if not narrowed and mentions.topics and not (mentions.institutions or mentions.goals):
            # "which of them are about emerging tech?" when none of them is: what they cover, and that this is not it
            return Query("lookup", programs=context.listed, attribute="topics", topics=mentions.topics)
    return None


def it_after_a_comparison(reading: Reading) -> Optional[Answer]:
    """ "Any money help for it?" just after two certificates were compared: "it" could be either, so ask which."""
    text, mentions, context, attribute = reading.text, reading.mentions, reading.context, reading.attribute
    if context.last_attribute != "compare" or len(context.listed) != 2 or attribute in (None, "compare") \
            or mentions.names_anything or mentions.ordinal or said.PLURAL_REFERENCE.search(text) \
            or not said.SINGULAR_PRONOUN.search(said.DUMMY_IT.sub(" ", text)):
        return None
    return Clarification(attribute, candidates=context.listed)


def what_it_shows_employers(reading: Reading) -> Optional[Answer]:
    """ "What does the certificate actually show employers?" with a certificate in context: that certificate."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    if mentions.goals and not (mentions.topics or mentions.programs or mentions.institutions) and context.program \
            and said.SINGULAR_PRONOUN.search(text) and reading.attribute is None and not said.SEARCH.search(text):
        return Query("describe", programs=(context.program,))
    return None


def similar_elsewhere(reading: Reading) -> Optional[Answer]:
    """ "Anything similar at SJSU?" just after a certificate: that school's certificates on its subjects."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if said.SIMILAR.search(text) and context.program and not (mentions.programs or mentions.topics or mentions.goals) \
            and reading.attribute in (None, "topics"):
        provider = only_one(mentions.institutions)
        return Query("find", topics=kb.program(context.program).topics, provider=provider)
    return None


def is_it_about(reading: Reading) -> Optional[Answer]:
    """ "Is the critical librarianship one about activism?", "is it about bookbinding?": what the one described,
    or the one in context, covers (not the last question asked again)."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    match = said.IS_IT_ABOUT.search(text)
    if not match or not mentions.topics or mentions.programs or mentions.institutions or reading.operations:
        return None
    if said.SINGULAR_PRONOUN.search(match.group(0)) and context.program and len(mentions.topics) == 1:
        return Query("lookup", programs=(context.program,), topics=mentions.topics, attribute="topics")
    described = described_by(kb, mentions.topics[0])
    if len(mentions.topics) >= 2 and len(described) == 1:
        return Query("lookup", programs=described, topics=mentions.topics[1:], attribute="topics")
    return None


def which_pathway(reading: Reading) -> Optional[Answer]:
    """A pathway picked by subject or by position just after a certificate's pathways: its pathways."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if context.last_attribute == "pathways" and context.program and kb.program(context.program).pathways \
            and re.search(r"\bwhich (one|pathway|track|option)s?\b", text, re.I) and mentions.topics \
            and not (mentions.programs or mentions.institutions):
        return Query("lookup", programs=(context.program,), attribute="pathways")  # "which one is about archives" after them
    if reading.attribute == "pathways" and context.program and mentions.topics and not (mentions.programs or mentions.institutions) \
            and any(set(mentions.topics) & set(p.topics) for p in kb.program(context.program).pathways):
        return Query("lookup", programs=(context.program,), attribute="pathways")  # "is there a pathway for archives?" of it
    if reading.attribute == "pathways" and mentions.topics and not (mentions.programs or mentions.institutions or mentions.credentials) \
            and re.search(r"\b(which|what) (pathway|track)s?\b", text, re.I):
        # "which pathway fits someone doing archives?": the one certificate whose pathways cover it
        covering = [p.id for p in kb.programs if any(set(mentions.topics) & set(way.topics) for way in p.pathways)]
        if len(covering) == 1:
            return Query("lookup", programs=(covering[0],), attribute="pathways")
    if reading.attribute == "combining" and context.program and not kb.program(context.program).pathways \
            and not mentions.names_anything and re.search(r"\b(pathways?|tracks?)\b", text, re.I):
        # "can I do two pathways at once?" just after a certificate without any: the one of its school with them
        school = kb.program(context.program).provider
        with_pathways = [p.id for p in kb.programs_of(school) if p.pathways] or [p.id for p in kb.programs if p.pathways]
        if len(with_pathways) == 1:
            return Query("lookup", programs=(with_pathways[0],), attribute=reading.attribute)
    of_kind = [p for p in kb.programs if p.credential in mentions.credentials]
    named = reading.subjects if len(reading.subjects) == 1 else (of_kind[0].id,) if len(of_kind) == 1 else ()
    if named and mentions.topics and not mentions.programs and said.A_PATHWAY.search(text) \
            and reading.attribute in (None, "pathways", "audience", "topics") \
            and any(set(mentions.topics) & set(p.topics) for p in kb.program(named[0]).pathways):
        return Query("lookup", programs=named, attribute="pathways")  # "back to the post-master's, any archives option"
    if context.last_attribute == "pathways" and context.program and kb.program(context.program).pathways \
            and not mentions.names_anything and re.search(r"\b(the )?others\b|\bother (ones|pathways?|tracks?|options?)\b", text, re.I):
        return Query("lookup", programs=(context.program,), attribute="pathways")  # "what are the other ones?" after one pathway
    picked_from_list = context.program in context.listed and len(context.listed) >= 2 \
        and not re.search(r"\b(pathways?|tracks?|options?|concentrations?|specializations?)\b", text, re.I)
    if mentions.ordinal and context.last_attribute == "pathways" and context.program and not mentions.names_anything \
            and kb.program(context.program).pathways and not picked_from_list:
        # ("now the second one" after picking the first of two certificates is the second certificate)
        # "tell me more about the 4th one" just after a certificate's pathways: its pathways, with what the article says of each
        return Query("lookup", programs=(context.program,), attribute="pathways")
    return None


def position_out_of_range(reading: Reading) -> Optional[Answer]:
    """A position past the end of the last list ("the fifth one" after three)."""
    if reading.out_of_range:
        return Special("out_of_range", position=reading.out_of_range)
    return None


def the_other_of_the_same_year(reading: Reading) -> Optional[Answer]:
    """ "And the other one that started the same year?" just after the NLP certificate: the one other
    certificate the article says started that year."""
    text, context, kb = reading.text, reading.context, reading.kb
    year = kb.program(context.program).started if context.program else None
    if year and said.OTHER.search(text) and re.search(r"\b(same|that) (year|yr)\b|\bother (new|newer|recent|newest)\b", text, re.I) \
            and not reading.mentions.programs:  # "and the other new one?"
        others = tuple(p.id for p in kb.programs if p.started == year and p.id != context.program)
        if len(others) == 1:
            return Query("describe", programs=others)
    return None
