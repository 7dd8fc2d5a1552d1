"""A stuck action server (frozen with SIGSTOP, not dead) costs a Slack user an apology in seconds.

Slack's acknowledgement does not wait for the turn: the webhook answers 200 at
once and the turn runs in the background, bounded by ``MLIS_ADVISOR_TURN_TIMEOUT``
(5 s by default, left at its default here). Once the action server is thawed
(SIGCONT) the conversation goes on with its context, and the turn given up on
posts nothing late. The servers are this module's own, so freezing their action
server touches no other test's.
"""
from __future__ import annotations

import os
import signal
import time
from typing import Iterator

import pytest

from rasa_project.channels.turns import DEFAULT_APOLOGY
from rasa_project.launcher import Settings
from tests.slack.conftest import SlackAdvisor, start_slack_advisor
from tests.slack.expect import RBS_COST, answered
from tests.slack.slack_client import message_event
from tests.support.servers import Frozen, stop_together

pytestmark = pytest.mark.servers

# The default timeout plus room for a loaded machine; far below Rasa's own 300 s action timeout.
APOLOGY_WITHIN_S = Settings().turn_timeout + 10
# Slack resends an event it has not acknowledged within 3 s.
ACK_WITHIN_S = 2.0


@pytest.fixture(scope="module")
def stuck_advisor(tmp_path_factory, model_path, slack_api) -> Iterator[SlackAdvisor]:
    advisor = start_slack_advisor(tmp_path_factory.mktemp("slack-stuck"), model_path, slack_api, {})
    try:
        assert advisor.settings.turn_timeout == 5.0, "the default is what is tested"
        yield advisor
    finally:
        os.killpg(advisor.actions.process.pid, signal.SIGCONT)
        stop_together(advisor.servers)


def test_a_frozen_action_server_costs_an_apology_in_seconds_and_slack_is_acknowledged_at_once(stuck_advisor, dm):
    api, sender = stuck_advisor.api, stuck_advisor.sender()
    assert sender.event(message_event(RBS_COST, channel=dm))[0] == 200
    answered(api, dm, "$6,975")

    with Frozen(stuck_advisor.actions):
        frozen_at, started = api.mark(), time.monotonic()
        status, _ = sender.event(message_event("can I get a scholarship for it?", channel=dm), timeout=3.0)
        acknowledged = time.monotonic() - started
        assert status == 200 and acknowledged < ACK_WITHIN_S, f"acknowledged {status} after {acknowledged:.1f}s"
        apology = api.wait_for(lambda call: call.body.get("channel") == dm and "Sorry" in call.text,
                               since=frozen_at, timeout=APOLOGY_WITHIN_S)
        waited = time.monotonic() - started
        assert DEFAULT_APOLOGY in apology.text
        assert waited < APOLOGY_WITHIN_S, f"the apology took {waited:.1f}s"

    thawed_at = api.mark()
    assert sender.event(message_event("how much does it cost?", channel=dm))[0] == 200
    answered(api, dm, "$6,975", since=thawed_at)  # the program in context survived the freeze
    time.sleep(2.0)
    posts = [call.text for call in api.calls[frozen_at:] if call.method == "chat.postMessage"
             and call.body.get("channel") == dm]
    assert len(posts) == 2, f"the frozen turn's answer was posted late, or twice: {posts}"
