"""Only Slack may talk to the webhook: requests without a valid, fresh signature are refused."""
from __future__ import annotations

import json
import time

import pytest

from tests.slack.slack_client import message_event, sign
from tests.slack.expect import RBS_COST, answers_with, settle

pytestmark = pytest.mark.servers


def assert_refused_and_unanswered(slack_advisor, sender, dm, poster=None, **how):
    """``poster`` (``sender`` if not given) asks with ``how``; the genuine ``sender`` then settles."""
    status, _ = (poster or sender).event(message_event(RBS_COST, channel=dm), **how)
    assert 400 <= status < 500, status
    settle(slack_advisor.api, sender, dm)
    assert not answers_with(slack_advisor.api, dm, "$6,975")


def test_forged_signature_is_refused_and_not_answered(slack_advisor, sender, dm):
    forger = slack_advisor.sender(secret="not-the-signing-secret")
    assert_refused_and_unanswered(slack_advisor, sender, dm, poster=forger)


def test_stale_signature_is_refused_and_not_answered(slack_advisor, sender, dm):
    # Correctly signed, but ten minutes old: a replayed request.
    assert_refused_and_unanswered(slack_advisor, sender, dm, timestamp=str(int(time.time()) - 600))


def test_missing_signature_is_refused_and_not_answered(slack_advisor, sender, dm):
    assert_refused_and_unanswered(slack_advisor, sender, dm, signature="")


def test_body_changed_after_signing_is_refused(slack_advisor, sender, dm):
    timestamp = str(int(time.time()))
    signed = json.dumps(message_event("hello", channel=dm)).encode()
    tampered = json.dumps(message_event(RBS_COST, channel=dm)).encode()
    status, _ = sender.post(tampered, "application/json", timestamp=timestamp,
                            signature=sign(slack_advisor.secret, timestamp, signed))
    assert 400 <= status < 500, status


def test_url_verification_challenge_is_answered(sender):
    status, body = sender.event({"token": "unused", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", "type": "url_verification"})
    assert status == 200
    assert json.loads(body) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


def test_unsigned_url_verification_is_refused(slack_advisor, sender):
    status, body = sender.event({"challenge": "abc", "type": "url_verification"}, signature="v0=" + "0" * 64)
    assert status == 401 and "abc" not in body
