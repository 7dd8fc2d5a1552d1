"""The scale-out set-up, for real: PostgreSQL, Redis, two Rasa replicas and two action servers.

Started once for the tests in this folder, on free loopback ports, with the
project's ``endpoints.scale.yml``; stopped and deleted afterwards.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List

import pytest

from rasa_project.launcher import ROOT, Server, Settings, action_server, rasa_server
from tests.support.databases import PostgresServer, RedisServer, running
from tests.support.servers import serving, settings_in

SCALE_ENDPOINTS = ROOT / "rasa_project" / "endpoints.scale.yml"
RATE_REDIS_DB = 2  # the rate limits' Redis database, beside the locks' (1)


@pytest.fixture(scope="package")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL 15 with an ``advisor`` database."""
    with running(PostgresServer) as server:
        yield server


@pytest.fixture(scope="package")
def redis_server() -> Iterator[RedisServer]:
    """A real Redis."""
    with running(RedisServer) as server:
        yield server


@dataclass
class Replicas:
    """Two Rasa replicas, each with its own action server, sharing PostgreSQL and Redis (locks, rate limits)."""

    settings: List[Settings]
    servers: List[Server]

    @property
    def urls(self) -> List[str]:
        return [settings.rasa_url for settings in self.settings]


@pytest.fixture(scope="package")
def replicas(
    tmp_path_factory: pytest.TempPathFactory, model_path: Path, postgres: PostgresServer, redis_server: RedisServer
) -> Iterator[Replicas]:
    run_dir = tmp_path_factory.mktemp("replicas")
    stores = {**postgres.connection_env(), **redis_server.connection_env(),
              "MLIS_ADVISOR_RATE_REDIS_URL": redis_server.url(RATE_REDIS_DB)}
    settings = [
        settings_in(run_dir, model_path, endpoints=SCALE_ENDPOINTS, tracker_db=run_dir / "unused.db", extra_env=stores)
        for _ in range(2)
    ]
    with serving([make(s) for s in settings for make in (action_server, rasa_server)], timeout=300) as servers:
        yield Replicas(settings, servers)
