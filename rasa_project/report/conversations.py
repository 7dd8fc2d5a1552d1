"""Events grouped into conversations: one per session of one sender.

Only one conversation's events are held at a time.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable, Iterator, List

from rasa_project.report.store import StoredEvent


@dataclass
class Conversation:
    """One session: its sender and its events in order."""

    sender_id: str
    events: List[StoredEvent] = field(default_factory=list)

    @property
    def started(self) -> float:
        return self.events[0].timestamp if self.events else 0.0

    @property
    def channel(self) -> str:
        """The channel of its first user message (``input_channel``), or "unknown"."""
        for event in self.events:
            if event.type_name == "user":
                return str(event.data.get("input_channel") or "unknown")
        return "unknown"

    @property
    def has_user_messages(self) -> bool:
        return any(event.type_name == "user" for event in self.events)


def conversations(events: Iterable[StoredEvent]) -> Iterator[Conversation]:
    """The conversations in ``events`` (ordered by sender, then as stored); those without a user message are left out."""
    for sender_id, own_events in groupby(events, key=lambda event: event.sender_id):
        current = Conversation(sender_id)
        for event in own_events:
            if event.type_name == "session_started" and current.has_user_messages:
                yield current
                current = Conversation(sender_id)
            current.events.append(event)
        if current.has_user_messages:
            yield current
