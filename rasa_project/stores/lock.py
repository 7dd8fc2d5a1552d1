"""A Redis lock store whose ticket operations are atomic, so replicas can share conversations.

Rasa's ``RedisLockStore`` changes a conversation's ticket lock by reading it,
changing it in Python and writing it back. Two Rasa processes doing that at the
same moment overwrite each other: both get the same ticket, or one removes the
other's, and two turns of one conversation run at once, so one turn's events
are lost from the tracker store (RasaHQ/rasa #9213; the fix went to Rasa Pro
only). Within one process it does not happen, because the read and the write
run without yielding to the event loop; it happens with several replicas, and
with ``SANIC_WORKERS`` > 1.

Here every read-change-write of a lock is one Redis transaction (``WATCH`` the
key, ``MULTI``/``EXEC`` the write, start again if another process changed it
meanwhile). The ticket algorithm, key layout and options are Rasa's, so the
store can share a Redis with stock replicas during a rolling upgrade.
"""
from __future__ import annotations

import json
import logging
import time
from contextlib import asynccontextmanager
from typing import AsyncGenerator, Callable, Optional, Text, Tuple, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

DEFAULT_WAIT_SECONDS = 0.1

T = TypeVar("T")
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]]


class AtomicRedisLockStore(RedisLockStore):
    """``RedisLockStore`` with each ticket operation done in one optimistic Redis transaction."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        """Build from the ``lock_store`` section of the endpoints file.

        Takes Rasa's ``RedisLockStore`` options (``url`` is the host, ``port``,
        ``db``, ``password``, ``key_prefix``, ``socket_timeout``...) plus
        ``wait_seconds``: how often a waiting turn checks whether it is its turn
        (Rasa's default is once a second, which makes queued turns slow).
        """
        options = dict(endpoint_config.kwargs)
        self.wait_seconds = float(options.pop("wait_seconds", DEFAULT_WAIT_SECONDS))
        super().__init__(host=endpoint_config.url or "localhost", **options)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: Optional[float] = None,
    ) -> AsyncGenerator[TicketLock, None]:
        """Hold the conversation's lock; waiting turns look again every ``wait_seconds``."""
        async with super().lock(conversation_id, lock_lifetime, wait_time_in_seconds or self.wait_seconds) as held:
            yield held

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Append a ticket to the conversation's queue and return its number."""

        def append(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, append)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: Text) -> None:
        """Drop expired tickets (a turn that died holding the lock)."""

        def expire(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, expire)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        """Remove the ticket; the lock goes away with its last ticket, in the same transaction."""

        def remove(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._change(conversation_id, remove)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Rasa checks for waiting tickets and deletes the lock in two steps; here it is one."""
        self.finish_serving(conversation_id, ticket_number)

    def _change(self, conversation_id: Text, change: Change) -> T:
        key = self.key_prefix + conversation_id

        def attempt(pipe) -> T:  # type: ignore[no-untyped-def]
            stored = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(stored)) if stored else None
            changed, result = change(lock)
            pipe.multi()
            if changed is None or not changed.is_someone_waiting():
                # An empty lock is the same as none; a turn whose ticket expired
                # then gets Rasa's LockError (and the user an apology) instead of
                # waiting for a ticket that will never be served.
                pipe.delete(key)
            else:
                pipe.set(key, changed.dumps(), px=_milliseconds_until_last_expiry(changed))
            return result

        return self.red.transaction(attempt, key, value_from_callable=True)


def _milliseconds_until_last_expiry(lock: TicketLock) -> int:
    """Redis forgets the lock once its last ticket has expired, so a crashed replica leaves nothing behind."""
    last_expiry = max(ticket.expires for ticket in lock.tickets)
    return max(1, int((last_expiry - time.time()) * 1000) + 1000)
