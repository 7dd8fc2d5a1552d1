"""The two changes the benchmark called for (docs/benchmarks.md), and that they change nothing else.

1. Action server responses are validated with a validator built once
   (``rasa_project/action_validation.py``): same answers and same errors as Rasa's own.
2. The SQLite tracker store keeps pooled connections in WAL mode with ``synchronous=NORMAL``
   (``rasa_project/stores/sql.py``); conversations still survive a restart
   (``test_restart_keeps_conversations.py``).
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List

import jsonschema
import pytest
import rasa
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from rasa_project import action_validation
from rasa_project.launcher import rasa_server
from rasa_project.stores.sql import ResilientSQLTrackerStore
from tests.support.net import RestClient, free_port
from tests.support.servers import serving, settings_in
from tests.support.trackers import conversation

VALID_RESPONSES: List[Any] = [
    {},
    {"events": [], "responses": []},
    {
        "events": [{"event": "slot", "name": "program", "value": "some-program", "timestamp": None}],
        "responses": [{"text": "An answer.", "buttons": [{"title": "More", "payload": "/help"}]}],
    },
]
INVALID_RESPONSES: List[Any] = [
    {"events": "not a list", "responses": []},
    {"events": [], "responses": "not a list"},
    {"events": [{"event": "slot", "name": "program"}, "not an event"], "responses": []},
    {"events": [], "responses": ["not an object"]},
    ["not", "an", "object"],
]


@pytest.fixture
def remote_action() -> RemoteAction:
    return RemoteAction("action_answer_cost", EndpointConfig("http://127.0.0.1:1/webhook"))


def rasas_own() -> Any:
    assert action_validation.rasa_original is not None, "the replacement was never installed"
    return action_validation.rasa_original


def error_of(validate: Any, action: RemoteAction, response: Any) -> jsonschema.ValidationError:
    with pytest.raises(jsonschema.ValidationError) as raised:
        validate(action, response)
    return raised.value


def test_importing_the_tracker_store_puts_the_validator_built_once_in_place_of_rasas():
    # The Rasa server imports rasa_project.stores.sql in both profiles (endpoints.yml, endpoints.scale.yml).
    assert RemoteAction._validate_action_result is action_validation._validate_action_result
    assert rasas_own().__module__ == "rasa.core.actions.action"
    assert rasas_own().__qualname__ == "RemoteAction._validate_action_result"

    assert action_validation.install() is True
    assert rasas_own().__module__ == "rasa.core.actions.action", "installing twice must not wrap ours"


@pytest.mark.parametrize("response", VALID_RESPONSES)
def test_a_valid_action_response_passes_as_with_rasas_own_validation(remote_action, response):
    assert rasas_own()(remote_action, response) is True
    assert remote_action._validate_action_result(response) is True


@pytest.mark.parametrize("response", INVALID_RESPONSES)
def test_an_invalid_action_response_raises_the_same_validation_error_as_rasas_own(remote_action, response):
    theirs = error_of(rasas_own(), remote_action, response)
    ours = error_of(RemoteAction._validate_action_result, remote_action, response)

    assert type(ours) is type(theirs) is jsonschema.ValidationError
    assert ours.message == theirs.message
    assert "Failed to validate Action server response from API" in ours.message
    assert list(ours.absolute_path) == list(theirs.absolute_path)
    assert list(ours.schema_path) == list(theirs.schema_path)
    assert ours.validator == theirs.validator


def test_the_response_schema_is_checked_against_its_meta_schema_once_not_per_response(remote_action, monkeypatch):
    validator_class = validator_for(RemoteAction.action_response_format_spec())
    checks: List[Dict[str, Any]] = []
    check_schema = validator_class.check_schema.__func__

    def counting_check_schema(cls: type, schema: Dict[str, Any], *args: Any, **kwargs: Any) -> None:
        checks.append(schema)
        check_schema(cls, schema, *args, **kwargs)

    monkeypatch.setattr(validator_class, "check_schema", classmethod(counting_check_schema))
    for response in VALID_RESPONSES:
        remote_action._validate_action_result(response)
    assert checks == []

    rasas_own()(remote_action, VALID_RESPONSES[0])
    assert len(checks) == 1, "Rasa's own validation re-checks the schema (what the replacement saves)"


def test_on_a_rasa_it_was_not_written_for_rasas_own_validation_is_kept_with_a_warning(monkeypatch, caplog):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", rasas_own())
    monkeypatch.setattr(rasa, "__version__", "3.7.0")

    with caplog.at_level(logging.WARNING, logger=action_validation.__name__):
        assert action_validation.install() is False
    assert RemoteAction._validate_action_result is rasas_own()
    assert "Rasa 3.7.0" in caplog.text


def test_the_rasa_installed_is_the_one_the_replacement_was_written_for():
    # Fails on a Rasa upgrade, so that action_validation.py is re-read against Rasa's new source.
    assert action_validation._unsupported(rasa.__version__, RemoteAction) is None


@pytest.fixture
def store(tmp_path) -> ResilientSQLTrackerStore:
    return ResilientSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "conversations.db"))


def test_the_sqlite_store_reuses_its_connections_in_wal_mode_with_normal_sync(store):
    raw = []
    for _ in range(2):
        with store.engine.connect() as connection:
            raw.append(connection.connection.dbapi_connection)
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    assert raw[0] is raw[1], "the second session got a new connection: SQLite is not pooled"


async def test_a_conversation_saved_by_the_sqlite_store_is_read_back_by_a_new_store(store, tmp_path):
    await store.save(conversation("reader", "which certificates are there?", "and the cost?"))
    reopened = ResilientSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "conversations.db"))
    assert (await reopened.retrieve("reader")).latest_message.text == "and the cost?"


@pytest.mark.servers
def test_after_a_turn_the_real_servers_tracker_database_is_in_wal_mode(advisor, user):
    assert user.say_text("how much does it cost?")

    with sqlite3.connect(advisor.tracker_db) as database:
        assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        stored = database.execute("SELECT count(*) FROM events WHERE sender_id = ?", (user.sender,)).fetchone()
    assert stored[0] > 0, "the turn is committed where another process can read it"


class InvalidActionServer(BaseHTTPRequestHandler):
    """An action server that answers every call with events that are not a list."""

    calls = 0

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).calls += 1
        body = json.dumps({"events": "not a list", "responses": [{"text": "must not be shown"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def invalid_action_server() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), InvalidActionServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.servers
def test_a_real_rasa_server_rejects_an_invalid_action_response_through_the_replacement(
    tmp_path, model_path, invalid_action_server
):
    # The action server is the one stand-in here: ours never sends an invalid response.
    settings = settings_in(tmp_path, model_path, action_port=invalid_action_server)
    with serving([rasa_server(settings)]):
        reply = RestClient(settings.rasa_url, f"invalid-{uuid.uuid4().hex[:8]}").say("how much does it cost?")

    assert InvalidActionServer.calls > 0
    assert len(reply) == 1 and "Sorry" in reply[0]["text"], "as with any failed action: events lost, apology"
    log = (tmp_path / f"rasa-{settings.rasa_port}.log").read_text(errors="replace")
    assert "jsonschema.exceptions.ValidationError" in log
    assert "Failed to validate Action server response from API" in log
    assert "rasa_project/action_validation.py" in log, "the error was raised by the replacement"
