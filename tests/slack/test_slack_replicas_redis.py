"""Two Rasa replicas behind one Slack app share retry de-duplication through a real Redis."""
from __future__ import annotations

import asyncio
import threading

import pytest

from rasa_project.channels.slack_ledger import DEDUPE_KEY_PREFIX, RedisDeliveryLedger
from tests.slack.conftest import start_slack_advisor
from tests.slack.slack_client import message_event
from tests.slack.expect import RBS_COST, answered, answers_with, settle
from tests.support.databases import RedisServer, running
from tests.support.net import free_port
from tests.support.servers import stop_together


@pytest.fixture(scope="module")
def redis_server():
    with running(RedisServer) as server:
        yield server


@pytest.fixture(scope="module")
def two_replicas(tmp_path_factory, model_path, slack_api, redis_server):
    advisor = start_slack_advisor(
        tmp_path_factory.mktemp("slack-replicas"), model_path, slack_api,
        {"SLACK_DEDUPE_REDIS_URL": redis_server.url()}, replicas=2,
    )
    try:
        yield advisor
    finally:
        stop_together(advisor.servers)


# -- the ledger itself, against the real Redis ----------------------------------

def test_a_delivery_claimed_by_one_replica_is_refused_to_another(redis_server):
    async def scenario():
        replica_a, replica_b = RedisDeliveryLedger(redis_server.url(), 60), RedisDeliveryLedger(redis_server.url(), 60)
        return (
            await replica_a.claim(["event:EvSHARED1"]),
            await replica_b.claim(["event:EvSHARED1"]),
            await replica_b.claim(["event:EvOTHER01"]),
        )

    assert asyncio.run(scenario()) == (True, False, True)
    ttl = redis_server.client().ttl(DEDUPE_KEY_PREFIX + "event:EvSHARED1")
    assert 0 < ttl <= 60, "claims expire, so Redis does not fill up"


def test_unreachable_redis_falls_back_to_this_process_and_still_dedupes():
    ledger = RedisDeliveryLedger(f"redis://127.0.0.1:{free_port()}/0", 60)

    async def scenario():
        return await ledger.claim(["event:EvDOWN0001"]), await ledger.claim(["event:EvDOWN0001"])

    assert asyncio.run(scenario()) == (True, False)


# -- the replicas, over HTTP -----------------------------------------------------

@pytest.mark.servers
def test_event_answered_by_one_replica_is_not_answered_again_by_the_other(two_replicas, redis_server, dm):
    api = two_replicas.api
    first, second = two_replicas.sender(replica=0), two_replicas.sender(replica=1)
    envelope = message_event(RBS_COST, channel=dm)
    assert first.event(envelope)[0] == 200
    answered(api, dm, "$6,975")

    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    assert second.event(envelope, headers=retry)[0] == 200
    assert second.event(envelope)[0] == 200

    settle(api, second, dm)
    assert len(answers_with(api, dm, "$6,975")) == 1, [p.text[:70] for p in api.posts(dm)]
    assert redis_server.client().exists(DEDUPE_KEY_PREFIX + f"event:{envelope['event_id']}")


@pytest.mark.servers
def test_same_event_reaching_both_replicas_at_once_is_answered_once(two_replicas, dm):
    api = two_replicas.api
    envelope = message_event(RBS_COST, channel=dm)
    statuses = []
    threads = [
        threading.Thread(target=lambda r=r: statuses.append(two_replicas.sender(replica=r).event(envelope)[0]))
        for r in (0, 1)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert statuses == [200, 200]

    answered(api, dm, "$6,975")
    settle(api, two_replicas.sender(replica=0), dm)
    settle(api, two_replicas.sender(replica=1), dm)
    assert len(answers_with(api, dm, "$6,975")) == 1, [p.text[:70] for p in api.posts(dm)]
