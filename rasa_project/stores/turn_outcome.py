"""What the conversation store did during one user turn, told to the channel that answers it.

A channel (``rasa_project.channels.turns.answer_turn``) opens a ``TurnOutcome``
for each turn; the tracker store, deep inside Rasa's processor, records on it
whether the turn was saved, failed, or had to retry. The record travels in a
context variable, so it reaches the store through Rasa's call chain without
changing it, and each concurrent turn (each its own asyncio task) sees only its own.

This module imports nothing from Rasa.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Text

_current: ContextVar[Optional["TurnOutcome"]] = ContextVar("mlis_advisor_turn_outcome", default=None)


@dataclass
class TurnOutcome:
    """One turn's dealings with the store: ``saved`` once its own user message is stored."""

    sender_id: Text
    message_id: Optional[Text]
    saved: bool = False
    store_failed: bool = False
    store_retried: bool = False

    @property
    def store_trouble(self) -> bool:
        """The store failed, or was still retrying, during this turn."""
        return self.store_failed or self.store_retried


@contextmanager
def recording(sender_id: Text, message_id: Optional[Text]) -> Iterator[TurnOutcome]:
    """A new record for the turn run inside the block (and for the tasks it starts there)."""
    outcome = TurnOutcome(sender_id, message_id)
    token = _current.set(outcome)
    try:
        yield outcome
    finally:
        _current.reset(token)


def current_turn() -> Optional[TurnOutcome]:
    return _current.get()


def note_saved(tracker: Any) -> None:
    """A save succeeded; it keeps the turn once the tracker holds the turn's own user message."""
    outcome = _current.get()
    if outcome is None or tracker.sender_id != outcome.sender_id:
        return
    if _holds_message(tracker, outcome.message_id):
        outcome.saved = True


def _holds_message(tracker: Any, message_id: Optional[Text]) -> bool:
    latest = getattr(tracker, "latest_message", None)
    if latest is not None and getattr(latest, "message_id", None) == message_id:
        return True
    # "Start over" restarts the conversation, which empties latest_message; the turn's own user
    # message is still the last one among the events saved.
    for event in reversed(getattr(tracker, "events", None) or ()):
        if type(event).__name__ == "UserUttered":
            return getattr(event, "message_id", None) == message_id
    return False


def note_failed() -> None:
    outcome = _current.get()
    if outcome is not None:
        outcome.store_failed = True


def note_retrying() -> None:
    outcome = _current.get()
    if outcome is not None:
        outcome.store_retried = True
