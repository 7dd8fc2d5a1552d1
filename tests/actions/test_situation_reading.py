"""Reading the user's own career stage from one message."""
from __future__ import annotations

import pytest

from actions.situation_reading import career_stage_of


@pytest.mark.parametrize("text, stage", [
    ("graduated with my mlis last spring, options?", "recent"),
    ("i graduated 6 months ago. too early for me?", "recent"),
    ("just out of school and already regret my track", "recent"),
    ("i'm a cataloger w/ like 8 yrs experience", "established"),
    ("ive been working 7 years, does that fit", "established"),
    ("im mid-career and stuck", "established"),
    ("i have 2 years in the field", None),       # two years is not "several"
    ("does it take 3 years to finish", None),     # the certificate's length, not the user's career
    ("the certificates started 5 years ago", None),
])
def test_the_career_stage_a_message_tells(text, stage):
    assert career_stage_of(text) == stage
