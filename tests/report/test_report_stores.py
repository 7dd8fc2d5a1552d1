"""The report on generated stores: 10,000 conversations in bounded memory, an empty store, an unreachable one."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Dict, List

import pytest

from rasa_project.launcher import ROOT, Settings
from rasa_project.report.__main__ import gather, write_report
from rasa_project.report.store import StoreUnavailable, configured_store
from tests.report.generated_store import create_events_table, fill
from tests.support.net import free_port

LARGE = 10_000
# Generous: the report keeps one conversation's events and capped counters. Loading 10,000
# trackers through Rasa would take several hundred MB; what the report holds is a few MB.
PEAK_MEMORY_BYTES = 40 * 1024 * 1024


def read_table(report: Path, name: str) -> List[Dict[str, str]]:
    with open(report.parent / report.stem / f"{name}.csv", newline="", encoding="utf-8") as table:
        return list(csv.DictReader(table))


def run_report(tracker_db: Path, out: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``make report`` as the maintainer runs it: the module, with the launcher's environment."""
    environment = {**os.environ, "TRACKER_DB": str(tracker_db), "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, "-m", "rasa_project.report", "--out", str(out), *args],
                          cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def large_store(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("large") / "conversations.db"
    return path, fill(path, LARGE)


def test_ten_thousand_conversations_are_counted_in_bounded_memory(large_store, tmp_path):
    path, expected = large_store
    store = configured_store(Settings(tracker_db=path))
    tracemalloc.start()
    started = time.monotonic()
    try:
        found = gather(store)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    seconds = time.monotonic() - started
    print(f"\n{LARGE} conversations: {seconds:.1f}s (under tracemalloc), peak {peak / 1e6:.1f} MB")
    assert peak < PEAK_MEMORY_BYTES
    assert found.conversations == LARGE
    assert dict(found.per_channel) == expected.per_channel
    assert len(found.per_day) == expected.days
    report = write_report(found, tmp_path, store, None)
    fallbacks = read_table(report, "fallbacks")
    assert [(r["kind"], r["question"], int(r["times"])) for r in fallbacks] == [
        ("not understood", "blorp zindle quax", expected.per_shape["fallback"])]
    not_given = read_table(report, "article-does-not-say")
    assert [(r["attribute"], r["program"], int(r["times"])) for r in not_given] == [
        ("delivery", "rbs-certificate", expected.per_shape["not_given"])]
    unresolved = read_table(report, "unresolved-clarifications")
    assert [(r["asked back about"], int(r["times"])) for r in unresolved] == [("details", expected.per_shape["clarification"])]
    stopped = read_table(report, "interview-stopped")
    assert [(r["question"], int(r["interviews"])) for r in stopped] == [("advice_coding", expected.per_shape["interview"])]
    again = read_table(report, "interview-asked-again")
    assert [(r["question"], int(r["times"]), r["examples"]) for r in again] == [
        ("advice_role", expected.per_shape["interview"], "hmm")]
    low = read_table(report, "low-confidence")
    assert len(low) == 300 and float(low[0]["confidence"]) <= float(low[-1]["confidence"]) < 0.6
    assert "generated-sender" not in report.read_text(encoding="utf-8")


def test_make_report_since_a_day_counts_only_later_conversations(large_store, tmp_path):
    path, expected = large_store
    result = run_report(path, tmp_path, "--since", "2026-06-20")
    assert result.returncode == 0, result.stderr
    report = Path(result.stdout.split()[0])
    assert report.is_file() and report.name.startswith("report-")
    days = read_table(report, "conversations-per-day")
    assert days and all(row["day"] >= "2026-06-20" for row in days)
    assert sum(int(row["conversations"]) for row in days) < expected.conversations


def test_an_empty_store_gives_an_empty_report(tmp_path):
    path = tmp_path / "conversations.db"
    create_events_table(path)
    result = run_report(path, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    report = Path(result.stdout.split()[0])
    summary = {row["measure"]: row["value"] for row in read_table(report, "summary")}
    assert summary["conversations"] == "0"
    assert read_table(report, "fallbacks") == []
    assert "None." in report.read_text(encoding="utf-8")


def test_a_store_rasa_has_not_created_tables_in_yet_is_empty(tmp_path):
    path = tmp_path / "conversations.db"
    path.write_bytes(b"")
    assert gather(configured_store(Settings(tracker_db=path))).conversations == 0


def test_a_missing_sqlite_file_is_a_clear_error_and_is_not_created(tmp_path):
    path = tmp_path / "nowhere.db"
    result = run_report(path, tmp_path / "out")
    assert result.returncode == 2
    assert f"no conversations database at {path}" in result.stderr
    assert not path.exists()


def test_an_unreachable_postgresql_is_a_clear_error(tmp_path):
    closed_port = free_port()
    secret = "not-to-be-printed"
    started = time.monotonic()
    result = run_report(
        tmp_path / "unused.db", tmp_path / "out",
        RASA_ENDPOINTS=str(ROOT / "rasa_project" / "endpoints.scale.yml"), ACTION_SERVER_URL="http://127.0.0.1:1/webhook",
        POSTGRES_HOST="127.0.0.1", POSTGRES_PORT=str(closed_port), POSTGRES_DB="advisor", POSTGRES_USER="advisor",
        POSTGRES_PASSWORD=secret, REDIS_HOST="127.0.0.1", REDIS_PORT="1", REDIS_DB="1", REDIS_PASSWORD="",
    )
    print(f"\nunreachable PostgreSQL reported in {time.monotonic() - started:.1f}s")
    assert result.returncode == 2
    assert f"cannot read conversations from postgresql://advisor:***@127.0.0.1:{closed_port}/advisor" in result.stderr
    assert secret not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


def test_an_endpoints_variable_left_unset_is_named(tmp_path, monkeypatch):
    for name in ("POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(endpoints=ROOT / "rasa_project" / "endpoints.scale.yml", extra_env={"ACTION_SERVER_URL": "x"})
    with pytest.raises(StoreUnavailable, match=r"needs \$\{POSTGRES_HOST\}"):
        configured_store(settings)
