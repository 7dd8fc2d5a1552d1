"""A dead action server must cost the user an apology, never silence.

Stock Rasa logs "Couldn't connect ... Is the server running?" and sends the user
nothing when its action server is down (RasaHQ/rasa #2559); the advisor's
channels send an apology instead (rasa_project/channels/turns.py).
"""
from __future__ import annotations

import uuid

import pytest

from rasa_project.launcher import Settings, action_server, rasa_server
from tests.support.net import RestClient, free_port

pytestmark = pytest.mark.servers


@pytest.fixture
def own_servers(tmp_path, model_path):
    settings = Settings(
        rasa_port=free_port(), action_port=free_port(), model=model_path,
        tracker_db=tmp_path / "conversations.db", log_dir=tmp_path,
    )
    actions, rasa = action_server(settings).start(), rasa_server(settings).start()
    try:
        actions.wait_until_ready()
        rasa.wait_until_ready()
        yield settings, actions
    finally:
        rasa.stop()
        actions.stop()


def test_user_gets_an_apology_while_the_action_server_is_down_and_answers_when_it_is_back(own_servers):
    settings, actions = own_servers
    user = RestClient(settings.rasa_url, f"down-{uuid.uuid4().hex[:8]}")
    assert "$1,200" in user.say_text("how much is the CalRBS rare books certificate?")

    actions.stop()
    reply = user.say("and can I get a scholarship for it?")
    assert len(reply) == 1
    assert "Sorry" in reply[0]["text"] and "try again" in reply[0]["text"]

    restarted = action_server(settings).start()
    try:
        restarted.wait_until_ready()
        answer = user.say_text("how much does it cost?")
        assert "$1,200" in answer, "the program under discussion survived the outage"
    finally:
        restarted.stop()
