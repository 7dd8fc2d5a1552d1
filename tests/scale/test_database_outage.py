"""PostgreSQL down for longer than the store retries: no turn is answered and then lost.

Stock Rasa sends a turn's answer while the turn runs and saves it last; once the
store gave up, ``FailSafeTrackerStore`` put the turn in memory and the user never
knew it was gone (docs/deploy.md measured 14 of 562 answered turns lost). Here an
answer is held until its turn is stored, and a turn that cannot be read or stored
gets ``NOT_SAVED_APOLOGY`` instead, so what the users were answered is exactly
what PostgreSQL holds.

Two replicas share one action server, PostgreSQL and Redis: ``patient`` keeps the
production ``retry_seconds`` (10 s, longer than the 5 s turn timeout, so a turn
waiting on the database is cut off by the timeout), ``quick`` retries for 2 s
(the store gives up inside the turn). Set ``OUTAGE_SECONDS`` and
``OUTAGE_USERS_PER_REPLICA`` to measure other outages; the figures are printed.
"""
from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest
import yaml

from rasa_project.channels.turns import DEFAULT_APOLOGY, NOT_SAVED_APOLOGY
from rasa_project.launcher import action_server, rasa_server
from tests.scale.conftest import SCALE_ENDPOINTS
from tests.scale.events import stored_events, user_texts
from tests.support.net import RestClient, free_port
from tests.support.servers import serving, settings_in

pytestmark = pytest.mark.servers

SET_CONTEXT = "how much is the CalRBS rare books certificate?"
# Follow-ups that only the program in context answers: "$1,200" is CalRBS's price.
FOLLOW_UPS = [("how much does it cost?", "$1,200"), ("can I get a scholarship for it?", "cover tuition")]
OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", "12"))  # longer than either replica's retry_seconds
USERS_PER_REPLICA = int(os.environ.get("OUTAGE_USERS_PER_REPLICA", "4"))
PAUSE_BETWEEN_TURNS = 0.3


def endpoints_with_retry(run_dir: Path, retry_seconds: float) -> Path:
    """``endpoints.scale.yml`` with another ``retry_seconds`` (the ``${VAR}``s stay for Rasa to fill)."""
    endpoints = yaml.safe_load(SCALE_ENDPOINTS.read_text(encoding="utf-8"))
    endpoints["tracker_store"]["retry_seconds"] = retry_seconds
    path = run_dir / f"endpoints-retry-{retry_seconds:g}.yml"
    path.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    return path


@dataclass
class OutageSetUp:
    urls: Dict[str, str]
    logs: Dict[str, Path]
    actions_pid: int


@pytest.fixture(scope="module")
def outage_replicas(tmp_path_factory, model_path, postgres, redis_server) -> Iterator[OutageSetUp]:
    run_dir = tmp_path_factory.mktemp("outage")
    stores = {**postgres.connection_env(), **redis_server.connection_env(), "MLIS_ADVISOR_RATE_PER_SENDER": "0"}
    patient = settings_in(run_dir, model_path, endpoints=endpoints_with_retry(run_dir, 10),
                          tracker_db=run_dir / "unused.db", extra_env=stores)
    assert patient.turn_timeout == 5.0, "the default turn timeout is what is tested"
    quick = replace(patient, rasa_port=free_port(), endpoints=endpoints_with_retry(run_dir, 2))
    actions = action_server(patient)
    with serving([actions, rasa_server(patient), rasa_server(quick)], timeout=300):
        try:
            yield OutageSetUp(
                {"patient": patient.rasa_url, "quick": quick.rasa_url},
                {name: s.log_dir / f"rasa-{s.rasa_port}.log" for name, s in (("patient", patient), ("quick", quick))},
                actions.process.pid,
            )
        finally:
            os.killpg(actions.process.pid, signal.SIGCONT)


@pytest.fixture
def database_back(postgres) -> Iterator[None]:
    """Whatever the test did to PostgreSQL, it is running again afterwards."""
    yield
    if not (postgres.data / "postmaster.pid").exists():
        postgres.start()


@pytest.mark.parametrize("replica", ["patient", "quick"])
def test_a_turn_whose_conversation_cannot_be_read_is_refused_not_answered_without_context(
    outage_replicas, postgres, database_back, replica
):
    user = RestClient(outage_replicas.urls[replica], f"unread-{replica}-{uuid.uuid4().hex[:8]}")
    assert "$1,200" in user.say_text(SET_CONTEXT)

    postgres.stop()
    try:
        assert user.say("how much does it cost?") == [{"recipient_id": user.sender, "text": NOT_SAVED_APOLOGY}]
    finally:
        postgres.start()

    assert "$1,200" in user.say_text("how much does it cost?"), "the context survived the outage"
    assert user_texts(stored_events(postgres, user.sender)) == [SET_CONTEXT, "how much does it cost?"]


def test_an_answer_whose_turn_cannot_be_saved_is_never_sent(outage_replicas, postgres, database_back):
    """The turn is read, then the database goes while it runs: the answer it computed is dropped."""
    user = RestClient(outage_replicas.urls["quick"], f"unsaved-{uuid.uuid4().hex[:8]}")
    assert "$1,200" in user.say_text(SET_CONTEXT)

    reply: Dict[str, List] = {}
    group = outage_replicas.actions_pid
    os.killpg(group, signal.SIGSTOP)  # the turn waits for its action, its conversation already read
    try:
        asking = threading.Thread(target=lambda: reply.update(messages=user.say("how much does it cost?")))
        asking.start()
        time.sleep(0.5)
        postgres.stop()
    finally:
        os.killpg(group, signal.SIGCONT)  # the action answers "$1,200"; the save then fails
    asking.join(30)
    postgres.start()

    assert reply.get("messages") == [{"recipient_id": user.sender, "text": NOT_SAVED_APOLOGY}], reply
    log = outage_replicas.logs["quick"].read_text(errors="replace")
    assert f"sender={user.sender} conversation could not be saved" in log, "the save failed, not the read"
    assert "$1,200" in user.say_text("how much does it cost?")
    assert user_texts(stored_events(postgres, user.sender)) == [SET_CONTEXT, "how much does it cost?"]


@dataclass
class User:
    """One user sending follow-ups in a loop, keeping what each turn was answered."""

    client: RestClient
    replica: str
    turns: List[Tuple[str, str]] = field(default_factory=list)

    def talk_until(self, stop: threading.Event) -> None:
        index = 0
        while not stop.is_set():
            text, _ = FOLLOW_UPS[index % len(FOLLOW_UPS)]
            self.turns.append((text, self.client.say_text(text)))
            index += 1
            stop.wait(PAUSE_BETWEEN_TURNS)

    def answered(self) -> List[str]:
        return [text for text, reply in self.turns if reply not in (NOT_SAVED_APOLOGY, DEFAULT_APOLOGY)]


def test_users_during_a_long_outage_are_answered_exactly_for_the_turns_that_were_stored(
    outage_replicas, postgres, database_back
):
    users = [
        User(RestClient(url, f"outage-{replica}-{n}-{uuid.uuid4().hex[:6]}"), replica)
        for replica, url in outage_replicas.urls.items() for n in range(USERS_PER_REPLICA)
    ]
    for user in users:
        assert "$1,200" in user.client.say_text(SET_CONTEXT)

    stop = threading.Event()
    threads = [threading.Thread(target=user.talk_until, args=(stop,)) for user in users]
    for thread in threads:
        thread.start()
    try:
        time.sleep(4)
        postgres.stop()
        time.sleep(OUTAGE_SECONDS)
        postgres.start()
        time.sleep(6)
    finally:
        stop.set()
        for thread in threads:
            thread.join(60)

    figures: Dict[str, Counter] = {replica: Counter() for replica in outage_replicas.urls}
    for user in users:
        for text, reply in user.turns:
            kind = {NOT_SAVED_APOLOGY: "refused", DEFAULT_APOLOGY: "apology"}.get(reply, "answered")
            figures[user.replica][kind] += 1
            if kind == "answered":
                expected = dict(FOLLOW_UPS)[text]
                assert expected in reply, f"{user.client.sender}: {text!r} answered without its context: {reply!r}"
        stored = user_texts(stored_events(postgres, user.client.sender))
        figures[user.replica]["stored"] += len(stored) - 1
        assert stored == [SET_CONTEXT] + user.answered(), f"{user.client.sender}: answered turns != stored turns"
    print(f"\nPostgreSQL stopped {OUTAGE_SECONDS:g} s, {len(users)} users: "
          + "; ".join(f"{replica}: {dict(counts)}" for replica, counts in figures.items()))

    for replica, counts in figures.items():
        assert counts["refused"] > 0, f"{replica}: the outage refused no turn, so it proved nothing: {counts}"
        assert counts["answered"] > 0, counts
    for user in users:
        assert "$1,200" in user.client.say_text("how much does it cost?"), "the conversation continues in context"
