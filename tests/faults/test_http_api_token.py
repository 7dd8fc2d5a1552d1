"""Rasa's HTTP API is on only with a token, and the token never reaches the logs.

Without ``RASA_API_TOKEN`` the API is off (``tests/e2e``: 404). With it, an
unauthenticated or wrongly authenticated call is refused and the token opens it.
"""
from __future__ import annotations

import secrets
import urllib.error
from pathlib import Path
import urllib.request

import pytest

from rasa_project.launcher import rasa_server
from tests.support.servers import serving, settings_in

pytestmark = pytest.mark.servers

# A random token can begin with "-"; starting every one that way keeps that case tested.
TOKEN_LIKE_AN_OPTION = "-"


def get_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture(scope="module")
def rasa_with_token(tmp_path_factory, model_path):
    settings = settings_in(tmp_path_factory.mktemp("api-token"), model_path, api_token=TOKEN_LIKE_AN_OPTION + secrets.token_urlsafe(24))
    with serving([rasa_server(settings)], timeout=300) as (rasa,):
        yield settings, rasa


def test_the_api_refuses_calls_without_the_token_and_answers_with_it(rasa_with_token):
    settings, _ = rasa_with_token
    assert get_status(f"{settings.rasa_url}/status") == 401
    assert get_status(f"{settings.rasa_url}/status?token=not-{settings.api_token}") == 401
    assert get_status(f"{settings.rasa_url}/status?token={settings.api_token}") == 200


def test_the_token_is_not_in_the_server_log_or_the_settings_repr(rasa_with_token):
    settings, rasa = rasa_with_token
    get_status(f"{settings.rasa_url}/status?token={settings.api_token}")
    assert settings.api_token not in rasa.log.read_text(errors="replace")
    assert settings.api_token not in repr(settings)


def test_the_token_is_on_no_command_line(rasa_with_token):
    """Any user can read a command line (ps); the token travels in the Rasa server's environment only."""
    settings, rasa = rasa_with_token
    assert rasa.process.poll() is None
    command_lines = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command_lines.append(cmdline.read_bytes().decode(errors="replace"))
        except OSError:  # a process that ended meanwhile
            continue
    assert any("rasa_project.rasa_cli" in line for line in command_lines)
    assert not [line for line in command_lines if settings.api_token in line]
