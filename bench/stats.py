"""Latency percentiles and throughput of one load run, from raw per-request numbers."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values``, interpolating linearly between ranks.

    Same definition as numpy's default (``method="linear"``), so a reader can check a figure.

    Args:
        values: the samples, in any order; at least one.
        q: the percentile, from 0 to 100.

    Returns:
        The interpolated value.
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0..100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class LoadSummary:
    """What one bot did at one level of concurrency."""

    users: int
    requests: int
    failures: int
    seconds: float
    throughput: float
    p50_ms: float
    p95_ms: float
    p99_ms: float


def summarise(users: int, latencies: Sequence[float], failures: int, seconds: float) -> LoadSummary:
    """Throughput (answered requests per second of wall time) and latency percentiles in ms.

    Args:
        users: how many simulated users ran at once.
        latencies: seconds per answered request (failed ones included: a slow failure is still slow).
        failures: requests that got an error status, no reply, or no answer at all.
        seconds: wall time of the run, from the first request sent to the last reply received.

    Returns:
        The summary; percentiles are NaN when nothing was sent.
    """
    answered = len(latencies) - failures
    if not latencies:
        nan = float("nan")
        return LoadSummary(users, 0, failures, seconds, 0.0, nan, nan, nan)
    return LoadSummary(
        users=users,
        requests=len(latencies),
        failures=failures,
        seconds=seconds,
        throughput=answered / seconds if seconds > 0 else 0.0,
        p50_ms=percentile(latencies, 50) * 1000,
        p95_ms=percentile(latencies, 95) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
    )
