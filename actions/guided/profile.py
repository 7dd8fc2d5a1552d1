"""The guided interview's stored answers as the ``LearnerProfile`` the ranking reads."""
from __future__ import annotations

from typing import Any, Mapping, Optional

from actions.guided.parsers import CAN_TRAVEL, NOT_ENROLLED, ONLINE_ONLY, SKIPPED, decode_interest
from actions.slots import BUDGET, CODING, ENROLLED, INTEREST, ROLE, ROLE_MATCHES_SLOT, TRAVEL, YEARS_SLOT
from knowledge import KnowledgeBase
from knowledge.recommend import CODING_LEVELS, LearnerProfile


def profile_from_slots(slots: Mapping[str, Any], kb: KnowledgeBase) -> LearnerProfile:
    """The learner's answers as a ``LearnerProfile``; skipped and missing answers become ``None``."""
    topics, goals = decode_interest(slots.get(INTEREST), kb) or ((), ())
    role_topics, role_goals = decode_interest(slots.get(ROLE_MATCHES_SLOT), kb) or ((), ())
    role = slots.get(ROLE)
    years = slots.get(YEARS_SLOT)
    coding = slots.get(CODING)
    budget = slots.get(BUDGET)
    enrolled = slots.get(ENROLLED)
    enrolled_at = kb.resolve("provider", enrolled) if isinstance(enrolled, str) else None
    return LearnerProfile(
        topics=topics,
        goals=goals,
        role=role if isinstance(role, str) and role != SKIPPED else None,
        role_topics=role_topics,
        role_goals=role_goals,
        years_in_field=whole_number(years),
        coding=coding if coding in CODING_LEVELS else None,
        can_travel={CAN_TRAVEL: True, ONLINE_ONLY: False}.get(slots.get(TRAVEL)),
        budget_usd=whole_number(budget),
        enrolled=None if enrolled in (None, SKIPPED) else enrolled != NOT_ENROLLED,
        enrolled_at=enrolled_at if enrolled_at == enrolled else None,
    )


def whole_number(value: Any) -> Optional[int]:
    """A number slot's value as a whole number; ``None`` for anything else (a bool is not a number here)."""
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
