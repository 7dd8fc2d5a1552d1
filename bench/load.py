"""Simulated users talking to a bot's REST channel at once, each timing every request.

Each user holds multi-turn conversations in a loop, as a new sender for every
conversation, and sends its next message only after the previous answer came
back (as a person does). A run stops by itself: at its deadline or after a fixed
number of requests, whichever comes first; a request in flight then finishes.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Sequence

import aiohttp
import yaml

CONVERSATIONS_FILE = Path(__file__).with_name("conversations.yml")
REQUEST_TIMEOUT_SECONDS = 60.0


def conversations(bot: str, path: Path = CONVERSATIONS_FILE) -> List[List[str]]:
    """The scripted conversations of ``bot`` (``stock`` or ``advisor``), from ``conversations.yml``."""
    scripts = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(bot)
    if not scripts or not all(isinstance(s, list) and s for s in scripts):
        raise ValueError(f"{path}: '{bot}' needs a list of conversations, each a non-empty list of messages")
    return [[str(message) for message in script] for script in scripts]


@dataclass
class LoadResult:
    """Raw numbers of one run: a latency per request sent and how many of them failed."""

    latencies: List[float] = field(default_factory=list)
    failures: int = 0
    seconds: float = 0.0

    def merge(self, other: "LoadResult") -> "LoadResult":
        """Both runs as one: samples joined, failures and wall time added."""
        return LoadResult(self.latencies + other.latencies, self.failures + other.failures, self.seconds + other.seconds)


def answered(status: int, body: Any) -> bool:
    """A request counts as answered when it got 200 and at least one bot message."""
    return status == 200 and isinstance(body, list) and len(body) > 0


async def _user(
    session: aiohttp.ClientSession,
    url: str,
    scripts: Sequence[Sequence[str]],
    name: str,
    first_script: int,
    deadline: float,
    budget: Dict[str, int],
    result: LoadResult,
) -> None:
    conversation = 0
    while True:
        script = scripts[(first_script + conversation) % len(scripts)]
        sender = f"{name}-c{conversation}"
        for message in script:
            if time.monotonic() >= deadline or budget["left"] <= 0:
                return
            budget["left"] -= 1
            started = time.perf_counter()
            try:
                async with session.post(url, json={"sender": sender, "message": message}) as reply:
                    body = await reply.json(content_type=None)
                    ok = answered(reply.status, body)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                ok = False
            result.latencies.append(time.perf_counter() - started)
            result.failures += 0 if ok else 1
        conversation += 1


async def run_load(
    url: str, scripts: Sequence[Sequence[str]], users: int, seconds: float, max_requests: int, sender_prefix: str
) -> LoadResult:
    """``users`` users talking to ``url`` at once for ``seconds`` (or ``max_requests`` requests in all).

    Args:
        url: the REST webhook.
        scripts: the conversations; user ``i`` starts with conversation ``i``.
        users: how many users talk at the same time.
        seconds: how long new requests are sent.
        max_requests: a hard bound on requests sent, whatever the duration.
        sender_prefix: start of every sender id, unique per run so no tracker is reused.

    Returns:
        Every request's latency, the failures, and the wall time until the last answer.
    """
    result = LoadResult()
    budget = {"left": max_requests}
    connector = aiohttp.TCPConnector(limit=users)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(
                _user(session, url, scripts, f"{sender_prefix}-u{i}", i, deadline, budget, result)
                for i in range(users)
            )
        )
        result.seconds = time.monotonic() - started
    return result
