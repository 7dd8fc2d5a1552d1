"""How many messages one sender, and one client address, may send per minute (per Rasa process).

Defaults: 60 a minute per conversation (one a second, faster than anyone types)
and 120 a minute per client address, loopback exempt (``rasa_project.settings``).

Each user turn runs the model, may call the action server and grows the stored
conversation, so one anonymous client sending without pause would slow every
other user and grow the database without bound. The REST and socket.io channels
ask ``turn_limits()`` before a turn runs; a refused message gets a clear answer
(HTTP 429 with ``Retry-After`` on REST, a short notice on the chat page) and is
neither run nor stored.

The counts live in this process's memory, which is right for ``make run`` (one
Rasa process). Several replicas would each count their own share, so the scale
profile counts in Redis instead (``shared_limits``, chosen by
``$MLIS_ADVISOR_RATE_REDIS_URL``); nginx's ``limit_req`` adds a request rate per
client in front of them (rasa_project/deploy/nginx.conf).
"""
from __future__ import annotations

import json
import math
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Deque, FrozenSet, Optional, Text, Tuple, Union

from rasa_project.settings import current

if TYPE_CHECKING:
    from rasa_project.channels.shared_limits import SharedTurnLimits

WINDOW_SECONDS = 60.0
DEFAULT_MAX_KEYS = 100_000


def metadata_size(metadata: Any) -> int:
    """The size of a message's metadata as it is stored with the message (compact JSON, UTF-8 bytes)."""
    return len(json.dumps(metadata, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8"))


class RateLimiter:
    """At most ``per_minute`` events per key in any 60 s window, for at most ``max_keys`` keys at once."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = DEFAULT_MAX_KEYS) -> None:
        self.per_minute, self.clock, self.max_keys = per_minute, clock, max_keys
        self._seen: "OrderedDict[Text, Deque[float]]" = OrderedDict()

    def wait_needed(self, key: Text) -> float:
        """Seconds until ``key`` may send again (0: it may send now). Does not count anything."""
        times = self._seen.get(key)
        if not times or self.per_minute <= 0:
            return 0.0
        now = self.clock()
        while times and times[0] <= now - WINDOW_SECONDS:
            times.popleft()
        if len(times) < self.per_minute:
            return 0.0
        return times[0] + WINDOW_SECONDS - now

    def count(self, key: Text) -> None:
        if self.per_minute <= 0:
            return
        times = self._seen.get(key)
        if times is None:
            times = self._seen[key] = deque()
            if len(self._seen) > self.max_keys:
                self._seen.popitem(last=False)  # the longest-idle key
        self._seen.move_to_end(key)
        times.append(self.clock())

    def size(self) -> int:
        return len(self._seen)


@dataclass
class TurnLimits:
    """The per-sender and per-address limits every channel of this process shares."""

    per_sender: RateLimiter
    per_address: RateLimiter
    exempt_addresses: FrozenSet[Text] = frozenset()

    async def admit(self, sender_id: Text, address: Optional[Text]) -> Optional[Tuple[Text, int]]:
        """Count the message and return ``None`` if both limits allow it, else (reason, seconds to wait)."""
        checks = [("sender", self.per_sender, sender_id)]
        if address and address not in self.exempt_addresses:
            checks.append(("address", self.per_address, address))
        for what, limiter, key in checks:
            wait = limiter.wait_needed(key)
            if wait > 0:
                return refusal(what, limiter.per_minute), max(1, math.ceil(wait))
        for _, limiter, key in checks:
            limiter.count(key)
        return None


def refusal(what: Text, per_minute: int) -> Text:
    """Why a message over the ``what`` ("sender" or "address") limit was refused."""
    return (f"too many messages from this {'conversation' if what == 'sender' else 'address'} "
            f"(at most {per_minute} a minute)")


_limits: Optional[Union[TurnLimits, "SharedTurnLimits"]] = None


def turn_limits() -> Union[TurnLimits, "SharedTurnLimits"]:
    """The limits every channel of this process asks (``await turn_limits().admit(sender, address)``).

    Sized by ``MLIS_ADVISOR_RATE_PER_SENDER`` and ``MLIS_ADVISOR_RATE_PER_ADDRESS``; counted in
    Redis when ``MLIS_ADVISOR_RATE_REDIS_URL`` is set, else in this process.
    """
    global _limits
    if _limits is None:
        settings = current()
        local = TurnLimits(RateLimiter(settings.messages_per_minute_per_sender),
                           RateLimiter(settings.messages_per_minute_per_address),
                           frozenset(settings.rate_exempt_addresses.replace(",", " ").split()))
        if settings.rate_redis_url:
            from rasa_project.channels.shared_limits import SharedTurnLimits

            _limits = SharedTurnLimits(settings.rate_redis_url, local)
        else:
            _limits = local
    return _limits
