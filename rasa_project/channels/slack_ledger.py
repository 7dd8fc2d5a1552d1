"""Which Slack deliveries were already taken, so that a retried event is answered once.

Slack sends an event again when it doubts the first delivery arrived, with or
without a retry header (RasaHQ/rasa #3882). A delivery is claimed by every
identity it has (event id, channel and message ``ts``...): in this process's
memory for one Rasa server, or in Redis (``$SLACK_DEDUPE_REDIS_URL``) so that
replicas behind a load balancer share the claims.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence, Text
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from rasa_project.settings import Settings

logger = logging.getLogger(__name__)

# Slack retries after about 0 s, 1 min and 5 min; an hour outlives all of them.
DEFAULT_DEDUPE_TTL_SECONDS = 3600.0
DEFAULT_DEDUPE_MAX_ENTRIES = 100_000
DEDUPE_KEY_PREFIX = "mlis-advisor:slack:"


class DeliveryLedger:
    """Which Slack deliveries were already taken, remembered for ``ttl_seconds``.

    In-process and bounded: the oldest entries go first once ``max_entries`` is
    reached. Enough for one Rasa process; ``RedisDeliveryLedger`` shares it.
    """

    def __init__(
        self,
        ttl_seconds: float = DEFAULT_DEDUPE_TTL_SECONDS,
        max_entries: int = DEFAULT_DEDUPE_MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self.clock = clock
        self._expiry: "OrderedDict[str, float]" = OrderedDict()

    def size(self) -> int:
        """How many deliveries are remembered now."""
        return len(self._expiry)

    def where(self) -> Text:
        """Where claims are kept, for the start-up log line."""
        return f"in this process for {self.ttl_seconds:.0f}s"

    def _forget_expired(self, now: float) -> None:
        # Every entry lives equally long, so insertion order is expiry order.
        while self._expiry and (next(iter(self._expiry.values())) <= now or len(self._expiry) > self.max_entries):
            self._expiry.popitem(last=False)

    def claim_here(self, keys: Iterable[Text]) -> bool:
        """Mark ``keys`` as taken in this process; ``True`` only if none was taken before."""
        now = self.clock()
        self._forget_expired(now)
        fresh = True
        for key in keys:
            if key in self._expiry:
                fresh = False
            else:
                self._expiry[key] = now + self.ttl_seconds
        self._forget_expired(now)
        return fresh

    async def claim(self, keys: Sequence[Text]) -> bool:
        """Mark ``keys`` as taken; ``True`` only if none of them was taken before.

        Args:
            keys: every identity of one delivery (event id, channel and message ts...).

        Returns:
            ``True`` when the delivery is new and must be answered.
        """
        return self.claim_here(keys)


class RedisDeliveryLedger(DeliveryLedger):
    """The ledger shared by every replica through Redis (``SET key NX EX ttl``).

    While Redis cannot be reached, claims fall back to this process's memory and
    an error is logged: a user may then, at worst, get a duplicate from another
    replica, but is never left without an answer.
    """

    def __init__(self, url: Text, ttl_seconds: float = DEFAULT_DEDUPE_TTL_SECONDS, **kwargs: Any) -> None:
        super().__init__(ttl_seconds, **kwargs)
        self.url = url
        self._client: Any = None

    def where(self) -> Text:
        address = urlsplit(self.url)
        return f"in Redis at {address.hostname}:{address.port} for {self.ttl_seconds:.0f}s"

    def _redis(self) -> Any:
        # Created on first use, inside the server's event loop.
        if self._client is None:
            import redis.asyncio

            self._client = redis.asyncio.Redis.from_url(self.url, socket_timeout=1.0, socket_connect_timeout=1.0)
        return self._client

    async def claim(self, keys: Sequence[Text]) -> bool:
        ttl = max(1, int(self.ttl_seconds))
        try:
            async with self._redis().pipeline(transaction=False) as pipe:
                for key in keys:
                    pipe.set(DEDUPE_KEY_PREFIX + key, "1", nx=True, ex=ttl)
                results = await pipe.execute()
        except Exception as error:  # noqa: BLE001 - any Redis failure: fall back, keep answering
            logger.error("Slack de-duplication store unreachable (%s); using this process's memory", error)
            return self.claim_here(keys)
        self.claim_here(keys)
        return all(bool(result) for result in results)


def ledger_for(settings: "Settings") -> DeliveryLedger:
    """The ledger the settings choose: Redis if ``$SLACK_DEDUPE_REDIS_URL`` is set, else this process's memory."""
    ttl = settings.slack_dedupe_ttl
    url = settings.slack_dedupe_redis_url
    return RedisDeliveryLedger(url, ttl) if url else DeliveryLedger(ttl)
