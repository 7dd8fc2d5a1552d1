"""Answers that set certificates against each other or sort them out: places, rankings, totals,
price filters and comparisons."""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

from actions import message_patterns as said
from actions.subject_reading import (
    comparable,
    courses_counted,
    courses_per_school,
    described_by,
    every_program,
    left_out,
    named_group,
    names_certificate,
    number_of,
    only_one,
    pointed_at,
    programs_having,
    ranked_first,
    schools_in,
    subjects_of,
)
from actions.understanding.reading import Reading
from actions.understanding.terms import NOTHING_ASKED, PER_PROGRAM_ATTRIBUTES, PRICED, Answer, Clarification, Context, Special
from knowledge import KnowledgeBase
from knowledge.query import RANKABLE, Query, rank, value_of


def all_but(reading: Reading) -> Optional[Answer]:
    """ "The certs that are not at arizona", "drop the ones in california": every certificate, or the last
    list's, but those of the schools left out."""
    text, mentions, kb, listed = reading.text, reading.mentions, reading.kb, reading.context.listed
    dropped = left_out(text, kb)
    if not dropped or mentions.programs or mentions.institutions or mentions.goals or mentions.people:
        return None
    of_the_list = bool(listed) and bool(said.ON_THE_LIST.search(text) or said.OF_THOSE.search(text))
    base = listed if of_the_list else every_program(kb)
    if mentions.topics:  # "data science certs that aren't in arizona?": those of the subject, elsewhere
        about = {m.program.id for m in kb.find_programs(topics=mentions.topics) if not m.by_courses_only}
        base = tuple(pid for pid in base if pid in about)
    kept = tuple(pid for pid in base if kb.program(pid).provider not in dropped)
    if not kept or len(kept) == len(base):
        return None
    if mentions.amounts:  # "anything under 6.5k that isn't in virginia": the price filter, over those kept
        return Query("filter", programs=kept, attribute="course_cost" if said.PER_COURSE.search(text) else "cost",
                     bound=_bound_of(_price_bound(reading.op_names), text), amount=max(mentions.amounts))
    return _of_these(reading, kept)


def only_the_ones_there(reading: Reading) -> Optional[Answer]:
    """ "Just the ones at arizona" after a list: the list's certificates at that school."""
    text, mentions, kb, listed = reading.text, reading.mentions, reading.kb, reading.context.listed
    match = said.ONLY_THE_ONES.search(text)
    if not match or len(listed) < 2 or mentions.programs or mentions.topics or mentions.people:
        return None
    schools = set(mentions.institutions) | set(schools_in(text[match.start():], kb))
    kept = tuple(pid for pid in listed if kb.program(pid).provider in schools)
    if not kept or len(kept) == len(listed):
        return None
    return _of_these(reading, kept)


def of_the_schools_named(reading: Reading) -> Optional[Answer]:
    """ "Which are from rare book schools?", "list the sjsu and calrbs ones": every certificate of the schools named."""
    text, mentions, kb, listed = reading.text, reading.mentions, reading.kb, reading.context.listed
    if len(mentions.institutions) < 2 or mentions.programs or mentions.topics or mentions.people or mentions.goals \
            or reading.attribute not in (None, "provider") or "compare" in reading.op_names \
            or not re.search(r"^\W*(and |so |ok )?(which|list|show)\b", text, re.I) \
            or not re.search(r"\b(ones|certificates|certs|programs|schools)\b", text, re.I):
        return None
    theirs = tuple(p.id for school in mentions.institutions for p in kb.programs_of(school)
                   if not said.OF_THOSE.search(text) or not listed or p.id in listed)
    return Query("describe", programs=theirs) if theirs else None


def _of_these(reading: Reading, programs: Tuple[str, ...]) -> Answer:
    attribute = reading.attribute
    if attribute and attribute not in ("details", "location", "provider"):
        return Query("lookup", programs=programs, attribute=attribute)
    return Query("describe", programs=programs)


def in_a_place(reading: Reading) -> Optional[Answer]:
    """ "Which certificates are in California?": those of the schools the knowledge base places there."""
    text, mentions, kb, op_names, listed = reading.text, reading.mentions, reading.kb, reading.op_names, reading.context.listed
    of_those = bool(said.OF_THOSE.search(text)) and bool(listed)  # "which of those are in california?": of the list
    adjective = said.US_PLACE.search(text)
    if not (mentions.programs or mentions.people) and (said.ANY_OF_ALL.search(text) or said.WHICH_ONES.search(text)
                                                       or "list" in op_names or said.IS_THERE_ONE.search(text)
                                                       or said.OF_THOSE.search(text) or (adjective and adjective.group("adjective"))):
        placed = [p.id for p in kb.providers if p.location and (match := re.search(
            rf"(?<!apart )(?<!aside )\b(in|near|around|from) (the state of )?{re.escape(p.location)}\b", text, re.I))
            and not _users_own_place(text, match)]
        there = tuple(q.id for school in placed for q in kb.programs_of(school) if not of_those or q.id in listed)
        if there and not (mentions.topics or mentions.goals):
            return Query("describe", programs=there)
        elsewhere = said.US_PLACE.search(text)
        if not placed and elsewhere and not mentions.names_anything and not _users_own_place(text, elsewhere):
            place = elsewhere.group("place") or _COUNTRY_OF.get(elsewhere.group("adjective").lower())
            return Special("not_named_place", attribute=place)  # "which of them are in texas?", "is there a canadian one?"
    return None


_COUNTRY_OF = {"canadian": "Canada", "british": "the UK", "uk": "the UK", "european": "Europe", "australian": "Australia"}


def _users_own_place(text: str, match: re.Match) -> bool:
    """Whether the place is where the user is ("I live in Alaska, which are fully online?"), not where the
    certificates asked for are: the clause before it speaks of the user and asks nothing."""
    clause = re.split(r"[.?!;(]", text[:match.start()])[-1]
    return bool(re.search(r"\b(i|i'm|im|we|we're|my|our)\b", clause, re.I)) \
        and not re.search(r"\b(which|what|any|is there|are there)\b", clause, re.I)


def the_whole_order(reading: Reading) -> Optional[Answer]:
    """The whole order: "rank them by price", "sort the certificates by length"."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    if "rank_all" in reading.op_names:
        ranked_attribute = next((a for a in (attribute, context.last_attribute) if a in RANKABLE), "cost")
        named = mentions.programs or mentions.institutions or mentions.topics
        return Query("rank", programs=named_group(mentions, context, kb, text) if named else (),
                     attribute=ranked_attribute, order="max" if ranked_attribute == "started" else "min", full=True)
    return None


def adding_up(reading: Reading) -> Optional[Answer]:
    """Adding up: "what would just 2 courses run me?", "both CalRBS certificates together?", "one at each, total?"."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    op_names = reading.op_names
    asks_cost = attribute == "cost" or (attribute is None and (
        context.last_attribute == "cost" or re.search(r"\b(total|how much|run me|price|cost)\b", text, re.I)
        or (said.WHAT_IF_COURSES.search(text) and bool(context.program or context.listed))))  # "what if i only do 2 courses"
    if asks_cost and not mentions.amounts and not any(name.startswith(("rank", "filter")) for name in op_names):
        courses = courses_counted(text)
        named = subjects_of(mentions, Context(), kb, text, "cost")[0] if (mentions.programs or mentions.institutions) else ()
        together = bool(said.TOGETHER.search(text)) and "compare" not in op_names
        per_school = courses_per_school(text, kb)
        if len(per_school) >= 2 and len(set(per_school.values())) > 1:
            # "3 courses at rbs and 2 at calrbs": each school's courses at its own price.
            pool = tuple(kb.programs_of(school)[0].id for school in per_school)
            return Query("total", programs=pool, course_counts=tuple(per_school.values()))
        if courses is not None and (named or context.program or context.listed):
            if re.search(r"\b(each|both|one at each|per school)\b", text, re.I) and len(context.listed) >= 2 and not named:
                named = tuple(context.listed)
            # "a single course at the first one": the position points into the last list
            pool = named or pointed_at(mentions, context) or ((context.program,) if context.program else tuple(context.listed[:1]))
            if len({kb.program(pid).provider for pid in pool}) < len(pool):
                first: Dict[str, str] = {}
                for pid in pool:
                    first.setdefault(kb.program(pid).provider, pid)
                pool = tuple(first.values())  # "one course at CalRBS": a course there costs the same for each
            return Query("total", programs=pool, courses=courses)
        if together and courses is None:
            group = named if len(named) >= 2 else tuple(context.listed) if len(context.listed) >= 2 else ()
            if re.search(r"\bone (\w+ )?(cert|certificate|program)\b|\bone of (the )?\w+", text, re.I):
                group = one_per_school(group, kb)  # "one calrbs cert + the rbs one": a certificate at each school
            if group:
                return Query("total", programs=group)
    return None


def _price_asked_before(reading: Reading) -> Tuple[str, ...]:
    """ "rbs price?", "and calrbs", "so what's the difference?": the school priced before against the one just priced
    (not "compare them", which is the two just listed)."""
    context, kb = reading.context, reading.kb
    if reading.mentions.names_anything or context.last_attribute not in PRICED or not context.listed \
            or len({kb.program(pid).provider for pid in context.listed}) != 1 or said.PLURAL_REFERENCE.search(reading.text):
        return ()
    school = kb.program(context.listed[0]).provider
    before = [pid for pid in reversed(context.discussed) if kb.program(pid).provider != school]
    return (before[0], context.listed[0]) if before else ()


def one_per_school(programs: Sequence[str], kb: KnowledgeBase) -> Tuple[str, ...]:
    """The first of each school's programs, in order: a school's courses cost the same for each of its certificates."""
    return tuple({kb.program(pid).provider: pid for pid in reversed(programs)}.values())[::-1]


def by_how_much(reading: Reading) -> Optional[Answer]:
    """ "By how much?" after two certificates were compared or ranked; "how much more is that than CalRBS?"."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    if said.BY_HOW_MUCH.search(text) and attribute in (None, "cost") and not mentions.amounts:
        named = subjects_of(mentions, Context(), kb, text, attribute)[0] if mentions.names_anything else ()
        # "than one CalRBS course": a school's price is its certificates' price, so one of each school will do
        named = one_per_school(named, kb)
        listed = context.listed
        if len(listed) > 2 and len(one_per_school(listed, kb)) == 2 and all(
                len({value_of(kb, pid, "course_cost") for pid in listed if kb.program(pid).provider == school}) == 1
                for school in {kb.program(pid).provider for pid in listed}):
            listed = one_per_school(listed, kb)  # CalRBS's two and RBS: a school's price is its certificates'
        pair = (context.program, named[0]) if context.program and len(named) == 1 and named[0] != context.program \
            else named if len(named) == 2 \
            else _price_asked_before(reading) or (tuple(listed) if len(listed) == 2 and not named else ())
        if len(pair) == 2:
            return Query("compare", programs=pair)
    return None


def every_price_given(reading: Reading) -> Optional[Answer]:
    """ "Which prices does it give then?": every certificate the article prices, in order."""
    if said.PRICES_GIVEN.search(reading.text) and not (reading.mentions.programs or reading.mentions.institutions):
        among = reading.context.listed if said.OF_THOSE.search(reading.text) else ()
        if "count" in reading.op_names:  # "how many certs have a price given at all?"
            return Query("count", programs=tuple(pid for pid in among or every_program(reading.kb)
                                                 if value_of(reading.kb, pid, "cost") is not None))
        return Query("rank", programs=among, attribute="cost", order="min", full=True)
    return None


def ranked(reading: Reading) -> Optional[Answer]:
    """Ranking: "the cheapest", "which takes the least time", "the newest"."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    op_names = reading.op_names
    if mentions.amounts and said.THAN_AN_AMOUNT.search(text):
        return None  # "which ones cost less than 1300 per course?": a bound, not a ranking
    for name, *rest in reading.operations:
        if name in ("rank_max", "rank_min"):
            ranked_attribute = rest[0] if rest else attribute or (
                context.last_attribute if context.last_attribute in RANKABLE else None)  # "and highest?"
            if ranked_attribute == "cost" and said.PER_COURSE.search(text):
                ranked_attribute = "course_cost"  # "which ones are cheapest per course?"
            if ranked_attribute in RANKABLE:
                programs = named_group(mentions, context, kb, text)
                named_here = bool(mentions.programs or mentions.institutions) and bool(programs)
                before = (context.program,) if context.program else context.listed
                if len(programs) == 1 and said.COMPARATIVE.search(text) and before and programs[0] not in before:
                    programs = tuple(dict.fromkeys(before + programs))  # "I guess the RBS one is cheaper" after CalRBS
                # "Overall" beside a comparative is the whole price, not every certificate: "which is cheaper overall?"
                catalogue = {m.group(0).lower() for m in said.WHOLE_CATALOGUE.finditer(text)} - (
                    {"overall"} if said.COMPARATIVE.search(text) else set())
                if not programs and len(context.listed) >= 2 and not catalogue \
                        and (said.COMPARATIVE.search(text) or said.PLURAL_REFERENCE.search(text)
                             or (context.last_attribute == "compare" and re.search(r"\bwhich( one)?\b", text, re.I))):
                    programs = context.listed  # "which is cheaper?" after a list or a comparison; not "and the priciest?"
                if len(programs) < 2 and not named_here and len(context.discussed) >= 2 and said.COMPARATIVE.search(text) \
                        and re.search(r"\b(those|these|the|them) (two|both)\b|\bof them\b|^\W*(so |and |ok )?which (one )?(is|'s|would be)\b",
                                      text, re.I):
                    programs = context.discussed[-2:]  # "the cheaper of those two" after one price, then another
                if "compare" in op_names and said.RANKED_ONE.search(text) and context.program:
                    # "What's the difference vs the cheapest one?": the one in context against the first of the ranking.
                    top = ranked_first(kb, ranked_attribute, name, programs)
                    if top and len({kb.program(pid).provider for pid in top}) == 1 and context.program not in top:
                        return Query("compare", programs=(context.program, top[0]))
                asked = [a for a in mentions.attributes if a != ranked_attribute and a not in ("cost", "structure")
                         and not (a == "topics" and mentions.topics)]  # "for someone focused on rare books, the priciest?"
                if not asked and "structure" in mentions.attributes and ranked_attribute not in ("structure", "course_cost") \
                        and re.search(r"\b(change|vary|varies|same every|each year|year to year|how many)\b", text, re.I):
                    asked = ["structure"]  # "for the cheaper one do the courses change from year to year?"
                if asked and said.RANKED_ONE.search(text):
                    # "Does the cheaper one have scholarships?": the first of the ranking, and what is asked of it.
                    top = ranked_first(kb, ranked_attribute, name, programs)
                    if top and len({kb.program(pid).provider for pid in top}) == 1:  # a tie within one school: both
                        # "Which school has the cheapest certificate?": the school, and the figure it was ranked by.
                        shown = ("cost",) if asked[0] in ("provider", "location") and ranked_attribute in ("cost", "course_cost") else ()
                        return Query("lookup", programs=tuple(top), attribute=asked[0], also=shown)
                # Over programs named or just listed, the whole (short) order is the answer: "calrbs vs rbs,
                # which is cheaper?"; over every program, the first is.
                place = _place_in_the_ranking(text)
                if place:  # "and the second cheapest?", "the next cheapest after the calrbs ones?"
                    if re.search(r"\bafter\b", text, re.I):
                        programs = ()  # the ones named are the first place, not the ranked group
                    ranking = rank(kb, ranked_attribute, "max" if name == "rank_max" else "min", programs)
                    values = list(dict.fromkeys(value for _, value in ranking.ranked))
                    if place <= len(values):
                        return Query("lookup", programs=tuple(f.program.id for f, v in ranking.ranked if v == values[place - 1]),
                                     attribute="cost" if ranked_attribute == "course_cost" else ranked_attribute)
                # Over a group from the context ("whats the cheaper of those"), the first, not the others by name.
                return Query("rank", programs=programs, attribute=ranked_attribute,
                             order="max" if name == "rank_max" else "min", full=named_here or len(programs) > 2)
            if ranked_attribute == "growth":
                return Query("lookup", programs=named_group(mentions, context, kb, text) or every_program(kb), attribute="growth")
    return None


_PLACES = {"second": 2, "2nd": 2, "next": 2, "third": 3, "3rd": 3}


def _place_in_the_ranking(text: str) -> Optional[int]:
    """The place asked for in a ranking ("the second cheapest", "next priciest"); ties share a place."""
    match = re.search(r"\b(second|2nd|next|third|3rd)[- ](most |least |lowest |highest )?(cheap|expensive|pric|costl|afford|"
                      r"new|old|short|long|fast|quick|big|small|few|most|least|low|high)", text, re.I)
    return _PLACES[match.group(1).lower()] if match else None


def checking_a_price(reading: Reading) -> Optional[Answer]:
    """ "So the whole cert is like 7k?" with a certificate in context: its price, to check."""
    text, mentions, context, attribute = reading.text, reading.mentions, reading.context, reading.attribute
    figure = mentions.amounts or (context.last_attribute in PRICED and said.A_FIGURE.search(text))  # "each one 1395?"
    worked_out = said.COURSES_AT_A_PRICE.search(text)
    if figure and worked_out and not context.program and 2 <= len(context.listed) <= 3 and not mentions.names_anything:
        return Query("lookup", programs=tuple(context.listed), attribute="cost")  # "5 courses at 1200 is 6k?" after two
    if figure and context.program and not any(name.startswith(("filter", "rank")) for name in reading.op_names) \
            and (said.CHECKING_A_PRICE.search(text) or said.PRICE_FOLLOW_UP.search(text) or text.rstrip().endswith("?")) \
            and not said.SEARCH.search(text) \
            and (attribute in (None, "cost") or worked_out) and not mentions.names_anything:
        return Query("lookup", programs=(context.program,), attribute="cost")
    if mentions.amounts and len(mentions.programs) == 1 and attribute in (None, "cost") and said.HEARD_A_PRICE.search(text) \
            and not any(name.startswith(("filter", "rank")) for name in reading.op_names):
        # "How much does the SJSU post-master's cost? I saw somewhere it's around 5k": its price, to check
        return Query("lookup", programs=mentions.programs, attribute="cost")
    return None


def _price_bound(op_names: List[str]) -> Optional[str]:
    """ "under" or "over", as the message's operations name it."""
    return next((name for name in op_names if name in ("filter_under", "filter_over")), None)


def _bound_of(operation: Optional[str], text: str) -> str:
    """The filter's bound: "at least 6k" and "6000 or more" include the amount, "over 6k" does not."""
    if operation != "filter_over":
        return "under"
    return "over" if said.AT_LEAST.search(text) else "above"


def within_a_price(reading: Reading) -> Optional[Answer]:
    """Filtering by price: "under $5,000"; "any between 6500 and 7000"."""
    text, intent, mentions, context, kb = reading.text, reading.intent, reading.mentions, reading.context, reading.kb
    attribute = reading.attribute
    if len(set(mentions.amounts)) >= 2 and said.PRICE_RANGE.search(text) and attribute in (None, "cost") \
            and not mentions.people:
        return Query("filter", programs=named_group(mentions, context, kb, text),
                     attribute="course_cost" if said.PER_COURSE.search(text) else "cost",
                     bound="between", amount=min(mentions.amounts), upper=max(mentions.amounts))
    bound = _price_bound(reading.op_names)
    than = said.THAN_AN_AMOUNT.search(text)
    if not bound and than:  # "does it cost more than 7000?"
        bound = "filter_over" if re.match(r"(more|pricier|costlier|higher|over)\b", than.group(1), re.I) else "filter_under"
    if mentions.amounts and (attribute in (None, "cost") or (bound and not mentions.attributes)) \
            and (bound or intent in ("find_certificate", "ask_cost") or "cost" in mentions.attributes
                 or context.last_attribute == "cost") \
            and (intent != "inform_budget" or bound or said.ANY_OF_ALL.search(text)):  # "$6,000 total. which certs can I afford?"
        return Query("filter", programs=named_group(mentions, context, kb, text),
                     attribute="course_cost" if said.PER_COURSE.search(text) else "cost",
                     bound=_bound_of(bound, text), amount=max(mentions.amounts))
    return None


def how_much_more_than_named(reading: Reading) -> Optional[Answer]:
    """ "How much more than CalRBS is it?": the program in context against the one named."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    by_how_much = said.BY_HOW_MUCH.search(text)
    bound = _price_bound(reading.op_names) or by_how_much
    # "How much more is theirs?" just after one school's certificates (CalRBS's two, one price): the first stands for them.
    schools = {kb.program(pid).provider for pid in context.listed}
    here = context.program or (context.listed[0] if len(schools) == 1 and by_how_much else None)
    if bound and (attribute or context.last_attribute) in ("cost", "funding") and not mentions.amounts and here \
            and (mentions.programs or mentions.institutions) and (attribute or "cost") == "cost":
        named, _, _ = subjects_of(mentions, Context(), kb, text, attribute)
        if named and here not in named:
            return Query("compare", programs=(here, named[0]))
    return None


def which_ones_have(reading: Reading) -> Optional[Answer]:
    """ "Are there any certificates in the article where scholarships are a thing?": asked of every certificate.
    "Which ones don't qualify for financial aid?", "any with scholarships?": the same, whatever is in context."""
    text, mentions, context, kb, attribute = reading.text, reading.mentions, reading.context, reading.kb, reading.attribute
    any_of_them = said.ANY_OF_THEM.search(text)  # "are any of these open to non-students?"
    if attribute in PER_PROGRAM_ATTRIBUTES | {"funding", "cost", "pathways", "growth"} \
            and (said.ANY_OF_ALL.search(text) or said.WHICH_ONES.search(text) or any_of_them
                 or (said.NARROWED_TO.search(text) and attribute != "cost")) \
            and not mentions.names_anything \
            and not said.SINGULAR_PRONOUN.search(text) and (any_of_them or not said.PLURAL_REFERENCE.search(text)):
        having = every_program(kb) if attribute == "cost" else programs_having(kb, attribute, text)  # "which ones have no price?": all
        if not said.ANY_OF_ALL.search(text) and len(context.listed) >= 2:  # "which ones ...?" just after a list: of it
            having = tuple(pid for pid in having if pid in context.listed) or having
        return Query("lookup", programs=having, attribute=attribute)
    return None


def of_a_kind(reading: Reading) -> Optional[Answer]:
    """ "Which are called professional certificates?", "graduate certificates?", "how many graduate certificates?":
    the certificates of that kind, of the last list when the message points at it."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    if not mentions.credentials or mentions.names_anything or not said.KINDS_ASKED.search(text):
        return None
    base = context.listed if len(context.listed) >= 2 and said.OF_THOSE.search(text) else every_program(kb)
    kind = tuple(pid for pid in base if kb.program(pid).credential in mentions.credentials)
    if not kind:
        return None
    return Query("count", programs=kind) if "count" in reading.op_names else Query("describe", programs=kind)


def with_so_many_courses(reading: Reading) -> Optional[Answer]:
    """ "Certificates with fewer than 6 courses?", "which need five courses or more?": by the number of courses."""
    text, mentions, context, kb = reading.text, reading.mentions, reading.context, reading.kb
    bound = said.COURSES_BOUND.search(text)
    if not bound or mentions.names_anything:
        return None
    number = number_of(bound.group("number") or bound.group("number2"))
    words = f"{bound.group('before') or ''} {bound.group('after2') or ''}"
    if number is None:
        return None
    test = {"or fewer": lambda n: n <= number, "or less": lambda n: n <= number, "or more": lambda n: n >= number,
            "at most": lambda n: n <= number, "at least": lambda n: n >= number, "fewer": lambda n: n < number,
            "less": lambda n: n < number, "under": lambda n: n < number, "more": lambda n: n > number,
            "over": lambda n: n > number}
    side = next((key for key in test if key in words.lower()), None)
    if side is None:
        return None
    base = context.listed if len(context.listed) >= 2 and said.OF_THOSE.search(text) else every_program(kb)
    counted = [(pid, value_of(kb, pid, "structure")) for pid in base]
    passing = tuple(pid for pid, value in counted if value is not None and test[side](value))
    return Query("lookup", programs=passing or base, attribute="structure")  # none: what each takes, as far as known


def as_typed(programs: List[str], text: str, kb: KnowledgeBase) -> Tuple[str, ...]:
    """The programs in the order the message names them (by their own names, their schools' or their subjects'), so that
    "the second one" after "compare rbs and the calrbs rare books certificate" is the CalRBS one."""
    lowered = text.lower()

    def first_named(pid: str) -> int:
        program = kb.program(pid)
        school = kb.provider(program.provider)
        subjects = [name for topic in program.topics for name in (kb.topic(topic).label, *kb.topic(topic).synonyms)]
        names = (program.name, *program.aliases, school.name, *school.aliases, *subjects)  # "the data science and NLP ones"
        found = [m.start() for name in names if name for m in re.finditer(rf"\b{re.escape(name.lower())}\b", lowered)]
        return min(found) if found else len(lowered)

    positions = {pid: first_named(pid) for pid in programs}
    if any(position == len(lowered) for position in positions.values()):
        return tuple(programs)  # some come from the conversation, not the message: the order they were given
    return tuple(sorted(programs, key=positions.__getitem__))


def the_same_as_another(reading: Reading) -> Optional[Answer]:
    """ "Same total cost as CalRBS?" just after RBS: what is asked, of the certificate in context and the one named."""
    text, mentions, context, subjects = reading.text, reading.mentions, reading.context, reading.subjects
    if said.SAME_AS.search(text) and context.program and subjects and context.program not in subjects \
            and len(mentions.programs) + len(mentions.institutions) == 1:
        both = (context.program, *subjects)
        return Query("lookup", programs=both, attribute=reading.attribute) if reading.attribute \
            else Query("compare", programs=both)
    return None


def compared(reading: Reading) -> Optional[Answer]:
    """A comparison asked for: the programs named, described, in context or just listed."""
    text, intent, mentions, context, kb = reading.text, reading.intent, reading.mentions, reading.context, reading.kb
    subjects, op_names = reading.subjects, reading.op_names
    pair = _price_asked_before(reading)
    if "compare" in op_names and pair:
        return Query("compare", programs=pair)
    picked_by_position = len(subjects) == 1 and bool(said.POSITION_AMONG_NAMED.search(text)) and mentions.names_anything
    wants_compare = not picked_by_position and ("compare" in op_names or (intent == "compare_programs" and (
        len(subjects) != 1 or bool(said.COMPARING_WORDS.search(text)))))  # "different question - does the legal cert cover X"
    if wants_compare and not subjects and not context.program and len(context.listed) < 2 and mentions.unknown:
        # "Which is better for getting into an MLIS program, Simmons or Drexel?": nothing of ours is named.
        if said.OTHER_SUBJECT.search(text):
            return Special("out_of_scope")
        schools = [word for word in mentions.unknown if re.search(rf"\b{re.escape(word)}\b", text)
                   and re.search(rf"\b{re.escape(word[0].upper() + word[1:])}\b", text)]
        if schools:
            return Special("not_named", attribute=" or ".join(word.capitalize() for word in schools))
    if wants_compare:
        chosen = list(subjects)
        if len(mentions.institutions) >= 2 and not mentions.programs and not mentions.topics and not mentions.credentials:
            chosen = list(comparable(kb, mentions.institutions))
        if len(chosen) < 2 and mentions.topics:
            # "data science vs the NLP certificate at Arizona": a topic describing one more program
            for topic in mentions.topics:
                described = [pid for pid in described_by(kb, topic, only_one(mentions.institutions)) if pid not in chosen] \
                    or [pid for pid in described_by(kb, topic) if pid not in chosen]  # "the Virginia one with the critlib one"
                if len(described) == 1:
                    chosen.append(described[0])
        if len(chosen) > 1 and context.program and context.program not in chosen and not mentions.programs \
                and said.SINGULAR_PRONOUN.search(said.DUMMY_IT.sub(" ", text)) and not said.GROUP_WORDS.search(text):
            # "How does it compare to the rare books one?": it, against the one of its school so described.
            same_school = [pid for pid in chosen if kb.program(pid).provider == kb.program(context.program).provider]
            if len(same_school) != 1:
                return Clarification("compare", candidates=(context.program,))
            chosen = same_school
        if len(chosen) >= 2 and context.program and context.program not in chosen and not mentions.programs \
                and said.AGAINST_THAT.search(text):
            chosen.append(context.program)  # "calrbs vs that, price wise" just after RBS: both of CalRBS's, and RBS
        if len(chosen) == 1 and context.program and context.program not in chosen \
                and not said.GROUP_WORDS.search(said.THEY_OFFER.sub(" ", text)):
            chosen.insert(0, context.program)
        if len(chosen) < 2 and len(context.listed) >= 2 and not mentions.names_anything:
            chosen = list(context.listed)
        if len(chosen) == 1 and not context.program and 2 <= len(context.listed) <= 3 and chosen[0] not in context.listed:
            chosen = [*context.listed, chosen[0]]  # "ok and the rbs one for comparison" just after the two CalRBS ones
        if len(chosen) >= 2:
            return Query("compare", programs=as_typed(chosen, text, kb))
        if not chosen and not (mentions.attributes or names_certificate(text) or said.PLURAL_REFERENCE.search(text)):
            return NOTHING_ASKED  # "zotero or endnote, which is better?": nothing of ours to compare
        return Clarification("compare", candidates=tuple(chosen))
    return None
