"""The guided interview's shortlist in words: each recommendation's reasons, cost, funding,
warnings and preparation steps, from the ranking in ``knowledge.recommend``.

Pure functions: recommendations in, an ``Answer`` out; nothing here reads a tracker.
"""
from __future__ import annotations

from typing import Any, Dict, List, Sequence

from actions.answer import Answer, Button
from actions.answers import funding_lines, no_match_answer, program_title, source_line
from actions.guided.prompts import answers_summary
from actions.phrases import NO_PRICE, join_words, online_share, scholarships_cover, usd, where_to_search
from knowledge import KnowledgeBase
from knowledge.recommend import (
    CODING_UNKNOWN,
    DELIVERY_UNKNOWN,
    NO_CODING,
    OVER_BUDGET,
    PRICE_UNKNOWN,
    SOME_CODING,
    LearnerProfile,
    Recommendation,
)


def cost_line(rec: Recommendation) -> str:
    """The total to plan for, with what it leaves out, or a plain "unknown"."""
    cost = rec.cost
    tuition = cost.tuition
    if tuition is None:
        line = f"unknown: {NO_PRICE}, so check with the school ({rec.provider.name}, {rec.provider.school})."
        return line + (" I can't tell whether it fits your budget." if rec.budget_usd is not None else "")
    line = (f"plan for {usd(tuition.certificate_total_usd)} in tuition ({tuition.courses_for_certificate} courses "
            f"× {usd(tuition.per_course_usd)}, the price for {tuition.applies_to})")
    if cost.never_covered:
        line += f", plus {join_words(cost.never_covered)}, for which the article gives no figure"
    line += "."
    if rec.budget_usd is not None:
        line += (f" That is over your budget of {usd(rec.budget_usd)}." if rec.over_budget
                 else f" That fits your budget of {usd(rec.budget_usd)}.")
    return line


def funding_line(rec: Recommendation) -> str:
    """Which parts scholarships may cover and which they never do, or what the article says instead."""
    cost = rec.cost
    if cost.scholarships_may_cover:
        line = scholarships_cover(cost.scholarships_may_cover, through=cost.scholarship_providers, verb="may cover")
        if cost.never_covered:
            line += f", never {join_words(cost.never_covered)}"
        return " ".join([line + "."] + list(cost.notes))
    lines = funding_lines(rec.provider)
    if not lines:
        return f"the article gives no funding details for {rec.provider.name}."
    return " ".join(lines)


def warning_text(kind: str, rec: Recommendation) -> str:
    """One fit warning in words."""
    tuition = rec.cost.tuition
    if kind == OVER_BUDGET and tuition is not None and rec.budget_usd is not None:
        text = f"the certificate's tuition ({usd(tuition.certificate_total_usd)}) is over your budget"
        if tuition.per_course_usd <= rec.budget_usd:
            text += f", though a single course ({usd(tuition.per_course_usd)}) fits"
        return text + "."
    if kind == PRICE_UNKNOWN:
        return f"{NO_PRICE}, so I can't say whether it fits your budget."
    if kind == NO_CODING:
        return "you said you have no coding experience; learners in the article needed to prepare for this: see the steps."
    if kind == SOME_CODING:
        return "you have some coding; the learners' advice in the steps may still help."
    if kind == CODING_UNKNOWN:
        return "if you have no coding experience, learners in the article needed to prepare first: see the steps."
    if kind == DELIVERY_UNKNOWN:
        text = "you need online study, and the article does not say whether this program can be taken online."
        if tuition is not None:
            text += f" Its price is quoted for {tuition.applies_to}."
        if rec.cost.never_covered:
            text += f" The article counts {join_words(rec.cost.never_covered)} among the costs."
        return text
    raise ValueError(f"unknown warning {kind!r}")


def recommendation_lines(number: int, rec: Recommendation) -> List[str]:
    """One shortlist entry: why, cost, funding, warnings, preparation steps."""
    lines = [f"{number}. {program_title(rec.program, rec.provider)}, a {rec.program.credential_label}"]
    if rec.reasons:
        lines.append(f"   Why: {'; '.join(rec.reasons)}.")
    lines.append(f"   Cost: {cost_line(rec)}")
    lines.append(f"   Paying for it: {funding_line(rec)}")
    for kind in rec.warnings:
        lines.append(f"   Watch out: {warning_text(kind, rec)}")
    if rec.preparation_steps:
        lines.append("   To prepare:")
        lines += [f"     {step_number}) {step}" for step_number, step in enumerate(rec.preparation_steps, 1)]
    return lines


def shortlist_answer(
    recommendations: Sequence[Recommendation],
    profile: LearnerProfile,
    answers: Dict[str, Any],
    kb: KnowledgeBase,
    citation: str,
    heading: str = "Your shortlist, from what you told me:",
) -> Answer:
    """The ranked shortlist (at most three), with reasons, costs, funding, warnings and steps."""
    if not recommendations:
        return empty_shortlist_answer(profile, answers, kb, citation)
    lines = [heading]
    for number, rec in enumerate(recommendations, 1):
        lines += recommendation_lines(number, rec)
    if profile.can_travel is False:
        landscape = kb.landscape
        lines.append(
            f"Studying online: the article says {online_share(landscape, '100% online')}; {where_to_search(landscape)}."
        )
    lines.append(answers_summary(answers, kb, profile.years_in_field))
    lines.append("Change an answer any time (\"actually my budget is $3,000\"), say \"show my shortlist\", "
                 "or \"reset my shortlist\".")
    lines.append(source_line(citation))
    buttons = [Button.for_intent(rec.program.name, "ask_program_details", {"program": rec.program.id})
               for rec in recommendations]
    if len(recommendations) >= 2:
        buttons.append(Button("Compare the first two", "/compare_programs"))
    buttons.append(Button("Reset my shortlist", "/reset_shortlist"))
    return Answer("\n".join(lines), tuple(buttons))


def empty_shortlist_answer(profile: LearnerProfile, answers: Dict[str, Any], kb: KnowledgeBase, citation: str) -> Answer:
    """Nothing matched: say so plainly and point to where else to look."""
    summary = answers_summary(answers, kb, profile.years_in_field)
    if profile.topics or profile.goals:
        criteria = join_words([kb.topic(t).label for t in profile.topics] + [kb.goal(g).label for g in profile.goals])
        text = no_match_answer(criteria, kb.landscape, citation).text + "\n" + summary
    else:
        text = ("With no topic or goal, I have nothing to rank the article's certificates on. "
                "Reset your shortlist and name a topic, or ask for the full list.\n" + summary + "\n" + source_line(citation))
    buttons = (Button("Reset my shortlist", "/reset_shortlist"), Button.for_intent("Show all certificates", "find_certificate"))
    return Answer(text, buttons)


def no_shortlist_yet_answer(answered: int, total: int) -> Answer:
    """ "Show my shortlist" before the interview has finished."""
    if answered:
        text = (f"You don't have a shortlist yet: you've answered {answered} of {total} questions. "
                "Say \"continue the questions\" to finish them.")
        title = "Continue the questions"
    else:
        text = "You don't have a shortlist yet. I can ask you a few questions and suggest up to three certificates."
        title = "Help me choose a certificate"
    return Answer(text, (Button(title, "/start_guided_advice"),))


def reset_answer(restarting: bool) -> Answer:
    """The confirmation that answers and shortlist are cleared."""
    if restarting:
        return Answer("I've cleared your answers and shortlist. Let's start the questions again.")
    return Answer("I've cleared your answers and shortlist.",
                  (Button("Help me choose a certificate", "/start_guided_advice"),))
