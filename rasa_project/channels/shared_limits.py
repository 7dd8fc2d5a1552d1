"""Message rates counted in Redis, so that every Rasa replica enforces one shared limit.

``limits.TurnLimits`` counts in the process's memory: with several replicas each
sees only its share of a sender's or an address's messages (a REST conversation
spread over replicas could send replicas × the rate). ``SharedTurnLimits`` keeps
the same sliding 60 s windows in Redis, one sorted set per sender and per client
address, and checks and counts both in one Lua script: atomic across replicas,
timed by the Redis server's clock (the replicas' clocks do not matter), and a
refused message is counted nowhere, as in the per-process limiter.

Chosen by ``$MLIS_ADVISOR_RATE_REDIS_URL`` (the scale profile sets it). If Redis
cannot be reached, the process counts on its own until it can (limits stay on,
per replica) rather than refusing or admitting everyone.
"""
from __future__ import annotations

import logging
import math
import uuid
from typing import Any, FrozenSet, List, Optional, Text, Tuple

from rasa_project.channels.limits import WINDOW_SECONDS, TurnLimits, refusal

logger = logging.getLogger(__name__)

KEY_PREFIX = "advisor:rate:"

# KEYS: one sorted set per limit. ARGV: window seconds, each key's limit, then this message's member.
# Returns {0, "0"} when admitted (and counted under every key), else {index of the key over its
# limit, seconds until its oldest message leaves the window}.
ADMIT_SCRIPT = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local window = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[i + 1]) then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return {i, tostring(tonumber(oldest[2]) + window - now)}
  end
end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[#KEYS + 2])
  redis.call('EXPIRE', key, math.ceil(window))
end
return {0, '0'}
"""


class SharedTurnLimits:
    """``TurnLimits`` (same rates, same answers) counted in Redis for every process that shares it."""

    def __init__(self, url: Text, local: TurnLimits, key_prefix: Text = KEY_PREFIX) -> None:
        self.url, self.local, self.key_prefix = url, local, key_prefix
        self._client: Any = None
        self._script: Any = None

    @property
    def exempt_addresses(self) -> FrozenSet[Text]:
        return self.local.exempt_addresses

    def _redis(self) -> Any:
        # Created on first use, inside the server's event loop.
        if self._client is None:
            import redis.asyncio

            self._client = redis.asyncio.Redis.from_url(self.url, socket_timeout=1.0, socket_connect_timeout=1.0)
            self._script = self._client.register_script(ADMIT_SCRIPT)
        return self._client

    async def admit(self, sender_id: Text, address: Optional[Text]) -> Optional[Tuple[Text, int]]:
        """Count the message and return ``None`` if both limits allow it, else (reason, seconds to wait)."""
        checks: List[Tuple[Text, int, Text]] = []
        if self.local.per_sender.per_minute > 0:
            checks.append(("sender", self.local.per_sender.per_minute, f"{self.key_prefix}sender:{sender_id}"))
        if address and address not in self.exempt_addresses and self.local.per_address.per_minute > 0:
            checks.append(("address", self.local.per_address.per_minute, f"{self.key_prefix}address:{address}"))
        if not checks:
            return None
        self._redis()
        try:
            over, wait = await self._script(
                keys=[key for _, _, key in checks],
                args=[WINDOW_SECONDS, *(limit for _, limit, _ in checks), uuid.uuid4().hex],
            )
        except Exception as error:  # noqa: BLE001 - any Redis failure: keep limiting, per process
            logger.error("rate limits in Redis unreachable (%s); counting in this process", error)
            return await self.local.admit(sender_id, address)
        if int(over) == 0:
            return None
        what, limit, _ = checks[int(over) - 1]
        return refusal(what, limit), max(1, math.ceil(float(wait)))
