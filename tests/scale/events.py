"""Reading a conversation back from PostgreSQL, as the tests check what was stored."""
from __future__ import annotations

import json
from typing import Any, Dict, List

from tests.support.databases import PostgresServer


def stored_events(postgres: PostgresServer, sender: str) -> List[Dict[str, Any]]:
    """Every event stored for ``sender``, in storage order, each with its row ``id``."""
    rows = postgres.execute("SELECT id, data FROM events WHERE sender_id = %s ORDER BY id", (sender,))
    return [{"id": row_id, **json.loads(data)} for row_id, data in rows]


def user_texts(events: List[Dict[str, Any]]) -> List[str]:
    return [event["text"] for event in events if event["event"] == "user"]


def turns(events: List[Dict[str, Any]]) -> List[List[Dict[str, Any]]]:
    """The events cut before each user message: one list per turn (the first holds the session start)."""
    cut: List[List[Dict[str, Any]]] = [[]]
    for event in events:
        if event["event"] == "user":
            cut.append([])
        cut[-1].append(event)
    return cut
