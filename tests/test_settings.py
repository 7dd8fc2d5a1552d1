"""The settings module: one reading of the environment, defaults, and what children are handed."""
from __future__ import annotations

from dataclasses import replace

import pytest

from rasa_project.launcher import action_server, rasa_server
from rasa_project.rasa_cli import arguments_with_api
from rasa_project.settings import Settings, reachable


def test_defaults_listen_on_loopback_and_answer_a_stuck_turn_in_five_seconds():
    settings = Settings.from_environment({})
    assert (settings.rasa_host, settings.action_host, settings.web_host) == ("127.0.0.1",) * 3
    assert settings.turn_timeout == 5.0
    assert settings.chat_origins == ("http://localhost:8080",)
    assert settings.chat_socket_url == "http://localhost:5005"
    assert (settings.messages_per_minute_per_sender, settings.messages_per_minute_per_address) == (60, 120)
    assert settings.rate_exempt_addresses.split() == ["127.0.0.1", "::1"]


def test_every_variable_is_read_and_handed_to_the_children():
    environ = {
        "RASA_PORT": "6001", "ACTION_PORT": "6002", "WEB_PORT": "6003", "RASA_HOST": "0.0.0.0",
        "MLIS_ADVISOR_TURN_TIMEOUT": "2.5", "CHAT_PAGE_ORIGIN": "https://a.example, https://b.example/",
        "CHAT_SOCKET_URL": "https://chat.a.example/", "MLIS_ADVISOR_SESSION_SECRET": "s3cret",
        "MLIS_ADVISOR_RATE_PER_ADDRESS": "0", "MLIS_ADVISOR_RATE_EXEMPT": "none",
    }
    settings = Settings.from_environment(environ)
    assert (settings.rasa_port, settings.turn_timeout, settings.rasa_host) == (6001, 2.5, "0.0.0.0")
    assert settings.chat_origins == ("https://a.example", "https://b.example")
    assert settings.chat_socket_url == "https://chat.a.example"
    assert (settings.messages_per_minute_per_address, settings.rate_exempt_addresses) == (0, "")
    assert settings.rasa_url == "http://127.0.0.1:6001"  # listening everywhere, reached on loopback
    child = Settings.from_environment(settings.environment())
    assert child.chat_origins == settings.chat_origins
    assert replace(child, cors_origin="") == replace(settings, cors_origin="")


def test_a_bad_value_names_its_variable():
    with pytest.raises(ValueError, match="MLIS_ADVISOR_TURN_TIMEOUT"):
        Settings.from_environment({"MLIS_ADVISOR_TURN_TIMEOUT": "-1"})
    with pytest.raises(ValueError, match="RASA_PORT"):
        Settings.from_environment({"RASA_PORT": "five"})


def test_secrets_stay_out_of_repr_and_an_unset_session_secret_is_made_per_start():
    settings = Settings(api_token="tok-123", session_secret="sec-456")
    assert "tok-123" not in repr(settings) and "sec-456" not in repr(settings)
    assert "RASA_API_TOKEN" not in settings.environment()
    assert Settings().session_secret != Settings().session_secret


def test_reachable_addresses():
    assert reachable("0.0.0.0") == "127.0.0.1"
    assert reachable("::1") == "[::1]"
    assert reachable("10.0.0.5") == "10.0.0.5"


def test_only_the_rasa_server_gets_the_api_token_and_not_on_its_command_line(monkeypatch, tmp_path):
    monkeypatch.setenv("RASA_API_TOKEN", "tok-inherited")
    settings = Settings(api_token="tok-123", log_dir=tmp_path)
    assert "RASA_API_TOKEN" not in settings.environment()
    assert "RASA_API_TOKEN" not in action_server(settings).env
    rasa = rasa_server(settings)
    assert rasa.env["RASA_API_TOKEN"] == "tok-123"
    assert not [argument for argument in rasa.command if "tok-123" in argument]
    assert "RASA_API_TOKEN" not in rasa_server(Settings(log_dir=tmp_path)).env


def test_the_api_options_are_added_inside_the_process_only_with_a_token():
    assert arguments_with_api(["run"], "") == ["run"]
    assert arguments_with_api(["run"], "-tok") == ["run", "--enable-api", "--auth-token=-tok"]
