"""One process taking a conversation's lock many times, as a Rasa replica does for each turn.

Run by ``test_lock_store.py`` in several processes at once against a real Redis:
``python -m tests.scale.lock_worker TYPE CONVERSATION TURNS TASKS TURN_TIMEOUT``
with the lock store built by Rasa's own factory from ``REDIS_*`` variables.
Inside the lock each turn does a read-modify-write of a Redis counter with a
pause in the middle, like a turn reading and saving its tracker; a second
holder at the same time shows up as a lost increment and as ``overlaps``. A
turn still waiting for the lock after TURN_TIMEOUT seconds counts as ``stuck``
(its ticket was lost). Prints a JSON summary.
"""
from __future__ import annotations

import asyncio
import json
import os
import sys

from rasa.core.lock_store import LockError, LockStore
from rasa.utils.endpoints import EndpointConfig


async def take_turns(store: LockStore, redis_client, conversation: str, turns: int, timeout: float) -> dict:  # type: ignore[no-untyped-def]
    counter, inside = f"test:{conversation}:counter", f"test:{conversation}:inside"
    tally = {"done": 0, "overlaps": 0, "lock_errors": 0, "stuck": 0}

    async def turn() -> None:
        async with store.lock(conversation, lock_lifetime=timeout * 2, wait_time_in_seconds=0.005):
            if redis_client.incr(inside) != 1:
                tally["overlaps"] += 1
            value = int(redis_client.get(counter) or 0)
            await asyncio.sleep(0.002)
            redis_client.set(counter, value + 1)
            redis_client.decr(inside)
            tally["done"] += 1

    for _ in range(turns):
        try:
            await asyncio.wait_for(turn(), timeout)
        except LockError:
            tally["lock_errors"] += 1
        except asyncio.TimeoutError:
            tally["stuck"] += 1
    return tally


async def main(store_type: str, conversation: str, turns: int, tasks: int, timeout: float) -> dict:
    import redis

    env = os.environ
    config = EndpointConfig(
        url=env["REDIS_HOST"], type=store_type, port=env["REDIS_PORT"], db=env["REDIS_DB"], password=env["REDIS_PASSWORD"]
    )
    store = LockStore.create(config)
    client = redis.Redis(host=env["REDIS_HOST"], port=int(env["REDIS_PORT"]), db=int(env["REDIS_DB"]),
                         password=env["REDIS_PASSWORD"])
    results = await asyncio.gather(*(take_turns(store, client, conversation, turns, timeout) for _ in range(tasks)))
    return {key: sum(result[key] for result in results) for key in results[0]}


if __name__ == "__main__":
    store_type, conversation = sys.argv[1], sys.argv[2]
    turns, tasks, timeout = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    print(json.dumps(asyncio.run(main(store_type, conversation, turns, tasks, timeout))))
