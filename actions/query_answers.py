"""Answers to queries over several programs, one attribute, a person or the article.

Like ``actions.answers``, every function is pure: query results in, an ``Answer``
out. Where the article gives no value the answer says so in one shared phrase
(``not_given``), names the school to ask, and never guesses.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence, Tuple

from actions.answer import CLARIFICATION, CLOSEST_FACTS, NOT_GIVEN, Answer, Button, about
from actions.answers import (
    MAX_LISTED,
    follow_up_buttons,
    funding_lines,
    join_words,
    price_difference,
    program_title,
    provider_title,
    source_line,
    usd,
)
from actions.phrases import (
    capitalised,
    certificate_price,
    no_price_for,
    online_share,
    price_per_course,
    programs_offering_certificates,
    scholarships_cover,
    tuition_sum,
    where_to_search,
)
from knowledge.query import UNSAID
from knowledge.records import Article, Landscape, Person, Program, Provider
from knowledge.results import Count, Filtered, GroupComparison, PersonFacts, ProgramFacts, ProgramMatch, Ranking, Total

# Buttons re-ask a question with the program chosen; these intents carry the attribute.
ATTRIBUTE_INTENTS = {"cost": "ask_cost", "funding": "ask_funding", "prerequisites": "ask_prerequisites"}


def not_given(what: str, subject: str, provider: Optional[Provider] = None) -> str:
    """The one way answers say the article lacks something."""
    ask = f"; ask {provider.name}" + (f" ({provider.school})" if provider.school else "") if provider else ""
    return f"The article does not say, for {subject}, {what}{ask}."


def online_note(landscape: Landscape) -> str:
    return (
        f"Across the field, {online_share(landscape)}; the article does not say which, so {where_to_search(landscape)}."
    )


def by_school(members: Sequence[ProgramFacts]) -> str:
    """Programs named compactly: several of one school as "the 5 University of Arizona certificates"."""
    groups: Dict[str, List[ProgramFacts]] = {}
    for facts in members:
        groups.setdefault(facts.provider.id, []).append(facts)
    parts = []
    for group in groups.values():
        if len(group) == 1:
            parts.append(f"the {provider_title(group[0].provider)} certificate")
        else:
            parts.append(f"the {len(group)} {provider_title(group[0].provider)} certificates")
    return join_words(parts)


def sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


# -- one attribute of one program, as a phrase (None: the article does not say) -------------

def _cost(facts: ProgramFacts) -> Optional[str]:
    t = facts.cost.tuition
    if t is None:
        return None
    return f"{price_per_course(t)}; {t.courses_for_certificate} courses, so {certificate_price(t)}"


def _funding(facts: ProgramFacts) -> Optional[str]:
    lines = funding_lines(facts.provider)
    return " ".join(lines) if lines else None


def _eligibility(facts: ProgramFacts) -> Optional[str]:
    e = facts.program.eligibility
    if e is None:
        return None  # who it is for is not who may enrol: the lookup says the article does not say
    open_to = [who for who, ok in (("matriculated students", e.matriculated),
                                   ("non-matriculated students (not enrolled in a degree program there)", e.non_matriculated)) if ok]
    text = f"open to {join_words(open_to)}" if open_to else ""
    if e.note:
        text = f"{text}. {e.note}" if text else e.note
    return text or None


def _audience(facts: ProgramFacts) -> Optional[str]:
    return f"for {facts.program.audience}" if facts.program.audience else _eligibility(facts)


def _structure(facts: ProgramFacts) -> Optional[str]:
    s = facts.program.structure
    if s is None:
        return None
    length = "" if s.course_length == "unknown" else f", {s.course_length}"
    vary = "; courses vary from year to year" if s.courses_vary_by_year else ""
    return f"{s.courses} courses{length}{vary}"


def _length(facts: ProgramFacts) -> Optional[str]:
    s = facts.program.structure
    if s is None:
        return None
    if s.total_days is None:
        return f"{s.courses} courses; the article does not say how long each course lasts or how long the certificate takes"
    return (f"{s.courses} courses of {s.days_per_course} days of programming each, {s.total_days} days in all; "
            "the article does not say over how long a period")


def _delivery(facts: ProgramFacts) -> Optional[str]:
    d = facts.program.delivery
    if d is None:
        return None
    mode = {"in_person": "in person", "online": "online", "unknown": "not stated"}[d.mode]
    return f"courses are attended {mode}" + (f". {d.note}" if d.note else "") if d.mode != "unknown" else d.note


def _topics(facts: ProgramFacts) -> Optional[str]:
    own = facts.topic_labels[: len(facts.program.topics)]
    courses = facts.topic_labels[len(facts.program.topics):]
    text = f"a certificate in {join_words(list(own))}"
    pathways = [p.name for p in facts.program.pathways]
    if courses and pathways:  # "and the sjsu option?" after a subject: it is a pathway there
        return text + f"; its pathways ({join_words(pathways)}) cover {join_words(list(courses))}"
    if courses:
        return text + f"; its courses cover {join_words(list(courses))}"
    return text + (f"; its pathways are {join_words(pathways)}" if pathways else "; the article does not say what its courses cover")


def _courses(facts: ProgramFacts) -> Optional[str]:
    courses = facts.topic_labels[len(facts.program.topics):]
    pathways = [p.name for p in facts.program.pathways]
    if not (courses or pathways):
        return None
    said = f"its courses cover {join_words(list(courses))}" if courses else f"its pathways are {join_words(pathways)}"
    return f"{said}; the article names no list of courses"


def _pathways(facts: ProgramFacts) -> Optional[str]:
    if not facts.program.pathways:
        return None
    names = [p.name for p in facts.program.pathways]
    described = [f"{p.name} teaches {p.covers}" for p in facts.program.pathways if p.covers]
    told = f". The article says what one of them teaches: {'; '.join(described)}" if len(described) == 1 else (
        f". What the article says they teach: {'; '.join(described)}" if described else "")
    return f"{len(names)} pathways: {join_words(names)}{told}"


def _started(facts: ProgramFacts) -> Optional[str]:
    p = facts.program
    return f"started in {p.started}" + (f" and {p.growth}" if p.growth else "") if p.started else None


def _growth(facts: ProgramFacts) -> Optional[str]:
    p = facts.program
    return (f"{p.growth}" + (f" (started in {p.started})" if p.started else "")) if p.growth else None


def _prerequisites(facts: ProgramFacts) -> Optional[str]:
    return " ".join(item.step for item in facts.advice) if facts.advice else None


def _hardest(facts: ProgramFacts) -> Optional[str]:
    found = [f"{person.name}: {s.text}" for person in facts.people for s in person.statements if s.kind == "found_hardest"]
    return " ".join(found) if found else None


def _quotes(facts: ProgramFacts) -> Optional[str]:
    said = [f"{q.person} ({q.role}): {q.point}" for q in facts.program.quoted]
    return " ".join(said) if said else None


def _provider(facts: ProgramFacts) -> Optional[str]:
    return f"offered by {facts.provider.name} ({facts.provider.school})"


def _credential(facts: ProgramFacts) -> Optional[str]:
    kind = f"a {facts.program.credential_label} from {facts.provider.name}"
    kind = kind + ", a non-degree program" if facts.provider.non_degree else kind
    return f"{kind}; it documents {facts.program.certifies}" if facts.program.certifies else kind


def _location(facts: ProgramFacts) -> Optional[str]:
    place = f", {facts.provider.location}" if facts.provider.location else ""
    return f"offered by {facts.provider.name} ({facts.provider.school}{place}); the article gives no campus or city details"


ATTRIBUTE_PHRASES: Dict[str, Callable[[ProgramFacts], Optional[str]]] = {
    "cost": _cost, "funding": _funding, "eligibility": _eligibility, "audience": _audience,
    "structure": _structure, "length": _length, "delivery": _delivery, "topics": _topics, "courses": _courses,
    "pathways": _pathways, "started": _started, "growth": _growth, "prerequisites": _prerequisites,
    "hardest": _hardest, "quotes": _quotes, "provider": _provider, "credential": _credential,
    "location": _location,
}


def attribute_phrase(facts: ProgramFacts, attribute: str) -> Optional[str]:
    """What the article says of one attribute of one program, or ``None``."""
    reader = ATTRIBUTE_PHRASES.get(attribute)
    return reader(facts) if reader else None


def lookup_answer(members: Sequence[ProgramFacts], attribute: str, label: str, citation: str,
                  landscape: Optional[Landscape] = None, hardest: Sequence[Tuple[Person, str]] = (),
                  uncovered: Optional[Dict[str, Sequence[str]]] = None, done: Optional[int] = None) -> Answer:
    """One attribute of one or several programs; each program the article says nothing of is named as such.
    ``uncovered``: for topics, the subjects asked about that the article does not say a program covers;
    ``done``: for structure, the courses the user has already taken."""
    lines: List[str] = []
    unknown: List[ProgramFacts] = []
    for facts in members:
        phrase = attribute_phrase(facts, attribute)
        if phrase is None:
            unknown.append(facts)
        else:
            lines.append(sentence(f"{program_title(facts.program, facts.provider)}: {phrase}"))
    phrases = {attribute_phrase(f, attribute) for f in members}
    if len(members) > 1 and not unknown and len(phrases) == 1:
        # The same for each (a school's certificates, usually): say it once.
        text = sentence(f"{join_words([program_title(f.program, f.provider) for f in members])}: each, {phrases.pop()}")
    elif len(members) == 1 and lines:
        text = lines[0]
    else:
        text = "\n".join(f"- {line}" for line in lines)
    if unknown:
        providers = {f.provider.id: f.provider for f in unknown}
        subject = by_school(unknown) if len(unknown) > 1 else f"the {program_title(unknown[0].program, unknown[0].provider)}"
        text = (text + "\n" if text else "") + not_given(label, subject,
                                                         next(iter(providers.values())) if len(providers) == 1 else None)
        if len(providers) > 1:
            text += " Ask the schools directly."
        if attribute == "delivery" and landscape is not None:
            text += " " + online_note(landscape)
        if attribute == "hardest" and hardest:
            text += " " + hardest_line(hardest)
        if attribute == "eligibility" and len(unknown) == 1 and unknown[0].program.audience:
            text += f" It describes it as for {unknown[0].program.audience}."
    if attribute == "credential" and landscape is not None:
        text += f"\n{landscape.standalone_note}"  # "can I earn it on its own, without a degree?"
    counts = {f.program.structure.courses for f in members if f.program.structure}
    if attribute == "structure" and done and len(counts) == 1 and not unknown:
        total = counts.pop()  # "I already took 2 CalRBS courses, how many more?"
        text += f"\nWith {done} done, {max(total - done, 0)} more to go."
    if attribute in ("cost", "course_cost") and len(members) == 2:
        difference = price_difference(*members)  # "and per course?" after two certificates' prices
        text += f"\n{difference}" if difference else ""
    by_subjects: Dict[Tuple[str, ...], List[str]] = {}
    for f in members:
        if f.program.id in (uncovered or {}):
            by_subjects.setdefault(tuple((uncovered or {})[f.program.id]), []).append(f"the {program_title(f.program, f.provider)}")
    not_said = [sentence(f"The article does not say that {' or '.join(titles)} covers {join_words(list(subjects))}")
                for subjects, titles in by_subjects.items()]
    if not_said:
        text = " ".join(not_said) + " What it says:\n" + text
    buttons: Tuple[Button, ...] = ()
    if len(members) == 1:
        buttons = tuple(follow_up_buttons("program", members[0].program.id)[:3])
    return Answer(text + "\n" + source_line(citation), buttons, kind=NOT_GIVEN if unknown or not_said else "",
                  about=about(attribute, [f.program.id for f in unknown]) if unknown else ())


def hardest_line(hardest: Sequence[Tuple[Person, str]]) -> str:
    return "What the article does say: " + " ".join(f"{person.name} ({person.role}): {text}" for person, text in hardest)


# -- several programs -----------------------------------------------------------------------

def _value_text(attribute: str, facts: ProgramFacts, value: int) -> str:
    if attribute == "cost":
        t = facts.cost.tuition
        return f"{usd(value)} ({tuition_sum(t)})" if t else usd(value)
    if attribute == "length":
        return f"{value} days of programming"
    if attribute == "structure":
        return f"{value} courses"
    if attribute == "pathways":
        return f"{value} pathways"
    if attribute == "course_cost":
        return f"{usd(value)} per course"
    return str(value)


def ranking_answer(ranking: Ranking, citation: str, full: bool = False) -> Answer:
    """A superlative: the first (or, asked for the whole order, every ranked program) with the figure,
    and the programs the article gives none for. The others are counted, not named: the question
    asked for the first."""
    words = {
        ("cost", "max"): "most expensive", ("cost", "min"): "least expensive",
        ("length", "max"): "longest", ("length", "min"): "shortest",
        ("structure", "max"): "most courses", ("structure", "min"): "fewest courses",
        ("started", "max"): "newest", ("started", "min"): "oldest",
        ("pathways", "max"): "most pathways", ("pathways", "min"): "fewest pathways",
        ("course_cost", "max"): "most expensive per course", ("course_cost", "min"): "least expensive per course",
    }[(ranking.attribute, ranking.order)]
    which = f"which has the {words}" if ranking.attribute in ("structure", "pathways") else f"which is {words}"
    # One figure for every program that has one, and none for the others: nothing is ranked.
    undecided = bool(ranking.ranked) and bool(ranking.without_value) and len({v for _, v in ranking.ranked}) == 1
    lines: List[str] = []
    if not ranking.ranked:
        lines.append(f"I can't say {which}: the article gives no {ranking.value_name} for any of them.")
    elif undecided:
        # One figure for every program that has one: nothing is ranked, so no "oldest" is named.
        top = [f for f, _ in ranking.ranked]
        value = _value_text(ranking.attribute, top[0], ranking.ranked[0][1])
        lines.append(f"The article gives a {ranking.value_name} only for "
                     f"{join_words([program_title(f.program, f.provider) for f in top])}: {value}"
                     f"{' each' if len(top) > 1 else ''}; with no figure for the others, it does not say {which}.")
    else:
        top_value = ranking.ranked[0][1]
        top = [f for f, v in ranking.ranked if v == top_value]
        names = join_words([program_title(f.program, f.provider) for f in top])
        tie = " (a tie)" if len(top) > 1 else ""
        lines.append(f"{words.capitalize()}, by {ranking.value_name}{tie}: {names}, "
                     f"{_value_text(ranking.attribute, top[0], top_value)}.")
        if full and len(ranking.ranked) > 1:
            lines.append(f"Ranked ({'highest' if ranking.order == 'max' else 'lowest'} first):")
            lines += [f"{n}. {program_title(f.program, f.provider)}: {_value_text(ranking.attribute, f, v)}"
                      for n, (f, v) in enumerate(ranking.ranked, 1)]
        elif len(ranking.ranked) > len(top):
            others = len(ranking.ranked) - len(top)
            lines.append(f"The article gives a {ranking.value_name} for {others} other certificate{'s' if others > 1 else ''}"
                         f" of those; ask me to rank them all to see {'them' if others > 1 else 'it'}.")
    if ranking.without_value:
        lines.append(f"Not ranked, because the article gives no {ranking.value_name} for them: "
                     f"{by_school(ranking.without_value)}.")
    listed = [f.program for f, v in ranking.ranked if full or v == ranking.ranked[0][1]][:MAX_LISTED]
    buttons = tuple(Button.for_intent(p.name, "ask_program_details", {"program": p.id}) for p in listed)
    return Answer("\n".join(lines) + "\n" + source_line(citation), buttons, kind=NOT_GIVEN if undecided else "")


def total_answer(total: Total, citation: str) -> Answer:
    """Courses or certificates added up, each part shown; a part without a price is said, never guessed."""
    lines = []
    for cost, count in total.parts:
        title = program_title(cost.program, cost.provider)
        if not cost.known:
            lines.append(f"- {title}: {no_price_for('it')}")
            continue
        what = "the certificate" if total.whole_certificates else f"{count} course{'s' if count != 1 else ''}"
        lines.append(f"- {title}, {what}: {count} × {usd(cost.tuition.per_course_usd)} = "
                     f"{usd(cost.tuition.per_course_usd * count)}")
    if total.known and len(total.parts) > 1:
        lines.append(f"Together: {usd(total.usd)} in tuition.")
    elif not total.known:
        lines.append("So I can't give a total; ask the school for its price.")
    lines.append("Travel to in-person courses is extra; scholarships cover tuition only.")
    return Answer("\n".join(lines) + "\n" + source_line(citation))


def filter_answer(filtered: Filtered, citation: str) -> Answer:
    """Programs on each side of a price bound; those without a price named apart."""
    side = filtered.bound
    # The bound is inclusive: $6,000 fits a budget of $6,000.
    within = {"under": f"of {usd(filtered.amount)} or less", "over": f"of {usd(filtered.amount)} or more",
              "above": f"of more than {usd(filtered.amount)}"}.get(
        side, f"between {usd(filtered.amount)} and {usd(filtered.upper or filtered.amount)}")
    priced, tuition = ("course_cost", "tuition per course") if filtered.per_course else ("cost", "tuition")
    if filtered.passing:
        lines = [f"Certificates with {tuition} {within}, of those the article prices:"]
        lines += [f"- {program_title(f.program, f.provider)}: {_value_text(priced, f, v)}" for f, v in filtered.passing]
    else:
        lines = [f"None of the certificates the article prices has {tuition} {within}."]
    if filtered.failing and filtered.passing:
        # The question asked for what fits; the others are counted, not named.
        # Their figures stay out too: a reader scanning for prices would take them as fitting.
        count = len(filtered.failing)
        lines.append(f"Not within that: {count} other certificate{'s' if count > 1 else ''} the article prices.")
    elif filtered.failing:
        lines.append("Not within that: " + "; ".join(
            f"{program_title(f.program, f.provider)}, {_value_text(priced, f, v)}" for f, v in filtered.failing) + ".")
        if filtered.bound == "under" and not filtered.per_course:
            cheapest_course = min(f.cost.tuition.per_course_usd for f, _ in filtered.failing if f.cost.tuition)
            if cheapest_course <= filtered.amount:
                lines.append(f"A single course fits (from {usd(cheapest_course)} per course), and "
                             f"{scholarships_cover(['part of the tuition'], verb='may cover')}.")
    if filtered.without_value:
        lines.append(capitalised(no_price_for(by_school(filtered.without_value))) + ".")
    return Answer("\n".join(lines) + "\n" + source_line(citation))


def group_comparison_answer(comparison: GroupComparison, citation: str) -> Answer:
    """Several programs side by side, one line per program under each heading."""
    members = comparison.members
    lines = ["Side by side: " + join_words([program_title(f.program, f.provider) for f in members]) + "."]
    for label, attribute in (("Kind", "credential"), ("Cost", "cost"), ("Structure", "structure"),
                             ("Funding", "funding"), ("Topics", "topics"), ("Who it is for", "audience")):
        values = [(f, attribute_phrase(f, attribute) or "not given in the article") for f in members]
        if len({v for _, v in values}) == 1:
            lines.append(f"- {label}: the same for all: {values[0][1]}")
        else:
            lines.append(f"- {label}: " + " | ".join(f"{f.program.name}: {v}" for f, v in values))
    return Answer("\n".join(lines) + "\n" + source_line(citation))


def count_answer(count: Count, citation: str, schools: Sequence[str] = (), of_all: Optional[int] = None) -> Answer:
    """How many certificates the article names, for one school or overall, with the wider field;
    or, asked how many schools, the names of the ``schools`` alone; or, for some of the article's
    ``of_all`` certificates ("how many is that?" after a list), how many those are."""
    names = join_words([p.name for p in count.programs])
    n = len(count.programs)
    if of_all is not None and count.provider is None and n < of_all:
        text = f"That is {n} certificate{'s' if n != 1 else ''}: {names} (of the {of_all} the article names)."
        buttons = tuple(Button.for_intent(p.name, "ask_program_details", {"program": p.id}) for p in count.programs[:MAX_LISTED])
        return Answer(text + "\n" + source_line(citation), buttons)
    if schools:
        text = (f"The article names certificates at {len(schools)} schools: {join_words(list(schools))} "
                f"({n} certificates in all). Across the field, "
                f"{count.landscape.accredited_programs_with_post_masters_certificates} {count.landscape.accreditor}-"
                f"accredited programs offer post-master's certificates.")
        return Answer(text + "\n" + source_line(citation))
    if count.provider is not None:
        text = (f"The article names {n} certificate{'s' if n != 1 else ''} at {count.provider.name}: {names}. "
                "It describes a sample, so the school may offer others.")
    elif of_all is not None and n == of_all and count.schools:
        # Every certificate: counted by school, not named one by one ("roughly how many are there?").
        per_school = join_words([f"{sum(p.provider == school.id for p in count.programs)} at {school.name}"
                                 for school in count.schools])
        text = (f"The article names {n} certificates at {len(count.schools)} schools: {per_school}. Across the field, "
                f"{programs_offering_certificates(count.landscape)}, {count.landscape.fully_online} of them fully online. "
                "Ask me to list the article's certificates to see them.")
        return Answer(text + "\n" + source_line(citation))
    else:
        text = (f"The article names {n} certificates: {names}. Across the field, "
                f"{programs_offering_certificates(count.landscape)}, {count.landscape.fully_online} of them fully online.")
    buttons = tuple(Button.for_intent(p.name, "ask_program_details", {"program": p.id}) for p in count.programs[:MAX_LISTED])
    return Answer(text + "\n" + source_line(citation), buttons)


# -- people and the article ---------------------------------------------------------------

STATEMENT_KINDS = {
    "hardest": ("found_hardest",),
    "pathways": ("chose",),
    "prerequisites": ("background", "did", "found_hardest"),
}


def person_answer(facts: PersonFacts, attribute: Optional[str], article: Article, citation: str) -> Answer:
    """Who a person is and what the article says they said, did or found hardest."""
    person = facts.person
    if person.relation == "author":
        return article_answer(article, citation)
    lines = [f"{person.name}: {person.role}."]
    if facts.programs and person.relation == "learner":
        verb = "is taking" if "pursuing" in person.role else "took"
        lines.append(f"In the article, {person.name.split()[0]} {verb} the " + join_words(
            [f"{p.name}" for p in facts.programs]) + (f" ({facts.provider.name})." if facts.provider else "."))
    elif facts.provider is not None:
        lines.append(f"In the article, {person.name.split()[0]} speaks for {facts.provider.name}'s certificates.")
    if attribute == UNSAID:  # "did she get promoted?": not in what the article says of her
        lines.insert(0, f"The article does not say. What it says of {person.name.split()[0]}:")
    kinds = STATEMENT_KINDS.get(attribute or "")
    statements = [s for s in person.statements if kinds is None or s.kind in kinds]
    if kinds and not statements:
        lines.append(f"The article does not say what {person.name} {'found hardest' if attribute == 'hardest' else 'thinks about that'}.")
        statements = list(person.statements)
    if attribute == "prerequisites" and person.relation == "learner" and not any(s.kind == "background" for s in person.statements):
        # "Did she have a tech background before?": the article gives her career, not what she knew of coding.
        lines.append(f"The article does not say what technical background {person.name.split()[0]} had before the certificate.")
    lines += [f"- {s.text}" for s in statements]
    buttons = tuple(Button.for_intent(p.name, "ask_program_details", {"program": p.id}) for p in facts.programs)
    return Answer("\n".join(lines) + "\n" + source_line(citation), buttons, kind=NOT_GIVEN if attribute == UNSAID else "")


def people_answer(people: Sequence[Person], programs: Dict[str, Program], citation: str) -> Answer:
    """Everyone the article quotes: the learners with the certificate each took, then the staff."""
    learners = [p for p in people if p.relation == "learner"]
    staff = [p for p in people if p.relation == "staff"]
    lines = [f"The article quotes {len(learners) + len(staff)} people:"]
    for person in learners + staff:
        took = join_words([programs[pid].name for pid in person.programs if pid in programs])
        lines.append(f"- {person.name}: {person.role}" + (f" (on the {took})" if took and person.relation == "learner" else ""))
    author = next((p for p in people if p.relation == "author"), None)
    if author is not None:
        lines.append(f"The author is {author.name}.")
    buttons = tuple(Button.for_intent(p.name, "ask_program_details", {"person": p.id}) for p in learners[:3])
    return Answer("\n".join(lines) + "\n" + source_line(citation), buttons)


def school_with_place(provider: Provider) -> str:
    """A school's name, with its state where the name does not say it: "Rare Book School (Virginia)"."""
    where = provider.location
    return provider.name if not where or where.lower() in provider.name.lower() else f"{provider.name} ({where})"


def not_named_answer(name: str, providers: Sequence[Provider], landscape: Landscape, citation: str,
                     place: bool = False) -> Answer:
    """A school the article says nothing about ("does Drexel offer a certificate?"), or a place where it names
    no certificate ("which are in Texas?")."""
    shown = name if any(ch.isupper() for ch in name) else name.title()
    said_of = f"in {shown}" if place else f"at {shown}, so I can't say whether it offers one"
    text = (f"The article names no certificate {said_of}. The certificates it "
            f"describes are at {join_words([p.name for p in providers])}. Across the field, "
            f"{programs_offering_certificates(landscape)}; to see them all, {where_to_search(landscape)}.")
    return Answer(text + "\n" + source_line(citation), kind=NOT_GIVEN, about=about("provider"))


def without_masters_answer(landscape: Landscape, citation: str) -> Answer:
    """Someone without a master's degree asks whether these certificates are for them."""
    text = (f"The certificates I know are post-MLIS certificates, taken after a master's degree. The article notes: "
            f"{landscape.not_covered_here} It does not describe those, nor say whether the certificates it names admit "
            "people without a master's; ask the school you have in mind.")
    return Answer(text + "\n" + source_line(citation), kind=NOT_GIVEN, about=about("eligibility"))


def article_answer(article: Article, citation: str) -> Answer:
    """Where the advisor's facts come from."""
    role = f", {article.author_role}" if article.author_role else ""
    subject = f" It is about {article.subject}." if article.subject else ""
    text = (f"Everything I know comes from one article: \"{article.title}\" in {article.publication}, by "
            f"{article.author}{role}.{subject} The article does not give its publication date; I restate its facts in my own words.")
    return Answer(text + "\n" + source_line(citation))


def general_answer(attribute: str, label: str, landscape: Landscape, citation: str,
                   hardest: Sequence[Tuple[Person, str]] = ()) -> Answer:
    """An attribute asked of no program in particular, where no general answer is richer."""
    if attribute == "delivery":
        text = "The article does not say which of the certificates it names are offered online. " + online_note(landscape)
    elif attribute == "hardest" and hardest:
        text = hardest_line(hardest)
    elif attribute == "accreditation":
        # "Does ALA accredit the certificates themselves?": accreditation the article gives is of the programs.
        text = ("The article does not say whether any of the certificates it names is itself accredited; what it calls "
                f"{landscape.accreditor}-accredited are the library school programs ({programs_offering_certificates(landscape)}). "
                "Ask the school you are considering.")
    else:
        text = f"The article does not say {label} for any of the certificates it names; ask the school you are considering."
    said = attribute == "hardest" and bool(hardest)
    return Answer(text + "\n" + source_line(citation), kind="" if said else NOT_GIVEN, about=() if said else about(attribute))


def provider_answer(provider: Provider, matches: Sequence[ProgramMatch], citation: str) -> Answer:
    """A school: what it is and the certificates the article names there."""
    school = provider.school if provider.school not in provider.name else ""
    part = f" ({school})" if school else ""
    lines = [f"{provider.name}{part}: the article names {len(matches)} certificate{'s' if len(matches) != 1 else ''} there:"]
    lines += [f"{n}. {m.program.name}: {m.program.summary}" for n, m in enumerate(matches, 1)]
    lines.append('Ask about one ("the first one", "what does the second cost?").')
    buttons = tuple(Button.for_intent(m.program.name, "ask_program_details", {"program": m.program.id}) for m in matches[:MAX_LISTED])
    return Answer("\n".join(lines) + "\n" + source_line(citation), buttons)


def clarification_answer(attribute: Optional[str], label: str, programs: Sequence[Program],
                         providers: Dict[str, Provider], school: Optional[Provider] = None) -> Answer:
    """Which program? One button per candidate; the button asks the same question about it."""
    intent = ATTRIBUTE_INTENTS.get(attribute or "", "ask_program_details")
    entities = {} if intent != "ask_program_details" or not attribute else {"attribute": attribute}
    asked = f" ({label})" if attribute and attribute != "compare" else ""
    prompt = ("Which two certificates should I compare? Name them, e.g. \"compare CalRBS and RBS\"."
              if attribute == "compare" else f"Which certificate do you mean{asked}?")
    if school is not None:
        prompt = f"{school.name} has {len(programs)} certificates. Which one do you mean{asked}?"
    buttons = tuple(
        Button.for_intent(f"{p.name} ({providers[p.provider].name})", intent, {"program": p.id, **entities})
        for p in programs
    )
    return Answer(prompt, buttons, kind=CLARIFICATION, about=about(attribute, [p.id for p in programs]))


def topic_question_answer(programs: Sequence[Program], topic_labels: Dict[str, str]) -> Answer:
    """Asked to suggest a certificate with nothing we can search for: ask for a subject, or offer the interview."""
    topics = list(dict.fromkeys(t for p in programs for t in p.topics[:1]))
    text = ("Which subject or goal should I look for? The certificates the article names cover "
            + join_words([topic_labels[t] for t in topics]) + ". Or say \"help me choose a certificate\" "
            "and I'll ask a few questions and suggest up to three.")
    buttons = tuple(Button.for_intent(topic_labels[t].capitalize(), "find_certificate", {"topic": t}) for t in topics[:6])
    return Answer(text, buttons + (Button("Help me choose", "/start_guided_advice"),), kind=CLARIFICATION, about=about("topics"))


def closest_facts_answer(facts: Sequence[Tuple[str, str]], citation: str) -> Answer:
    """The last resort: the knowledge base's statements nearest the question, labelled as such."""
    lines = ["Sorry, I didn't understand that exactly. The closest facts I have:"]
    lines += [f"- {text} (the article's {where})" for text, where in facts]
    return Answer("\n".join(lines) + "\n" + source_line(citation), kind=CLOSEST_FACTS)
