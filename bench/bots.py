"""The two bots under test, trained and served the same way.

* ``StockBot``: the project ``rasa init`` creates (Rasa's own template, copied from
  the installed package as ``rasa init`` does), served with ``rasa run`` on the REST
  channel, in-memory tracker store, no action server (its answers are responses).
* ``AdvisorBot``: this project, served by ``rasa_project.launcher`` exactly as
  ``make run`` serves it (action server + Rasa server, SQLite tracker store), from
  the trained model the launcher picks (``models/advisor.tar.gz`` or
  ``$MLIS_ADVISOR_MODEL``).

Both are trained with ``rasa train --force`` and an empty training cache of their
own, so neither reuses components trained earlier.
"""
from __future__ import annotations

import importlib.util
import shutil
from abc import ABC, abstractmethod
from dataclasses import replace
from pathlib import Path
from typing import Dict, List, Optional

from bench.procs import TimedRun, run_timed
from rasa_project.launcher import ROOT, VENV_BIN, Server, Settings, free_port, quiet_environment, start_all, stop_all

TRAINING_TIMEOUT_SECONDS = 1800.0
# Loading the stock bot's four TensorFlow models took over 180 s while neighbours trained on this machine.
STOCK_STARTUP_TIMEOUT_SECONDS = 900.0
REST_PATH = "/webhooks/rest/webhook"


def rasa_template() -> Path:
    """The project template ``rasa init`` copies (``rasa/cli/initial_project``), found without importing Rasa."""
    spec = importlib.util.find_spec("rasa")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Rasa is not installed in this environment")
    return Path(list(spec.submodule_search_locations)[0]) / "cli" / "initial_project"


def training_environment(cache_dir: Path, extra: Dict[str, str]) -> Dict[str, str]:
    """Quiet Rasa environment with a training cache of the bot's own, so no cached component is reused."""
    env = quiet_environment()
    env.update(RASA_CACHE_DIRECTORY=str(cache_dir))
    env.update(extra)
    return env


class Bot(ABC):
    """A bot to train, start, talk to and stop. ``key`` names it in results."""

    key: str = ""

    def __init__(self, workdir: Path, extra_env: Optional[Dict[str, str]] = None) -> None:
        self.workdir = workdir / self.key
        self.extra_env = dict(extra_env or {})
        self.servers: List[Server] = []

    @abstractmethod
    def train(self) -> TimedRun:
        """Train from scratch with ``rasa train --force`` into the work folder; time it."""

    @abstractmethod
    def start(self) -> None:
        """Start every server of the bot and wait until each one answers its health check."""

    @property
    @abstractmethod
    def url(self) -> str:
        """The REST webhook's URL."""

    @property
    @abstractmethod
    def model(self) -> Path:
        """The model archive the bot is served from."""

    @abstractmethod
    def processes(self) -> Dict[str, int]:
        """Process id of each running server, by role (``Rasa server``, ``action server``)."""

    def stop(self) -> None:
        """Stop every server that was started."""
        stop_all(self.servers)
        self.servers = []


class StockBot(Bot):
    """What ``rasa init --no-prompt`` gives: the mood bot with Rasa's default config."""

    key = "stock"

    def __init__(self, workdir: Path, extra_env: Optional[Dict[str, str]] = None) -> None:
        super().__init__(workdir, extra_env)
        self.project = self.workdir / "project"
        self.port = free_port()
        self.trained_model: Optional[Path] = None

    def create_project(self) -> None:
        """Copy Rasa's template, as ``rasa init`` does before it trains."""
        if not self.project.exists():
            shutil.copytree(rasa_template(), self.project)

    def train(self) -> TimedRun:
        self.create_project()
        models = self.workdir / "models"
        run = run_timed(
            [str(VENV_BIN / "rasa"), "train", "--force", "--out", str(models), "--fixed-model-name", "stock"],
            cwd=self.project,
            env=training_environment(self.workdir / "cache", self.extra_env),
            log=self.workdir / "train.log",
            timeout=TRAINING_TIMEOUT_SECONDS,
        )
        if run.returncode != 0:
            raise RuntimeError(f"training the stock bot failed; see {self.workdir / 'train.log'}")
        self.trained_model = models / "stock.tar.gz"
        return run

    @property
    def model(self) -> Path:
        if self.trained_model is None:
            raise RuntimeError("the stock bot has no model until it is trained")
        return self.trained_model

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{REST_PATH}"

    def start(self) -> None:
        env = quiet_environment()
        env.update(self.extra_env)
        server = Server(
            "stock Rasa server",
            [
                str(VENV_BIN / "rasa"), "run",
                "--model", str(self.model),
                "--endpoints", str(self.project / "endpoints.yml"),
                "--credentials", str(self.project / "credentials.yml"),
                "--port", str(self.port),
            ],
            env,
            f"http://127.0.0.1:{self.port}/webhooks/rest/",
            self.workdir / "rasa.log",
        )
        self.servers = [server.start()]
        try:
            server.wait_until_ready(timeout=STOCK_STARTUP_TIMEOUT_SECONDS)
        except Exception:
            self.stop()
            raise

    def processes(self) -> Dict[str, int]:
        return {"Rasa server": self.servers[0].process.pid} if self.servers else {}


RATE_LIMITS_OFF = {"MLIS_ADVISOR_RATE_PER_SENDER": "0", "MLIS_ADVISOR_RATE_PER_ADDRESS": "0"}


class AdvisorBot(Bot):
    """This project, started through the launcher on free ports."""

    key = "advisor"

    def __init__(
        self, workdir: Path, extra_env: Optional[Dict[str, str]] = None, endpoints: Optional[Path] = None
    ) -> None:
        # The per-conversation rate limit (60 messages a minute) would refuse the scripted senders, which
        # send as fast as they are answered; the stock bot has none, so neither bot is limited here.
        super().__init__(workdir, {**RATE_LIMITS_OFF, **(extra_env or {})})
        settings = Settings(
            rasa_port=free_port(),
            action_port=free_port(),
            tracker_db=self.workdir / "conversations.db",
            log_dir=self.workdir,
            extra_env=self.extra_env,
        )
        self.settings = replace(settings, endpoints=endpoints) if endpoints else settings

    def train(self) -> TimedRun:
        run = run_timed(
            [
                str(VENV_BIN / "rasa"), "train", "--force",
                "--config", "config.yml", "--domain", "rasa_project/domain", "--data", "rasa_project/data",
                "--out", str(self.workdir / "models"), "--fixed-model-name", "advisor",
            ],
            cwd=ROOT,
            env=training_environment(self.workdir / "cache", self.extra_env),
            log=self.workdir / "train.log",
            timeout=TRAINING_TIMEOUT_SECONDS,
        )
        if run.returncode != 0:
            raise RuntimeError(f"training the advisor failed; see {self.workdir / 'train.log'}")
        return run

    @property
    def model(self) -> Path:
        return self.settings.model

    @property
    def url(self) -> str:
        return f"{self.settings.rasa_url}{REST_PATH}"

    def start(self) -> None:
        if not self.model.exists():
            raise RuntimeError(f"no trained model at {self.model}: run `make train` first")
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.servers = start_all(self.settings)

    def processes(self) -> Dict[str, int]:
        # The launcher names its servers "action server" and "Rasa server".
        return {server.name: server.process.pid for server in self.servers if server.process is not None}
