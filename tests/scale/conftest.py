"""The scale-out set-up, for real: PostgreSQL, Redis, two Rasa replicas and two action servers.

Started once for the tests in this folder, on free loopback ports, with the
project's ``endpoints.scale.yml``; stopped and deleted afterwards.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List

import pytest

from rasa_project.launcher import ROOT, Server, Settings, action_server, rasa_server
from tests.scale.databases import MissingServer, PostgresServer, RedisServer
from tests.support.net import free_port

SCALE_ENDPOINTS = ROOT / "rasa_project" / "endpoints.scale.yml"


@pytest.fixture(scope="package")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL 15 with an ``advisor`` database."""
    try:
        server = PostgresServer(free_port())
    except MissingServer as error:
        pytest.fail(str(error))
    try:
        server.initialise()
        yield server
    finally:
        server.destroy()


@pytest.fixture(scope="package")
def redis_server() -> Iterator[RedisServer]:
    """A real Redis."""
    try:
        server = RedisServer(free_port())
    except MissingServer as error:
        pytest.fail(str(error))
    try:
        yield server.start()
    finally:
        server.destroy()


@dataclass
class Replicas:
    """Two Rasa replicas, each with its own action server, sharing PostgreSQL and Redis."""

    settings: List[Settings]
    servers: List[Server]

    @property
    def urls(self) -> List[str]:
        return [settings.rasa_url for settings in self.settings]


def start_together(servers: List[Server]) -> List[Server]:
    """Start every server at once (model loading overlaps), then wait for each."""
    for server in servers:
        server.start()
    try:
        for server in servers:
            server.wait_until_ready(timeout=300)
    except Exception:
        stop_together(servers)
        raise
    return servers


def stop_together(servers: List[Server]) -> None:
    """Stop every server at once rather than one shutdown after another."""
    with ThreadPoolExecutor(max_workers=len(servers)) as pool:
        list(pool.map(lambda server: server.stop(), servers))


@pytest.fixture(scope="package")
def replicas(
    tmp_path_factory: pytest.TempPathFactory, model_path: Path, postgres: PostgresServer, redis_server: RedisServer
) -> Iterator[Replicas]:
    run_dir = tmp_path_factory.mktemp("replicas")
    stores = {**postgres.connection_env(), **redis_server.connection_env()}
    settings = [
        Settings(
            rasa_port=free_port(), action_port=free_port(), model=model_path, endpoints=SCALE_ENDPOINTS,
            tracker_db=run_dir / "unused.db", log_dir=run_dir, extra_env=stores,
        )
        for _ in range(2)
    ]
    servers = start_together([make(s) for s in settings for make in (action_server, rasa_server)])
    try:
        yield Replicas(settings, servers)
    finally:
        stop_together(servers)
