"""ResilientSQLTrackerStore on its own (SQLite file): what it refuses, and what it never does."""
from __future__ import annotations

import pytest
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered

from rasa_project.stores.sql import ResilientSQLTrackerStore, TrackerNotAContinuation
from tests.support.trackers import conversation


@pytest.fixture
def store(tmp_path) -> ResilientSQLTrackerStore:
    return ResilientSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "conversations.db"))


def stored_rows(store: ResilientSQLTrackerStore, sender: str):
    with store.session_scope() as session:
        rows = session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender).order_by(store.SQLEvent.id)
        return [(row.type_name, row.data) for row in rows]


async def test_saving_the_same_tracker_twice_stores_each_event_once(store):
    tracker = conversation("reader", "which certificates are there?")
    await store.save(tracker)
    await store.save(tracker)
    assert len(stored_rows(store, "reader")) == len(tracker.events)

    tracker.update(UserUttered("and the cost?"))
    await store.save(tracker)
    assert len(stored_rows(store, "reader")) == len(tracker.events)
    assert (await store.retrieve("reader")).latest_message.text == "and the cost?"


async def test_a_fresh_tracker_is_not_written_over_a_stored_conversation(store):
    await store.save(conversation("reader", "first question", "second question"))
    before = stored_rows(store, "reader")

    # What Rasa builds after a failed read: a new tracker for the same sender.
    with pytest.raises(TrackerNotAContinuation):
        await store.save(conversation("reader", "third question"))
    assert stored_rows(store, "reader") == before


async def test_a_sender_id_the_database_cannot_encode_fails_the_turn_not_the_server(store, tmp_path):
    lone_surrogate = "\ud800"  # what JSON "\ud800" decodes to
    assert await FailSafeTrackerStore(store).retrieve(lone_surrogate) is None

    stock = SQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "stock.db"))
    with pytest.raises(SystemExit):  # why the stock store is not used: it exits the process
        await FailSafeTrackerStore(stock).retrieve(lone_surrogate)
