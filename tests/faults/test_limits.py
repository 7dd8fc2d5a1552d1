"""Bounded input: message rates per sender and per client address, metadata size, events per session.

Each refusal is a clear 4xx (REST) or notice (socket.io); an over-long session starts a new one.
"""
from __future__ import annotations

import sqlite3
import uuid

import pytest

from rasa_project.channels.limits import RateLimiter, TurnLimits
from rasa_project.launcher import start_all, stop_all
from tests.support.net import RestClient, post_json
from tests.support.servers import settings_in
from tests.support.socket_chat import ChatSocket

PER_SENDER, PER_ADDRESS = 4, 7


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_sender_may_send_its_rate_per_minute_then_waits_until_the_oldest_leaves_the_window():
    clock = Clock()
    limiter = RateLimiter(3, clock=clock)
    for _ in range(3):
        assert limiter.wait_needed("a") == 0
        limiter.count("a")
        clock.now += 10
    assert limiter.wait_needed("a") == pytest.approx(30)  # the first message was 30 s ago
    assert limiter.wait_needed("b") == 0
    clock.now += 30.5
    assert limiter.wait_needed("a") == 0


async def test_limits_refuse_by_sender_and_by_address_count_nothing_refused_and_spare_exempt_addresses():
    limits = TurnLimits(RateLimiter(2, clock=Clock()), RateLimiter(3, clock=Clock()), frozenset({"127.0.0.1"}))
    assert await limits.admit("s1", "10.0.0.1") is None and await limits.admit("s1", "10.0.0.1") is None
    reason, wait = await limits.admit("s1", "10.0.0.1")
    assert "conversation" in reason and wait == 60
    assert await limits.admit("s2", "10.0.0.1") is None  # the refused message was not counted for the address
    reason, _ = await limits.admit("s3", "10.0.0.1")
    assert "address" in reason
    assert all([await limits.admit(f"s{i}", "127.0.0.1") is None for i in range(10, 20)])


def test_zero_means_no_limit_and_memory_stays_bounded():
    unlimited = RateLimiter(0)
    for _ in range(1000):
        assert unlimited.wait_needed("a") == 0
        unlimited.count("a")
    bounded = RateLimiter(5, max_keys=100)
    for i in range(1000):
        bounded.count(f"k{i}")
    assert bounded.size() == 100


@pytest.fixture(scope="module")
def limited(tmp_path_factory, model_path):
    """A Rasa server with small limits that also counts loopback clients (the tests' address)."""
    settings = settings_in(tmp_path_factory.mktemp("limits"), model_path, extra_env={
        "MLIS_ADVISOR_RATE_PER_SENDER": str(PER_SENDER), "MLIS_ADVISOR_RATE_PER_ADDRESS": str(PER_ADDRESS),
        "MLIS_ADVISOR_RATE_EXEMPT": "none", "MLIS_ADVISOR_MAX_METADATA_BYTES": "512",
    })
    servers = start_all(settings)
    try:
        yield settings
    finally:
        stop_all(servers)


def rest(settings, sender, message=" ", **extra):
    return post_json(f"{settings.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": message, **extra})


@pytest.mark.servers
def test_rest_and_socketio_refuse_messages_over_the_rates_with_a_clear_answer(limited):
    # An empty message gets a hint without a model run, and still counts: cheap to send many.
    first = f"rate-{uuid.uuid4().hex[:8]}"
    for _ in range(PER_SENDER):
        assert rest(limited, first)[0] == 200
    status, body = rest(limited, first)
    assert status == 429 and "too many messages from this conversation" in body["error"], body

    others = [f"rate-{uuid.uuid4().hex[:8]}" for _ in range(PER_ADDRESS - PER_SENDER)]
    for sender in others:
        assert rest(limited, sender)[0] == 200
    status, body = rest(limited, f"rate-{uuid.uuid4().hex[:8]}")
    assert status == 429 and "too many messages from this address" in body["error"], body

    chat = ChatSocket(limited.rasa_url).connect()
    try:
        token = chat.request_session()
        chat.send("how much is the CalRBS rare books certificate?", token)
        notice = chat.answers(timeout=10)
        assert len(notice) == 1 and "faster than I can answer" in notice[0]["text"], notice
    finally:
        chat.close()


@pytest.mark.servers
def test_oversized_metadata_is_refused_with_413(limited):
    status, body = rest(limited, f"meta-{uuid.uuid4().hex[:8]}", "hello", metadata={"blob": "x" * 600})
    assert status == 413 and "metadata" in body["error"], body


SESSION_EVENTS = 25


@pytest.fixture(scope="module")
def short_sessions(tmp_path_factory, model_path):
    """A Rasa server whose sessions hold at most ``SESSION_EVENTS`` events (some three turns)."""
    settings = settings_in(tmp_path_factory.mktemp("sessions"), model_path,
                           extra_env={"MLIS_ADVISOR_MAX_SESSION_EVENTS": str(SESSION_EVENTS)})
    servers = start_all(settings)
    try:
        yield settings
    finally:
        stop_all(servers)


def stored_event_types(db_path, sender):
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT type_name FROM events WHERE sender_id = ? ORDER BY id", (sender,))]


@pytest.mark.servers
def test_a_long_session_rolls_over_into_a_new_one_that_keeps_the_program_in_context(short_sessions):
    user = RestClient(short_sessions.rasa_url, f"long-{uuid.uuid4().hex[:8]}")
    assert "$1,200" in user.say_text("how much is the CalRBS rare books certificate?")
    for question in ("can I get a scholarship for it?", "is it online?", "what does it cover?", "can I get aid?"):
        assert user.say_text(question)
    assert "$1,200" in user.say_text("how much does it cost?"), "the program carried over to the new session"

    types = stored_event_types(short_sessions.tracker_db, user.sender)
    starts = [i for i, kind in enumerate(types) if kind == "session_started"]
    assert len(starts) >= 2, types
    sessions = [types[a:b] for a, b in zip(starts, starts[1:] + [len(types)])]
    # A session is cut at the first turn that finds it over the bound: at most one turn longer.
    assert all(len(session) <= SESSION_EVENTS + 15 for session in sessions), [len(s) for s in sessions]
