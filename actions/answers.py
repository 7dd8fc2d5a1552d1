"""One pure function per kind of answer: knowledge-base results in, an ``Answer`` out.

Nothing here reads a tracker or the YAML; every fact comes from the query
results passed in. Where the knowledge base says ``unknown`` the answer says
the article does not give it, never a guess. Channel-specific rendering
(Slack blocks, widget buttons, shell numbering) happens in the channels.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Sequence

from actions.answer import CLARIFICATION, NOT_GIVEN, Answer, Button, about
from actions.answer import NOT_UNDERSTOOD as NOT_UNDERSTOOD_KIND, OUT_OF_SCOPE as OUT_OF_SCOPE_KIND
from actions.phrases import (
    ask_for_tuition,
    capitalised,
    certificate_price,
    join_words,
    no_price_for,
    price_per_course,
    programs_offering_certificates,
    scholarships_cover,
    scholarships_through,
    tuition_sum,
    usd,
    where_to_search,
)
from knowledge import KnowledgeBase
from knowledge.records import Landscape, Program, Provider, WorthItPoint
from knowledge.results import Comparison, Cost, FundingFacts, PrerequisiteAdvice, ProgramFacts, ProgramMatch

MAX_LISTED = 5


def source_line(citation: str) -> str:
    return f"Source: {citation}."


def joined_answer(first: Answer, second: Answer, citation: str) -> Answer:
    """Two answers to one message, one source line: "is it new and is it online?"."""
    cited = "\n" + source_line(citation)
    text = first.text.replace(cited, "").rstrip() + "\n" + second.text
    kind = first.kind if first.kind == second.kind else ""
    return Answer(text, first.buttons or second.buttons, kind=kind, about=first.about if kind else ())


def provider_title(provider: Provider) -> str:
    """A school's name, with the university it belongs to when its name does not say ("Rare Book School, University of Virginia")."""
    return f"{provider.name}, {provider.part_of}" if provider.part_of and provider.part_of not in provider.name else provider.name


def program_title(program: Program, provider: Provider) -> str:
    return f"{program.name} ({provider_title(provider)})"


def follow_up_buttons(entity: str, value: str, *, skip: str = "") -> List[Button]:
    """Cost / funding / prerequisites / details buttons for a program or institution."""
    choices = [
        ("What does it cost?", "ask_cost"),
        ("How can I pay for it?", "ask_funding"),
        ("What should I learn first?", "ask_prerequisites"),
        ("Tell me more", "ask_program_details"),
    ]
    return [Button.for_intent(title, intent, {entity: value}) for title, intent in choices if intent != skip]


# -- cost ---------------------------------------------------------------------

def cost_answer(cost: Cost, citation: str) -> Answer:
    """Per-course and certificate tuition with the rule, or a plain 'not given'."""
    title = program_title(cost.program, cost.provider)
    tuition = cost.tuition
    if tuition is None:
        text = f"{capitalised(no_price_for(f'the {title}'))}. " + ask_for_tuition(f"{cost.provider.name}'s {cost.provider.school}")
    else:
        text = (
            f"{title}: {price_per_course(tuition)}. "
            f"The certificate takes {tuition.courses_for_certificate} courses, so tuition comes to "
            f"{usd(tuition.certificate_total_usd)} ({tuition_sum(tuition)})."
        )
        covered = cost.provider.funding.scholarships_cover
        if cost.provider.funding.scholarships == "available" and covered:
            not_covered = cost.provider.funding.not_covered
            text += f" {capitalised(scholarships_cover(covered, verb='can cover'))}"
            text += f", but not {join_words(not_covered, 'or')}." if not_covered else "."
    text += "\n" + source_line(citation)
    return Answer(text, tuple(follow_up_buttons("program", cost.program.id, skip="ask_cost")),
                  kind=NOT_GIVEN if tuition is None else "", about=about("cost", [cost.program.id]) if tuition is None else ())


def provider_cost_answer(provider: Provider, programs: Sequence[Program], citation: str) -> Answer:
    """Cost for an institution whose certificates share one tuition rule."""
    names = join_words([p.name for p in programs])
    tuition = provider.tuition
    if tuition == "unknown":
        certificates = f"{provider.name}'s certificates ({names})"
        text = f"{capitalised(no_price_for(certificates))}. " + ask_for_tuition(f"its {provider.school}")
    else:
        text = (
            f"{provider.name}: {price_per_course(tuition)}. "
            f"Each of its certificates ({names}) takes {tuition.courses_for_certificate} courses: "
            f"{usd(tuition.certificate_total_usd)} in tuition ({tuition_sum(tuition)})."
        )
    text += "\n" + source_line(citation)
    buttons = [Button.for_intent(f"Cost of {p.name}", "ask_cost", {"program": p.id}) for p in programs[:MAX_LISTED]]
    if tuition != "unknown":
        buttons = [Button.for_intent("How can I pay for it?", "ask_funding", {"institution": provider.id})]
    unknown = tuition == "unknown"
    return Answer(text, tuple(buttons), kind=NOT_GIVEN if unknown else "",
                  about=about("cost", [p.id for p in programs]) if unknown else ())


# -- funding ------------------------------------------------------------------

def funding_lines(provider: Provider) -> List[str]:
    """What the article says about paying at one provider; empty if it says nothing."""
    funding = provider.funding
    lines = []
    if funding.traditional_financial_aid == "not_eligible":
        lines.append("Not eligible for traditional financial aid (certificates are non-degree programs).")
    elif funding.traditional_financial_aid == "eligible":
        lines.append("Eligible for traditional financial aid.")
    if funding.departmental_funding == "none":
        lines.append("No departmental funding.")
    elif funding.departmental_funding == "available":
        lines.append("Departmental funding is available.")
    if funding.scholarships == "available":
        if funding.scholarships_cover:
            line = capitalised(scholarships_cover(funding.scholarships_cover, through=funding.scholarship_providers))
        else:
            line = capitalised(scholarships_through(funding.scholarship_providers)) + " are available"
        if funding.not_covered:
            line += f"; you still pay for {join_words(funding.not_covered)}"
        lines.append(line + ".")
    elif funding.scholarships == "none":
        lines.append("No scholarships.")
    lines.extend(funding.notes)
    return lines


def funding_answer(facts: FundingFacts, citation: str, *, for_provider: bool = False) -> Answer:
    """Financial aid, departmental funding, scholarships and what they do not cover."""
    subject = facts.provider.name if for_provider else program_title(facts.program, facts.provider)
    lines = funding_lines(facts.provider)
    if lines:
        text = f"Paying for the {subject}:\n" + "\n".join(f"- {line}" for line in lines)
        unsaid = [what for what, value in (("traditional financial aid", facts.funding.traditional_financial_aid),
                                           ("departmental funding", facts.funding.departmental_funding),
                                           ("scholarships", facts.funding.scholarships)) if value == "unknown"]
        if unsaid:
            plural = len(unsaid) > 1 or unsaid[0] == "scholarships"
            text += f"\nThe article does not say whether {join_words(unsaid, 'or')} {'are' if plural else 'is'} available."
    else:
        text = (
            f"The article says nothing specific about funding for the {subject}. In general it notes:\n"
            + "\n".join(f"- {line}" for line in facts.general)
            + f"\nAsk {facts.provider.name}'s {facts.provider.school} about aid and scholarships."
        )
    text += "\n" + source_line(citation)
    entity, value = ("institution", facts.provider.id) if for_provider else ("program", facts.program.id)
    return Answer(text, tuple(follow_up_buttons(entity, value, skip="ask_funding")[:2]),
                  kind="" if lines else NOT_GIVEN, about=() if lines else about("funding", [facts.program.id]))


def general_funding_answer(landscape: Landscape, citation: str, providers: Sequence[Provider] = ()) -> Answer:
    """Funding in general, then what the article says school by school."""
    text = "Funding certificates, in general:\n" + "\n".join(f"- {line}" for line in landscape.general_funding)
    by_school = [(p, funding_lines(p)) for p in providers]
    said = [f"- {provider_title(p)}: {' '.join(lines)}" for p, lines in by_school if lines]
    unsaid = [p.name for p, lines in by_school if not lines]
    if said:
        text += "\nSchool by school:\n" + "\n".join(said)
    if unsaid:
        text += f"\nThe article says nothing about funding at {join_words(unsaid)}."
    text += "\nName a program or school and I'll give its specifics.\n" + source_line(citation)
    return Answer(text)


# -- prerequisites -------------------------------------------------------------

def prerequisites_answer(advice: PrerequisiteAdvice, citation: str) -> Answer:
    """The learners' advice as steps, or a plain statement that the article gives none."""
    if not advice.advice:
        text = (
            f"The article gives no advice on preparing for the {advice.subject}. "
            "Its learners' advice on prerequisites is about technical certificates such as data science "
            "and web programming."
        )
    else:
        steps = "\n".join(f"{number}. {item.step}" for number, item in enumerate(advice.advice, 1))
        voices = "; ".join(f"{item.who}: {item.advice}" for item in advice.advice)
        text = (f"Preparing for the {advice.subject} (the article does not say what formal prerequisites "
                f"there are; this is learners' advice):\n{steps}\nWhy: {voices}")
    return Answer(text + "\n" + source_line(citation))


# -- programs -------------------------------------------------------------------

def program_card(facts: ProgramFacts, citation: str) -> Answer:
    """A short description of one program with everything the article gives."""
    program, provider = facts.program, facts.provider
    lines = [f"{program.name}: a {program.credential_label} from {provider.name} ({provider.school}).", program.summary]
    if program.pathways:
        lines.append(f"Pathways: {join_words([p.name for p in program.pathways])}.")
    own = facts.topic_labels[: len(program.topics)]
    courses = facts.topic_labels[len(program.topics):]
    lines.append(f"Topics: {join_words(list(own))}." + (f" Courses cover {join_words(list(courses))}." if courses else ""))
    if program.structure:
        length = "" if program.structure.course_length == "unknown" else f", {program.structure.course_length}"
        vary = "; courses vary from year to year" if program.structure.courses_vary_by_year else ""
        lines.append(f"Structure: {program.structure.courses} courses{length}{vary}.")
    if program.eligibility and program.eligibility.note:
        lines.append(f"Who can enrol: {program.eligibility.note}")
    if program.started:
        lines.append(f"Started in {program.started}" + (f", {program.growth}." if program.growth else "."))
    if facts.cost.tuition is not None:
        t = facts.cost.tuition
        lines.append(f"Cost: {usd(t.per_course_usd)} per course, {certificate_price(t)}.")
    else:
        lines.append("Cost: not given in the article.")
    for quote in program.quoted[:2]:
        lines.append(f"{quote.person} ({quote.role}): {quote.point}")
    text = "\n".join(lines) + "\n" + source_line(citation)
    return Answer(text, tuple(follow_up_buttons("program", program.id, skip="ask_program_details")))


def program_list_answer(matches: Sequence[ProgramMatch], criteria: str, limit: Optional[int] = MAX_LISTED) -> Answer:
    """A numbered shortlist with the reason each program matched (the first ``limit``; all when ``None``)."""
    shown = list(matches[:limit]) if limit else list(matches)
    heading = f"Certificates for {criteria}:" if criteria else f"The {len(matches)} certificates the article names:"
    lines = [heading]
    for number, match in enumerate(shown, 1):
        reasons = f": {'; '.join(match.reasons)}" if match.score else ""
        lines.append(f"{number}. {program_title(match.program, match.provider)}{reasons}")
    if len(matches) > len(shown):
        lines.append(f"…and {len(matches) - len(shown)} more. Name a topic or school to narrow it down.")
    lines.append('Ask about one ("the first one", "what does the second cost?").')
    buttons = [Button.for_intent(m.program.name, "ask_program_details", {"program": m.program.id}) for m in shown[:MAX_LISTED]]
    return Answer("\n".join(lines), tuple(buttons))


def no_match_answer(criteria: str, landscape: Landscape, citation: str,
                    elsewhere: Sequence[ProgramMatch] = (), subject: str = "") -> Answer:
    """Nothing in the knowledge base fits: say so, name where the article does place the subject (when
    it was asked of one school: "does SJSU have a rare books certificate?"), and point to where to look next."""
    lines = [f"The article names no certificate for {criteria}."]
    if elsewhere:
        lines.append(f"For {subject} it names: " + "; ".join(
            program_title(m.program, m.provider) for m in elsewhere[:MAX_LISTED]) + ".")
    lines.append(f"It notes that {programs_offering_certificates(landscape)} "
                 f"({landscape.fully_online} fully online): {where_to_search(landscape)}.")
    buttons = tuple(Button.for_intent(m.program.name, "ask_program_details", {"program": m.program.id})
                    for m in elsewhere[:MAX_LISTED]) or (
        Button.for_intent("Show all certificates", "find_certificate"), Button("What can you do?", "/help"))
    return Answer("\n".join(lines) + "\n" + source_line(citation), buttons)


def which_program_answer(question_intent: str, programs: Sequence[Program], kb: KnowledgeBase, prompt: str,
                         attribute: str = "") -> Answer:
    """Ask which program the user means, with one button per candidate."""
    buttons = [
        Button.for_intent(f"{p.name} ({kb.provider_of(p).name})", question_intent, {"program": p.id})
        for p in programs
    ]
    return Answer(prompt, tuple(buttons), kind=CLARIFICATION, about=about(attribute))


def which_institution_answer(question_intent: str, providers: Sequence[Provider], prompt: str,
                             attribute: str = "") -> Answer:
    """Ask which school the user means, with one button per school."""
    buttons = [Button.for_intent(p.name, question_intent, {"institution": p.id}) for p in providers]
    return Answer(prompt, tuple(buttons), kind=CLARIFICATION, about=about(attribute))


def out_of_range_answer(position: str, listed: int) -> Answer:
    return Answer(f"The last list I showed had {listed} certificate{'s' if listed != 1 else ''}; which one do you mean?",
                  kind=CLARIFICATION)


# -- the bigger picture -------------------------------------------------------------

def landscape_answer(landscape: Landscape, known_programs: int, citation: str) -> Answer:
    text = (
        f"{programs_offering_certificates(landscape, 'library school programs')}, and {landscape.fully_online} of them "
        f"are available 100% online (the other {landscape.accredited_programs_with_post_masters_certificates - landscape.fully_online} "
        f"are not); the article does not say which they are. For the full list, {where_to_search(landscape)}. "
        f"I know {known_programs} certificates from the article; {landscape.sample_note[0].lower()}{landscape.sample_note[1:]}\n"
        + source_line(citation)
    )
    return Answer(text, (Button.for_intent("Show the certificates you know", "find_certificate"),))


def worth_it_answer(points: Iterable[WorthItPoint], citation: str) -> Answer:
    lines = ["Is a certificate worth it? What people in the article say:"]
    lines += [f"- {point.point} ({point.who})" for point in points]
    return Answer("\n".join(lines) + "\n" + source_line(citation))


def comparison_answer(comparison: Comparison, citation: str) -> Answer:
    """Two programs side by side: cost, structure, funding, topics."""
    first, second = comparison.first, comparison.second

    def cost(facts: ProgramFacts) -> str:
        t = facts.cost.tuition
        return "not given" if t is None else f"{usd(t.per_course_usd)}/course, {usd(t.certificate_total_usd)} total"

    def structure(facts: ProgramFacts) -> str:
        s = facts.program.structure
        return "not given" if s is None else f"{s.courses} courses"

    def funding(facts: ProgramFacts) -> str:
        lines = funding_lines(facts.provider)
        return " ".join(lines) if lines else "not given"

    def topics(facts: ProgramFacts) -> str:
        return ", ".join(facts.topic_labels)

    def pathways(facts: ProgramFacts) -> str:
        return ", ".join(p.name for p in facts.program.pathways) or "none named"

    def started(facts: ProgramFacts) -> str:
        p = facts.program
        return "not given" if not p.started else f"{p.started}" + (f", {p.growth}" if p.growth else "")

    def audience(facts: ProgramFacts) -> str:
        return facts.program.audience or "not given"

    def enrolment(facts: ProgramFacts) -> str:
        e = facts.program.eligibility
        if e is None:
            return "not given"
        open_to = [who for who, ok in (("matriculated", e.matriculated), ("non-matriculated", e.non_matriculated)) if ok]
        return f"open to {' and '.join(open_to)} students" if open_to else (e.note or "not given")

    lines = [f"{program_title(first.program, first.provider)} vs {program_title(second.program, second.provider)}:"]
    rows = [("Kind", lambda f: f.program.credential_label), ("Cost", cost), ("Structure", structure),
            ("Funding", funding), ("Topics", topics), ("Who it is for", audience), ("Who can enrol", enrolment),
            ("Started", started)]
    if first.program.pathways or second.program.pathways:
        rows.append(("Pathways", pathways))
    for label, describe in rows:
        a, b = describe(first), describe(second)
        lines.append(f"- {label}: {a} | {b}" if a != b else f"- {label}: both {a}")
    difference = price_difference(first, second)
    if difference:
        lines.append(f"- {difference}")
    return Answer("\n".join(lines) + "\n" + source_line(citation))


def price_difference(first: ProgramFacts, second: ProgramFacts) -> Optional[str]:
    """ "Difference: the X costs $975 more in tuition ($195 more per course)." when both prices are known and differ."""
    if not (first.cost.tuition and second.cost.tuition) or first.cost.tuition == second.cost.tuition:
        return None
    cheaper, dearer = sorted((first, second), key=lambda f: f.cost.tuition.certificate_total_usd)
    gap = dearer.cost.tuition.certificate_total_usd - cheaper.cost.tuition.certificate_total_usd
    course_gap = dearer.cost.tuition.per_course_usd - cheaper.cost.tuition.per_course_usd
    return (f"Difference: the {dearer.program.name} costs {usd(gap)} more in tuition "
            f"({usd(course_gap)} more per course).")


def describe_criteria(kb: KnowledgeBase, topics: Sequence[str], goals: Sequence[str], provider: Optional[str]) -> str:
    """Words for what the user asked for ("data science at San José State University")."""
    parts = [kb.topic(t).label for t in topics] + [kb.goal(g).label for g in goals]
    words = join_words(parts)
    if provider:
        words = f"{words} at {kb.provider(provider).name}" if words else kb.provider(provider).name
    return words


# -- nothing to answer from ------------------------------------------------------------

NOT_UNDERSTOOD = (
    "Sorry, I didn't understand that. I can find certificates by topic or goal and tell you their cost, "
    "funding and prerequisites. Could you rephrase?"
)
OUT_OF_SCOPE = (
    "That's outside what I know. I only know about post-MLIS certificates from \"After the MLIS\". "
    "Try \"which certificate fits archives?\" or \"what does Rare Book School cost?\""
)


def not_understood_answer() -> Answer:
    return Answer(NOT_UNDERSTOOD, (Button("What can you do?", "/help"), Button.for_intent("Find a certificate", "find_certificate")),
                  kind=NOT_UNDERSTOOD_KIND)


def out_of_scope_answer() -> Answer:
    return Answer(OUT_OF_SCOPE, (Button("What can you do?", "/help"),), kind=OUT_OF_SCOPE_KIND)
