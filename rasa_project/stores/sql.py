"""An SQL tracker store that survives a database restart without losing a conversation.

Rasa wraps every tracker store in ``FailSafeTrackerStore``: a failed read
returns no tracker, so the turn starts a fresh conversation, and a failed save
goes to an in-memory store that the next read never sees. With the stock
``SQLTrackerStore`` a PostgreSQL restart does exactly that, because the pooled
connections are dead and the pool does not test them before use.

This store differs from ``SQLTrackerStore`` in five ways:

* the pool tests a connection before handing it out (``pool_pre_ping``), and
  its size is ``pool_size`` + ``max_overflow`` instead of Rasa's 50 + 100;
* a read or a write that fails on a connection error is retried with backoff
  for up to ``retry_seconds``; if it still fails, the turn fails and is not
  answered (``strict.py`` replaces Rasa's silent fallback, ``turns.py`` holds the
  answer until the save succeeded);
* a save writes only when the tracker continues what is stored: the stock
  store appends ``tracker.events[stored_count:]``, which after a failed read
  (a fresh tracker) silently drops the turn or appends unrelated events;
* an error inside a database session is an error of that turn. The stock
  ``session_scope`` treats any ``ValueError`` as "PostgreSQL schema missing" and
  exits the process, so one request whose sender id the database driver
  cannot take (a lone surrogate, ``"\\ud800"`` in JSON; or NUL with
  PostgreSQL) stopped the whole Rasa server;
* a SQLite file (the local profile) keeps its connections in a pool and uses the
  WAL journal with ``synchronous=NORMAL`` (see ``sqlite_on_connect``);
* a turn costs the same at turn 300 as at turn 3: ``retrieve`` hands Rasa the recent
  part of the conversation (``rasa_project/stores/recent.py``), kept in this process
  and checked against the id of the last stored event (one indexed lookup), and a
  save appends the turn's new events without counting the stored ones. The database
  keeps every event; ``retrieve_full_tracker`` (Rasa's HTTP API, exports) reads them
  all. Another process that wrote to the conversation (a second replica or Sanic
  worker) changes that id, and the next read takes the whole session from the
  database again, as after a restart.

Importing this module also installs ``rasa_project.action_validation`` and
``rasa_project.session_bound``: the
tracker store is the one piece of the project that the Rasa server imports in
both profiles (``endpoints.yml`` and ``endpoints.scale.yml``) before any turn.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from typing import Any, Awaitable, Callable, Dict, Generator, Iterator, Optional, Text, TypeVar

import rasa.shared.utils.cli
import sqlalchemy as sa
import sqlalchemy.exc
import sqlalchemy.pool
from rasa.core.brokers.broker import EventBroker
from rasa.core.constants import POSTGRESQL_SCHEMA
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs, ensure_schema_exists
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_project import action_validation, session_bound
from rasa_project.stores import turn_outcome
from rasa_project.stores.recent import (
    DEFAULT_CONVERSATIONS_CACHED,
    DEFAULT_RECENT_EVENTS,
    Recent,
    RecentConversations,
    bounded,
    current_session,
)

logger = logging.getLogger(__name__)

# Rasa validates every action server response against a schema it re-checks each time;
# 31 % of the Rasa server's samples at 8 users (docs/benchmarks.md). Idempotent.
action_validation.install()
session_bound.install()

TRIM_SLACK = 1.2
DEFAULT_RETRY_SECONDS = 10.0
DEFAULT_CONNECT_TIMEOUT_SECONDS = 5
FIRST_RETRY_DELAY_SECONDS = 0.2
LONGEST_RETRY_DELAY_SECONDS = 2.0

T = TypeVar("T")

# Set on a tracker this store handed out or saved: (id of the last stored event it continues,
# how many of its events are stored or restored state). A save appends the events after them.
STORED_MARK = "_advisor_stored_through"
LAST_EVENT_INDEX = "ix_events_sender_id_id"


class TrackerNotAContinuation(RuntimeError):
    """A save was refused: the tracker does not extend the events already stored."""


class ResilientSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` with tested pooled connections, bounded retries and a continuity check."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        dialect: Text = "sqlite",
        host: Optional[Text] = None,
        port: Optional[int] = None,
        db: Text = "rasa.db",
        username: Optional[Text] = None,
        password: Optional[Text] = None,
        event_broker: Optional[EventBroker] = None,
        login_db: Optional[Text] = None,
        query: Optional[Dict] = None,
        pool_size: Optional[int] = None,
        max_overflow: Optional[int] = None,
        retry_seconds: float = DEFAULT_RETRY_SECONDS,
        connect_timeout: int = DEFAULT_CONNECT_TIMEOUT_SECONDS,
        recent_events: int = DEFAULT_RECENT_EVENTS,
        conversations_cached: int = DEFAULT_CONVERSATIONS_CACHED,
        **kwargs: Any,
    ) -> None:
        """Connect (waiting for the database like Rasa does), then rebuild the engine with our pool.

        Args:
            pool_size: connections kept open per Rasa process (PostgreSQL only).
            max_overflow: extra connections allowed under load (PostgreSQL only).
            retry_seconds: how long a failed read or save is retried before it fails.
            connect_timeout: seconds a PostgreSQL connection attempt may take.
            recent_events: about how many of a conversation's last events a turn is given.
            conversations_cached: how many conversations' recent events this process keeps.
            Other arguments: as for Rasa's ``SQLTrackerStore``.
        """
        super().__init__(domain, dialect, host, port, db, username, password, event_broker, login_db, query, **kwargs)
        self.retry_seconds = float(retry_seconds)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, **engine_options(url, pool_size, max_overflow, int(connect_timeout)))
        if _is_sqlite_file(url):
            sa.event.listen(self.engine, "connect", sqlite_on_connect)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self.recent_events = int(recent_events)
        self.recent = RecentConversations(int(conversations_cached))
        self._ensure_last_event_index()

    @contextlib.contextmanager
    def session_scope(self) -> Generator["sa.orm.Session", None, None]:
        """A database session; only a missing schema stops the server, as in Rasa."""
        session = self.sessionmaker()
        try:
            try:
                ensure_schema_exists(session)
            except ValueError as missing:
                rasa.shared.utils.cli.print_error_and_exit(
                    f"PostgreSQL schema '{missing}' (${POSTGRESQL_SCHEMA}) was not found in the database."
                )
            yield session
        finally:
            session.close()

    async def _retrieve(
        self, sender_id: Text, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        read = super()._retrieve
        return await self._with_retries("read", sender_id, lambda: read(sender_id, fetch_events_from_all_sessions))

    def _ensure_last_event_index(self) -> None:
        """An index on (sender_id, id): a conversation's last event in one lookup, in SQLite and PostgreSQL."""
        try:
            with self.engine.begin() as connection:
                connection.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {LAST_EVENT_INDEX} ON events (sender_id, id)"))
        except sqlalchemy.exc.DBAPIError as error:  # another worker creating it at the same moment
            logger.warning("could not create index %s: %s", LAST_EVENT_INDEX, error)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The current session's recent events as a tracker (``rasa_project/stores/recent.py``)."""
        return await self._with_retries("read", sender_id, lambda: self._retrieve_recent(sender_id))

    async def _retrieve_recent(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        with self.session_scope() as session:
            last_id = self._last_event_id(session, sender_id)
            if last_id is None or not self.domain:
                self.recent.forget(sender_id)
                return None
            recent = self.recent.get(sender_id, last_id)
            if recent is None:
                rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
                events = [json.loads(row.data) for row in rows]
                if not events:
                    return None
                recent = Recent(last_id, bounded(sender_id, events, self.domain.slots, self.recent_events))
                self.recent.put(sender_id, recent)
        tracker = DialogueStateTracker.from_dict(sender_id, recent.events, self.domain.slots)
        setattr(tracker, STORED_MARK, (recent.last_id, len(recent.events)))
        return tracker

    def _last_event_id(self, session: "sa.orm.Session", sender_id: Text) -> Optional[int]:
        return session.query(sa.func.max(self.SQLEvent.id)).filter(self.SQLEvent.sender_id == sender_id).scalar()

    async def keys(self) -> Any:
        """Every sender id stored, retried like reads."""
        read = super().keys
        return await self._with_retries("keys", "-", read)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the tracker's new events; the event broker hears them once, however many attempts it takes."""
        await self.stream_events(tracker)
        await self._with_retries("save", tracker.sender_id, lambda: self._write_new_events(tracker))

    async def _write_new_events(self, tracker: DialogueStateTracker) -> None:
        # SQLTrackerStore.save without its event streaming, which must not repeat on a retry.
        # Rows are written in one transaction, and which events are new is worked out anew on
        # every attempt, so a retry after an uncertain commit cannot store an event twice.
        sender_id = tracker.sender_id
        with self.session_scope() as session:
            mark = getattr(tracker, STORED_MARK, None)
            if mark is None:
                new_events = list(self._additional_events(session, tracker))
            else:
                new_events, resumed = self._events_after_mark(session, tracker, mark)
                mark = None if resumed else mark
            rows = []
            for event in new_events:
                data = event.as_dict()
                rows.append(
                    self.SQLEvent(
                        sender_id=sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.add_all(rows)
            session.flush()
            last_id = max((row.id for row in rows), default=None)
            stored_data = [row.data for row in rows]
            if last_id is None:
                last_id = self._last_event_id(session, sender_id)
            session.commit()
        self._remember(tracker, mark, last_id, stored_data)

    def _events_after_mark(
        self, session: "sa.orm.Session", tracker: DialogueStateTracker, mark: Any
    ) -> "tuple[list, bool]":
        """The events of a tracker this store handed out that are not stored yet, and whether some
        of them were (a retry after a commit whose outcome was unknown). Refused when someone else
        stored events of the conversation since the tracker was read."""
        last_id, known = mark
        new_events = list(tracker.events)[known:]
        if self._last_event_id(session, tracker.sender_id) == last_id:
            return new_events, False
        written = (
            session.query(self.SQLEvent)
            .filter(self.SQLEvent.sender_id == tracker.sender_id, self.SQLEvent.id > last_id)
            .order_by(self.SQLEvent.id)
            .all()
        )
        ours = len(written) <= len(new_events) and all(
            row.type_name == event.type_name and row.timestamp == event.timestamp
            for row, event in zip(written, new_events)
        )
        if not ours:
            self.recent.forget(tracker.sender_id)
            raise TrackerNotAContinuation(
                f"sender={tracker.sender_id}: {len(written)} events were stored by another writer since "
                f"this tracker was read; refusing to append {len(new_events)} events after them"
            )
        return new_events[len(written):], True

    def _remember(self, tracker: DialogueStateTracker, mark: Any, last_id: Optional[int], stored_data: list) -> None:
        """Keep the saved turn's events with the conversation's recent ones; mark the tracker as stored."""
        sender_id = tracker.sender_id
        previous = None if mark is None or last_id is None else self.recent.get(sender_id, mark[0])
        if previous is None:
            # Not read through this store (a new conversation, the HTTP API): the next read
            # takes the session from the database.
            self.recent.forget(sender_id)
        elif stored_data:
            # A new session starts the recent events afresh, as a read from the database would.
            events = current_session(previous.events + [json.loads(data) for data in stored_data])
            # Trimmed as soon as a turn or two past the bound: with more slack (it was twice the bound) a
            # long conversation's turns carried half as many events again as its first turns did.
            if len(events) > self.recent_events * TRIM_SLACK:
                events = bounded(sender_id, events, self.domain.slots, self.recent_events)
            self.recent.put(sender_id, Recent(last_id, events))
        if last_id is not None:
            setattr(tracker, STORED_MARK, (last_id, len(tracker.events)))

    def _additional_events(self, session: "sa.orm.Session", tracker: DialogueStateTracker) -> Iterator:
        """The tracker's events after those stored, once it is clear the tracker continues them."""
        stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False)
        count = stored.count()
        if count:
            last = json.loads(stored.order_by(None).order_by(self.SQLEvent.id.desc()).first().data)
            if not _continues(tracker, count, last):
                raise TrackerNotAContinuation(
                    f"sender={tracker.sender_id}: refusing to save a tracker of {len(tracker.events)} events "
                    f"that does not continue the {count} stored (it was probably created after a failed read)"
                )
        return iter(list(tracker.events)[count:])

    async def _with_retries(self, what: str, sender_id: Text, operation: Callable[[], Awaitable[T]]) -> T:
        deadline = time.monotonic() + self.retry_seconds
        delay = FIRST_RETRY_DELAY_SECONDS
        attempt = 1
        while True:
            try:
                return await operation()
            except sqlalchemy.exc.DBAPIError as error:
                if not _is_transient(error) or time.monotonic() + delay > deadline:
                    raise
                turn_outcome.note_retrying()
                logger.warning(
                    "sender=%s tracker %s failed (attempt %d: %s); retrying in %.1fs",
                    sender_id, what, attempt, type(error.orig or error).__name__, delay,
                )
            await asyncio.sleep(delay)
            delay = min(delay * 2, LONGEST_RETRY_DELAY_SECONDS)
            attempt += 1


def engine_options(
    url: "sa.engine.url.URL", pool_size: Optional[int], max_overflow: Optional[int], connect_timeout: int
) -> Dict[str, Any]:
    """``create_engine`` options: Rasa's (schema, pool from $SQL_POOL_SIZE), overridden by the endpoints file."""
    options = create_engine_kwargs(url)
    options["pool_pre_ping"] = True
    if url.get_backend_name() == "postgresql":
        if pool_size is not None:
            options["pool_size"] = int(pool_size)
        if max_overflow is not None:
            options["max_overflow"] = int(max_overflow)
        connect_args = dict(options.get("connect_args", {}))
        connect_args.setdefault("connect_timeout", connect_timeout)
        options["connect_args"] = connect_args
    elif _is_sqlite_file(url):
        # SQLAlchemy 1.4 gives a SQLite file no pool: every session opened and closed the
        # file, and with it the WAL (SQLite removes it when the last connection closes).
        # A pool keeps connections open; Rasa may use one from another thread than the
        # one that opened it, hence check_same_thread=False (sessions are never shared).
        options["poolclass"] = sqlalchemy.pool.QueuePool
        options["connect_args"] = {**options.get("connect_args", {}), "check_same_thread": False}
    return options


def sqlite_on_connect(connection: Any, record: Any) -> None:
    """Every new SQLite connection: WAL journal, and ``synchronous=NORMAL``.

    Why: with the default rollback journal and ``synchronous=FULL`` every turn's commit
    waited for fsyncs; the pooled, WAL, NORMAL store took the advisor from 1.04x to 1.24x
    the stock bot's throughput at 8 users (docs/benchmarks.md). The trade: in WAL mode
    with NORMAL a commit is durable against a crash of the process (the WAL is in the
    operating system's hands at commit), but a power cut or an operating system crash
    may lose the last committed turns. Readers no longer wait for the writer either.
    """
    cursor = connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _is_sqlite_file(url: "sa.engine.url.URL") -> bool:
    """A SQLite database in a file (an in-memory one must keep SQLAlchemy's one-connection pool)."""
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


def _is_transient(error: sqlalchemy.exc.DBAPIError) -> bool:
    """Connection-level failures (server restarting, connection dropped) are worth retrying."""
    return error.connection_invalidated or isinstance(
        error, (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError)
    )


def _continues(tracker: DialogueStateTracker, stored_count: int, last_stored: Dict[str, Any]) -> bool:
    """Whether the tracker holds the stored events: its event at the last stored position is that event."""
    events = list(tracker.events)
    if len(events) < stored_count:
        return False
    candidate = events[stored_count - 1].as_dict()
    return candidate.get("event") == last_stored.get("event") and candidate.get("timestamp") == last_stored.get("timestamp")
