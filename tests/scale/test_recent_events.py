"""A long conversation through ResilientSQLTrackerStore (SQLite file, the project's real domain):
each turn is handed a bounded tracker with the whole conversation's state, and the store keeps
every event."""
from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_project.launcher import ROOT
from rasa_project.stores.recent import bounded
from rasa_project.stores.sql import ResilientSQLTrackerStore, TrackerNotAContinuation
from tests.support.trackers import conversation

LIMIT = 30
TURNS = 60


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "rasa_project" / "domain"))


def open_store(path, domain: Domain) -> ResilientSQLTrackerStore:
    return ResilientSQLTrackerStore(domain=domain, dialect="sqlite", db=str(path / "conversations.db"),
                                    recent_events=LIMIT)


def turn_events(number: int):
    """One turn as the advisor's look: the question, the answer action setting context, the answer."""
    events = [UserUttered(f"question {number}"), ActionExecuted("action_answer_question")]
    if number == 1:
        events.append(SlotSet("person", "early_person"))  # set once, long before the last turns
    if number == 2:
        events += [ActiveLoop("advice_form"), SlotSet("requested_slot", "advice_interest")]
    events += [SlotSet("program", f"program_{number}"), BotUttered(f"answer {number}"), ActionExecuted("action_listen")]
    return events


async def hold_conversation(store: ResilientSQLTrackerStore, sender: str, turns: int, first: int = 0):
    """Turn after turn as Rasa's processor does: read, add the turn's events, save. The trackers handed out."""
    handed_out = []
    for number in range(first, first + turns):
        tracker = await store.retrieve(sender)
        if tracker is None:
            tracker = DialogueStateTracker.from_events(sender, list(conversation(sender).events), store.domain.slots)
        handed_out.append(len(tracker.events))
        for event in turn_events(number):
            tracker.update(event)
        await store.save(tracker)
    return handed_out


def replayed(sender: str, events, domain: Domain) -> DialogueStateTracker:
    return DialogueStateTracker.from_dict(sender, events, domain.slots)


async def test_every_turn_gets_a_bounded_tracker_and_the_store_keeps_every_event(tmp_path, domain):
    store = open_store(tmp_path, domain)
    sizes = await hold_conversation(store, "long", TURNS)
    assert max(sizes) <= 2 * LIMIT + 2 * len(turn_events(2)), sizes
    assert max(sizes[TURNS // 2:]) <= max(sizes[:TURNS // 2])  # saw-toothed between the bounds, never growing

    full = await store.retrieve_full_tracker("long")
    expected = len(conversation("long").events) + sum(len(turn_events(n)) for n in range(TURNS))
    assert len(full.events) == expected
    assert [e.text for e in full.events if isinstance(e, UserUttered)] == [f"question {n}" for n in range(TURNS)]


async def test_the_bounded_tracker_has_the_whole_conversations_state(tmp_path, domain):
    store = open_store(tmp_path, domain)
    await hold_conversation(store, "long", TURNS)
    recent = await store.retrieve("long")
    full = await store.retrieve_full_tracker("long")
    assert len(recent.events) < len(full.events) / 2
    assert recent.current_slot_values() == full.current_slot_values()
    assert recent.get_slot("person") == "early_person" and recent.get_slot("program") == f"program_{TURNS - 1}"
    assert recent.active_loop_name == "advice_form"
    assert recent.latest_message.text == full.latest_message.text
    # The last turns are the same events in the same order.
    tail = [e.as_dict() for e in full.events][-LIMIT:]
    assert [e.as_dict() for e in recent.events][-LIMIT:] == tail


async def test_after_a_restart_the_conversation_is_read_back_with_the_same_state(tmp_path, domain):
    await hold_conversation(open_store(tmp_path, domain), "long", TURNS)
    restarted = open_store(tmp_path, domain)
    recent = await restarted.retrieve("long")
    full = await restarted.retrieve_full_tracker("long")
    assert len(recent.events) <= 2 * LIMIT
    assert recent.current_slot_values() == full.current_slot_values()
    await hold_conversation(restarted, "long", 5, first=TURNS)
    assert len((await restarted.retrieve_full_tracker("long")).events) == len(full.events) + 5 * len(turn_events(0))


async def test_a_turn_stored_by_another_process_is_seen_and_never_overwritten(tmp_path, domain):
    mine, theirs = open_store(tmp_path, domain), open_store(tmp_path, domain)
    await hold_conversation(mine, "shared", 20)
    stale = await mine.retrieve("shared")
    await hold_conversation(theirs, "shared", 1, first=20)  # another replica answers a turn

    assert (await mine.retrieve("shared")).latest_message.text == "question 20"
    for event in turn_events(99):
        stale.update(event)
    with pytest.raises(TrackerNotAContinuation):
        await mine.save(stale)
    texts = [e.text for e in (await mine.retrieve_full_tracker("shared")).events if isinstance(e, UserUttered)]
    assert texts == [f"question {n}" for n in range(21)]


async def test_saving_the_same_tracker_twice_stores_each_event_once(tmp_path, domain):
    store = open_store(tmp_path, domain)
    await hold_conversation(store, "twice", 20)
    tracker = await store.retrieve("twice")
    tracker.update(UserUttered("once"))
    await store.save(tracker)
    await store.save(tracker)
    tracker.update(BotUttered("and again"))
    await store.save(tracker)
    full = await store.retrieve_full_tracker("twice")
    assert [e.text for e in full.events if isinstance(e, UserUttered)].count("once") == 1
    assert full.events[-1] == BotUttered("and again", timestamp=full.events[-1].timestamp)


def test_bounding_replays_to_the_same_state_as_the_whole_session(domain):
    tracker = conversation("cut")
    for number in range(TURNS):
        for event in turn_events(number):
            tracker.update(event)
    events = [e.as_dict() for e in tracker.events]
    cut = bounded("cut", events, domain.slots, LIMIT)
    assert len(cut) < len(events)
    assert cut[-LIMIT:] == events[-LIMIT:]
    short, whole = replayed("cut", cut, domain), replayed("cut", events, domain)
    assert short.current_slot_values() == whole.current_slot_values()
    assert short.active_loop_name == whole.active_loop_name == "advice_form"
    # The cut starts a turn: action_listen, then the user's message, after the restored state.
    first_real = next(i for i, e in enumerate(cut) if e["event"] == "action")
    assert cut[first_real]["name"] == "action_listen" and cut[first_real + 1]["event"] == "user"


async def test_a_new_session_starts_the_recent_events_as_a_read_from_the_database_does(tmp_path, domain):
    from rasa.shared.core.events import SessionStarted

    store = open_store(tmp_path, domain)
    await hold_conversation(store, "sessions", 10)
    tracker = await store.retrieve("sessions")
    for event in [ActionExecuted("action_session_start"), SessionStarted(), SlotSet("program", "carried_over"),
                  ActionExecuted("action_listen")]:
        tracker.update(event)
    await store.save(tracker)
    cached = [e.as_dict() for e in (await store.retrieve("sessions")).events]
    from_database = [e.as_dict() for e in (await open_store(tmp_path, domain).retrieve("sessions")).events]
    assert cached == from_database and cached[0]["event"] == "session_started"
    assert len((await store.retrieve_full_tracker("sessions")).events) > len(cached)
