"""A failed read or save of a conversation fails its turn, instead of being papered over.

Rasa wraps every tracker store in ``FailSafeTrackerStore``: a read that fails
returns no tracker, so the turn is answered as if the conversation had just
begun, and a save that fails goes to an in-memory store no later read looks at.
The user saw a normal answer; the turn is lost. ``StrictTrackerStore`` keeps the
wrapper's shape but raises ``StoreUnavailable`` on a failed read or save of a
turn, and records on the turn (``turn_outcome``) whether its save succeeded, so
the channel can hold the answer until then (``rasa_project/channels/turns.py``).
Listing conversations (``keys``) and reading whole histories (the HTTP API, the
report) keep Rasa's behaviour.

``install()`` makes Rasa's ``Agent`` use it; written against Rasa 3.6's
``Agent._create_tracker_store``. The channels install it (``turns``), so it is in
place whatever tracker store the endpoints file names.
"""
from __future__ import annotations

import logging
from typing import Any, Optional, Text

from rasa_project.stores import turn_outcome

logger = logging.getLogger(__name__)
MARKER = "_mlis_advisor_strict"


class StoreUnavailable(RuntimeError):
    """The conversation could not be read or saved; the turn must not be answered."""


def _strict_class() -> type:
    from rasa.core.tracker_store import FailSafeTrackerStore

    class StrictTrackerStore(FailSafeTrackerStore):
        """``FailSafeTrackerStore`` without the silent fallbacks for a turn's read and save."""

        async def retrieve(self, sender_id: Text) -> Optional[Any]:
            try:
                return await self._tracker_store.retrieve(sender_id)
            except Exception as error:
                turn_outcome.note_failed()
                logger.error("sender=%s conversation could not be read: %s", sender_id, error)
                raise StoreUnavailable(f"sender={sender_id}: conversation could not be read") from error

        async def save(self, tracker: Any) -> None:
            try:
                await self._tracker_store.save(tracker)
            except Exception as error:
                turn_outcome.note_failed()
                logger.error("sender=%s conversation could not be saved: %s", tracker.sender_id, error)
                raise StoreUnavailable(f"sender={tracker.sender_id}: conversation could not be saved") from error
            turn_outcome.note_saved(tracker)

    return StrictTrackerStore


def install() -> bool:
    """Make Rasa's ``Agent`` wrap its tracker store in ``StrictTrackerStore``; idempotent."""
    from rasa.core.agent import Agent
    from rasa.core.tracker_store import FailSafeTrackerStore

    original = Agent.__dict__.get("_create_tracker_store")
    if original is None:
        logger.warning("Rasa has no Agent._create_tracker_store; a failed save may be answered and lost")
        return False
    create = original.__func__
    if getattr(create, MARKER, False):
        return True
    strict = _strict_class()

    def create_tracker_store(store: Any, domain: Any) -> Any:
        wrapped = create(store, domain)
        if isinstance(wrapped, FailSafeTrackerStore) and not isinstance(wrapped, strict):
            return strict(wrapped._tracker_store)
        return wrapped

    setattr(create_tracker_store, MARKER, True)
    Agent._create_tracker_store = staticmethod(create_tracker_store)
    return True
