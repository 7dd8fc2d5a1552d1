"""End-to-end: the interview over REST against the real Rasa and action servers and the trained model.

Run with the model that includes the interview, for example
``MLIS_ADVISOR_MODEL=/tmp/guided/models/advisor.tar.gz pytest tests/guided_advice -m servers``.
"""
from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support.net import RestClient, free_port

pytestmark = pytest.mark.servers

CALRBS = "Professional Certificate in Rare Books and Manuscripts"
RBS = "Rare Book School Certificate of Completion"


def test_a_full_interview_ends_in_a_ranked_shortlist_that_can_be_recalled_and_changed(user):
    first = user.say("help me choose a certificate")
    assert "What do you want a certificate for?" in first[-1]["text"]
    assert {"title": "Not sure", "payload": "/skip"} in first[-1]["buttons"]

    assert "current role" in user.say_text("I want to work with rare books")
    assert "coding background" in user.say_text("I'm a rare books curator with 6 years of experience")
    assert "travel" in user.say_text('/inform_coding{"coding":"none"}')
    assert "spend on tuition" in user.say_text("I can travel")

    interrupted = user.say_text("how much does Rare Book School cost?")
    assert "$1,395 per course" in interrupted, "the question is answered"
    assert interrupted.rstrip().endswith('(or "no budget").'), "and the form asks its question again"

    assert "enrolled" in user.say_text("my budget is $6,500")
    shortlist = user.say_text("no")
    assert shortlist.index(f"1. {CALRBS}") < shortlist.index(f"2. {RBS}")
    assert "plan for $6,000 in tuition (5 courses × $1,200" in shortlist
    assert "plan for $6,975 in tuition" in shortlist and "That is over your budget of $6,500." in shortlist
    assert "plus travel to attend a course, for which the article gives no figure" in shortlist
    assert "rare books curator (6 years in the field)" in shortlist

    recalled = user.say_text("show my shortlist")
    assert recalled.index(f"1. {CALRBS}") < recalled.index(f"2. {RBS}")

    changed = user.say_text("actually my budget is $7,000")
    assert "budget $7,000" in changed and "Your updated shortlist:" in changed
    assert "That is over your budget" not in changed


def test_the_shortlist_survives_a_server_restart(tmp_path: Path, model_path: Path):
    from rasa_project.launcher import Settings, start_all, stop_all

    settings = Settings(rasa_port=free_port(), action_port=free_port(), model=model_path,
                        tracker_db=tmp_path / "conversations.db", log_dir=tmp_path)
    sender = f"restart-{uuid.uuid4().hex[:10]}"
    servers = start_all(settings)
    try:
        client = RestClient(settings.rasa_url, sender)
        client.say("/start_guided_advice")
        for payload in ('/find_certificate{"topic":"digital-assets"}', "/skip", "/skip", "/skip", "/skip"):
            client.say(payload)
        before = client.say_text('/inform_enrollment{"institution":"sjsu"}')
        assert "1. Digital Assets Management Certificate" in before
    finally:
        stop_all(servers)

    restarted = replace(settings, rasa_port=free_port(), action_port=free_port())
    servers = start_all(restarted)
    try:
        after = RestClient(restarted.rasa_url, sender).say_text("show my shortlist")
        assert after.startswith("Your shortlist:")
        assert "1. Digital Assets Management Certificate" in after
        assert "you are enrolled at San José State University" in after
    finally:
        stop_all(servers)
