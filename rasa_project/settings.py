"""Every setting of the advisor, read from the environment in one place, once per process.

The launcher reads them at start-up (``Settings.from_environment()``) and hands
them to its children as environment variables (``Settings.environment()``); the
Rasa server's channels and the action server read the same variables back with
``current()``, once, the first time they need a setting. Nothing else in the
project reads ``os.environ``.

This module imports nothing from Rasa, so every process (the launcher, the page
server, the action server, the Rasa server) can use it cheaply.
"""
from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable, Dict, Mapping, Optional, Tuple
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
ANY_INTERFACE = ("0.0.0.0", "::", "")


def _new_secret() -> str:
    return secrets.token_hex(32)


@dataclass(frozen=True)
class Settings:
    """Where and how the advisor runs. Each field has one environment variable (``VARIABLES``)."""

    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8080
    # Interfaces to listen on. Loopback by default: only this machine reaches the servers.
    rasa_host: str = LOOPBACK
    action_host: str = LOOPBACK
    web_host: str = LOOPBACK
    model: Path = ROOT / "models" / "advisor.tar.gz"
    tracker_db: Path = ROOT / "run" / "conversations.db"
    endpoints: Path = ROOT / "rasa_project" / "endpoints.yml"
    credentials: Path = ROOT / "rasa_project" / "credentials.yml"
    # The chat page origins (space or comma separated); empty: http://localhost:<web_port>.
    cors_origin: str = ""
    # Rasa's socket.io URL as browsers reach it; empty: the first chat page origin's host on rasa_port.
    socket_url: str = ""
    log_dir: Path = ROOT / "run"
    # Rasa's HTTP API stays off unless a token is set (CVE-2024-49375); repr=False keeps it out of logs.
    api_token: str = field(default="", repr=False)
    # Seconds one turn may take before the user gets an apology instead.
    turn_timeout: float = 5.0
    knowledge_dir: Optional[Path] = None
    slack_api_url: str = ""
    slack_dedupe_redis_url: str = ""
    slack_dedupe_ttl: float = 3600.0
    # Signs the web chat's session tokens. Unset: a new one per launcher (or Rasa process) start,
    # so a page reloaded after a restart starts a new conversation.
    session_secret: str = field(default_factory=_new_secret, repr=False)
    # Limits on what one client may send (docs/web.md, "Limits"); a rate of 0 turns that limit off.
    max_metadata_bytes: int = 2048
    messages_per_minute_per_sender: int = 60
    messages_per_minute_per_address: int = 120
    # Client addresses the per-address limit leaves alone ("none": none). Loopback is this machine:
    # its shell and tests, or a reverse proxy on it, which must then limit per client itself.
    rate_exempt_addresses: str = "127.0.0.1 ::1"
    # Redis that counts the rates for every replica (the scale profile); empty: this process counts.
    rate_redis_url: str = field(default="", repr=False)
    # Events one conversation session may hold before the next turn starts a new one (0: no bound).
    max_session_events: int = 500
    extra_env: Dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_environment(cls, environ: Optional[Mapping[str, str]] = None) -> "Settings":
        """The settings named by ``environ`` (default: this process's environment); unset means default."""
        environ = os.environ if environ is None else environ
        values: Dict[str, Any] = {}
        for name, (variable, parse) in VARIABLES.items():
            raw = environ.get(variable, "")
            if raw != "":
                try:
                    values[name] = parse(raw)
                except ValueError as error:
                    raise ValueError(f"${variable}={raw!r} is not valid: {error}") from None
        return cls(**values)

    @property
    def chat_origins(self) -> Tuple[str, ...]:
        """The origins whose pages may talk to the Rasa server (CORS and the socket.io origin check)."""
        return parse_origins(self.cors_origin) or (f"http://localhost:{self.web_port}",)

    @property
    def chat_socket_url(self) -> str:
        """Rasa's socket.io URL for the chat page: configured, else the first chat origin's host on Rasa's port."""
        if self.socket_url:
            return self.socket_url.rstrip("/")
        parts = urlsplit(self.chat_origins[0])
        hostname = parts.hostname or "localhost"
        if ":" in hostname:
            hostname = f"[{hostname}]"
        return f"{parts.scheme or 'http'}://{hostname}:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://{reachable(self.action_host)}:{self.action_port}/webhook"

    @property
    def rasa_url(self) -> str:
        return f"http://{reachable(self.rasa_host)}:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        """The chat page as a browser on this machine opens it (its origin is the default chat origin)."""
        return f"http://localhost:{self.web_port}/"

    def environment(self) -> Dict[str, str]:
        """The environment of a child process: this process's, quietened, with every setting written out."""
        env = quiet_environment()
        # The API token goes to the Rasa server alone (launcher.rasa_server), even when inherited.
        env.pop(VARIABLES["api_token"][0], None)
        for name, (variable, _) in VARIABLES.items():
            value = getattr(self, name)
            if value is None or name == "api_token":
                continue
            env[variable] = str(value) if value != "" or name != "rate_exempt_addresses" else "none"
        env["ACTION_SERVER_URL"] = self.action_url  # endpoints.yml reads it
        env["CHAT_PAGE_ORIGIN"] = " ".join(self.chat_origins)
        env.update(self.extra_env)
        return env


def _path(raw: str) -> Path:
    return Path(raw)


def _positive_number(raw: str) -> float:
    number = float(raw)
    if number <= 0:
        raise ValueError("must be a positive number")
    return number


def _positive_int(raw: str) -> int:
    number = int(raw)
    if number <= 0:
        raise ValueError("must be a positive whole number")
    return number


def _rate(raw: str) -> int:
    number = int(raw)
    if number < 0:
        raise ValueError("must be a whole number, 0 for no limit")
    return number


def _addresses(raw: str) -> str:
    return "" if raw.strip().lower() == "none" else raw


VARIABLES: Dict[str, Tuple[str, Callable[[str], Any]]] = {
    "rasa_port": ("RASA_PORT", int),
    "action_port": ("ACTION_PORT", int),
    "web_port": ("WEB_PORT", int),
    "rasa_host": ("RASA_HOST", str),
    "action_host": ("ACTION_HOST", str),
    "web_host": ("WEB_HOST", str),
    "model": ("MLIS_ADVISOR_MODEL", _path),
    "tracker_db": ("TRACKER_DB", _path),
    "endpoints": ("RASA_ENDPOINTS", _path),
    "credentials": ("RASA_CREDENTIALS", _path),
    "cors_origin": ("CHAT_PAGE_ORIGIN", str),
    "socket_url": ("CHAT_SOCKET_URL", str),
    "log_dir": ("MLIS_ADVISOR_LOG_DIR", _path),
    "api_token": ("RASA_API_TOKEN", str),
    "turn_timeout": ("MLIS_ADVISOR_TURN_TIMEOUT", _positive_number),
    "knowledge_dir": ("MLIS_ADVISOR_KNOWLEDGE_DIR", _path),
    "slack_api_url": ("SLACK_API_URL", str),
    "slack_dedupe_redis_url": ("SLACK_DEDUPE_REDIS_URL", str),
    "slack_dedupe_ttl": ("SLACK_DEDUPE_TTL_SECONDS", _positive_number),
    "session_secret": ("MLIS_ADVISOR_SESSION_SECRET", str),
    "max_metadata_bytes": ("MLIS_ADVISOR_MAX_METADATA_BYTES", _positive_int),
    "messages_per_minute_per_sender": ("MLIS_ADVISOR_RATE_PER_SENDER", _rate),
    "messages_per_minute_per_address": ("MLIS_ADVISOR_RATE_PER_ADDRESS", _rate),
    "rate_exempt_addresses": ("MLIS_ADVISOR_RATE_EXEMPT", _addresses),
    "rate_redis_url": ("MLIS_ADVISOR_RATE_REDIS_URL", str),
    "max_session_events": ("MLIS_ADVISOR_MAX_SESSION_EVENTS", _rate),
}
assert set(VARIABLES) == {f.name for f in fields(Settings)} - {"extra_env"}, "every setting needs its variable"


def parse_origins(value: Any) -> Tuple[str, ...]:
    """Origins from a list or a comma/space separated string, without trailing slashes."""
    items = value if isinstance(value, (list, tuple)) else re.split(r"[\s,]+", str(value or ""))
    return tuple(str(item).strip().rstrip("/") for item in items if str(item).strip())


def reachable(host: str) -> str:
    """The address this machine uses to reach a server listening on ``host``."""
    if host in ANY_INTERFACE:
        return LOOPBACK
    return f"[{host}]" if ":" in host else host


def quiet_environment() -> Dict[str, str]:
    """Environment for Rasa processes: no telemetry (no network here), quiet TensorFlow."""
    env = dict(os.environ)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    env.setdefault("PYTHONWARNINGS", "ignore")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def quiet_this_process() -> None:
    """Give this process the quiet defaults its children get (what is already set stays)."""
    for name, value in quiet_environment().items():
        os.environ.setdefault(name, value)


_current: Optional[Settings] = None


def current() -> Settings:
    """This process's settings, read from its environment the first time they are needed."""
    global _current
    if _current is None:
        _current = Settings.from_environment()
    return _current
