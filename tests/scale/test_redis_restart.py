"""Redis (the lock store) down: the user gets an apology, never silence; once it is back, the conversation goes on."""
from __future__ import annotations

import uuid

import pytest

from rasa_project.channels.turns import DEFAULT_APOLOGY
from tests.support.net import RestClient

pytestmark = pytest.mark.servers


def test_while_redis_is_down_turns_get_the_apology_and_afterwards_the_context_is_intact(replicas, redis_server):
    user = RestClient(replicas.urls[1], f"redis-down-{uuid.uuid4().hex[:8]}")
    assert "$1,200" in user.say_text("how much is the CalRBS rare books certificate?")

    redis_server.stop()
    try:
        assert user.say_text("can I get a scholarship for it?") == DEFAULT_APOLOGY
    finally:
        redis_server.start()

    assert "$1,200" in user.say_text("how much does it cost?")
