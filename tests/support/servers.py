"""The project's real servers as the tests run them: free loopback ports, logs in a test folder.

``settings_in(run_dir, model)`` says where they run; ``start_together`` and
``stop_together`` start and stop several at once, so that their model loading
and their shutdowns overlap instead of adding up.
"""
from __future__ import annotations

import os
import selectors
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, List

from rasa_project.launcher import Server, Settings
from tests.support.net import free_port


def settings_in(run_dir: Path, model: Path, **changes: Any) -> Settings:
    """Settings for servers on free loopback ports, with tracker database and logs in ``run_dir``.

    Args:
        run_dir: the test's own folder (``conversations.db`` and the server logs go there).
        model: the trained model to serve.
        changes: any other ``Settings`` field (``extra_env``, ``endpoints``, ``api_token``...).
    """
    fields = dict(
        rasa_port=free_port(), action_port=free_port(), model=model,
        tracker_db=run_dir / "conversations.db", log_dir=run_dir,
    )
    return Settings(**{**fields, **changes})


def start_together(servers: List[Server], timeout: float = 180.0) -> List[Server]:
    """Start every server at once (model loading overlaps), then wait for each.

    If one does not come up within ``timeout`` seconds, all are stopped and the error is raised.
    """
    for server in servers:
        server.start()
    try:
        for server in servers:
            server.wait_until_ready(timeout=timeout)
    except Exception:
        stop_together(servers)
        raise
    return servers


def stop_together(servers: List[Server]) -> None:
    """Stop every server at once rather than one shutdown after another."""
    if not servers:
        return
    with ThreadPoolExecutor(max_workers=len(servers)) as pool:
        list(pool.map(lambda server: server.stop(), servers))


@contextmanager
def serving(servers: List[Server], timeout: float = 180.0) -> Iterator[List[Server]]:
    """``servers`` started together and ready for the ``with`` block, stopped together afterwards."""
    start_together(servers, timeout)
    try:
        yield servers
    finally:
        stop_together(servers)


def read_until(process: subprocess.Popen, marker: str, timeout: float) -> str:
    """What the process printed up to ``marker`` (bounded by ``timeout``); reads the raw pipe, unbuffered."""
    seen, deadline = b"", time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while marker.encode() not in seen and time.monotonic() < deadline and process.poll() is None:
            if selector.select(timeout=1):
                seen += os.read(process.stdout.fileno(), 4096)
    return seen.decode("utf-8", "replace")


def children_of(pid: int) -> List[int]:
    """The process ids whose parent is ``pid`` (Linux ``/proc``)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


class Frozen:
    """A server's process group stopped (SIGSTOP) inside the block, thawed (SIGCONT) after it.

    Stuck, not dead: its sockets still accept connections, and nothing answers them.
    """

    def __init__(self, server: Server) -> None:
        self.pid = server.process.pid

    def __enter__(self) -> "Frozen":
        os.killpg(self.pid, signal.SIGSTOP)
        return self

    def __exit__(self, *exc: object) -> None:
        os.killpg(self.pid, signal.SIGCONT)
