"""Where the conversations are (the tracker store of the endpoints file) and their events, streamed.

The store is read with plain SQL in the order it was written, a few thousand rows
at a time, so memory does not grow with the number of conversations. Nothing is
written: a SQLite file is opened read-only, and a missing one is an error rather
than a new empty database.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, Optional

import sqlalchemy as sa
import sqlalchemy.exc
import yaml

from rasa_project.settings import Settings, current

ROWS_PER_FETCH = 2000
CONNECT_TIMEOUT_SECONDS = 5
# Only these events matter to the report; the data of actions is not even read.
READ_TYPES = ("user", "bot", "action", "slot", "session_started")
PARSED_TYPES = ("user", "bot", "slot")

_VARIABLE = re.compile(r"\$\{([^}]+)\}")


class StoreUnavailable(RuntimeError):
    """The tracker store cannot be read (not configured, missing, or not answering)."""


@dataclass(frozen=True)
class StoredEvent:
    """One row of the events table: who, what, when; ``data`` only for user, bot and slot events."""

    sender_id: str
    type_name: str
    timestamp: float
    action_name: Optional[str]
    data: Dict[str, Any]


@dataclass(frozen=True)
class TrackerStore:
    """The SQL tracker store to read, and how to name it without its password."""

    url: "sa.engine.URL"
    endpoints: Path

    @property
    def description(self) -> str:
        """The store as the report names it: a SQLite file's path, or the database URL without its password."""
        if self.url.get_backend_name() == "sqlite":
            return f"the SQLite file {str(self.url.database).removeprefix('file:')}"
        return self.url.render_as_string(hide_password=True)


def _substitute(value: Any, endpoints: Path, variables: Dict[str, str]) -> Any:
    if not isinstance(value, str):
        return value

    def variable(match: "re.Match[str]") -> str:
        name = match.group(1)
        if name not in variables:
            raise StoreUnavailable(f"{endpoints} needs ${{{name}}}, which is not set")
        return variables[name]

    return _VARIABLE.sub(variable, value)


def configured_store(settings: Optional[Settings] = None) -> TrackerStore:
    """The tracker store of the endpoints file the launcher uses ($RASA_ENDPOINTS, else endpoints.yml)."""
    settings = settings or current()
    endpoints = settings.endpoints
    # The variables Rasa sees when the launcher starts it (TRACKER_DB included).
    variables = settings.environment()
    try:
        config = yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise StoreUnavailable(f"cannot read the endpoints file {endpoints}: {error.strerror}") from error
    store = config.get("tracker_store") or {}
    if not isinstance(store, dict) or "dialect" not in store and "url" not in store:
        raise StoreUnavailable(f"{endpoints} configures no SQL tracker store (tracker_store with a dialect)")
    store = {key: _substitute(value, endpoints, variables) for key, value in store.items()}
    dialect = str(store.get("dialect", "sqlite"))
    if dialect == "sqlite":
        path = Path(store.get("db") or "rasa.db")
        if not path.is_file():
            raise StoreUnavailable(f"no conversations database at {path} (has the advisor run with this profile?)")
        url = sa.engine.URL.create("sqlite", database=f"file:{path.resolve()}", query={"mode": "ro", "uri": "true"})
    else:
        url = sa.engine.URL.create(
            dialect, username=store.get("username") or None, password=store.get("password") or None,
            host=store.get("url") or store.get("host") or None,
            port=int(store["port"]) if store.get("port") else None, database=store.get("db") or None,
        )
    return TrackerStore(url, endpoints)


def _engine(store: TrackerStore) -> "sa.engine.Engine":
    connect_args: Dict[str, Any] = {}
    if store.url.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    return sa.create_engine(store.url, connect_args=connect_args, poolclass=sa.pool.NullPool)


def stream_events(store: TrackerStore, since: Optional[float] = None) -> Iterator[StoredEvent]:
    """Every event the report reads, by sender then in the order stored; from ``since`` (epoch seconds) on."""
    engine = _engine(store)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("events"):
                return  # Rasa creates the table on its first start: no conversations yet.
            events = sa.table("events", *(sa.column(name) for name in
                                          ("id", "sender_id", "type_name", "timestamp", "action_name", "data")))
            parsed = sa.case((events.c.type_name.in_(PARSED_TYPES), events.c.data), else_=sa.null())
            query = (sa.select(events.c.sender_id, events.c.type_name, events.c.timestamp, events.c.action_name, parsed)
                     .where(events.c.type_name.in_(READ_TYPES)))
            if since is not None:
                query = query.where(events.c.timestamp >= since)
            query = query.order_by(events.c.sender_id, events.c.id)
            result = connection.execution_options(stream_results=True, yield_per=ROWS_PER_FETCH).execute(query)
            for sender_id, type_name, timestamp, action_name, data in result:
                yield StoredEvent(sender_id, type_name, timestamp or 0.0, action_name, _parse(data))
    except sqlalchemy.exc.SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise StoreUnavailable(f"cannot read conversations from {store.description}: {reason}") from error
    finally:
        engine.dispose()


def _parse(data: Optional[str]) -> Dict[str, Any]:
    if not data:
        return {}
    try:
        parsed = json.loads(data)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}
