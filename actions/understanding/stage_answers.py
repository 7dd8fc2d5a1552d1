"""Answers about the user's career stage: which certificates the article says suit it."""
from __future__ import annotations

import re
from typing import Optional, Tuple

from actions import message_patterns as said
from actions import situation_reading as situation
from actions.situation_reading import career_stage_of
from actions.subject_reading import described_by, narrowed_subjects, subjects_of
from actions.understanding.reading import Reading
from actions.understanding.terms import Answer, Context
from knowledge.query import Query


def the_one_for_a_stage(reading: Reading) -> Optional[Answer]:
    """ "SJSU post masters or the digital assets one, which is meant for people who've been working a while?":
    of the two named (or the last list), the ones the article says suit that stage."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    the_one_for = re.match(r"\W*(and |ok |so )?((what'?s|whats|what is|which is|which'?s) )?the (one|certificate|cert) "
                           r"(for|that|that'?s|aimed|meant|geared|suited|who)\b", text, re.I)
    # "Is the post-master's only for ...?", "am I too new for it?", "their digital assets one for someone like me?"
    only_for = re.search(r"\b(only|just|mainly|mostly|really) for\b|\btoo (new|junior|green|early|soon|senior|experienced|late)\b",
                         text, re.I) or situation.LIKE_ME.search(text)
    described = situation.stage_described(text) or (context.career_stage if situation.LIKE_ME.search(text) else None)
    any_for = re.search(r"\b(is there|are there|anything|something)\b", text, re.I)
    if (the_one_for or only_for or any_for or re.search(r"\b(which|could|can|should|would)\b", text, re.I)) \
            and not mentions.people and described:
        named: Tuple[str, ...] = ()
        if mentions.names_anything:
            found, _, school = subjects_of(mentions, Context(), kb, text, attribute)
            named = narrowed_subjects(found, school, mentions, Context(), kb, text)[0]  # "the post-masters at sjsu"
            named += tuple(pid for topic in mentions.topics for pid in described_by(kb, topic)
                           if pid in found and pid not in named)  # "SJSU post-masters or digital assets"
        group = named if len(named) >= 2 and (mentions.institutions or re.search(r"\b(or|vs\.?|versus|between|either)\b", text, re.I)) else \
            context.listed if not named and len(context.listed) >= 2 and (
                said.OF_THOSE.search(text) or the_one_for or re.search(r"\bwhich (one|is|would|suits?|fits?)\b", text, re.I)) else ()
        if not group and not named and the_one_for and not context.listed:
            group = tuple(p.id for p in kb.programs)  # "what's the one that's specifically for experienced people?"
        if not group and not named and re.search(r"\b(what|which)\b.{0,25}\b(suit|suits|fit|fits|be better|be right|be best|"
                                                  r"make sense)\b", text, re.I):
            group = tuple(p.id for p in kb.programs)  # "what would suit someone fresh out of school then?"
        school = context.provider or (kb.program(context.program).provider if context.program else None)
        if not group and not named and any_for and school and re.search(r"\bthere\b", re.sub(r"\b(is|are) there\b", "", text)):
            group = tuple(p.id for p in kb.programs_of(school))  # "is there something there for someone newer?"
        pointed = bool(mentions.programs or mentions.institutions or mentions.credentials
                       or re.search(r"\b(the|their|its|that) [\w' -]{2,30} (one|cert|certificate|program)\b", text, re.I))
        if len(named) == 1 and pointed and (attribute in (None, "started", "eligibility", "audience", "admission")
                                            or not mentions.attributes) \
                and not (said.WHEN_STARTED.search(text) or said.WISH.search(text) or said.SEEKING.search(text)) \
                and (only_for or re.search(r"\b(could|can|should|would)\b", text, re.I)):
            # "could a brand new grad do the digital assets one instead?": who it is for, as the article says
            return Query("lookup", programs=named, attribute="audience" if kb.program(named[0]).audience else "eligibility")
        suited = tuple(pid for pid in group if kb.program(pid).career_stage == described)
        if suited and len(suited) < len(group):
            return Query("lookup", programs=suited, attribute="audience" if kb.program(suited[0]).audience else "eligibility")
    return None


def certificates_for_my_stage(reading: Reading) -> Optional[Answer]:
    """ "I graduated 6 months ago, options?", "which would u pick if im already 5 yrs in": the certificates
    the article says suit that career stage; "too early for me?" just after one: who it is for."""
    text, mentions, context, kb, op_names = reading.text, reading.mentions, reading.context, reading.kb, reading.op_names
    stage = career_stage_of(text) or (context.career_stage if situation.LIKE_ME.search(text) else None)
    # Not "who took it?"; but "is there an option people fresh out of the MLIS take?" asks for one
    asks_who = said.WHO_DID.search(text) and not re.search(r"\b(is there|are there|any)\b", text, re.I)
    if stage and situation.ASKS_FIT.search(text) and not asks_who and not mentions.credentials \
            and not (mentions.programs or mentions.people or mentions.topics
                                                          or mentions.goals or op_names):
        elsewhere = re.search(r"\b(better|instead|else|other|another|different one)\b", text, re.I)
        if not elsewhere and context.program and not mentions.institutions and said.REFERS_BACK.search(text) or (
                not elsewhere and context.program and re.search(r"\btoo (early|soon|late|new|junior|green|senior|experienced)\b|\b(fits?|suits?) (me|who)\b", text, re.I)):
            chosen: Tuple[str, ...] = (context.program,)
        else:
            chosen = tuple(p.id for p in kb.programs if p.career_stage == stage
                           and (not mentions.institutions or p.provider in mentions.institutions))
        if chosen:
            return Query("lookup", programs=chosen, attribute="audience" if kb.program(chosen[0]).audience else "eligibility")
    return None
