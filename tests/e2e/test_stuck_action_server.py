"""A stuck action server (frozen, not dead) costs the user an apology in seconds, on REST and socket.io.

A dead action server refuses connections at once; a stuck one (frozen here with
SIGSTOP, as a swapping or deadlocked process would be) accepts them and never
answers, and Rasa would wait 300 s for it. The channels bound every turn by
``MLIS_ADVISOR_TURN_TIMEOUT`` (5 s by default, left at its default here).
Once the server is thawed (SIGCONT) the conversation goes on with its context.
Slack's side of the same guarantee: tests/slack/test_slack_stuck_action_server.py.
"""
from __future__ import annotations

import os
import signal
import time
import uuid

import pytest

from rasa_project.launcher import Settings, action_server, rasa_server
from tests.support.net import RestClient, free_port
from tests.support.servers import Frozen
from tests.support.socket_chat import ChatSocket

pytestmark = pytest.mark.servers

CALRBS_COST = "how much is the CalRBS rare books certificate?"
# The default timeout plus room for a loaded machine; far below Rasa's own 300 s action timeout.
APOLOGY_WITHIN_S = Settings().turn_timeout + 10


@pytest.fixture(scope="module")
def own_servers(tmp_path_factory, model_path):
    run_dir = tmp_path_factory.mktemp("stuck")
    settings = Settings(
        rasa_port=free_port(), action_port=free_port(), model=model_path,
        tracker_db=run_dir / "conversations.db", log_dir=run_dir,
    )
    assert settings.turn_timeout == 5.0, "the default is what is tested"
    actions, rasa = action_server(settings).start(), rasa_server(settings).start()
    try:
        actions.wait_until_ready()
        rasa.wait_until_ready()
        yield settings, actions
    finally:
        os.killpg(actions.process.pid, signal.SIGCONT)
        rasa.stop()
        actions.stop()


def test_rest_user_gets_an_apology_in_seconds_while_the_action_server_is_frozen(own_servers):
    settings, actions = own_servers
    user = RestClient(settings.rasa_url, f"stuck-{uuid.uuid4().hex[:8]}")
    assert "$1,200" in user.say_text(CALRBS_COST)

    with Frozen(actions):
        started = time.monotonic()
        reply = user.say("and can I get a scholarship for it?")
        waited = time.monotonic() - started
        assert len(reply) == 1 and "Sorry" in reply[0]["text"], reply
        assert waited < APOLOGY_WITHIN_S, f"the apology took {waited:.1f}s"
        # A second turn while still frozen is not stuck behind the first one's lock.
        assert "Sorry" in user.say_text("how much does it cost?")

    assert "$1,200" in user.say_text("how much does it cost?"), "the program under discussion survived"


def test_socketio_user_gets_an_apology_while_frozen_and_the_answer_after(own_servers):
    settings, actions = own_servers
    chat = ChatSocket(settings.rasa_url).connect()
    try:
        session = chat.request_session()
        assert "$1,200" in chat.say_text(CALRBS_COST, session)
        with Frozen(actions):
            started = time.monotonic()
            answers = chat.say_text("and can I get a scholarship for it?", session, timeout=APOLOGY_WITHIN_S)
            assert "Sorry" in answers, answers
            assert time.monotonic() - started < APOLOGY_WITHIN_S
        assert "$1,200" in chat.say_text("how much does it cost?", session)
        assert chat.nothing_received(2.0), "a turn given up on sends nothing late"
    finally:
        chat.close()
