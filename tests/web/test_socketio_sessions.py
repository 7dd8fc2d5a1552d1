"""A web conversation belongs to the socket that started it: two real socket.io clients try to take one over.

Stock Rasa answers a ``user_uttered`` into whatever ``session_id`` it names, and
lets ``session_request`` join any session by id; both takeovers must fail here.
Resuming after a reload needs the token the server signed, and REST cannot name
web or Slack conversations.
"""
from __future__ import annotations

import pytest

from tests.support.net import post_json
from tests.support.socket_chat import ChatSocket

pytestmark = pytest.mark.servers

CALRBS_COST = "how much is the CalRBS rare books certificate?"


@pytest.fixture
def clients(chat_site):
    made = []

    def connect() -> ChatSocket:
        client = ChatSocket(chat_site.settings.rasa_url, origin=chat_site.origin).connect()
        made.append(client)
        return client

    yield connect
    for client in made:
        client.close()


def test_another_socket_cannot_write_into_or_listen_to_a_conversation(clients):
    alice, mallory = clients(), clients()
    alice_token = alice.request_session()
    alice_conversation = alice_token.rsplit(".", 1)[0]
    assert alice_conversation.startswith("web:")
    assert "$1,200" in alice.say_text(CALRBS_COST, alice_token)

    # 1. A message naming Alice's session (id or token) is answered in Mallory's own conversation.
    mallory_token = mallory.request_session()
    assert mallory_token != alice_token
    for named in (alice_conversation, alice_token):
        answer = mallory.say_text("how much does it cost?", named)
        assert answer and "$1,200" not in answer, "Mallory's conversation has no program in context"
    assert alice.nothing_received(2.0), "nothing reached Alice's conversation"

    # 2. Asking for Alice's session by its id, or with a forged token, starts a new conversation.
    for claimed in (alice_conversation, alice_conversation + "." + "A" * 43):
        assert mallory.request_session(claimed).rsplit(".", 1)[0] != alice_conversation
    assert "cover tuition" in alice.say_text("can I get a scholarship for it?", alice_token)
    assert mallory.nothing_received(2.0), "Alice's answer went to Alice only"


def test_a_reloaded_page_resumes_its_conversation_with_its_token(clients):
    first = clients()
    token = first.request_session()
    assert "$1,200" in first.say_text(CALRBS_COST, token)
    first.close()

    reloaded = clients()
    assert reloaded.request_session(token) == token
    assert "$1,200" in reloaded.say_text("how much does it cost?", token), "context kept across the reload"


def test_a_message_before_any_session_is_not_answered_by_the_model(clients):
    client = clients()
    client.send("how much is the CalRBS rare books certificate?", "web:0123")
    answers = client.answers(timeout=10)
    assert [m["text"] for m in answers] == ["This connection has no conversation yet; please reload the page."]


def test_rest_cannot_name_web_or_slack_conversations(chat_site, clients):
    web_conversation = clients().request_session().rsplit(".", 1)[0]
    for sender in (web_conversation, "slack:D0123", "Web:anything"):
        status, body = post_json(f"{chat_site.settings.rasa_url}/webhooks/rest/webhook",
                                 {"sender": sender, "message": "hello"})
        assert status == 400 and "sender" in body["error"], (sender, status, body)


def test_oversized_metadata_gets_a_clear_answer_and_no_model_run(clients):
    client = clients()
    token = client.request_session()
    client.send(CALRBS_COST, token, metadata={"blob": "x" * 10_000})
    answers = client.answers(timeout=10)
    assert len(answers) == 1 and "metadata larger than" in answers[0]["text"], answers
