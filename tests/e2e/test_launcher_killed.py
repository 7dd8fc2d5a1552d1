"""A launcher killed hard (SIGKILL: the OOM killer, a supervisor's last resort) leaves nothing running.

Its servers run in sessions of their own, so only the kernel can stop them when
the launcher cannot: the test kills the launcher, checks that every server it
started is gone and its ports are free, then starts a fresh launcher on the same
ports, which must come up and stop cleanly.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Dict, List

import pytest

from rasa_project.launcher import ROOT, quiet_environment
from tests.support.net import free_port, listening_addresses
from tests.support.servers import alive, children_of, read_until

pytestmark = pytest.mark.servers

START_TIMEOUT_S = 240
READY = "Press Ctrl-C"


def launch(env: Dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "rasa_project.launcher", "run"], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )


def wait_gone(pids: List[int], ports: List[int], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(alive(pid) for pid in pids) and not any(listening_addresses(port) for port in ports):
            return
        time.sleep(0.2)
    raise AssertionError(
        f"still running: {[pid for pid in pids if alive(pid)]}, "
        f"ports still open: {[port for port in ports if listening_addresses(port)]}"
    )


def test_servers_die_with_a_killed_launcher_and_a_new_launcher_starts_on_the_same_ports(tmp_path, model_path):
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WEB_PORT": free_port()}
    env = {
        **quiet_environment(), **{name: str(port) for name, port in ports.items()},
        "MLIS_ADVISOR_MODEL": str(model_path), "TRACKER_DB": str(tmp_path / "conversations.db"),
        "MLIS_ADVISOR_LOG_DIR": str(tmp_path),
    }
    first = launch(env)
    try:
        printed = read_until(first, READY, START_TIMEOUT_S)
        assert READY in printed, printed
        servers = children_of(first.pid)
        assert len(servers) == 3, servers  # action server, Rasa server, chat page
    finally:
        first.kill()  # SIGKILL: no handler runs, nothing is cleaned up by the launcher
        first.wait(10)
    wait_gone(servers, list(ports.values()))

    second = launch(env)
    try:
        printed = read_until(second, READY, START_TIMEOUT_S)
        assert READY in printed, printed
        assert "stopped unexpectedly" not in printed
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        try:
            second.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(second.pid, signal.SIGKILL)
            second.wait(5)
    assert second.returncode == 0
