"""The socket.io channel's own rules, without servers: origins, session ids, hints and the apology."""
from __future__ import annotations

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from rasa_project import settings as advisor_settings
from rasa_project.channels.conversation_ids import SessionSigner, reserved
from rasa_project.channels.socketio import AdvisorSocketIOInput
from rasa_project.settings import Settings, parse_origins


def channel(**credentials) -> AdvisorSocketIOInput:
    return AdvisorSocketIOInput.from_credentials(credentials)


async def never_called(message: UserMessage) -> None:
    raise AssertionError("the model must not run for this message")


def test_allowed_origins_come_from_the_credentials_else_the_chat_page_origin(monkeypatch):
    monkeypatch.setattr(advisor_settings, "_current", Settings.from_environment(
        {"CHAT_PAGE_ORIGIN": "https://www.library.example, https://catalog.library.example/"}))
    assert channel().allowed_origins == ("https://www.library.example", "https://catalog.library.example")
    assert channel(allowed_origins=["https://other.example"]).allowed_origins == ("https://other.example",)


def test_without_any_setting_the_launchers_chat_page_origin_is_admitted(monkeypatch):
    monkeypatch.setattr(advisor_settings, "_current", Settings.from_environment({"WEB_PORT": "8123"}))
    assert channel().allowed_origins == ("http://localhost:8123",)


def test_a_page_from_another_origin_is_refused_and_a_client_without_one_is_not():
    chat = channel(allowed_origins="https://www.library.example")
    assert chat.origin_allowed("https://www.library.example")
    assert chat.origin_allowed("https://www.library.example/")
    assert not chat.origin_allowed("https://evil.example")
    assert not chat.origin_allowed("https://www.library.example.evil.example")
    assert chat.origin_allowed(None)  # not a browser: CORS could not stop it either


def test_session_persistence_is_on_by_default():
    assert channel().session_persistence is True
    assert channel(session_persistence=False).session_persistence is False


def test_a_session_is_resumed_only_with_a_token_signed_with_this_secret():
    chat = channel()
    chat.signer = SessionSigner("secret-one")
    conversation = chat.conversation_for(None)
    assert conversation.startswith("web:")
    token = chat.signer.token(conversation)
    assert chat.conversation_for(token) == conversation
    other_secret = SessionSigner("secret-two").token(conversation)
    forged = conversation + "." + "A" * 43
    for attempt in (conversation, other_secret, forged, token + "x", "slack:D1." + token.rsplit(".", 1)[1], 42, {}):
        resumed = chat.conversation_for(attempt)
        assert resumed != conversation and resumed.startswith("web:"), attempt


def test_without_session_persistence_every_request_starts_a_new_conversation():
    chat = channel(session_persistence=False)
    token = chat.signer.token(chat.signer.new_conversation())
    assert chat.conversation_for(token) != token.rsplit(".", 1)[0]


def test_web_and_slack_ids_are_reserved_namespaces():
    assert reserved("web:abc") and reserved("slack:D1") and reserved("WEB:abc")
    assert not reserved("test-123") and not reserved("shell-1a2b") and not reserved("D1")


def test_metadata_is_bounded_and_must_be_an_object():
    chat = channel(max_metadata_bytes=100)
    assert chat.read_metadata({}) == {}
    assert chat.read_metadata({"metadata": {"page": "/advisor"}}) == {"page": "/advisor"}
    assert chat.read_metadata({"metadata": '{"page": "/advisor"}'}) == {"page": "/advisor"}
    for bad in ({"blob": "x" * 200}, "x" * 200, "not json", [1, 2], '"a string"'):
        with pytest.raises(ValueError):
            chat.read_metadata({"metadata": bad})


def test_origins_parse_from_lists_and_strings():
    assert parse_origins("a, b  c") == ("a", "b", "c")
    assert parse_origins(["x/", " y "]) == ("x", "y")
    assert parse_origins("") == ()


async def test_empty_and_overlong_messages_get_a_hint_without_running_the_model():
    chat = channel(max_message_chars=10)
    for text in ("   ", "x" * 11):
        output = CollectingOutputChannel()
        await chat.answer(never_called, UserMessage(text, output, "s1", input_channel="socketio"))
        assert len(output.messages) == 1 and output.messages[0]["text"]


async def test_a_failing_turn_gets_the_configured_apology():
    async def broken(message: UserMessage) -> None:
        raise RuntimeError("action server unreachable")

    chat = channel(apology="Sorry, try again soon.")
    output = CollectingOutputChannel()
    await chat.answer(broken, UserMessage("what does it cost?", output, "s1", input_channel="socketio"))
    assert [m["text"] for m in output.messages] == ["Sorry, try again soon."]
