"""Words that several answers share, each written once: amounts and lists, tuition, scholarships, the landscape.

Every composer (``actions.answers``, ``actions.query_answers``, ``actions.guided.shortlist``)
builds its sentences from these, so a fact is phrased the same way wherever it is said.
Phrases come in lower case, to sit inside a sentence; ``capitalised`` starts one with them.
"""
from __future__ import annotations

from typing import Sequence

from knowledge.records import Landscape, Tuition


def usd(amount: int) -> str:
    """An amount in whole US dollars ("$6,000")."""
    return f"${amount:,}"


def join_words(items: Sequence[str], last: str = "and") -> str:
    """Items as a list in words ("a, b and c")."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def capitalised(phrase: str) -> str:
    """The phrase with its first letter in upper case (``str.capitalize`` would lower the rest, names too)."""
    return phrase[:1].upper() + phrase[1:]


# -- tuition -------------------------------------------------------------------------------

NO_PRICE = "the article gives no price"


def no_price_for(subject: str) -> str:
    """ "the article gives no price for <subject>"."""
    return f"{NO_PRICE} for {subject}"


def ask_for_tuition(whom: str) -> str:
    """Where to ask when the article gives no price."""
    return f"For current tuition, ask {whom} directly."


def price_per_course(tuition: Tuition) -> str:
    """ "$1,200 per course (<what the price applies to>)"."""
    return f"{usd(tuition.per_course_usd)} per course ({tuition.applies_to})"


def tuition_sum(tuition: Tuition) -> str:
    """How the certificate total is made: "5 × $1,200"."""
    return f"{tuition.courses_for_certificate} × {usd(tuition.per_course_usd)}"


def certificate_price(tuition: Tuition) -> str:
    """ "$6,000 for the certificate"."""
    return f"{usd(tuition.certificate_total_usd)} for the certificate"


# -- scholarships ------------------------------------------------------------------------------

def scholarships_cover(covered: Sequence[str], *, through: Sequence[str] = (), verb: str = "cover") -> str:
    """ "scholarships [through <providers>] <verb> <what they cover>" (verb: "cover", "can cover", "may cover")."""
    return f"{scholarships_through(through)} {verb} {join_words(covered)}"


def scholarships_through(providers: Sequence[str]) -> str:
    """ "scholarships", with the providers that give them when the article names them."""
    return "scholarships" + (f" through {join_words(providers)}" if providers else "")


# -- the landscape beyond the article's sample -------------------------------------------------------

def accredited_programs(landscape: Landscape, programs: str = "programs") -> str:
    """ "39 American Library Association-accredited programs" (those with post-master's certificates)."""
    return f"{landscape.accredited_programs_with_post_masters_certificates} {landscape.accreditor}-accredited {programs}"


def programs_offering_certificates(landscape: Landscape, programs: str = "programs") -> str:
    """ "39 …-accredited programs offer post-master's certificates"."""
    return f"{accredited_programs(landscape, programs)} offer post-master's certificates"


def online_share(landscape: Landscape, online: str = "fully online") -> str:
    """ "24 of the 39 …-accredited programs with post-master's certificates are available fully online"."""
    others = landscape.accredited_programs_with_post_masters_certificates - landscape.fully_online
    return (f"{landscape.fully_online} of the {accredited_programs(landscape)} with post-master's certificates are available "
            f"{online} (the other {others} are not)")


def where_to_search(landscape: Landscape) -> str:
    """ "search <where the full list is>"."""
    return f"search {landscape.where_to_look}"
