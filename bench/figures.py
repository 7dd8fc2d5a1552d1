"""Turn a run's measurements into the rows of the side-by-side table, with issue 6's targets."""
from __future__ import annotations

from typing import Dict, List, Optional

from bench.report import Row, Target
from bench.runner import Measurements

# Issue 6: p95 at 1 user at most 1.5x the stock bot's; throughput at 8 users at least the stock bot's.
LATENCY_TARGET = (1, Target("<=", 1.5))
THROUGHPUT_TARGET = (8, Target(">=", 1.0))


def _get(table: Dict[str, object], key: str, attribute: str) -> Optional[float]:
    item = table.get(key)
    return None if item is None else float(getattr(item, attribute))


def training_rows(found: Measurements) -> List[Row]:
    """Training wall time and peak memory, and the size of the model each bot is served from."""
    rows: List[Row] = []
    if found.training:
        rows.append(Row("training time (s)", _get(found.training, "stock", "seconds"), _get(found.training, "advisor", "seconds")))
        rows.append(Row("training peak RSS (MiB)", _get(found.training, "stock", "peak_rss_mib"),
                        _get(found.training, "advisor", "peak_rss_mib"), decimals=0))
    if found.model_mib:
        rows.append(Row("model archive (MiB)", found.model_mib.get("stock"), found.model_mib.get("advisor")))
    return rows


def startup_rows(found: Measurements) -> List[Row]:
    """Seconds from start to servers ready and to the first answer."""
    if not found.startup:
        return []
    return [
        Row("start → servers ready (s)", _get(found.startup, "stock", "ready_seconds"),
            _get(found.startup, "advisor", "ready_seconds")),
        Row("start → first answer (s)", _get(found.startup, "stock", "first_answer_seconds"),
            _get(found.startup, "advisor", "first_answer_seconds")),
    ]


def memory_rows(found: Measurements) -> List[Row]:
    """Peak resident memory of each server process and of all of a bot's processes together."""
    if not found.memory_mib:
        return []
    stock, advisor = found.memory_mib.get("stock", {}), found.memory_mib.get("advisor", {})
    roles = sorted(set(stock) | set(advisor), key=lambda role: (role != "Rasa server", role))
    rows = [Row(f"peak RSS, {role} (MiB)", stock.get(role), advisor.get(role), decimals=0) for role in roles]
    rows.append(Row("peak RSS, all server processes (MiB)", sum(stock.values()) or None,
                    sum(advisor.values()) or None, decimals=0))
    return rows


def load_rows(found: Measurements) -> List[Row]:
    """Per level of users: throughput, p50/p95/p99 latency and failed requests."""
    stock, advisor = found.load.get("stock", {}), found.load.get("advisor", {})
    rows: List[Row] = []
    for users in sorted(set(stock) | set(advisor)):
        def pick(attribute: str, bot: Dict[int, object]) -> Optional[float]:
            return None if users not in bot else float(getattr(bot[users], attribute))

        label = f"{users} user{'s' if users > 1 else ''}"
        rows += [
            Row(f"{label}: throughput (answers/s)", pick("throughput", stock), pick("throughput", advisor),
                target=THROUGHPUT_TARGET[1] if users == THROUGHPUT_TARGET[0] else None),
            Row(f"{label}: p50 latency (ms)", pick("p50_ms", stock), pick("p50_ms", advisor), decimals=0),
            Row(f"{label}: p95 latency (ms)", pick("p95_ms", stock), pick("p95_ms", advisor), decimals=0,
                target=LATENCY_TARGET[1] if users == LATENCY_TARGET[0] else None),
            Row(f"{label}: p99 latency (ms)", pick("p99_ms", stock), pick("p99_ms", advisor), decimals=0),
            Row(f"{label}: requests sent", pick("requests", stock), pick("requests", advisor), decimals=0),
            Row(f"{label}: failed requests", pick("failures", stock), pick("failures", advisor), decimals=0),
        ]
    return rows


# Issue 14: turns 280-300 of one conversation at most 1.2x as slow as its turns 0-20. The
# bound is on each bot's own ratio (shown in the stock and advisor columns), not on advisor / stock.
LONG_GROWTH_BOUND = 1.2


def long_rows(found: Measurements) -> List[Row]:
    """The long conversation: medians early and late, each bot's growth, throughput with deep senders."""
    if not found.long:
        return []

    def pick(attribute: str, bot: str) -> Optional[float]:
        return _get(found.long, bot, attribute)

    def both(label: str, attribute: str, decimals: int = 1) -> Row:
        return Row(label, pick(attribute, "stock"), pick(attribute, "advisor"), decimals=decimals)

    return [
        both("300-turn conversation: median latency, turns 0-20 (ms)", "early_ms", 0),
        both("300-turn conversation: median latency, turns 280-300 (ms)", "late_ms", 0),
        both(f"300-turn conversation: turns 280-300 / turns 0-20 (bound {LONG_GROWTH_BOUND:g} each)", "growth", 2),
        both("8 users, 4 of them 300 turns deep: throughput (answers/s)", "deep_throughput"),
        both("8 users, 4 of them 300 turns deep: p50, deep senders (ms)", "deep_p50_ms", 0),
        both("8 users, 4 of them 300 turns deep: p50, new senders (ms)", "short_p50_ms", 0),
        both("300-turn conversation: failed requests", "failures", 0),
        both("8 users, 4 of them 300 turns deep: failed requests", "deep_failures", 0),
    ]


def all_rows(found: Measurements) -> List[Row]:
    """Every row the run measured, in reading order."""
    return training_rows(found) + startup_rows(found) + memory_rows(found) + load_rows(found) + long_rows(found)
