"""``python -m bench [--quick] [--only ...] [--users 1,8,32]``: measure and print the table."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import List, Optional

from bench import options as bench_options
from bench.figures import all_rows
from bench.report import render_markdown
from bench.runner import measure
from rasa_project.launcher import ROOT, quiet_environment


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: Optional[List[str]] = None) -> int:
    """Measure what the options ask, print the Markdown table, save it with the raw JSON."""
    options = bench_options.parse(sys.argv[1:] if argv is None else argv)
    os.environ.update({k: v for k, v in quiet_environment().items() if k not in os.environ})
    stamp = time.strftime("%Y-%m-%d %H:%M")
    workdir = (ROOT / options.results_dir / f"run-{time.strftime('%Y%m%d-%H%M%S')}").resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    load_before = _load_average()

    def log(line: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {line}", file=sys.stderr, flush=True)

    started = time.monotonic()
    found = measure(options, workdir, log)
    header = (
        f"Run {stamp}, commit {_commit()}, `{options.command}`; {os.cpu_count()} cores, "
        f"load average {load_before} before and {_load_average()} after; "
        f"{options.seconds_per_bot:g} s of load per bot and level (ABBA order); "
        f"{time.monotonic() - started:.0f} s in all."
    )
    table = render_markdown(all_rows(found))
    print(f"{header}\n\n{table}")
    found.context = {"header": header, "command": options.command}
    (workdir / "results.json").write_text(found.to_json(), encoding="utf-8")
    (workdir / "table.md").write_text(f"{header}\n\n{table}\n", encoding="utf-8")
    log(f"results, logs and transcripts in {workdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
