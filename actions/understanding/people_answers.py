"""Answers about the people the article quotes: who they are, what they said, what they took, and
who did, said or found something."""
from __future__ import annotations

import re
from typing import Optional

from actions import message_patterns as said
from actions.people_reading import kb_person_for, learners_of, person_described, person_matching, quoted_for_these, speaking_for, unsaid_of
from actions.subject_reading import pointed_at, subjects_of
from actions.understanding.reading import Reading
from actions.understanding.terms import PROGRAM_OF_PERSON_ATTRIBUTES, SHORT_LIST, Answer, Context, Special
from knowledge.query import Query


def their_school(reading: Reading) -> Optional[Answer]:
    """ "What certificates does his school have?": the school of the person just discussed."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if context.person and said.PERSON_PRONOUN.search(text) and reading.attribute in ("provider", "location") \
            and mentions.institutions == (kb.person(context.person).provider,) \
            and not (mentions.programs or mentions.topics or mentions.people):
        return Query("describe", person=context.person)  # "which school at UA is he in?": his role there, as the article gives it
    if context.person and said.PERSON_SCHOOL.search(text) and not mentions.names_anything:
        person = kb.person(context.person)
        if re.search(r"\b(who else|anyone else|anybody else|other (people|person|staff))\b", text, re.I):
            # "who else is quoted from her school?": the one other person of that school
            others = [p.id for p in kb.people if p.id != person.id and p.provider and p.provider == person.provider]
            return Query("describe", person=others[0]) if len(others) == 1 else None
        if "quotes" in mentions.attributes or (reading.attribute not in (None, "provider", "location")
                                               and said.THEIR_CERTIFICATE.search(text)):
            return None  # "what does she say about who takes her program?", "what should I learn before her program?"
        school = person.provider or next((kb.program(pid).provider for pid in person.programs), None)
        if school:
            return Query("describe", provider=school, programs=tuple(p.id for p in kb.programs_of(school)))
    return None


def someone_in_the_article(reading: Reading) -> Optional[Answer]:
    """ "Did anyone in the article come from the humanities?": the one person whose story says so."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    if said.SOMEONE_IN_THEM.search(text) and not mentions.people and not mentions.names_anything:
        # "Is someone from the article in either of them?": the people it quotes on them
        pointed = context.listed if said.PLURAL_REFERENCE.search(text) or not context.program else (context.program,)
        if pointed:
            return Query("lookup", programs=tuple(pointed), attribute="quotes")
    if said.SOMEONE_IN_ARTICLE.search(text) and not (mentions.people or mentions.programs or mentions.institutions) \
            and not re.search(r"\b(either|them|that|this|it|those|these|one|ones)\b", said.SOMEONE_IN_ARTICLE.sub(" ", text), re.I):
        person = person_matching(text, kb)
        if re.search(r"\b(student|learner)s?\b", text, re.I) and (not person or kb.person(person).relation != "learner"):
            # "what did the student in the article study?": a learner, the one of the certificate in context if any
            learners = learners_of((context.program,), kb) if context.program else []
            learners = learners or [p.id for p in kb.people if p.relation == "learner"]
            person = learners[0] if len(learners) == 1 else None
        if said.ANYONE_LIKE_ME.search(text):
            # "Was there anyone like me in the article?": the learner at the user's stage of their career.
            alike = [p.id for p in kb.people if p.relation == "learner" and context.career_stage
                     and p.career_stage == context.career_stage]
            if len(alike) != 1:
                return Special("people")
            person = alike[0]
        if context.person and re.search(r"\bthe other (person|woman|student|learner|librarian)\b", text, re.I):
            # "and the other person they talk to, did she ...?": the one other learner (or staff) than the one just discussed
            same = [p.id for p in kb.people if p.relation == kb.person(context.person).relation and p.id != context.person]
            person = same[0] if len(same) == 1 else None
        if person:
            return Query("describe", person=person, attribute=attribute if attribute in ("hardest", "prerequisites", "pathways") else None)
    return None


def who_is_described(reading: Reading) -> Optional[Answer]:
    """ "Who had 8 years of cataloging experience?", "who was the one who built a stacks mapping tool?": the one
    person whose role and statements are clearly closest to the description."""
    text, mentions, kb, attribute = reading.text, reading.mentions, reading.kb, reading.attribute
    if said.WHO_IS_DESCRIBED.match(text) and attribute in (None, "quotes", "length") and not said.PERSON_PRONOUN.search(text) \
            and not (said.SINGULAR_PRONOUN.search(text) or said.PLURAL_REFERENCE.search(text)) \
            and not (mentions.people or mentions.programs or mentions.institutions) \
            and not (mentions.topics and said.DONE.search(text)):  # not "who started it?", "who took the data science one?"
        person = person_matching(text, kb)
        if person:
            return Query("describe", person=person)
    return None


def their_certificates_compared(reading: Reading) -> Optional[Answer]:
    """ "Morgan's certificate vs Lyons's, how do they compare?": the certificates they took."""
    mentions, kb = reading.mentions, reading.kb
    if len(mentions.people) >= 2 and "compare" in reading.op_names and not mentions.programs:
        took = tuple(dict.fromkeys(pid for person in mentions.people for pid in kb.person(person).programs))
        if len(took) >= 2:
            return Query("compare", programs=took)
    return None


def tied_to_a_school(reading: Reading) -> Optional[Answer]:
    """ "Who else in the article is connected to Arizona?": the one person tied to it besides the one just discussed."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if said.TIED_TO.search(text) and len(mentions.institutions) == 1 and not (mentions.programs or mentions.people):
        school = mentions.institutions[0]
        tied = [p.id for p in kb.people if p.relation != "author" and p.id != context.person
                and (p.provider == school or any(kb.program(pid).provider == school for pid in p.programs))]
        if len(tied) > 1 and re.search(r"\bwho (from|at)\b", text, re.I):
            tied = [pid for pid in tied if kb.person(pid).relation == "staff"]  # "who from sjsu": who works there
        if len(tied) == 1:
            return Query("describe", person=tied[0])
    return None


def their_certificate_asked_again(reading: Reading) -> Optional[Answer]:
    """ "And Kendra's?" just after the price of Marina Morgan's certificate: the same of the certificate she took."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    asked = reading.attribute if reading.attribute in PROGRAM_OF_PERSON_ATTRIBUTES else context.last_attribute
    if len(mentions.people) == 1 and (said.BARE_POSSESSIVE.match(text) or said.THE_ONE_THEY_DID.search(text)) \
            and asked in PROGRAM_OF_PERSON_ATTRIBUTES:
        took = kb.person(mentions.people[0]).programs  # "what about the one Kendra is doing?" too
        if took:
            return Query("lookup", programs=took, attribute=asked)
    return None


def person_named_or_described(reading: Reading) -> Optional[Answer]:
    """People first: "what did Marina Morgan say?", "which certificate did Lyons take?", "what's her job?"."""
    text, mentions, kb, attribute = reading.text, reading.mentions, reading.kb, reading.attribute
    person_named = mentions.people[0] if mentions.people else person_described(text, mentions, kb, attribute)
    if not mentions.people and said.LEARNER_OF_NAMED.search(text):
        # "The student doing the Arizona data science certificate, who is she?": its one learner in the article
        named = set(subjects_of(mentions, Context(), kb, text, attribute)[0])
        learners = learners_of(named, kb)
        if len(learners) == 1 and person_named in (None, learners[0]):
            return Query("describe", person=learners[0], attribute="quotes" if said.WHAT_DID_SAY.search(text) else None)
    if person_named and not mentions.people and attribute == "eligibility" and not said.ENROLMENT_WORDS.search(text):
        attribute = None  # "what did the arizona student like?": "student" is who, not who may enrol
    if mentions.people and mentions.programs and kb.person(mentions.people[0]).relation == "learner" \
            and said.TOOK_IT.search(text) and attribute is None:
        return Query("describe", person=mentions.people[0])  # "Kendra did the SJSU post-master's, didn't she?": what she did take
    if person_named and not mentions.programs:
        if not mentions.people and attribute == "instructors":
            attribute = "quotes"  # "what did the Arizona professor say?": the professor is who, not what is asked
        took = kb.person(person_named).programs
        if said.NAME_ASKED.search(text):
            return Query("describe", person=person_named)  # "the student doing the arizona certificate, what's her name again"
        if said.WHAT_DID_SAY.search(text):
            return Query("describe", person=person_named, attribute="quotes")  # "what did linda main say about the non-matriculated option?"
        if said.PERSON_OPINION.search(text) and attribute in PROGRAM_OF_PERSON_ATTRIBUTES:
            return Query("describe", person=person_named)  # "did Morgan think it paid off?": what she said of it
        if took and (attribute in PROGRAM_OF_PERSON_ATTRIBUTES or of_their_certificate(text, attribute)):
            return Query("lookup", programs=took, attribute=attribute)  # "was marina morgan's certificate online?"
        return Query("describe", person=person_named, attribute=attribute or unsaid_of(person_named, text, kb))
    return None


def who_said_it(reading: Reading) -> Optional[Answer]:
    """ "Who said the data science and NLP certificates are growing fast?": the person whose statement it is."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if said.WHO_SAID.search(text) and not mentions.people:
        person = kb_person_for(text, kb)
        programs = mentions.programs or ((context.program,) if context.program else context.listed)
        if not person and reading.attribute in ("growth", "started") and programs:
            person = speaking_for(programs, kb)  # "who said they're growing fast?"
        if person:
            return Query("describe", person=person, attribute="quotes")
    if context.person and re.search(r"\bwho (said|was|is) (that|this|it)\b(?! ([a-z]+ )?for\b)", text, re.I) \
            and not mentions.names_anything:
        return Query("describe", person=context.person, attribute="quotes")
    if re.search(r"\bwho (said|says|thinks|claims) (that|this|so)\b", text, re.I) and not mentions.names_anything \
            and (context.program or context.listed):
        # "Who said that?" just after what the article says of some certificates: the people it quotes on them.
        return Query("lookup", programs=(context.program,) if context.program else context.listed, attribute="quotes")
    return None


def the_learner_so_far_along(reading: Reading) -> Optional[Answer]:
    """The one learner still taking a certificate, or the one who finished it: from what their role says."""
    text, mentions, kb = reading.text, reading.mentions, reading.kb
    if mentions.people or mentions.names_anything or not said.ASKS_WHICH_PERSON.search(text):
        return None
    still = said.STILL_GOING.search(text)
    if not (still or said.FINISHED.search(text)):
        return None
    word = "pursuing" if still else "completed"
    learners = [p.id for p in kb.people if p.relation == "learner" and word in p.role.lower()]
    return Query("describe", person=learners[0]) if len(learners) == 1 else None


_NEGATION = re.compile(r"\b(no|not|never|without|zero|didn'?t|hadn'?t|wasn'?t|none)\b", re.I)


def the_learner_it_was_true_of(reading: Reading) -> Optional[Answer]:
    """ "Which of them had no coding experience going in?": the learner whose story says so, as it says it
    (a "no" asked of a story that says "no"; "who had coding experience?" is not answered by a story without it)."""
    text, mentions, kb = reading.text, reading.mentions, reading.kb
    if not said.ASKS_WHICH_PERSON.search(text) or mentions.people or mentions.names_anything \
            or reading.attribute not in (None, "prerequisites"):
        return None
    person = person_matching(text, kb)
    if not person or kb.person(person).relation != "learner":
        return None
    asked = {w for w in re.findall(r"[a-z]{4,}", text.lower())} - {"which", "them", "going", "before", "there"}
    holding = [st.text for st in kb.person(person).statements if asked & set(re.findall(r"[a-z]{4,}", st.text.lower()))]
    if not any(bool(_NEGATION.search(statement)) == bool(_NEGATION.search(text)) for statement in holding):
        return None
    return Query("describe", person=person)


def the_other_person(reading: Reading) -> Optional[Answer]:
    """ "And the other learner, what was hardest for her?" just after one learner: the one other of that kind."""
    text, context, kb = reading.text, reading.context, reading.kb
    # "what was hardest for the other one?" just after a person (the list is theirs), not after two certificates
    of_a_person = (reading.attribute in ("hardest", "quotes") and reading.attribute in reading.mentions.attributes
                   or bool(said.PERSON_PRONOUN.search(text))) \
        and said.OTHER.search(text) and not reading.mentions.names_anything and not said.CERTIFICATE_WORDS.search(text) \
        and bool(context.person) and set(context.listed) <= set(kb.person(context.person).programs)
    if context.person and not reading.mentions.people and (said.OTHER_PERSON.search(text) or of_a_person):
        kind = kb.person(context.person).relation
        others = [p.id for p in kb.people if p.relation == kind and p.id != context.person]
        if len(others) == 1:
            return Query("describe", person=others[0], attribute=reading.attribute or unsaid_of(others[0], text, kb))
    return None


def person_in_context(reading: Reading) -> Optional[Answer]:
    """ "She", "he", "they" with a person just discussed: that person, or the certificate they took."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    if context.person and said.PERSON_PRONOUN.search(text) and not (mentions.programs or mentions.institutions) \
            and (not mentions.topics or attribute in (None, "quotes", "hardest", "pathways")):
        took = kb.person(context.person).programs
        # "how long had she been working before she did it?" is hers to answer, "could she get aid for it?" the certificate's
        of_it = attribute in PROGRAM_OF_PERSON_ATTRIBUTES - {"length", "structure"} and re.search(
            r"\b(her|his|their) (course|courses)\b|\bit\b", said.DUMMY_IT.sub(" ", text), re.I)
        took_them = attribute == "length" and re.search(r"\bhow long did (it|the (cert\w*|program)) take (her|him|them)\b|"
                                                       r"\bhow long did (she|he|they) take\b", text, re.I)
        if took and (of_it or took_them or of_their_certificate(text, attribute)) and not said.PERSON_OPINION.search(text):
            return Query("lookup", programs=took, attribute=attribute)  # "is her certificate online?", "could she get aid for it?"
        return Query("describe", person=context.person, attribute=attribute or unsaid_of(context.person, text, kb))

    if context.person and attribute == "pathways" and not context.program and not mentions.names_anything \
            and any(s.kind == "chose" for s in kb.person(context.person).statements):
        return Query("describe", person=context.person, attribute="pathways")  # "what does that pathway teach?" after Marina
    if context.person and said.PERSON_PRONOUN.search(text) and mentions.institutions and not mentions.programs \
            and attribute is None:
        return Query("describe", person=context.person, attribute="provider")  # "is he at San José State?"
    if context.person and kb.person(context.person).relation == "learner" and not mentions.names_anything \
            and re.search(r"\bhow many (years|yrs)\b.{0,30}\b(job|field|work\w*|career|cataloging|librar\w*|in)\b", text, re.I):
        return Query("describe", person=context.person)  # "after how many years in the job?" just after her
    return None


def the_one_with_a_learner_quoted(reading: Reading) -> Optional[Answer]:
    """ "Which of those has a student quoted in the article?", "which of the three did someone in the article
    complete?" just after a list: the one learner of them."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if len(context.listed) >= 2 and said.OF_THOSE.search(text) and not mentions.names_anything \
            and (said.A_LEARNER_QUOTED.search(text) or (said.SOMEONE_IN_ARTICLE.search(text) and said.DONE.search(text))):
        learners = learners_of(context.listed, kb)
        if len(learners) == 1:
            return Query("describe", person=learners[0])
    return None


def of_their_certificate(text: str, attribute: Optional[str]) -> bool:
    """Whether the message asks something of the certificate a person took ("who is her program aimed at?",
    "morgan's certificate, is it online?") rather than of the person ("what was her hardest course?")."""
    return bool(said.THEIR_CERTIFICATE.search(text)) and attribute not in (None, "quotes", "hardest", "provider") \
        and not said.PERSON_OPINION.search(text)


def the_people_again(reading: Reading) -> Optional[Answer]:
    """ "Who are they?", "which of them are students?" just after the people the article quotes."""
    text, mentions, context = reading.text, reading.mentions, reading.context
    if context.last_attribute != "quotes" or context.program or mentions.names_anything or mentions.people:
        return None
    learners = re.search(r"\b(students?|learners?|took|taking|did (one|a certificate|the certificate))\b", text, re.I)
    if said.NAME_THEM.search(text) or (learners and said.OF_THOSE.search(text)):
        return Special("people", attribute="learners" if learners else None)
    return None


def people_quoted(reading: Reading) -> Optional[Answer]:
    """ "Which people does the article quote?", "how many people are quoted?", "what do the people who did them say?"."""
    text, mentions, attribute, op_names = reading.text, reading.mentions, reading.attribute, reading.op_names
    if (said.WHICH_PEOPLE.search(text) or said.PEOPLE_WHO_DID.search(text) or (
            "count" in op_names and "quotes" in mentions.attributes and said.PEOPLE_WORD.search(text))) \
            and not (mentions.programs or mentions.institutions or mentions.people) \
            and (attribute in (None, "quotes", "source") or (
                attribute == "audience" and said.PEOPLE_WHO_DID.search(text) and not said.PERSON_PRONOUN.search(text)
                and re.search(r"\b(say|said|think|thought|tell|told|found)\b", text, re.I)
                and not re.search(r"\bauthor\b", text, re.I))):
        # not "what did the learners recommend doing beforehand?"
        # "What did the people who did one say?": the learners are what "either of them" means next.
        return Special("people", attribute="learners" if said.PEOPLE_WHO_DID.search(text) else None)
    return None


def who_takes_it_that_way(reading: Reading) -> Optional[Answer]:
    """ "Who usually takes it that way?" just after who may enrol: the article's note on who does."""
    text, mentions, context, attribute = reading.text, reading.mentions, reading.context, reading.attribute
    if said.WHO_DID.search(text) and not said.DONE.search(text) and context.program and not mentions.names_anything and not mentions.credentials \
            and not said.OTHER.search(text) \
            and context.last_attribute in ("eligibility", "audience") and attribute in (None, "audience", "eligibility"):
        return Query("lookup", programs=(context.program,), attribute="eligibility")
    return None


def who_found_it_hard(reading: Reading) -> Optional[Answer]:
    """ "Who found it hard?", "the hardest course anyone mentions?": the person whose hardest course the article gives."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    everyone = bool(said.ANYONE.search(text)) and not (mentions.programs or mentions.institutions
                                                        or said.SINGULAR_PRONOUN.search(text))
    if attribute == "hardest" and not mentions.people and (said.WHO_DID.search(text) or everyone):
        pool = mentions.programs or ((context.program,) if context.program and not everyone else ())
        found = [p.id for p in kb.people if any(s.kind == "found_hardest" for s in p.statements)
                 and (not pool or set(p.programs) & set(pool))]
        if len(found) == 1:
            return Query("describe", person=found[0], attribute="hardest")
    return None


def who_did_it(reading: Reading) -> Optional[Answer]:
    """ "Who did the SJSU post-master's?", "who took the first one?": the people the article quotes about it."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    if said.WHO_DID.search(text) and not mentions.people and (attribute in (None, "quotes", "source", "provider") or (
            attribute == "audience" and said.DONE.search(text))):  # "who took the first one?" is not who it is for
        described = () if mentions.programs or mentions.institutions or not mentions.topics \
            else subjects_of(mentions, Context(), kb, text, attribute)[0]  # "who went through the data science program?"
        if not learners_of(described, kb):
            described = ()
        pointed = mentions.programs or described or pointed_at(mentions, context) or (
            context.listed if (said.PLURAL_REFERENCE.search(text) or re.search(r"\b(that|this)\b", text, re.I))
            and said.DONE.search(text) and not mentions.names_anything and len(context.listed) <= SHORT_LIST else ())
        if not pointed and mentions.institutions and not mentions.topics and said.DONE.search(text):
            # "what did the person who did the sjsu one get out of it?": the one learner at that school
            at_school = {p.id for school in mentions.institutions for p in kb.programs_of(school)}
            took = learners_of(at_school, kb)
            if len(took) == 1:
                return Query("describe", person=took[0])
        if pointed:
            took = learners_of(pointed, kb)
            if said.DONE.search(text) and len(took) == 1:
                return Query("describe", person=took[0])  # "did anybody in the article take either of them?"
            return Query("lookup", programs=pointed, attribute="quotes")
    return None


def anyone_done_that(reading: Reading) -> Optional[Answer]:
    """ "Has anyone done that?" just after a certificate: the people the article quotes on it."""
    text, mentions, context, attribute = reading.text, reading.mentions, reading.context, reading.attribute
    if said.WHO_DID.search(text) and not (mentions.people or mentions.names_anything) and context.program \
            and attribute not in ("audience", "eligibility", "leadership") and (said.REFERS_BACK.search(text) or re.search(r"\b(that|this)\b", text, re.I)) and not said.PERSON_PRONOUN.search(text):
        return Query("lookup", programs=(context.program,), attribute="quotes")
    return None


def who_believes_it(reading: Reading) -> Optional[Answer]:
    """ "Who believes data science is a recognisable term?": the person whose statement it is."""
    text, mentions, kb = reading.text, reading.mentions, reading.kb
    if said.WHO_DID.search(text) and not said.DONE.search(text) and re.search(r"\bwho\b", text, re.I) \
            and not said.FOR_PEOPLE_WHO.search(text) \
            and not mentions.people and not mentions.programs and reading.attribute not in ("leadership", "eligibility", "audience", "admission"):
        person = kb_person_for(text, kb)
        if person:
            return Query("describe", person=person, attribute="quotes")
    return None


def who_runs_their_program(reading: Reading) -> Optional[Answer]:
    """ "Who runs the program she did?": the one person quoted for the certificate of the person just discussed."""
    text, context, kb = reading.text, reading.context, reading.kb
    if reading.attribute == "leadership" and context.person and said.PERSON_PRONOUN.search(text) \
            and not reading.mentions.names_anything:
        staff = speaking_for(kb.person(context.person).programs, kb)
        if staff and staff != context.person:
            return Query("describe", person=staff)
    return None


def who_runs_it(reading: Reading) -> Optional[Answer]:
    """ "Who runs the SJSU post-master's?", "who coordinates the MS in data science there?": the one person
    the article quotes for that school or certificate; where it quotes no one, the rule for what it never gives."""
    context, kb = reading.context, reading.kb
    if reading.attribute != "leadership":
        return None
    # Only someone tied to these certificates: Arizona's data science coordinator does not run its legal one.
    staff = quoted_for_these(reading.subjects or ((context.program,) if context.program else context.listed), kb)
    return Query("describe", person=staff) if staff else None
