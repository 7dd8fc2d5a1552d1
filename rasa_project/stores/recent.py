"""The recent part of a conversation: what one turn needs, however long the conversation is.

A turn needs the conversation's state (slots, the active form) and its last few turns:
the policies look back ``max_history`` turns at most, rules a few turns, and the actions
read the slots, the latest message and the events since the last user message. Rasa's
SQL store hands every turn a tracker rebuilt from every event of the session, which the
policies then featurise and ``RemoteAction`` sends whole to the action server, so a turn
costs more the longer the conversation runs.

``bounded`` keeps a conversation's event list to about ``limit`` events: the events from
the start of a turn (an ``action_listen`` followed by a user message) onward, preceded by
events that restore the state the conversation had at that point (``SlotSet`` for every
slot whose value differs from its initial one, ``ActiveLoop`` for an active form,
``ConversationPaused``). Replaying the result gives the same slots, form and latest
message as replaying everything, and the same last turns.

``RecentConversations`` keeps those lists per conversation in the Rasa server's process,
each with the id of the last stored event it reflects, so a turn reads one row id from the
database instead of the whole session. The database still receives and keeps every event.
"""
from __future__ import annotations

import collections
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional

from rasa.shared.core.events import ActiveLoop, ConversationPaused, SlotSet
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker

ACTION_LISTEN = "action_listen"
# About eight of the advisor's turns: more than any rule or the memoization's max_history look back.
DEFAULT_RECENT_EVENTS = 100
# Each kept conversation holds 100-200 events as dicts, up to about 1 MB for a long one with
# the full parse data of its user messages: 500 conversations stay well under the Rasa server's own 0.9 GiB.
DEFAULT_CONVERSATIONS_CACHED = 500


def _is_turn_start(events: List[Dict[str, Any]], index: int) -> bool:
    event = events[index]
    return (
        event.get("event") == "action"
        and event.get("name") == ACTION_LISTEN
        and index + 1 < len(events)
        and events[index + 1].get("event") == "user"
    )


def current_session(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The events from the last ``session_started`` on (all of them when there is none), as Rasa's store reads them."""
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "session_started":
            return events[index:]
    return events


def state_events(tracker: DialogueStateTracker, timestamp: Optional[float]) -> List[Dict[str, Any]]:
    """Events that bring a fresh tracker to ``tracker``'s slots, active form and pause."""
    restored: List[Dict[str, Any]] = [
        SlotSet(name, slot.value, timestamp=timestamp).as_dict()
        for name, slot in tracker.slots.items()
        if slot.value != slot.initial_value
    ]
    if tracker.active_loop_name:
        restored.append(ActiveLoop(tracker.active_loop_name, timestamp=timestamp).as_dict())
    if tracker.is_paused():
        restored.append(ConversationPaused(timestamp=timestamp).as_dict())
    return restored


def bounded(sender_id: str, events: List[Dict[str, Any]], slots: Iterable[Slot], limit: int) -> List[Dict[str, Any]]:
    """``events`` (one session's) cut to the last turns holding at least ``limit`` events, state restored first.

    Returns the events unchanged when they are short, or when no turn starts early enough
    to cut there.
    """
    events = current_session(events)
    if len(events) <= limit:
        return events
    cut = next((i for i in range(len(events) - limit, 0, -1) if _is_turn_start(events, i)), None)
    if cut is None:
        return events
    before = DialogueStateTracker.from_dict(sender_id, events[:cut], slots)
    return state_events(before, events[cut].get("timestamp")) + events[cut:]


@dataclass
class Recent:
    """A conversation's recent events as of the stored event ``last_id``."""

    last_id: int
    events: List[Dict[str, Any]]


class RecentConversations:
    """The recent events of the conversations this process served last, least recently used dropped first."""

    def __init__(self, capacity: int = DEFAULT_CONVERSATIONS_CACHED) -> None:
        self.capacity = capacity
        self._items: "collections.OrderedDict[str, Recent]" = collections.OrderedDict()

    def get(self, sender_id: str, last_id: int) -> Optional[Recent]:
        """The recent events of ``sender_id`` if they reflect the stored event ``last_id``, else None."""
        recent = self._items.get(sender_id)
        if recent is None or recent.last_id != last_id:
            return None
        self._items.move_to_end(sender_id)
        return recent

    def put(self, sender_id: str, recent: Recent) -> None:
        """Remember ``recent`` for ``sender_id``."""
        self._items[sender_id] = recent
        self._items.move_to_end(sender_id)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def forget(self, sender_id: str) -> None:
        """Drop what is kept for ``sender_id`` (its next read goes to the database)."""
        self._items.pop(sender_id, None)

    def __len__(self) -> int:
        return len(self._items)
