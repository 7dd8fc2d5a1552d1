"""Answers from outside the program records: out of scope, the article itself, the landscape of
certificates, whether they are worth it, advice for certificates in general, and messages that ask
the knowledge base nothing."""
from __future__ import annotations

import re
from typing import Optional

from actions import message_patterns as said
from actions import situation_reading as situation
from actions.people_reading import person_described, person_matching
from actions.situation_reading import career_stage_of
from actions.subject_reading import names_certificate
from actions.understanding.reading import Reading
from actions.understanding.terms import GENERAL_ATTRIBUTES, NEVER_GIVEN, NOTHING_ASKED, PRICED, Answer, Special
from knowledge.query import Query


def asks_for_a_task(reading: Reading) -> Optional[Answer]:
    """A task for someone else, a favour, another kind of thing, a trip: not ours to answer."""
    text, mentions = reading.text, reading.mentions
    if said.TRAVEL_PRICE.search(text) and not re.search(r"\b(scholarships?|fund\w*|aid|covers?|covered|pay for|reimburs\w*|include\w*)\b",
                                                         text, re.I):
        return Special("out_of_scope")  # "how much is a hotel in Charlottesville for a week?"
    if said.WRITING_TASK.search(text) or said.FAVOUR.search(text) or (
            (said.OTHER_THING.search(text) or said.TRAVEL_BOOKING.search(text)) and not (mentions.programs or mentions.institutions)):
        return Special("out_of_scope")  # "could you write my cover letter for a rare books job?"
    return None


def another_kind_of_certificate(reading: Reading) -> Optional[Answer]:
    """A certificate that is no post-MLIS one: not ours to answer."""
    text, mentions = reading.text, reading.mentions
    if said.OTHER_CERTIFICATE.search(text) and not (mentions.programs or mentions.institutions):
        return Special("out_of_scope")  # "the SSL certificate on our website expired", "the Google data analytics cert"
    return None


def schools_other_than_named(reading: Reading) -> Optional[Answer]:
    """Schools other than those named: the landscape beyond the article."""
    text, mentions, attribute = reading.text, reading.mentions, reading.attribute
    if len(mentions.institutions) >= 2 and said.OTHER_THAN_NAMED.search(text) and (said.SCHOOLS.search(text) or said.ELSEWHERE.search(text)) \
            and not mentions.programs and attribute in (None, "provider"):
        return Special("landscape")  # "apart from Arizona, SJSU, UCLA and UVA, which universities offer post-master's certificates?"
    return None


def why_bother(reading: Reading) -> Optional[Answer]:
    """Whether a certificate is worth paying for at all."""
    text, mentions = reading.text, reading.mentions
    if said.WHY_BOTHER.search(text) and not (mentions.programs or mentions.institutions or mentions.people):
        return Special("worth_it")  # "why would I pay for this when there are free webinars everywhere"
    return None


def nothing_of_ours(reading: Reading) -> Optional[Answer]:
    """A message NLU could not place, with nothing of ours in it and nothing pointing back: no question."""
    text, intent, mentions, context, kb = reading.text, reading.intent, reading.mentions, reading.context, reading.kb
    attribute, earlier = reading.attribute, reading.earlier
    if intent == "nlu_fallback" and mentions.empty and not earlier and not said.OTHER.search(text) \
            and not (said.WHO_DID.search(text) and (context.program or context.listed)) \
            and not ((said.TOGETHER.search(text) or said.PRICE_FOLLOW_UP.search(text)) and context.last_attribute in PRICED) \
            and not (said.WHO_GIVES.search(text) and context.last_attribute == "funding") \
            and not said.WISH.search(text) and not (career_stage_of(text) and situation.ASKS_FIT.search(text)) \
            and not _field_figures_in(text, kb) and not said.WORTH_IT_ASKED.search(text) \
            and not (context.person and said.PERSON_PRONOUN.search(text)) and not said.WHERE_THE_LIST.search(text) \
            and not said.WHERE_TO_LOOK.search(text) and not said.THE_REST_ARE_NOT.search(text) \
            and not (said.NAME_THEM.search(text) and (context.program or context.listed or context.last_attribute == "quotes")) \
            and not (context.program and said.ITS_FULL_NAME.search(text)) \
            and not (context.person and kb.person(context.person).relation == "author" and said.OF_THE_ARTICLE.search(text)) \
            and not (said.WHO_IS_DESCRIBED.match(text) and person_matching(text, kb)) \
            and not person_described(text, mentions, kb, attribute):  # "who's the metadata librarian in the article?"
        return NOTHING_ASKED  # a pronoun alone ("can you write my statement for it?") is no question about the program
    return None


def _field_figures(kb) -> set:
    """The whole field's figures the article gives (39 programs, 24 of them fully online)."""
    return {kb.landscape.accredited_programs_with_post_masters_certificates, kb.landscape.fully_online}


def _field_figures_in(text: str, kb) -> bool:
    """Whether the message quotes a figure of the whole field ("which 24 are they?")."""
    return any(int(m.group(0)) in _field_figures(kb) for m in re.finditer(r"\b\d{2}\b", text))


def without_a_masters(reading: Reading) -> Optional[Answer]:
    """ "I'm a library tech without a master's, are these for me?": the article's note on who they are not for."""
    text, mentions, attribute = reading.text, reading.mentions, reading.attribute
    if said.NO_MASTERS.search(text) and not (mentions.programs or mentions.institutions or mentions.people) \
            and attribute in (None, "eligibility", "audience", "admission", "credential"):
        return Special("without_masters")
    return None


def the_whole_field(reading: Reading) -> Optional[Answer]:
    """The whole field: "where do I see the whole list?", "are there loads of post-MLIS certs out there?"."""
    text, mentions, attribute = reading.text, reading.mentions, reading.attribute
    if not (mentions.programs or mentions.institutions or mentions.topics or mentions.people) \
            and (said.WHERE_THE_LIST.search(text) or said.ALL_OUT_THERE.search(text)) and attribute not in ("cost", "funding"):
        return Special("landscape")
    counts = _field_figures(reading.kb)
    if any(int(m.group(3)) in counts for m in re.finditer(r"\b(one|part|among|any) of (the|those|these) (\d{2})\b", text, re.I)):
        return Special("landscape")  # "is Arizona one of the 39?": the article does not say which they are
    named = mentions.programs or mentions.institutions or mentions.topics or mentions.people or mentions.ordinal
    if not named and not mentions.amounts and any(
            int(m.group(1)) in counts for m in re.finditer(r"\b(\d{2})\b(?! ?(courses?|days?|years?|weeks?|months?|hundred|thousand|k|%))", text)) \
            and attribute not in ("cost", "course_cost") \
            and not said.SINGULAR_PRONOUN.search(said.DUMMY_IT.sub(" ", text)):
        # "which are the 24?", "is it true 39 programs offer post-master's certs?": the field's figures
        return Special("landscape")
    return None


def the_article(reading: Reading) -> Optional[Answer]:
    """The article itself: "who wrote this?", "where does this come from?"

    Not "did anybody in the article do that?", which asks for a person.
    """
    text, intent, mentions, context, kb = reading.text, reading.intent, reading.mentions, reading.context, reading.kb
    attribute, op_names = reading.attribute, reading.op_names
    asks_who = bool(said.WHO_DID.search(text) and re.search(r"\b(anyone|anybody|someone|somebody|who|who's|whos|people)\b", text, re.I))
    if said.ARTICLE.search(text) and re.search(r"\b(other|others|besides|beyond|else|outside|all of them|the only ones|only ones|more( \w+)? than|"
                                           r"just these|these few|a sample)\b", text, re.I) \
            and not any(name.startswith(("rank", "filter", "compare", "count")) for name in op_names) \
            and (names_certificate(text) or said.SCHOOLS.search(text) or re.search(r"\b(them|all)\b", text, re.I)) \
            and not mentions.names_anything:
        return Special("landscape")  # "are there other certificates out there besides the ones in this article?"
    if said.ARTICLE.search(text) and context.program and re.search(r"\babout (it|that|this|them)\b", text, re.I) \
            and not mentions.names_anything:
        return Query("describe", programs=(context.program,))  # "what does the article actually say about it?"
    if attribute == "source" and not mentions.programs and not mentions.institutions \
            and not (asks_who and (context.program or context.listed)):
        return Special("article")
    if re.search(r"\b(who wrote|who is the author|who's the author|whos the author|the article'?s? author|the author of "
                 r"(the|this) article|(was|is) (it|this|the article|that) written by|(is|was) the (author|writer))\b", text, re.I) and not (mentions.programs or mentions.institutions or mentions.people):
        return Special("article")  # "who wrote it? is she a librarian herself or a journalist?"
    if said.ARTICLE.search(text) and not mentions.names_anything and attribute in (None, "source", "quotes") \
            and intent not in ("ask_landscape", "ask_worth_it") and not asks_who and not said.WHICH_PEOPLE.search(text) \
            and not ((names_certificate(text) or said.ANYONE_LIKE_ME.search(text) or said.ARTICLE_ON_SOMETHING.search(text)
                      or said.DOWNSIDES.search(text))
                     and said.ARTICLE_AS_SCOPE.search(text) and not said.ABOUT_THE_SOURCE.search(text)):
        # Not "what does the article suggest for someone like me?": there the article is where to look.
        return Special("article")
    author = next((p.id for p in kb.people if p.relation == "author"), None)
    if author and context.person == author and not mentions.names_anything:
        if said.OF_THE_ARTICLE.search(text) or re.search(
                r"\b(librarian|job|role|position|title|works?|employer|she|her)\b", text, re.I):
            return Special("article")  # "what's it called?", "what kind of librarian?" just after the article
        if re.search(r"\b(every|all( of)?( the)?|each) (programs?|certificates?|certs?|schools?|options?)\b", text, re.I):
            return Special("landscape")  # "does it cover every program out there?" just after the article
    return None


def funding_harder_than_a_degree(reading: Reading) -> Optional[Answer]:
    """ "Why is funding harder for these than for the MLIS?": certificate funding in general."""
    text, mentions, attribute = reading.text, reading.mentions, reading.attribute
    if attribute == "funding" and said.THAN_A_DEGREE.search(text) and not (mentions.programs or mentions.institutions):
        return Special("general", attribute="funding")
    return None


def the_article_lists_them(reading: Reading) -> Optional[Answer]:
    """ "Does the article list them all?", "so how many aren't?" after the field's figures (nothing listed): the
    field again, which says where the full list is."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    every = re.search(r"\b(every|each|all)( the)? (post[- ]?mlis |post[- ]?master'?s? )?(certificates?|certs?|programs?)\b", text, re.I)
    if (said.ARTICLE_LISTS_THEM.search(text) or said.HOW_MANY_ARE_NOT.search(text)) and not mentions.names_anything \
            and (every or not (context.program or context.listed)):
        return Special("landscape")
    return None


def in_general(reading: Reading) -> Optional[Answer]:
    """ "What does the article say about online programs at all?": the general answer, whatever is in context."""
    text, mentions, attribute = reading.text, reading.mentions, reading.attribute
    if said.IN_GENERAL.search(text) and attribute in GENERAL_ATTRIBUTES and not (mentions.names_anything or mentions.credentials) \
            and not said.SINGULAR_PRONOUN.search(said.DUMMY_IT.sub(" ", text)):
        return Special("general", attribute=attribute)
    return None


def worth_it_plainly(reading: Reading) -> Optional[Answer]:
    """ "Is a post-MLIS certificate worth the money, or just a line on the resume?": whether certificates are
    worth it, not what one costs; asked of no certificate, school or person in particular."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    if said.WORTH_IT_PLAIN.search(text) and not (mentions.programs or mentions.institutions or mentions.people) \
            and not (context.program and said.SINGULAR_PRONOUN.search(text)):
        return Special("worth_it")
    return None


def landscape_or_worth_it(reading: Reading) -> Optional[Answer]:
    """The whole field: "how many programs are online?", "how many schools offer these?"; or whether
    certificates are worth it, when that is what NLU read and nothing of ours is asked instead."""
    text, intent, mentions, context = reading.text, reading.intent, reading.mentions, reading.context
    attribute, op_names = reading.attribute, reading.op_names
    if said.DOWNSIDES.search(text) and not (mentions.names_anything or mentions.attributes):
        return Special("worth_it")  # "what's the biggest downside?": the costs the article weighs against the gains
    if said.WORTH_IT_ASKED.search(text) and not (mentions.programs or mentions.institutions or mentions.people) \
            and (said.THE_ARTICLE_SAYS.search(text) or said.WORTH_IT_ASKED.match(text) or re.match(r"\W*so\b", text, re.I)
                 or re.search(r"\blearning\b|\bmatter\b|pieces? of paper|just paper", text, re.I)):
        return Special("worth_it")  # "so for me it'd mostly be about the credential?"
    if said.WHERE_TO_LOOK.search(text) and not mentions.names_anything:
        return Special("landscape")  # "where would I look for the rest?"
    if said.THE_REST_ARE_NOT.search(text) and not mentions.names_anything and (
            not (context.program or context.listed) or re.search(r"\bonline\b", text, re.I)):
        return Special("landscape")  # "so the rest aren't?" after how many are online: the other 15
    if intent == "ask_landscape" and not (mentions.programs or mentions.institutions or mentions.topics or mentions.goals) \
            and not ("list" in op_names and said.ARTICLE.search(text)) \
            and (attribute in (None, "delivery") and not said.SINGULAR_PRONOUN.search(text)) \
            and not (said.WHO_DID.search(text) and (context.program or context.listed)):
        # "Can I do any certificate fully online?": the article does not say which of its own.
        return Special("general", attribute="delivery") if attribute == "delivery" else Special("landscape")
    if intent == "ask_worth_it" and not (mentions.programs or mentions.institutions or mentions.people) \
            and attribute not in NEVER_GIVEN \
            and not (mentions.attributes and context.program and said.SINGULAR_PRONOUN.search(text)) \
            and not (("credential" in mentions.attributes or attribute == "credential") and (context.program or context.listed)) \
            and not said.COSTS_TO_RUN.search(text) \
            and not (context.last_attribute in PRICED and said.PRICE_FOLLOW_UP.search(text)) \
            and not (context.program and said.WHAT_IT_OFFERS.search(text)):
        # not "is it fully remote?", nor "what's the point of their certificate?" just after one,
        # nor "so what does it actually offer?" (what it is)
        return Special("worth_it")
    return None


def never_given(reading: Reading) -> Optional[Answer]:
    """What the article never gives (deadlines, instructors, salaries): say so for what was asked about."""
    text, attribute, subjects = reading.text, reading.attribute, reading.subjects
    if attribute in NEVER_GIVEN:
        if not subjects and said.OTHER_SUBJECT.search(text) and not re.search(
                r"\b(cert|certs|certificates?|certification|post[- ]?mlis|post[- ]?masters?)\b", text, re.I):
            return Special("out_of_scope")  # "can you help me get into an MLIS program? my GRE scores are low"
        return Query("lookup", programs=tuple(subjects), attribute=attribute) if subjects \
            else Special("general", attribute=attribute)
    return None


def coding_before_tech_certificates(reading: Reading) -> Optional[Answer]:
    """ "Do I need to know how to code before one of the tech certificates?": the advice for them."""
    mentions, attribute = reading.mentions, reading.attribute
    if attribute == "prerequisites" and mentions.goals and not (mentions.programs or mentions.institutions or mentions.topics):
        return Special("general", attribute="prerequisites")
    return None
