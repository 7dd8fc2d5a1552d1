"""Command-line options of ``python -m bench``."""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, FrozenSet, Optional, Sequence, Tuple

PARTS = ("training", "startup", "memory", "load", "long")
FULL_SECONDS_PER_BOT = 40.0
QUICK_SECONDS_PER_BOT = 6.0


@dataclass(frozen=True)
class Options:
    """What to measure and how long."""

    parts: FrozenSet[str] = frozenset(PARTS)
    users: Tuple[int, ...] = (1, 8, 32)
    seconds_per_bot: float = FULL_SECONDS_PER_BOT
    max_requests: int = 20000
    env: Dict[str, str] = field(default_factory=dict)
    advisor_env: Dict[str, str] = field(default_factory=dict)
    advisor_endpoints: Optional[Path] = None
    stock_model: Optional[Path] = None
    results_dir: Path = Path("results/bench")
    keep: bool = False
    command: str = "python -m bench"


def _assignment(text: str) -> Tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def user_levels(text: str) -> Tuple[int, ...]:
    """``"1,8,32"`` as ``(1, 8, 32)``; every level at least one user."""
    levels = tuple(int(part) for part in text.split(",") if part.strip())
    if not levels or any(level < 1 for level in levels):
        raise argparse.ArgumentTypeError(f"expected positive numbers like 1,8,32, got {text!r}")
    return levels


def _parts(text: str) -> FrozenSet[str]:
    chosen = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = chosen - set(PARTS)
    if not chosen or unknown:
        raise argparse.ArgumentTypeError(f"choose among {', '.join(PARTS)}; got {text!r}")
    return chosen


def parse(argv: Sequence[str]) -> Options:
    """Options from the command line (``argv`` without the program name)."""
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Training time, start-up, memory and load of the advisor beside a stock `rasa init` bot.",
    )
    parser.add_argument("--quick", action="store_true",
                        help=f"smoke run: {QUICK_SECONDS_PER_BOT:g} s of load per bot and level "
                             f"instead of {FULL_SECONDS_PER_BOT:g} s")
    parser.add_argument("--only", type=_parts, default=frozenset(PARTS),
                        help=f"comma-separated parts to measure: {','.join(PARTS)} (default: all)")
    parser.add_argument("--users", type=user_levels, default=(1, 8, 32), help="concurrent users per level (default 1,8,32)")
    parser.add_argument("--seconds", type=float, help="seconds of load per bot and level (overrides --quick)")
    parser.add_argument("--max-requests", type=int, default=20000, help="hard bound on requests per bot and level")
    parser.add_argument("--env", action="append", type=_assignment, default=[], metavar="NAME=VALUE",
                        help="environment for both bots' servers and trainings (e.g. TF_INTRA_OP_PARALLELISM_THREADS=1)")
    parser.add_argument("--advisor-env", action="append", type=_assignment, default=[], metavar="NAME=VALUE",
                        help="environment for the advisor's servers only (e.g. SANIC_WORKERS=2)")
    parser.add_argument("--advisor-endpoints", type=Path, help="another endpoints.yml for the advisor (experiments)")
    parser.add_argument("--stock-model", type=Path,
                        help="serve this stock model instead of training one (tuning runs without 'training')")
    parser.add_argument("--results", type=Path, default=Path("results/bench"),
                        help="where the JSON results and server logs go (default results/bench)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (trained models, logs)")
    args = parser.parse_args(list(argv))
    seconds = args.seconds if args.seconds is not None else (QUICK_SECONDS_PER_BOT if args.quick else FULL_SECONDS_PER_BOT)
    return Options(
        parts=args.only,
        users=args.users,
        seconds_per_bot=seconds,
        max_requests=args.max_requests,
        env=dict(args.env),
        advisor_env={**dict(args.env), **dict(args.advisor_env)},
        advisor_endpoints=args.advisor_endpoints,
        stock_model=args.stock_model,
        results_dir=args.results,
        keep=args.keep,
        command=" ".join(["python -m bench", *argv]),
    )
