"""Bound the events one conversation session keeps: a session that grew too long starts a new one.

Rasa reads every event of a conversation's current session on each turn, and sends
them all to the action server, so a session kept busy (within the rate limits)
makes each of its turns slower and larger without end. Rasa starts a new session
only after ``session_expiration_time`` idle. Here a session also "expires" once
it holds more than ``MLIS_ADVISOR_MAX_SESSION_EVENTS`` events (500 by default,
some 50 turns): the next turn starts a new session, the slots (the program under
discussion, the guided-advice answers) carry over as after an idle expiry
(``carry_over_slots_to_new_session``), and only the new session is read from then on.
Earlier sessions stay in the tracker store.

Written against Rasa 3.6's ``MessageProcessor._has_session_expired``; installed by
``rasa_project.stores.sql`` (imported by the Rasa server in both profiles), like
``action_validation``.
"""
from __future__ import annotations

import logging
from typing import Any

from rasa_project.settings import current

logger = logging.getLogger(__name__)
MARKER = "_mlis_advisor_bounded"


def events_in_current_session(tracker: Any) -> int:
    """How many events the tracker holds since its latest ``session_started`` (all of them if none)."""
    from rasa.shared.core.events import SessionStarted

    count = 0
    for event in reversed(tracker.events):
        if isinstance(event, SessionStarted):
            break
        count += 1
    return count


def install(max_events: int = 0) -> bool:
    """Make an over-long session count as expired; idempotent. ``max_events`` 0: from the settings."""
    from rasa.core.processor import MessageProcessor

    limit = max_events or current().max_session_events
    original = getattr(MessageProcessor, "_has_session_expired", None)
    if original is None:
        logger.warning("Rasa has no MessageProcessor._has_session_expired; sessions are not bounded by length")
        return False
    if getattr(original, MARKER, False):
        return True

    def has_session_expired(self: Any, tracker: Any) -> bool:
        if original(self, tracker):
            return True
        if limit > 0 and events_in_current_session(tracker) > limit:
            logger.info("sender=%s session longer than %d events; starting a new one", tracker.sender_id, limit)
            return True
        return False

    setattr(has_session_expired, MARKER, True)
    MessageProcessor._has_session_expired = has_session_expired
    return True
