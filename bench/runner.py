"""One benchmark run: both bots trained, started, loaded and measured side by side.

Order of a full run (each step for both bots before the next step):

1. training: ``rasa train --force`` of each bot, one after the other;
2. start-up: each bot's servers started (one bot at a time), time to ready and to
   the first answer;
3. warm-up: each scripted conversation once per bot (not measured; transcripts saved);
4. load: for each level of users, the bots take turns in the order ABBA (then BAAB
   for the next level), each half of the time, so drift in the machine's load hits
   both alike;
5. long conversation: each bot in turn, 300 turns of one sender and 8 users of whom
   4 are 300 turns deep (``bench/long_conversation.py``);
6. memory: peak resident memory of every server process, read after the load.
"""
from __future__ import annotations

import asyncio
import json
import shutil
import time
import urllib.request
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Dict, List

from bench.bots import AdvisorBot, Bot, StockBot
from bench import long_conversation
from bench.load import LoadResult, answered, conversations, run_load
from bench.options import Options
from bench.procs import TimedRun, peak_rss_mib
from bench.stats import LoadSummary, summarise

FIRST_ANSWER_TIMEOUT_SECONDS = 120.0
MIB = 1024 * 1024


@dataclass(frozen=True)
class Startup:
    """Seconds from starting the servers until they pass their health checks, and until the first answer."""

    ready_seconds: float
    first_answer_seconds: float


@dataclass
class Measurements:
    """Everything measured in one run, by bot key (``stock``, ``advisor``)."""

    training: Dict[str, TimedRun] = field(default_factory=dict)
    model_mib: Dict[str, float] = field(default_factory=dict)
    startup: Dict[str, Startup] = field(default_factory=dict)
    memory_mib: Dict[str, Dict[str, float]] = field(default_factory=dict)
    load: Dict[str, Dict[int, LoadSummary]] = field(default_factory=dict)
    long: Dict[str, long_conversation.LongConversation] = field(default_factory=dict)
    context: Dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        """The measurements as JSON (for results/ and for comparing runs)."""
        return json.dumps(asdict(self), indent=2, default=str)


def say(url: str, sender: str, message: str, timeout: float = FIRST_ANSWER_TIMEOUT_SECONDS,
        required: bool = True) -> List[dict]:
    """One message over REST; the bot's messages, or (when ``required``) an error when there is no answer."""
    request = urllib.request.Request(
        url,
        data=json.dumps({"sender": sender, "message": message}).encode("utf-8"),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        status, body = reply.status, json.loads(reply.read() or b"null")
    if not answered(status, body):
        if not required:
            return []
        raise RuntimeError(f"no answer from {url} to {message!r}: {status} {body!r}")
    return body


def start_and_time(bot: Bot, first_message: str) -> Startup:
    """Start ``bot`` and time it to ready and to its first answer (what a user of ``make run`` waits)."""
    started = time.monotonic()
    bot.start()
    ready = time.monotonic() - started
    say(bot.url, f"bench-first-{uuid.uuid4().hex[:8]}", first_message)
    return Startup(ready, time.monotonic() - started)


def warm_up(bot: Bot, transcript: Path) -> None:
    """Hold each scripted conversation once and write what the bot said, for a reader to check."""
    lines: List[str] = []
    for number, script in enumerate(conversations(bot.key)):
        sender = f"bench-warmup-{number}-{uuid.uuid4().hex[:8]}"
        for message in script:
            lines.append(f"> {message}")
            # A turn the bot leaves unanswered (the stock bot's unseeded TED sometimes does) is
            # recorded for the reader, not fatal: the load phase counts it as a failed request.
            replies = say(bot.url, sender, message, required=False)
            lines.extend([f"  {m.get('text', '')}" for m in replies] or ["  (no answer)"])
        lines.append("")
    transcript.parent.mkdir(parents=True, exist_ok=True)
    transcript.write_text("\n".join(lines), encoding="utf-8")


def load_level(bots: List[Bot], users: int, level_index: int, options: Options, run_id: str) -> Dict[str, LoadSummary]:
    """Both bots at ``users`` concurrent users, in ABBA order, each half of the time twice."""
    first, second = bots if level_index % 2 == 0 else bots[::-1]
    results: Dict[str, LoadResult] = {bot.key: LoadResult() for bot in bots}
    for half, bot in enumerate([first, second, second, first]):
        run = asyncio.run(
            run_load(
                bot.url,
                conversations(bot.key),
                users,
                options.seconds_per_bot / 2,
                max(1, options.max_requests // 2),
                f"bench-{run_id}-{bot.key}-{users}u-{half}",
            )
        )
        results[bot.key] = results[bot.key].merge(run)
    return {key: summarise(users, r.latencies, r.failures, r.seconds) for key, r in results.items()}


def memory_of(bot: Bot) -> Dict[str, float]:
    """Peak resident memory (MiB) of each of the bot's server processes, children included."""
    return {role: peak_rss_mib(pid) for role, pid in bot.processes().items()}


def measure(options: Options, workdir: Path, log: Callable[[str], None] = print) -> Measurements:
    """Run the parts of the benchmark that ``options`` names and return the figures.

    Models, training caches, server logs and transcripts go to ``workdir``; the bulky
    ones are removed at the end unless ``options.keep``.
    """
    run_id = uuid.uuid4().hex[:6]
    stock = StockBot(workdir, options.env)
    advisor = AdvisorBot(workdir, options.advisor_env, options.advisor_endpoints)
    bots: List[Bot] = [stock, advisor]
    found = Measurements()
    serving = bool(options.parts & {"startup", "memory", "load", "long"})
    try:
        # The stock bot needs a model to be served: trained here unless one is given.
        stock.trained_model = options.stock_model
        if "training" in options.parts or (serving and options.stock_model is None):
            log("training the stock bot ...")
            found.training["stock"] = stock.train()
        if "training" in options.parts:
            log("training the advisor (into the work folder, not models/) ...")
            found.training["advisor"] = advisor.train()
        if serving:
            for bot in bots:
                log(f"starting the {bot.key} bot ...")
                found.model_mib[bot.key] = bot.model.stat().st_size / MIB
                found.startup[bot.key] = start_and_time(bot, conversations(bot.key)[0][0])
            for bot in bots:
                warm_up(bot, workdir / f"transcript-{bot.key}.txt")
        if "load" in options.parts:
            for index, users in enumerate(options.users):
                log(f"load: {users} users, {options.seconds_per_bot:g} s per bot ...")
                for key, summary in load_level(bots, users, index, options, run_id).items():
                    found.load.setdefault(key, {})[users] = summary
        if "long" in options.parts:
            for bot in bots:
                log(f"long conversation: {bot.key}, {long_conversation.DEPTH} turns, then "
                    f"{long_conversation.USERS} users for {options.seconds_per_bot:g} s ...")
                found.long[bot.key] = long_conversation.run(bot.url, bot.key, options.seconds_per_bot,
                                                            f"bench-{run_id}-{bot.key}-long")
                log(long_conversation.summary_line(bot.key, found.long[bot.key]))
        if serving:
            found.memory_mib = {bot.key: memory_of(bot) for bot in bots}
    finally:
        for bot in bots:
            bot.stop()
        if not options.keep:
            tidy(workdir)
    return found


def tidy(workdir: Path) -> None:
    """Drop what is big and not worth keeping (models, training caches, databases); keep logs and transcripts."""
    for bulky in [*workdir.glob("*/models"), *workdir.glob("*/cache"), *workdir.glob("*/project")]:
        shutil.rmtree(bulky, ignore_errors=True)
    for database in workdir.rglob("*.db"):
        database.unlink(missing_ok=True)
