"""Whether a message asks the knowledge base anything at all when NLU read it as something else, and
whether it is little more than a name (``is_bare_name``), which several rules ask too."""
from __future__ import annotations

import re
from typing import Optional

from actions import message_patterns as said
from actions import situation_reading as situation
from actions.situation_reading import career_stage_of
from actions.understanding.mentions import Mentions
from actions.understanding.terms import PRICED, Context


def in_scope(mentions: Mentions, text: str = "", context: Optional[Context] = None) -> bool:
    """Whether a message NLU read as small talk or out of scope still asks the knowledge base
    something: it names a program or person, asks about the article, asks for an attribute of
    something named or referred back to, or refers back to the person just discussed. "What's the
    weather in Arizona?" and "how do I get admitted to an MLIS program?" do none of these."""
    context = context or Context()
    in_context = bool(context.program or context.provider or context.listed) and (
        bool(said.REFERS_BACK.search(text)) or not said.OTHER_SUBJECT.search(text))
    return bool(
        mentions.programs or mentions.people or "source" in mentions.attributes
        or (mentions.attributes and (mentions.names_anything or in_context))
        or (mentions.attributes and bool(said.CERTIFICATES_IN_GENERAL.search(text)))  # "how do ppl even pay for these certs"
        or (context.person and said.PERSON_PRONOUN.search(text))
        or (bool(context.program) and bool(said.ITS_FULL_NAME.search(text)))  # "full name?" just after a certificate
        or bool(said.WHY_BOTHER.search(text) or said.LIST_SCHOOLS.search(text) or said.WHERE_TO_LOOK.search(text))
        or bool(said.WORTH_IT_PLAIN.search(text) or said.DOWNSIDES.search(text))  # "ok what's the downside"
        or (bool(context.discussed) and bool(said.EARLIER_ONE.search(text)))  # "ok back to the first one"
        or (in_context and bool(mentions.ordinal))  # "when did the latter start?"
        or ((in_context or context.last_attribute == "quotes") and bool(said.NAME_THEM.search(text)))  # "who are they?"
        or bool(said.THE_REST_ARE_NOT.search(text) and not (context.program or context.listed))  # "so the rest aren't?"
        or (in_context and any(op.split(":")[0] in ("others_at_school", "compare", "count", "list")
                               for op in mentions.operations))  # "what else does that school have?", "name them"
        or (mentions.amounts and context.last_attribute == "cost")  # "what if I had 7000?"
        or (context.last_attribute in PRICED and bool(said.PRICE_FOLLOW_UP.search(text)) and bool(context.program or context.listed))
        or (context.last_attribute == "funding" and bool(said.WHO_GIVES.search(text)))  # "who gives them out?"
        or (bool(mentions.institutions) and context.last_attribute is not None and is_bare_name(text, mentions))  # "the one in virginia"
        or bool(mentions.goals)  # "what would help me get a job outside libraries?"
        or (bool(mentions.topics) and bool(said.ASKS_FOR_A_CERTIFICATE.search(text)))  # "whats the best one for a law librarian"
        or (bool(said.US_PLACE.search(text)) and bool(said.WHICH_ONES.search(text) or said.OF_THOSE.search(text)
                                                       or said.ASKS_FOR_A_CERTIFICATE.search(text)))  # "which of them are in Texas?"
        or (bool(said.DONE.search(text)) and bool(said.ASKS_FOR_A_CERTIFICATE.search(text))
            and bool(said.DESCRIBED_PERSON.search(text) or said.LEARNER_OF_NAMED.search(text) or said.PERSON_BY_CLAUSE.search(text)))
        # "which certificate did the librarian from florida southern college do"
        or (bool(mentions.topics) and bool(said.SEEKING.search(text) or said.WISH.search(text)))
        # "hospital librarian jobs. what's out there", "i want to build websites and do ux design"
        or (bool(mentions.topics) and bool(said.SAME_QUESTION.search(text))
            and bool(context.program or context.listed or context.provider))  # "what about law libraries?" after a search
        or bool(said.WHICH_PEOPLE.search(text) or said.SOMEONE_IN_ARTICLE.search(text)  # "how many people does it quote?"
                or said.PEOPLE_WHO_DID.search(text))
        or bool(career_stage_of(text) and situation.ASKS_FIT.search(text))  # "graduated last spring, options?"
        or (bool(said.ASKS_WHICH_PERSON.search(text)) and bool(said.STILL_GOING.search(text) or said.FINISHED.search(text))
            and bool(context.person or context.listed))  # "and who's still in progress?" after the learners
        or bool(said.WHO_IS_THE_ROLE.search(text) or said.FIELD_FIGURE.search(text))
        or (any(op.startswith("rank_") for op in mentions.operations) and context.last_attribute is not None
            and is_bare_name(text, mentions))  # "and highest?" just after the lowest
    )


def asks_the_knowledge_base(mentions: Mentions) -> bool:
    """Whether a message read as an interview answer ("Is RBS online?" as a travel answer, "anything
    under $6,500?" as a budget, "is every RBS course $1,395?") asks for something about named certificates
    or a price range."""
    named = mentions.programs or mentions.institutions or mentions.people
    return bool((named and (mentions.attributes or mentions.amounts))
                or (mentions.amounts and any(op.startswith("filter_") for op in mentions.operations)))


def is_bare_name(text: str, mentions: Mentions) -> bool:
    """A short message that is little more than a name ("the NLP one", "and at SJSU?")."""
    words = re.findall(r"[\w'-]+", text.lower())
    fillers = {"what", "about", "and", "at", "the", "for", "how", "one", "ones", "then", "ok", "okay", "i", "mean",
               "certificate", "program", "at", "with", "same", "question", "there", "same", "for", "of", "in", "please", "to"}
    return len([w for w in words if w not in fillers]) <= 5

