"""Real PostgreSQL and Redis servers for tests: free loopback ports, private temporary folders.

CI installs them from Debian's packages (``.ci/run``). A missing binary is a
test failure with a clear message, never a skip: what uses these stores is only
proven against the real engines. In a fixture::

    with running(RedisServer) as redis_server:
        yield redis_server
"""
from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, TypeVar

from tests.support.net import free_port

POSTGRES_BIN = Path(os.environ.get("POSTGRES_BIN_DIR", "/usr/lib/postgresql/15/bin"))
POSTGRES_SYSTEM_USER = os.environ.get("POSTGRES_SYSTEM_USER", "postgres")


class MissingServer(RuntimeError):
    """A database server binary the tests need is not installed."""


def _require(path: Path, package: str) -> Path:
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise MissingServer(f"{path} not found: install Debian's {package} package (.ci/run does)")
    return path


class _ThrowAwayServer:
    """A server in its own temporary folder ``base``: ``with`` brings it up, and deletes it afterwards."""

    base: Path

    def _bring_up(self) -> "_ThrowAwayServer":
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self):  # type: ignore[no-untyped-def]
        try:
            return self._bring_up()
        except BaseException:
            # Half-started servers are cleaned up too: ``__exit__`` only runs after a successful enter.
            self.destroy()
            raise

    def __exit__(self, *exc: object) -> None:
        self.destroy()

    def destroy(self) -> None:
        """Stop the server and delete its files."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.base, ignore_errors=True)


class PostgresServer(_ThrowAwayServer):
    """A throw-away PostgreSQL cluster with one password-protected user and database.

    PostgreSQL refuses to run as root, so when the tests run as root the cluster
    belongs to the ``postgres`` system user and lives outside pytest's root-only
    temporary folder. ``with PostgresServer() as postgres:`` initialises it and
    deletes it afterwards.
    """

    def __init__(self, port: Optional[int] = None, user: str = "advisor", database: str = "advisor") -> None:
        self.port, self.user, self.database = port or free_port(), user, database
        self.password = secrets.token_urlsafe(16)
        self.host = "127.0.0.1"
        for tool in ("initdb", "pg_ctl", "postgres"):
            _require(POSTGRES_BIN / tool, "postgresql-15")
        self.base = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
        self.data = self.base / "data"
        self.log = self.base / "server.log"

    def _bring_up(self) -> "PostgresServer":
        return self.initialise()

    def _as_owner(self, command: Sequence[str]) -> List[str]:
        if os.geteuid() != 0:
            return list(command)
        return ["runuser", "-u", POSTGRES_SYSTEM_USER, "--", *command]

    def _run(self, *command: str, timeout: float = 60) -> None:
        result = subprocess.run(self._as_owner(command), capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}\n{self.tail()}")

    def initialise(self) -> "PostgresServer":
        """Create the cluster, then start it and create the database."""
        password_file = self.base / "password"
        password_file.write_text(self.password + "\n")
        if os.geteuid() == 0:
            shutil.chown(self.base, user=POSTGRES_SYSTEM_USER)
            shutil.chown(password_file, user=POSTGRES_SYSTEM_USER)
        self._run(
            str(POSTGRES_BIN / "initdb"), "-D", str(self.data), "-U", self.user, f"--pwfile={password_file}",
            "--auth=scram-sha-256", "--encoding=UTF8", "--no-sync",
        )
        password_file.unlink()
        self.start()
        self.execute(f'CREATE DATABASE "{self.database}"', database="postgres")
        return self

    def start(self) -> None:
        """Start the server on loopback only and wait until it accepts connections."""
        options = f"-c listen_addresses={self.host} -p {self.port} -k {self.base} -c fsync=off"
        self._run(str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        """Stop the server (fast shutdown: open connections are cut, as in a real restart)."""
        if (self.data / "postmaster.pid").exists():
            self._run(str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def connection_env(self) -> Dict[str, str]:
        """The variables ``endpoints.scale.yml`` reads for the tracker store."""
        return {
            "POSTGRES_HOST": self.host, "POSTGRES_PORT": str(self.port), "POSTGRES_DB": self.database,
            "POSTGRES_USER": self.user, "POSTGRES_PASSWORD": self.password,
        }

    def execute(self, sql: str, parameters: Sequence[Any] = (), database: Optional[str] = None) -> List[tuple]:
        """Run one statement on a new connection; return its rows (if any)."""
        import psycopg2

        connection = psycopg2.connect(
            host=self.host, port=self.port, user=self.user, password=self.password,
            dbname=database or self.database, connect_timeout=5,
        )
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(sql, parameters)
                return cursor.fetchall() if cursor.description else []
        finally:
            connection.close()

    def tail(self, lines: int = 20) -> str:
        """The last lines of the server's log, for failure messages."""
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


class RedisServer(_ThrowAwayServer):
    """A throw-away Redis with a password, no persistence, on loopback.

    ``with RedisServer() as redis_server:`` starts it and deletes it afterwards;
    ``start``/``stop`` in between restart it empty.
    """

    def __init__(self, port: Optional[int] = None) -> None:
        self.port = port or free_port()
        self.host = "127.0.0.1"
        self.password = secrets.token_urlsafe(16)
        self.binary = shutil.which("redis-server")
        if not self.binary:
            raise MissingServer("redis-server not found: install Debian's redis-server package (.ci/run does)")
        self.base = Path(tempfile.mkdtemp(prefix="advisor-redis-"))
        self.process: Optional[subprocess.Popen] = None

    def _bring_up(self) -> "RedisServer":
        return self.start()

    def start(self, timeout: float = 20) -> "RedisServer":
        """Start the server and wait until it answers PING."""
        import redis

        config = self.base / "redis.conf"
        # The password goes in a file, not on the command line where `ps` shows it.
        config.write_text(
            f"port {self.port}\nbind {self.host}\nsave \"\"\nappendonly no\ndir {self.base}\n"
            f"requirepass {self.password}\nlogfile {self.base / 'server.log'}\n"
        )
        self.process = subprocess.Popen([self.binary, str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        client = redis.Redis(host=self.host, port=self.port, password=self.password, socket_timeout=2)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}")
            try:
                if client.ping():
                    return self
            except redis.RedisError:
                time.sleep(0.1)
        raise TimeoutError(f"redis-server not answering on port {self.port} after {timeout}s")

    def url(self, db: int = 1) -> str:
        """The ``redis://`` URL of database ``db``, password included."""
        return f"redis://:{self.password}@{self.host}:{self.port}/{db}"

    def connection_env(self, db: int = 1) -> Dict[str, str]:
        """The variables ``endpoints.scale.yml`` reads for the lock store."""
        return {"REDIS_HOST": self.host, "REDIS_PORT": str(self.port), "REDIS_DB": str(db), "REDIS_PASSWORD": self.password}

    def client(self, db: int = 1):  # type: ignore[no-untyped-def]
        """A synchronous client on database ``db``, to look at what the code under test stored."""
        import redis

        return redis.Redis(host=self.host, port=self.port, db=db, password=self.password, socket_timeout=5)

    def stop(self) -> None:
        """Stop the server (it keeps nothing: every lock is gone)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


Database = TypeVar("Database", PostgresServer, RedisServer)


@contextmanager
def running(make: Callable[[], Database]) -> Iterator[Database]:
    """The server ``make()`` builds, started for the ``with`` block and deleted afterwards.

    A missing binary fails the test with how to install it, rather than erroring
    somewhere deeper or being skipped.
    """
    import pytest

    try:
        server = make()
    except MissingServer as error:
        pytest.fail(str(error))
    with server:
        yield server
