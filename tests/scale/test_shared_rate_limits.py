"""The scale profile's rate limits are counted once for all replicas, in Redis.

A per-process limiter lets a sender whose messages are spread over two replicas
send twice its rate. With ``MLIS_ADVISOR_RATE_REDIS_URL`` set (the ``replicas``
fixture sets it, as the scale profile does) every replica counts in the same
Redis, and the check-and-count is one atomic step.
"""
from __future__ import annotations

import subprocess
import sys
import time
import uuid

import pytest

from rasa_project.launcher import ROOT
from rasa_project.settings import quiet_environment
from tests.scale.conftest import RATE_REDIS_DB
from tests.support.net import post_json

RATE_PER_SENDER = 60  # the default: the replicas run with it


def test_processes_sharing_redis_admit_exactly_the_rate_between_them(redis_server, tmp_path):
    sender, per_minute, each = f"rate-{uuid.uuid4().hex[:8]}", 30, 40
    start = tmp_path / "start"
    env = {**quiet_environment(), "START_AT": str(start)}
    command = [sys.executable, "-m", "tests.scale.rate_worker", redis_server.url(RATE_REDIS_DB), sender,
               str(per_minute), str(each)]
    workers = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for _ in range(2)]
    time.sleep(1.0)  # both imported and waiting
    start.touch()
    admitted = []
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        admitted.append(int(out.strip()))

    assert sum(admitted) == per_minute, f"admitted {admitted} of {2 * each} for a rate of {per_minute}"
    assert all(count > 0 for count in admitted), f"both processes took part: {admitted}"


@pytest.mark.servers
def test_a_sender_spread_over_two_replicas_gets_its_rate_once_not_once_per_replica(replicas, redis_server):
    sender = f"spread-{uuid.uuid4().hex[:8]}"
    # An empty message gets a hint without a model run, and counts like any other.
    statuses = [post_json(f"{replicas.urls[n % 2]}/webhooks/rest/webhook", {"sender": sender, "message": " "})[0]
                for n in range(RATE_PER_SENDER)]
    assert statuses == [200] * RATE_PER_SENDER
    for url in replicas.urls:
        status, body = post_json(f"{url}/webhooks/rest/webhook", {"sender": sender, "message": " "})
        assert status == 429 and "too many messages from this conversation" in body["error"], (url, status, body)
    assert redis_server.client(RATE_REDIS_DB).zcard(f"advisor:rate:sender:{sender}") == RATE_PER_SENDER
