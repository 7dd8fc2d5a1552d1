"""Start the advisor's servers, wait until they answer, and stop them together.

Used by ``make run`` (foreground until Ctrl-C or SIGTERM), ``make shell`` (Rasa's
terminal console against the same servers), the end-to-end tests and the
benchmarks, so every one of them runs the servers the same way.

Ports, interfaces, model, tracker database and channel files come from the
environment, read once by ``rasa_project.settings``.
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

from rasa_project.settings import ROOT, Settings, quiet_environment, quiet_this_process, reachable

__all__ = ["ROOT", "VENV_BIN", "Settings", "Server", "free_port", "quiet_environment", "start_all", "stop_all"]

VENV_BIN = Path(sys.executable).parent

# prctl(2) option: the signal the kernel sends a process when its parent dies.
PR_SET_PDEATHSIG = 1
_LIBC = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True) if sys.platform.startswith("linux") else None


def die_with(parent_pid: int):
    """A ``preexec_fn`` that ties the child's life to ``parent_pid`` (Linux).

    The children run in sessions of their own (so Ctrl-C in a terminal reaches only
    the launcher, which stops them in order), which also means nothing stops them
    if the launcher is killed hard (SIGKILL, the OOM killer): they would keep their
    ports and the next ``make run`` could not start. With ``PR_SET_PDEATHSIG`` the
    kernel kills the child when the launcher dies, however it dies. Checking the
    parent after the call closes the gap of a launcher that died just before it.
    """
    def preexec() -> None:
        if _LIBC is None:
            return
        if _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            os._exit(111)
        if os.getppid() != parent_pid:
            os._exit(112)

    return preexec


# Ports handed out by bind(0) come from the kernel's ephemeral range, the same range
# every outgoing connection (to PostgreSQL, Redis, an action server) takes its local
# port from; one of those can take the port between the pick and the server's bind
# ("address already in use"). Ports are therefore picked below that range.
_LOWEST_PICKED_PORT = 10000
_PORTS_HANDED_OUT: set = set()


def _ephemeral_range_start() -> int:
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range", encoding="ascii") as ports:
            return int(ports.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def _bindable(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """A loopback port nobody listens on now, outside the ephemeral range, never handed out twice."""
    highest = _ephemeral_range_start() - 1
    if highest > _LOWEST_PICKED_PORT:
        for _ in range(500):
            port = random.randint(_LOWEST_PICKED_PORT, highest)
            if port not in _PORTS_HANDED_OUT and _bindable(port):
                _PORTS_HANDED_OUT.add(port)
                return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One child process with its log file."""

    def __init__(self, name: str, command: List[str], env: Dict[str, str], health_url: str, log: Path) -> None:
        self.name, self.command, self.env, self.health_url, self.log = name, command, env, health_url, log
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> "Server":
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            # Servers are started from the main thread only: the kernel ties PDEATHSIG to the
            # thread that forked, so a child started from a thread would die with that thread.
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=die_with(os.getpid()),
            )
        return self

    def is_ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.health_url, timeout=2) as reply:
                return reply.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def wait_until_ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log}:\n{self.tail()}")
            if self.is_ready():
                return
            time.sleep(0.5)
        raise TimeoutError(f"{self.name} not ready after {timeout:.0f}s; see {self.log}:\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, timeout: float = 15.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(5)
        except ProcessLookupError:
            pass


def action_server(settings: Settings) -> Server:
    return Server(
        "action server",
        [sys.executable, "-m", "actions.server", "--port", str(settings.action_port)],
        {**settings.environment(), "SANIC_HOST": settings.action_host},  # rasa_sdk's listen address
        f"http://{reachable(settings.action_host)}:{settings.action_port}/health",
        settings.log_dir / f"actions-{settings.action_port}.log",
    )


OPTIONAL_CHANNELS_GLOB = "credentials.*.yml"


def compose_credentials(settings: Settings) -> Path:
    """The credentials file Rasa gets: the base channels plus each optional channel whose secrets are set.

    An optional channel lives in ``credentials.<name>.yml`` beside the base file and
    names the environment variables it needs in a first line ``# requires: A B``.
    Without them the channel stays off, so no secret ever has to be in a file.
    """
    import yaml

    base = settings.credentials
    merged = yaml.safe_load(base.read_text(encoding="utf-8")) or {}
    for optional in sorted(base.parent.glob(OPTIONAL_CHANNELS_GLOB)):
        text = optional.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        required = first.split(":", 1)[1].split() if first.startswith("# requires:") else []
        if all(settings.environment().get(name) for name in required):
            merged.update(yaml.safe_load(text) or {})
    composed = settings.log_dir / f"credentials-{settings.rasa_port}.yml"
    composed.parent.mkdir(parents=True, exist_ok=True)
    composed.write_text(yaml.safe_dump(merged, sort_keys=False), encoding="utf-8")
    return composed


def rasa_server(settings: Settings, extra_args: Optional[List[str]] = None) -> Server:
    command = [
        sys.executable, "-m", "rasa_project.rasa_cli", "run",
        "--model", str(settings.model),
        "--endpoints", str(settings.endpoints),
        "--credentials", str(compose_credentials(settings)),
        "--interface", settings.rasa_host,
        "--port", str(settings.rasa_port),
        "--cors", *settings.chat_origins,
        *(extra_args or []),
    ]
    environment = settings.environment()
    if settings.api_token:
        # Only this child gets the token, in its environment (rasa_cli): never on a command line.
        environment["RASA_API_TOKEN"] = settings.api_token
    return Server(
        "Rasa server",
        command,
        environment,
        f"{settings.rasa_url}/webhooks/rest/",
        settings.log_dir / f"rasa-{settings.rasa_port}.log",
    )


def web_server(settings: Settings) -> Server:
    """The chat page (rasa_project/web): a static page whose widget talks to Rasa's socket.io channel."""
    return Server(
        "chat page",
        [sys.executable, "-m", "rasa_project.web.server"],
        settings.environment(),
        f"http://{reachable(settings.web_host)}:{settings.web_port}/health",
        settings.log_dir / f"web-{settings.web_port}.log",
    )


def start_all(settings: Settings) -> List[Server]:
    """Start the action server and the Rasa server and wait until both answer."""
    settings.tracker_db.parent.mkdir(parents=True, exist_ok=True)
    servers = [action_server(settings).start(), rasa_server(settings).start()]
    try:
        for server in servers:
            server.wait_until_ready()
    except Exception:
        stop_all(servers)
        raise
    return servers


def stop_all(servers: List[Server]) -> None:
    for server in reversed(servers):
        server.stop()


def run_foreground(settings: Settings) -> int:
    """``make run``: start everything, print where it is, stop all on Ctrl-C or SIGTERM."""
    stopping = {"now": False}

    def request_stop(signum: int, frame: object) -> None:
        stopping["now"] = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    print("Starting the MLIS Advisor (first start takes about a minute)...", flush=True)
    servers = start_all(settings)
    try:
        servers.append(web_server(settings).start())
        servers[-1].wait_until_ready(timeout=30.0)
    except Exception:
        stop_all(servers)
        raise
    print(f"MLIS Advisor is running.\n  Chat page: {settings.web_url}\n  REST:   {settings.rasa_url}/webhooks/rest/webhook\n"
          f"  Action server health: http://{reachable(settings.action_host)}:{settings.action_port}/health\n"
          f"  Logs:   {settings.log_dir}\nPress Ctrl-C to stop.", flush=True)
    try:
        while not stopping["now"]:
            for server in servers:
                if server.process is not None and server.process.poll() is not None:
                    print(f"{server.name} stopped unexpectedly; see {server.log}", file=sys.stderr)
                    stopping["now"] = True
            time.sleep(0.5)
    finally:
        print("Stopping...", flush=True)
        stop_all(servers)
    return 0


def run_shell(settings: Settings) -> int:
    """``make shell``: Rasa's terminal console (what ``rasa shell`` runs) against the real servers."""
    import uuid

    from rasa.core.channels import console

    from rasa_project.channels import shell_buttons

    shell_buttons.install()

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)  # so the servers are stopped below
    servers = start_all(settings)
    try:
        import asyncio

        print("MLIS Advisor ready. Type your question (/stop to quit).", flush=True)
        # Blocking replies: the advisor's REST channel answers a turn as one JSON list.
        asyncio.run(console.record_messages(
            server_url=settings.rasa_url, sender_id=f"shell-{uuid.uuid4().hex[:8]}", use_response_stream=False
        ))
    except (KeyboardInterrupt, EOFError):
        pass
    finally:
        stop_all(servers)
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["run", "shell"])
    args = parser.parse_args(argv)
    quiet_this_process()
    settings = Settings.from_environment()
    return run_shell(settings) if args.mode == "shell" else run_foreground(settings)


if __name__ == "__main__":
    sys.exit(main())
