"""Guided advice: rank the knowledge base's certificates for one learner.

A pure, deterministic function of a ``LearnerProfile`` (the interview's answers)
and the ``KnowledgeBase``: the same answers and the same YAML always give the
same shortlist, in the same order, with the same reasons. Nothing here reads a
tracker or formats money; the action layer phrases the result.

Scoring (documented here, tested in tests/guided_advice/test_recommend.py):

- **Interest** (the topic or goal the learner named): the score and reasons of
  ``KnowledgeBase.find_programs`` -- a program's own topic 3, a pathway topic 2,
  a course topic 1, each goal it serves 2.
- **Role**: +1 (``ROLE_SCORE``) when the knowledge-base topics or goals named in
  the learner's role ("archivist", "curator") match the program.
- **Enrolment**: +2 (``ENROLLED_SCORE``) when the learner is enrolled at the
  program's school and the article says the program is open to matriculated
  students there. A program the article says is also open to non-matriculated
  students says so in its reasons (no score).
- Only programs with a positive interest, role or enrolment score are
  candidates. When some program is about what the learner asked for (more than
  a course topic), a program matched by a course topic alone, with no role or
  enrolment score, is not. The remaining answers reorder or annotate them:
- **Budget**: when the article prices the certificate, +1 (``WITHIN_BUDGET_SCORE``)
  if its tuition fits the budget, -2 (``OVER_BUDGET_SCORE``) and an ``over_budget``
  warning if it does not. An unknown price scores 0 and is never assumed to fit
  (``price_unknown`` warning).
- **Coding background**: no score. A program whose learners' advice applies
  (a technical program, or a pathway/course topic the learner asked for that the
  advice names) gets a warning for "none", "some" or skipped, and the advice as
  preparation steps; "comfortable" gets neither.
- **Travel**: no score, because the article states no program's delivery mode.
  "Online only" adds a ``delivery_unknown`` warning to every program.
- Ties break on the interest score, then on knowledge-base order.
  At most ``MAX_SHORTLIST`` programs are returned.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Tuple

from knowledge.knowledge_base import COURSE_TOPIC_SCORE, KnowledgeBase
from knowledge.records import Advice, Program, Provider, Tuition
from knowledge.results import FundingFacts

MAX_SHORTLIST = 3
ROLE_SCORE = 1
ENROLLED_SCORE = 2
WITHIN_BUDGET_SCORE = 1
OVER_BUDGET_SCORE = -2

CODING_LEVELS = ("none", "some", "comfortable")

# Warning kinds; the action layer words them.
OVER_BUDGET = "over_budget"
PRICE_UNKNOWN = "price_unknown"
NO_CODING = "no_coding"
SOME_CODING = "some_coding"
CODING_UNKNOWN = "coding_unknown"
DELIVERY_UNKNOWN = "delivery_unknown"


@dataclass(frozen=True)
class LearnerProfile:
    """The interview's answers. ``None`` or empty means the learner skipped the question.

    Attributes:
        topics: topic ids the learner is interested in.
        goals: goal ids the learner named.
        role: the learner's current role, in their words.
        role_topics: topic ids named in the role ("archivist" -> archives).
        role_goals: goal ids named in the role ("curator" -> special collections).
        years_in_field: years worked in the field.
        coding: "none", "some" or "comfortable".
        can_travel: True if in-person courses are possible, False for online only.
        budget_usd: what the learner can spend on tuition, in US dollars.
        enrolled: whether the learner is enrolled at a school now.
        enrolled_at: the provider id of that school, when the knowledge base knows it.
    """

    topics: Tuple[str, ...] = ()
    goals: Tuple[str, ...] = ()
    role: Optional[str] = None
    role_topics: Tuple[str, ...] = ()
    role_goals: Tuple[str, ...] = ()
    years_in_field: Optional[int] = None
    coding: Optional[str] = None
    can_travel: Optional[bool] = None
    budget_usd: Optional[int] = None
    enrolled: Optional[bool] = None
    enrolled_at: Optional[str] = None

    def __post_init__(self) -> None:
        if self.coding is not None and self.coding not in CODING_LEVELS:
            raise ValueError(f"coding must be one of {CODING_LEVELS} or None, not {self.coding!r}")
        if self.budget_usd is not None and self.budget_usd < 0:
            raise ValueError("budget_usd cannot be negative")
        if self.years_in_field is not None and self.years_in_field < 0:
            raise ValueError("years_in_field cannot be negative")


@dataclass(frozen=True)
class NetCost:
    """What a learner should plan to pay, as far as the article says.

    ``tuition`` is ``None`` when the article gives no price: the total is then
    unknown, never zero. ``never_covered`` are costs the article says the learner
    pays even with a scholarship (it gives no figure for them).
    """

    tuition: Optional[Tuition]
    scholarships: str
    scholarship_providers: Tuple[str, ...]
    scholarships_may_cover: Tuple[str, ...]
    never_covered: Tuple[str, ...]
    notes: Tuple[str, ...]

    @property
    def known(self) -> bool:
        return self.tuition is not None

    @property
    def plan_for_usd(self) -> Optional[int]:
        """Tuition for the whole certificate, or ``None`` when the article gives no price."""
        return None if self.tuition is None else self.tuition.certificate_total_usd


@dataclass(frozen=True)
class Recommendation:
    """One program on a learner's shortlist, with why it fits and what to watch for."""

    program: Program
    provider: Provider
    score: int
    reasons: Tuple[str, ...]
    cost: NetCost
    funding: FundingFacts
    budget_usd: Optional[int]
    warnings: Tuple[str, ...]
    preparation: Tuple[Advice, ...]

    @property
    def preparation_steps(self) -> Tuple[str, ...]:
        return tuple(item.step for item in self.preparation)

    @property
    def over_budget(self) -> bool:
        return OVER_BUDGET in self.warnings


def net_cost(kb: KnowledgeBase, program_id: str) -> NetCost:
    """The plan-for cost of a program: tuition if priced, and what scholarships may or never cover."""
    cost = kb.cost_of(program_id)
    funding = kb.funding_for(program_id).funding
    available = funding.scholarships == "available"
    return NetCost(
        tuition=cost.tuition,
        scholarships=funding.scholarships,
        scholarship_providers=funding.scholarship_providers if available else (),
        scholarships_may_cover=funding.scholarships_cover if available else (),
        never_covered=funding.not_covered,
        notes=funding.notes,
    )


def recommend(kb: KnowledgeBase, profile: LearnerProfile, limit: int = MAX_SHORTLIST) -> Tuple[Recommendation, ...]:
    """The learner's shortlist, best first (see the module docstring for the scoring).

    Args:
        kb: the knowledge base to rank.
        profile: the interview's answers.
        limit: the most programs to return.

    Returns:
        At most ``limit`` recommendations; empty when nothing the learner said
        matches a program (for example when every question was skipped).
    """
    interest = _interest_scores(kb, profile)
    role = _role_matches(kb, profile)
    # Some certificate is about what the learner asked for: one that only has a course touching it is no match.
    about_it = any(score > COURSE_TOPIC_SCORE for score, _ in interest.values())
    ranked: List[Tuple[Tuple[int, int, int], Recommendation]] = []
    for index, program in enumerate(kb.programs):
        match_score, reasons = _match(kb, profile, program, interest, role)
        if match_score <= 0 or (about_it and 0 < interest.get(program.id, (0, ()))[0] <= COURSE_TOPIC_SCORE
                                and match_score <= COURSE_TOPIC_SCORE):
            continue
        recommendation = _assess(kb, profile, program, match_score, reasons)
        interest_score = interest.get(program.id, (0, ()))[0]
        ranked.append(((-recommendation.score, -interest_score, index), recommendation))
    ranked.sort(key=lambda item: item[0])
    return tuple(recommendation for _, recommendation in ranked[:limit])


def recommendation_for(kb: KnowledgeBase, profile: LearnerProfile, program_id: str) -> Recommendation:
    """One program assessed for this learner, whether or not it would be shortlisted now.

    Used to show a saved shortlist again with reasons, costs and warnings worked
    out from the current answers and knowledge base.
    """
    program = kb.program(program_id)
    match_score, reasons = _match(kb, profile, program, _interest_scores(kb, profile), _role_matches(kb, profile))
    return _assess(kb, profile, program, match_score, reasons)


def _interest_scores(kb: KnowledgeBase, profile: LearnerProfile) -> Dict[str, Tuple[int, Tuple[str, ...]]]:
    if not (profile.topics or profile.goals):
        return {}
    matches = kb.find_programs(topics=profile.topics, goals=profile.goals)
    return {match.program.id: (match.score, match.reasons) for match in matches}


def _role_matches(kb: KnowledgeBase, profile: LearnerProfile) -> FrozenSet[str]:
    if not (profile.role_topics or profile.role_goals):
        return frozenset()
    return frozenset(m.program.id for m in kb.find_programs(topics=profile.role_topics, goals=profile.role_goals))


def _match(
    kb: KnowledgeBase,
    profile: LearnerProfile,
    program: Program,
    interest: Dict[str, Tuple[int, Tuple[str, ...]]],
    role: FrozenSet[str],
) -> Tuple[int, List[str]]:
    """How well the program matches what the learner wants (interest, role, enrolment)."""
    score, reasons = interest.get(program.id, (0, ()))
    reasons = list(reasons)
    if program.id in role:
        score += ROLE_SCORE
        reasons.append(f"relates to your role ({profile.role})" if profile.role else "relates to your role")
    provider = kb.provider_of(program)
    eligibility = program.eligibility
    if eligibility is not None:
        if profile.enrolled_at == provider.id and eligibility.matriculated:
            score += ENROLLED_SCORE
            reasons.append(f"open to matriculated students, and you are enrolled at {provider.name}")
        elif profile.enrolled_at != provider.id and eligibility.non_matriculated:
            reasons.append(f"also open to non-matriculated students, so you need not be enrolled at {provider.name}")
    return score, reasons


def _assess(
    kb: KnowledgeBase, profile: LearnerProfile, program: Program, match_score: int, reasons: List[str]
) -> Recommendation:
    cost = net_cost(kb, program.id)
    score = match_score
    reasons = list(reasons)
    warnings: List[str] = []
    if profile.budget_usd is not None:
        if cost.plan_for_usd is None:
            warnings.append(PRICE_UNKNOWN)
        elif cost.plan_for_usd <= profile.budget_usd:
            score += WITHIN_BUDGET_SCORE
            reasons.append("its tuition fits your budget")
        else:
            score += OVER_BUDGET_SCORE
            warnings.append(OVER_BUDGET)
    preparation = _preparation(kb, profile, program)
    if preparation:
        coding_warning = {None: CODING_UNKNOWN, "none": NO_CODING, "some": SOME_CODING}.get(profile.coding)
        if coding_warning is None:
            preparation = ()
        else:
            warnings.append(coding_warning)
    if profile.can_travel is False:
        warnings.append(DELIVERY_UNKNOWN)
    return Recommendation(
        program=program,
        provider=kb.provider_of(program),
        score=score,
        reasons=tuple(reasons),
        cost=cost,
        funding=kb.funding_for(program.id),
        budget_usd=profile.budget_usd,
        warnings=tuple(warnings),
        preparation=preparation,
    )


def _preparation(kb: KnowledgeBase, profile: LearnerProfile, program: Program) -> Tuple[Advice, ...]:
    """The learners' advice that applies to this learner taking this program.

    A technical program brings all of its advice. Otherwise only advice on the
    topics the learner asked for that the program covers (a pathway or course
    topic) applies, so an archivist looking at a broad certificate is not told
    to learn JavaScript.
    """
    if program.technical:
        return kb.prerequisites_for(program_id=program.id).advice
    covered = {*program.topics, *program.course_topics, *(t for p in program.pathways for t in p.topics)}
    found: Dict[str, Advice] = {}
    for topic_id in profile.topics:
        if topic_id in covered:
            for item in kb.prerequisites_for(topic_id=topic_id).advice:
                found.setdefault(item.id, item)
    order = {item.id: index for index, item in enumerate(kb.advice)}
    return tuple(sorted(found.values(), key=lambda item: order[item.id]))
