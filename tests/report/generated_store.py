"""A real SQLite tracker store filled with generated conversations, written straight into Rasa's events table.

Each conversation is one of a few shapes (an answered question, a fallback, an
"article does not say", a clarification left unanswered, a guided interview left at
the budget question after the role was asked twice), so the report's counts are known.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

from actions.answer import ANSWER_METADATA_KEY

DAY = 86400.0
START = 1_780_000_000.0  # 2026-05-28 UTC
CHANNELS = ("rest", "socketio", "slack")
SHAPES = ("answered", "fallback", "not_given", "clarification", "interview")


def create_events_table(path: Path) -> None:
    """The events table exactly as Rasa's SQL tracker store creates it."""
    from rasa.core.tracker_store import SQLTrackerStore

    store = SQLTrackerStore(dialect="sqlite", db=str(path))
    store.engine.dispose()


@dataclass(frozen=True)
class Expected:
    """What the report should count for a generated store."""

    conversations: int
    per_shape: Dict[str, int]
    per_channel: Dict[str, int]
    days: int


def _user(text: str, intent: str, confidence: float, channel: str, entities: List[Dict[str, Any]] = (),
          ranking: Optional[List[Dict[str, Any]]] = None) -> Dict[str, Any]:
    parse = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": list(entities),
             "intent_ranking": ranking or [{"name": intent, "confidence": confidence}]}
    return {"event": "user", "text": text, "parse_data": parse, "input_channel": channel, "metadata": {}}


def _bot(text: str, kind: str = "", **about: Any) -> Dict[str, Any]:
    metadata = {ANSWER_METADATA_KEY: {"kind": kind, **about}} if kind else {}
    return {"event": "bot", "text": text, "data": {}, "metadata": metadata}


def _action(name: str) -> Dict[str, Any]:
    return {"event": "action", "name": name}


def _slot(name: str, value: Any) -> Dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def conversation_events(number: int, shape: str, channel: str) -> List[Dict[str, Any]]:
    events = [_action("action_session_start"), {"event": "session_started"}, _action("action_listen")]
    program = {"entity": "program", "value": "rbs-certificate"}
    if shape == "answered":
        events += [_user(f"what does rare book school cost? #{number}", "ask_cost", 0.97, channel, [program]),
                   _action("action_answer_cost"), _bot("$1,395 per course"), _slot("last_question", "cost")]
    elif shape == "fallback":
        ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "ask_cost", "confidence": 0.3}]
        events += [_user("blorp zindle quax", "nlu_fallback", 0.45, channel, ranking=ranking),
                   _action("action_answer_question"), _bot("Sorry, I didn't understand that.", "not_understood")]
    elif shape == "not_given":
        events += [_user("is rare book school online?", "ask_program_details", 0.9, channel, [program]),
                   _action("action_describe_program"),
                   _bot("The article does not say", "not_given", attribute="delivery", programs=["rbs-certificate"])]
    elif shape == "clarification":
        events += [_user("what does the arizona certificate cover?", "ask_program_details", 0.55, channel),
                   _action("action_describe_program"),
                   _bot("Which one do you mean?", "clarification", attribute="details")]
    elif shape == "interview":
        events += [_user("help me choose a certificate", "start_guided_advice", 0.99, channel),
                   _action("advice_form"), {"event": "active_loop", "name": "advice_form"},
                   _slot("requested_slot", "advice_interest"), _bot("What interests you?"), _action("action_listen"),
                   _user("rare books", "inform_role", 0.7, channel), _action("advice_form"),
                   _slot("advice_interest", "rare-books"), _slot("requested_slot", "advice_role"),
                   _bot("What is your role?"), _action("action_listen"),
                   _user("hmm", "deny", 0.5, channel), _action("advice_form"), _slot("requested_slot", "advice_role"),
                   _bot("What is your role?"), _action("action_listen"),
                   _user("cataloger", "inform_role", 0.9, channel), _action("advice_form"),
                   _slot("advice_role", "cataloger"), _slot("requested_slot", "advice_coding"),
                   _bot("Coding?"), _action("action_listen")]
    events.append(_action("action_listen"))
    return events


def expected_counts(conversations: int, days: int = 30) -> Expected:
    """What the report should count for ``generated_rows(conversations, days)``."""
    per_shape: Dict[str, int] = {}
    per_channel: Dict[str, int] = {}
    for number in range(conversations):
        shape, channel = SHAPES[number % len(SHAPES)], CHANNELS[number % len(CHANNELS)]
        per_shape[shape] = per_shape.get(shape, 0) + 1
        per_channel[channel] = per_channel.get(channel, 0) + 1
    return Expected(conversations, per_shape, per_channel, min(days, conversations))


def generated_rows(conversations: int, days: int = 30) -> Iterator[Tuple[Any, ...]]:
    """The events table's rows for ``conversations`` generated conversations spread over ``days``."""
    for number in range(conversations):
        shape, channel = SHAPES[number % len(SHAPES)], CHANNELS[number % len(CHANNELS)]
        timestamp = START + (number % days) * DAY + number * 0.001
        for event in conversation_events(number, shape, channel):
            timestamp += 0.0001
            event["timestamp"] = timestamp
            intent = event.get("parse_data", {}).get("intent", {}).get("name")
            yield (f"generated-sender-{number:06d}", event["event"], timestamp, intent, event.get("name"),
                   json.dumps(event))


INSERT = ("INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
          "VALUES ({0}, {0}, {0}, {0}, {0}, {0})")


def fill(path: Path, conversations: int, days: int = 30) -> Expected:
    """Write ``conversations`` generated conversations (spread over ``days``) into the SQLite store at ``path``."""
    create_events_table(path)
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.executemany(INSERT.format("?"), generated_rows(conversations, days))
    finally:
        connection.close()
    return expected_counts(conversations, days)


def fill_postgres(server: Any, conversations: int, days: int = 30) -> Expected:
    """The same into a PostgreSQL server (``tests.support.databases.PostgresServer``), events table made by Rasa."""
    import psycopg2
    from rasa.core.tracker_store import SQLTrackerStore

    store = SQLTrackerStore(dialect="postgresql", host=server.host, port=server.port, db=server.database,
                            username=server.user, password=server.password)
    store.engine.dispose()
    connection = psycopg2.connect(host=server.host, port=server.port, user=server.user, password=server.password,
                                  dbname=server.database, connect_timeout=5)
    try:
        with connection, connection.cursor() as cursor:
            cursor.executemany(INSERT.format("%s"), list(generated_rows(conversations, days)))
    finally:
        connection.close()
    return expected_counts(conversations, days)
