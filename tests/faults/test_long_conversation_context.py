"""A conversation far longer than the recent events a turn is given keeps its context, across a
restart, and the tracker database keeps every message of it."""
from __future__ import annotations

import json
import sqlite3
import uuid

import pytest
import yaml

from rasa_project.launcher import ROOT, start_all, stop_all
from tests.support.net import RestClient
from tests.support.servers import settings_in

pytestmark = pytest.mark.servers

# Small enough that the program named in the first turn is long out of the recent events by the end.
RECENT_EVENTS = 20
# Each follow-up is answered about CalRBS only if "it" is still CalRBS (as in tests/scale).
FOLLOW_UPS = [("how much does it cost?", ("$1,200",)), ("can I get a scholarship for it?", ("cover tuition", "travel"))] * 4


def endpoints_with_recent_events(folder, recent_events: int):
    endpoints = yaml.safe_load((ROOT / "rasa_project" / "endpoints.yml").read_text())
    endpoints["tracker_store"]["recent_events"] = recent_events
    path = folder / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints))
    return path


def stored_user_texts(database, sender: str):
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender,)
        ).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def test_the_program_of_the_first_turn_is_still_it_many_turns_and_a_restart_later(tmp_path, model_path):
    settings = settings_in(tmp_path, model_path, endpoints=endpoints_with_recent_events(tmp_path, RECENT_EVENTS))
    sender = f"long-{uuid.uuid4().hex[:8]}"
    said = ["tell me about the CalRBS rare books certificate"]

    servers = start_all(settings)
    try:
        user = RestClient(settings.rasa_url, sender)
        assert "$1,200" in user.say_text(said[0])
        for question, expected in FOLLOW_UPS:
            said.append(question)
            answer = user.say_text(question)
            assert all(part in answer for part in expected), (question, answer)
        events_stored = len(stored_user_texts(settings.tracker_db, sender))
    finally:
        stop_all(servers)
    assert events_stored == len(said)

    servers = start_all(settings)
    try:
        said.append("how much does it cost?")
        assert "$1,200" in RestClient(settings.rasa_url, sender).say_text(said[-1])
    finally:
        stop_all(servers)
    assert stored_user_texts(settings.tracker_db, sender) == said
