"""One process asking the shared rate limiter to admit many messages of one sender at once.

Run by ``test_shared_rate_limits.py`` in several processes together against a real
Redis: ``python -m tests.scale.rate_worker REDIS_URL SENDER PER_MINUTE MESSAGES``.
Waits for the file named by ``$START_AT`` to appear, so the processes start together,
then sends its messages in small concurrent batches (so that the processes' requests
interleave) and prints how many were admitted.
"""
from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

from rasa_project.channels.limits import RateLimiter, TurnLimits
from rasa_project.channels.shared_limits import SharedTurnLimits

BATCH = 8


async def main(url: str, sender: str, per_minute: int, messages: int) -> int:
    limits = SharedTurnLimits(url, TurnLimits(RateLimiter(per_minute), RateLimiter(0)))
    start = Path(os.environ["START_AT"])
    while not start.exists():
        time.sleep(0.01)
    admitted = 0
    for _ in range(0, messages, BATCH):
        answers = await asyncio.gather(*(limits.admit(sender, "10.0.0.1") for _ in range(BATCH)))
        admitted += sum(answer is None for answer in answers)
        await asyncio.sleep(0.02)
    return admitted


if __name__ == "__main__":
    url, sender, per_minute, messages = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    print(asyncio.run(main(url, sender, per_minute, messages)))
