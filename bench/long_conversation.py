"""The long-conversation scenario: does a turn cost more when the conversation is 300 turns deep?

For each bot, one after the other:

1. **one sender, 300 turns** in a row, cycling the bot's ordinary questions
   (``long_conversation`` in ``conversations.yml``); every turn's latency is kept, and the
   median of turns 280-300 is compared with the median of turns 0-20 of the same bot;
2. three more senders grow to the same depth (three users at once; not measured);
3. **8 users at once, 4 of them 300 turns deep**: the four deep senders go on with their
   conversations while four users hold the usual short conversations as new senders
   (``bench/load.py``); throughput counts every answered request.

A stock ``rasa init`` bot pays for the length of a conversation too (its tracker store
reads every event of the session and its policies featurise them): its own ratio is
printed beside the advisor's.
"""
from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Sequence

import aiohttp
import yaml

from bench.load import CONVERSATIONS_FILE, REQUEST_TIMEOUT_SECONDS, LoadResult, _user, answered, conversations

DEPTH = 300
EARLY = (0, 20)
LATE = (280, 300)
DEEP_SENDERS = 4
USERS = 8


def long_script(bot: str, path: Path = CONVERSATIONS_FILE) -> List[str]:
    """The questions ``bot`` is asked in turn, over and over, in its long conversation."""
    scripts = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("long_conversation", {})
    messages = scripts.get(bot)
    if not messages or not all(isinstance(m, str) for m in messages):
        raise ValueError(f"{path}: long_conversation.{bot} needs a list of messages")
    return list(messages)


def median_ms(latencies: Sequence[float], window: "tuple[int, int]") -> float:
    """Median latency in ms of turns ``window[0]`` (included) to ``window[1]`` (excluded)."""
    chosen = latencies[window[0]:window[1]]
    if not chosen:
        raise ValueError(f"no turns in {window} of {len(latencies)}")
    return statistics.median(chosen) * 1000


@dataclass
class LongConversation:
    """What one bot did in the scenario."""

    latencies: List[float] = field(default_factory=list)  # turn by turn, of the single sender
    failures: int = 0
    early_ms: float = float("nan")
    late_ms: float = float("nan")
    growth: float = float("nan")  # late / early
    deep_throughput: float = float("nan")  # answers/s at 8 users, 4 of them deep
    deep_p50_ms: float = float("nan")  # the deep senders' turns in that run
    short_p50_ms: float = float("nan")  # the new senders' turns in that run
    deep_failures: int = 0


async def _say(session: aiohttp.ClientSession, url: str, sender: str, message: str) -> "tuple[float, bool]":
    started = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": message}) as reply:
            ok = answered(reply.status, await reply.json(content_type=None))
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        ok = False
    return time.perf_counter() - started, ok


async def _grow(session: aiohttp.ClientSession, url: str, sender: str, script: Sequence[str], turns: int,
                start: int = 0) -> LoadResult:
    result = LoadResult()
    for turn in range(start, start + turns):
        seconds, ok = await _say(session, url, sender, script[turn % len(script)])
        result.latencies.append(seconds)
        result.failures += 0 if ok else 1
    return result


async def _deep_user(session: aiohttp.ClientSession, url: str, sender: str, script: Sequence[str],
                     deadline: float, result: LoadResult) -> None:
    turn = DEPTH
    while time.monotonic() < deadline:
        seconds, ok = await _say(session, url, sender, script[turn % len(script)])
        result.latencies.append(seconds)
        result.failures += 0 if ok else 1
        turn += 1


async def run_long(url: str, bot: str, seconds: float, sender_prefix: str) -> LongConversation:
    """The whole scenario against one bot's REST webhook."""
    script = long_script(bot)
    found = LongConversation()
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=USERS), timeout=timeout) as session:
        senders = [f"{sender_prefix}-deep{i}" for i in range(DEEP_SENDERS)]
        first = await _grow(session, url, senders[0], script, DEPTH)
        found.latencies, found.failures = first.latencies, first.failures
        await asyncio.gather(*(_grow(session, url, sender, script, DEPTH) for sender in senders[1:]))

        deep, short = LoadResult(), LoadResult()
        started = time.monotonic()
        deadline = started + seconds
        budget = {"left": 10 ** 9}
        short_scripts = conversations(bot)
        await asyncio.gather(
            *(_deep_user(session, url, sender, script, deadline, deep) for sender in senders),
            *(_user(session, url, short_scripts, f"{sender_prefix}-short{i}", i, deadline, budget, short)
              for i in range(USERS - DEEP_SENDERS)),
        )
        elapsed = time.monotonic() - started
    found.early_ms, found.late_ms = median_ms(found.latencies, EARLY), median_ms(found.latencies, LATE)
    found.growth = found.late_ms / found.early_ms
    answered_requests = len(deep.latencies) - deep.failures + len(short.latencies) - short.failures
    found.deep_throughput = answered_requests / elapsed
    found.deep_p50_ms = statistics.median(deep.latencies) * 1000 if deep.latencies else float("nan")
    found.short_p50_ms = statistics.median(short.latencies) * 1000 if short.latencies else float("nan")
    found.deep_failures = deep.failures + short.failures
    return found


def run(url: str, bot: str, seconds: float, sender_prefix: str) -> LongConversation:
    """``run_long`` from synchronous code."""
    return asyncio.run(run_long(url, bot, seconds, sender_prefix))


def summary_line(bot: str, found: LongConversation) -> str:
    """One line for the log: the two medians and their ratio."""
    return (f"{bot}: median {found.early_ms:.0f} ms at turns 0-20, {found.late_ms:.0f} ms at turns 280-300 "
            f"({found.growth:.2f}x); 8 users with 4 deep: {found.deep_throughput:.1f} answers/s")

