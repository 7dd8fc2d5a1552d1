"""PostgreSQL restarted under running replicas: once it is back, nothing stored is lost.

Stock Rasa loses here: its pooled connections are dead after the restart, the
first read fails, ``FailSafeTrackerStore`` hands the turn a fresh tracker (the
program under discussion is forgotten) and the turn's events are not stored.
``ResilientSQLTrackerStore`` tests connections before use and retries.
"""
from __future__ import annotations

import threading
import time
import uuid

import pytest

from tests.scale.events import stored_events, user_texts
from tests.support.net import RestClient

pytestmark = pytest.mark.servers


def test_after_a_postgres_restart_the_conversation_continues_with_everything_stored(replicas, postgres):
    sender = f"pg-restart-{uuid.uuid4().hex[:8]}"
    first, second = (RestClient(url, sender) for url in replicas.urls)
    assert "$1,200" in first.say_text("how much is the CalRBS rare books certificate?")
    assert "cover tuition" in second.say_text("can I get a scholarship for it?")
    before = stored_events(postgres, sender)

    postgres.stop()
    postgres.start()

    assert "$1,200" in first.say_text("how much does it cost?"), "the program survived the restart"
    assert "$1,200" in second.say_text("what was the price again?")
    after = stored_events(postgres, sender)
    assert after[: len(before)] == before, "everything stored before the restart is still there"
    assert user_texts(after) == [
        "how much is the CalRBS rare books certificate?",
        "can I get a scholarship for it?",
        "how much does it cost?",
        "what was the price again?",
    ]


def test_a_message_sent_while_postgres_is_down_is_answered_in_context_once_it_is_back(replicas, postgres):
    sender = f"pg-outage-{uuid.uuid4().hex[:8]}"
    user = RestClient(replicas.urls[0], sender)
    assert "$1,200" in user.say_text("how much is the CalRBS rare books certificate?")

    postgres.stop()
    answer = {}
    asking = threading.Thread(target=lambda: answer.update(text=user.say_text("how much does it cost?")))
    asking.start()
    time.sleep(2)  # the turn is now waiting on the database, within the store's retry window
    postgres.start()
    asking.join(60)

    assert "$1,200" in answer.get("text", ""), answer
    assert user_texts(stored_events(postgres, sender)) == [
        "how much is the CalRBS rare books certificate?",
        "how much does it cost?",
    ]
