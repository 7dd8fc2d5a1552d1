"""``python -m bench.variants [FILE] [--users 1,8] [--seconds 4] [--rounds 8]``: tuning experiments.

Starts the stock bot and every advisor variant of ``FILE`` (default
bench/experiments/variants.yml) at once, then loads them in turn, in short rounds
whose order flips every round, so that a noisy neighbour slows every variant alike.
Prints, per level of users, each variant's throughput and latency and its ratio to
the stock bot measured in the same rounds; then start-up and peak memory.
"""
from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from bench.bots import AdvisorBot, Bot, StockBot, free_port
from bench.load import LoadResult, conversations, run_load
from bench.options import user_levels
from bench.procs import peak_rss_mib
from bench.runner import start_and_time, tidy, warm_up
from bench.stats import summarise
from rasa_project.launcher import ROOT

VARIANTS_FILE = ROOT / "bench" / "experiments" / "variants.yml"
EXPERIMENTS_DIR = ROOT / "bench" / "experiments"


def start_redis(workdir: Path) -> "tuple[subprocess.Popen, int]":
    """A throw-away redis-server on a free loopback port, without persistence."""
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    return process, port


def advisor_variant(name: str, spec: Dict, workdir: Path, redis_port: Optional[int]) -> AdvisorBot:
    """An advisor started with the variant's environment, patches and endpoints."""
    env = {str(k): str(v) for k, v in (spec.get("env") or {}).items()}
    if spec.get("patches"):
        env["PYTHONPATH"] = f"{EXPERIMENTS_DIR}:{ROOT}"
    if spec.get("redis"):
        env["BENCH_REDIS_PORT"] = str(redis_port)
    endpoints = ROOT / spec["endpoints"] if spec.get("endpoints") else None
    return AdvisorBot(workdir / name, env, endpoints)


def main(argv: Optional[List[str]] = None) -> int:
    """Run the variants and print their figures beside the stock bot's."""
    parser = argparse.ArgumentParser(prog="python -m bench.variants", description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=VARIANTS_FILE)
    parser.add_argument("--users", type=user_levels, default=(1, 8, 32))
    parser.add_argument("--seconds", type=float, default=4.0, help="seconds per bot and round")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--stock-model", type=Path, help="serve this stock model instead of training one")
    parser.add_argument("--only", help="comma-separated variant names to run (default: all)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)

    specs: Dict[str, Dict] = yaml.safe_load(args.file.read_text(encoding="utf-8")) or {}
    if args.only:
        specs = {name: specs[name] for name in args.only.split(",")}
    workdir = ROOT / "results" / "bench" / f"variants-{time.strftime('%Y%m%d-%H%M%S')}"
    workdir.mkdir(parents=True, exist_ok=True)
    redis = None
    redis_port = None
    if any(spec.get("redis") for spec in specs.values()):
        redis, redis_port = start_redis(workdir)
    stock = StockBot(workdir)
    bots: Dict[str, Bot] = {"stock": stock}
    bots.update({name: advisor_variant(name, spec or {}, workdir, redis_port) for name, spec in specs.items()})
    try:
        if args.stock_model:
            stock.trained_model = args.stock_model
        else:
            print("training the stock bot ...", flush=True)
            stock.train()
        startups = {}
        for name, bot in bots.items():
            startups[name] = start_and_time(bot, conversations(bot.key)[0][0])
            warm_up(bot, workdir / f"transcript-{name}.txt")
        names = list(bots)
        for users in args.users:
            results = {name: LoadResult() for name in names}
            for round_number in range(args.rounds):
                for name in names if round_number % 2 == 0 else names[::-1]:
                    bot = bots[name]
                    run = asyncio.run(run_load(bot.url, conversations(bot.key), users, args.seconds, 100000,
                                               f"variants-{round_number}-{name}-{time.monotonic_ns()}"))
                    results[name] = results[name].merge(run)
            base = summarise(users, results["stock"].latencies, results["stock"].failures, results["stock"].seconds)
            for name in names:
                s = summarise(users, results[name].latencies, results[name].failures, results[name].seconds)
                print(f"{users:3d} users  {name:32s} {s.throughput:6.1f}/s ({s.throughput / base.throughput:4.2f}x)"
                      f"  p50 {s.p50_ms:6.0f} ms ({s.p50_ms / base.p50_ms:4.2f}x)"
                      f"  p95 {s.p95_ms:6.0f} ms ({s.p95_ms / base.p95_ms:4.2f}x)"
                      f"  p99 {s.p99_ms:6.0f} ms  failed {s.failures}/{s.requests}", flush=True)
        for name, bot in bots.items():
            memory = {role: round(peak_rss_mib(pid)) for role, pid in bot.processes().items()}
            print(f"{name:32s} first answer {startups[name].first_answer_seconds:5.1f} s  peak RSS MiB {memory}")
    finally:
        for bot in bots.values():
            bot.stop()
        if redis is not None:
            redis.terminate()
            redis.wait(10)
        tidy(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
