"""A throw-away, password-protected Redis on a free loopback port (Debian's redis-server)."""
from __future__ import annotations

import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Optional

from tests.support.net import free_port


class RedisForTests:
    """``with RedisForTests() as redis_server:``; ``redis_server.url`` is its ``redis://`` URL."""

    def __init__(self) -> None:
        self.binary = shutil.which("redis-server")
        if not self.binary:
            raise RuntimeError("redis-server not found: install Debian's redis-server package (.ci/run does)")
        self.port = free_port()
        self.password = secrets.token_urlsafe(16)
        self.base = Path(tempfile.mkdtemp(prefix="advisor-slack-redis-"))
        self.process: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/3"

    def client(self):  # type: ignore[no-untyped-def]
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=5)

    def __enter__(self) -> "RedisForTests":
        import redis

        config = self.base / "redis.conf"
        # The password goes in a file, not on the command line where `ps` shows it.
        config.write_text(
            f"port {self.port}\nbind 127.0.0.1\nsave \"\"\nappendonly no\ndir {self.base}\n"
            f"requirepass {self.password}\nlogfile {self.base / 'server.log'}\n"
        )
        self.process = subprocess.Popen([self.binary, str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}")
            try:
                if self.client().ping():
                    return self
            except redis.RedisError:
                time.sleep(0.1)
        self.__exit__()
        raise TimeoutError(f"redis-server not answering on port {self.port}")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.base, ignore_errors=True)
