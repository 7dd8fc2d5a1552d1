"""The embedded profile: conversations live in a SQLite file, so a restart forgets nothing."""
from __future__ import annotations

import uuid

import pytest

from rasa_project.launcher import start_all, stop_all
from tests.support.net import RestClient
from tests.support.servers import settings_in

pytestmark = pytest.mark.servers


def test_after_restarting_both_servers_it_still_knows_which_program_was_discussed(tmp_path, model_path):
    settings = settings_in(tmp_path, model_path)
    sender = f"restart-{uuid.uuid4().hex[:8]}"

    servers = start_all(settings)
    try:
        assert "$1,200" in RestClient(settings.rasa_url, sender).say_text("tell me about the CalRBS rare books certificate")
    finally:
        stop_all(servers)
    assert settings.tracker_db.stat().st_size > 0

    servers = start_all(settings)
    try:
        assert "$1,200" in RestClient(settings.rasa_url, sender).say_text("how much does it cost?")
    finally:
        stop_all(servers)
