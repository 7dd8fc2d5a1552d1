"""Answers that count: certificates, schools, a certificate's courses, the last list."""
from __future__ import annotations

import re
from typing import Optional

from actions import message_patterns as said
from actions.subject_reading import only_one, pointed_at
from actions.understanding.reading import Reading
from actions.understanding.terms import Answer, Special
from knowledge.query import Query


def _mentions_landscape(text: str) -> bool:
    return bool(re.search(r"\b(ala|accredited|online|out there|in total|exist|in the (country|us|field))\b", text, re.I))


def _mentions_field(text: str) -> bool:
    return bool(re.search(r"\b(programs?|schools?|universit(y|ies)|ala|accredited|online|out there|in total|exist)\b", text, re.I))


def schools_listed(reading: Reading) -> Optional[Answer]:
    """ "List the schools the article talks about": the schools, counted."""
    text, mentions, attribute, op_names = reading.text, reading.mentions, reading.attribute, reading.op_names
    if said.LIST_SCHOOLS.search(text) and not (mentions.names_anything or said.WHICH_SCHOOL_MOST.search(text)) \
            and (attribute in (None, "source", "provider") or (attribute == "topics" and said.ARTICLE.search(text))) \
            and not any(op.startswith(("rank", "filter", "count")) for op in op_names):
        return Query("count", attribute="provider")  # "list the schools the article talks about"
    return None


def courses_needed(reading: Reading) -> Optional[Answer]:
    """ "How many do I need for the certificate?" with a certificate in context: its courses."""
    text, mentions, context, attribute = reading.text, reading.mentions, reading.context, reading.attribute
    needed = said.HOW_MANY_NEEDED.search(text) and context.last_attribute in ("cost", "structure", "courses", "length")
    if "count" in reading.op_names and (context.program or context.listed) and (said.SINGULAR_PRONOUN.search(text) or needed) \
            and not mentions.names_anything and (attribute in (None, "structure", "courses") or not mentions.attributes or needed):
        # "and the third, how many courses is it?": the one the position points at
        return Query("lookup", programs=pointed_at(mentions, context) or ((context.program,) if context.program else context.listed),
                     attribute="structure")
    return None


def how_many_of_its_courses(reading: Reading) -> Optional[Answer]:
    """ "How many of them for the certificate?" just after a question about its courses: its courses."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    if "count" in reading.op_names and said.PLURAL_REFERENCE.search(text) and not mentions.names_anything \
            and context.last_attribute in ("structure", "length", "courses") and (context.program or context.listed):
        # "How many days is each one?" asks the length of a course, which the article gives only for some.
        asked = "length" if reading.attribute == "length" and said.HOW_MANY_DAYS.search(text) else "structure"
        return Query("lookup", programs=(context.program,) if context.program else context.listed, attribute=asked)
    return None


def how_many_is_that(reading: Reading) -> Optional[Answer]:
    """ "How many is that?" just after a list: the list's length (or the pathways' number, just after them)."""
    text, mentions, context, attribute = reading.text, reading.mentions, reading.context, reading.attribute
    if "count" in reading.op_names and not mentions.names_anything and said.THAT_MANY.search(text) and attribute is None \
            and (context.listed or context.program):
        if context.last_attribute == "pathways" and context.program:
            return Query("lookup", programs=(context.program,), attribute="pathways")
        if context.listed:
            kb = reading.kb
            if context.program and context.program not in context.listed and re.search(r"\b(total|in all|altogether|all together)\b", text, re.I) \
                    and {kb.program(pid).provider for pid in context.listed} == {kb.program(context.program).provider}:
                # "so how many is that total?" just after the school's other certificates: with the one before them
                return Query("count", programs=(context.program, *context.listed))
            return Query("count", programs=context.listed)
    return None


def school_with_the_most(reading: Reading) -> Optional[Answer]:
    """ "Which school has the most certificates?": the count, school by school."""
    if said.WHICH_SCHOOL_MOST.search(reading.text) and not reading.mentions.names_anything:
        return Query("count")
    return None


def schools_covered(reading: Reading) -> Optional[Answer]:
    """ "How many schools do you cover?"."""
    text, mentions, attribute = reading.text, reading.mentions, reading.attribute
    if "count" in reading.op_names and said.SCHOOLS.search(text) and not mentions.names_anything \
            and attribute in (None, "topics", "provider") and not (_mentions_landscape(text) and not said.ARTICLE.search(text)):
        return Query("count", attribute="provider")
    return None


def how_many_started_in(reading: Reading) -> Optional[Answer]:
    """ "How many of the certs started in 2021?": those the article says started that year."""
    text, mentions, kb = reading.text, reading.mentions, reading.kb
    year = re.search(r"\b(19|20)\d\d\b", text)
    if "count" in reading.op_names and reading.attribute == "started" and year and not mentions.programs:
        started = tuple(p.id for p in kb.programs if p.started == int(year.group(0))
                        and (not mentions.institutions or p.provider in mentions.institutions))
        return Query("count", programs=started) if started else None
    return None


def which_of_those_started_in(reading: Reading) -> Optional[Answer]:
    """ "Which of the three started in 2021?", "which one started in 2021?" just after two: those of the last list
    the article says started then; when none did, when each started, as the article gives it."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    year = re.search(r"\b(19|20)\d\d\b", text)
    if reading.attribute == "started" and year and len(context.listed) >= 2 \
            and (said.OF_THOSE.search(text) or re.search(r"\bwhich one\b", text, re.I)) and not mentions.names_anything:
        then = tuple(pid for pid in context.listed if kb.program(pid).started == int(year.group(0)))
        return Query("lookup", programs=then or context.listed, attribute="started")
    return None


_BEFORE_OR_AFTER = re.compile(r"\b(?P<side>before|after|since|prior to|earlier than|later than|pre|post)[- ](?P<year>(19|20)\d\d)\b", re.I)


def started_before_or_after(reading: Reading) -> Optional[Answer]:
    """ "Which programs began after 2020?", "which of those started before 2020?": those the article dates on
    that side of the year; when it dates none there, when each started, as far as the article says."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    bound = _BEFORE_OR_AFTER.search(text)
    started = reading.attribute == "started" or re.search(r"\b(start|started|begin|began|begun|launch|launched|founded|"
                                                          r"created|introduced|established|offered)\b", text, re.I)
    if not started or not bound or mentions.programs or mentions.people or mentions.topics:
        return None
    listed = context.listed if len(context.listed) >= 2 and said.OF_THOSE.search(text) else ()
    base = tuple(pid for pid in listed or (p.id for p in kb.programs)
                 if not mentions.institutions or kb.program(pid).provider in mentions.institutions)
    year, later = int(bound.group("year")), bound.group("side").lower() in ("after", "since", "later than", "post")
    dated = tuple(pid for pid in base if kb.program(pid).started is not None
                  and (kb.program(pid).started >= year + (bound.group("side").lower() != "since") if later
                       else kb.program(pid).started < year))
    return Query("lookup", programs=dated or base, attribute="started")


def how_many_certificates(reading: Reading) -> Optional[Answer]:
    """How many: "how many certificates does the article talk about?", "how many programs are online?"."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    if any(op.startswith("count") for op in mentions.operations) and not mentions.programs \
            and (attribute in (None, "source", "delivery") or (attribute == "quotes" and not said.PEOPLE_WORD.search(text))
                 or (attribute == "topics" and said.CERTIFICATE_WORDS.search(text)
                                                               and not said.SINGULAR_PRONOUN.search(text))) \
            and not mentions.institutions and not mentions.topics:  # "how many certificates does the article cover?"
        if attribute == "delivery" or (_mentions_field(text) and not re.search(r"\b(article|you|named|mentioned)\b", text, re.I)):
            return Special("landscape")
        in_context = {kb.program(pid).provider for pid in ((context.program,) if context.program else context.listed)} \
            or ({context.provider} if context.provider else set())
        if len(in_context) == 1 and re.search(r"\b(they|them|that school|this school|that place)\b|(?<!are )(?<!is )\bthere\b", text, re.I) \
                and not said.ARTICLE.search(text):
            return Query("count", provider=in_context.pop())  # "how many certificates do they offer?" just after CalRBS
        return Query("count")
    return None


def subjects_counted(reading: Reading) -> Optional[Answer]:
    """How many of the programs named or described: "how many SJSU certificates are online?"."""
    mentions, attribute, subjects = reading.mentions, reading.attribute, reading.subjects
    if "count" in reading.op_names and not mentions.programs:
        if attribute == "delivery" and subjects:  # "how many SJSU certificates are online?"
            return Query("lookup", programs=tuple(subjects), attribute="delivery")
        if attribute in (None, "provider") and len(mentions.institutions) > 1 and subjects:
            return Query("count", programs=tuple(subjects))  # "how many are from rare book schools?": both schools'
        if attribute in (None, "provider"):
            return Query("count", programs=subjects if mentions.topics else (), provider=only_one(mentions.institutions))
    return None


def courses_left(reading: Reading) -> Optional[Answer]:
    """ "I already took 2 CalRBS courses. How many more do I need?": the courses the certificate takes, less those done."""
    text, context = reading.text, reading.context
    done = said.COURSES_DONE.search(text)
    if done and said.HOW_MANY_MORE.search(text):
        programs = reading.subjects or ((context.program,) if context.program else ())
        if programs:
            word = done.group("done").lower()
            count = int(word) if word.isdigit() else {"one": 1, "two": 2, "three": 3, "four": 4}[word]
            return Query("lookup", programs=tuple(programs), attribute="structure", courses=count)
    return None
