"""Shared fixtures: the real knowledge base, and the real servers for end-to-end tests."""
from __future__ import annotations

import os
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Iterator

import pytest

from knowledge import KnowledgeBase, load_knowledge_base
from tests.support.net import RestClient, free_port

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def model_path() -> Path:
    model = Path(os.environ.get("MLIS_ADVISOR_MODEL", ROOT / "models" / "advisor.tar.gz"))
    if not model.exists():
        pytest.fail("No trained model: run the tests with `make test`, which trains first.")
    return model


@pytest.fixture(scope="session")
def advisor(tmp_path_factory: pytest.TempPathFactory, model_path: Path) -> Iterator["object"]:
    """The real action server and Rasa server, started once for the session."""
    from rasa_project.launcher import Settings, start_all, stop_all

    run_dir = tmp_path_factory.mktemp("advisor")
    settings = Settings(
        rasa_port=free_port(),
        action_port=free_port(),
        model=model_path,
        tracker_db=run_dir / "conversations.db",
        log_dir=run_dir,
    )
    servers = start_all(settings)
    try:
        yield settings
    finally:
        stop_all(servers)


@pytest.fixture
def user(advisor) -> RestClient:
    """A new user talking to the real advisor over REST."""
    return RestClient(advisor.rasa_url, f"test-{uuid.uuid4().hex[:10]}")
