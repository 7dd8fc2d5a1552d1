"""Two Rasa replicas on one PostgreSQL and one Redis share conversations safely."""
from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from rasa_project.channels.turns import DEFAULT_APOLOGY
from tests.scale.events import stored_events, turns, user_texts
from tests.support.net import RestClient, post_json

pytestmark = pytest.mark.servers


def test_a_conversation_alternating_between_replicas_keeps_its_context(replicas, postgres):
    sender = f"alternating-{uuid.uuid4().hex[:8]}"
    first, second = (RestClient(url, sender) for url in replicas.urls)

    assert "$1,200" in first.say_text("how much is the CalRBS rare books certificate?")
    funding = second.say_text("can I get a scholarship for it?")
    assert "cover tuition" in funding and "travel" in funding
    assert "$1,200" in first.say_text("how much does it cost?")
    assert "$1,200" in second.say_text("and what did you say it costs?")

    assert user_texts(stored_events(postgres, sender)) == [
        "how much is the CalRBS rare books certificate?",
        "can I get a scholarship for it?",
        "how much does it cost?",
        "and what did you say it costs?",
    ]


CONCURRENT_MESSAGES = [
    "hello",
    "Which certificates are there for data science?",
    "how much does the rare book school certificate cost?",
    "What does the CalRBS rare books and manuscripts certificate cost?",
    "can I get a scholarship for it?",
    "what's the weather like in Tucson tomorrow?",
    "thank you",
    "which certificates cover archives?",
]


def test_concurrent_messages_to_one_conversation_are_serialised_and_each_stored_once(
    replicas, postgres, redis_server
):
    sender = f"concurrent-{uuid.uuid4().hex[:8]}"
    clients = [RestClient(replicas.urls[i % 2], sender) for i in range(len(CONCURRENT_MESSAGES))]

    with ThreadPoolExecutor(max_workers=len(CONCURRENT_MESSAGES)) as pool:
        replies = list(pool.map(lambda pair: pair[0].say(pair[1]), zip(clients, CONCURRENT_MESSAGES)))

    for message, reply in zip(CONCURRENT_MESSAGES, replies):
        assert reply and all(DEFAULT_APOLOGY != m.get("text") for m in reply), (message, reply)

    events = stored_events(postgres, sender)
    assert sorted(user_texts(events)) == sorted(CONCURRENT_MESSAGES), "every message stored exactly once"
    rows = [json.dumps({k: v for k, v in e.items() if k != "id"}, sort_keys=True) for e in events]
    assert len(rows) == len(set(rows)), "no event stored twice"
    for turn in turns(events)[1:]:
        # Serialised: a turn runs from the user's message to the bot listening again,
        # with no other turn's events in between.
        assert turn[-1]["event"] == "action" and turn[-1]["name"] == "action_listen", turn
        assert any(e["event"] == "bot" for e in turn), turn
    assert not redis_server.client().keys("*lock:*"), "no lock is left behind"


@pytest.mark.parametrize(
    "raw",
    [
        b'{"sender": "\\ud800", "message": "hello"}',  # a lone surrogate: no driver can encode it
        b'{"sender": "x\\u0000y", "message": "hello"}',  # NUL: PostgreSQL text cannot hold it
    ],
)
def test_a_sender_id_the_database_cannot_store_does_not_stop_a_replica(replicas, raw):
    # With Rasa's stock SQL store either request exits the Rasa process: its
    # session_scope takes any ValueError for a missing schema and calls sys.exit.
    for url in replicas.urls:
        status, _ = post_json(f"{url}/webhooks/rest/webhook", None, raw=raw)
        assert status < 500
    for url in replicas.urls:
        assert "$1,200" in RestClient(url, f"after-{uuid.uuid4().hex[:8]}").say_text(
            "how much is the CalRBS rare books certificate?"
        )
