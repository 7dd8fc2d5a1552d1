"""The report on the scale-out profile's store: a real PostgreSQL, chosen by RASA_ENDPOINTS as `make run-scale` does."""
from __future__ import annotations

from pathlib import Path

from rasa_project.launcher import ROOT
from tests.report.generated_store import fill_postgres
from tests.report.test_report_stores import read_table, run_report
from tests.support.databases import PostgresServer, running

CONVERSATIONS = 500


def test_the_report_reads_the_postgresql_tracker_store(tmp_path):
    with running(PostgresServer) as postgres:
        expected = fill_postgres(postgres, CONVERSATIONS)
        result = run_report(tmp_path / "unused.db", tmp_path / "out",
                            RASA_ENDPOINTS=str(ROOT / "rasa_project" / "endpoints.scale.yml"),
                            ACTION_SERVER_URL="http://127.0.0.1:1/webhook", REDIS_HOST="127.0.0.1", REDIS_PORT="1",
                            REDIS_DB="1", REDIS_PASSWORD="", **postgres.connection_env())
    assert result.returncode == 0, result.stderr
    report = Path(result.stdout.split()[0])
    summary = {row["measure"]: row["value"] for row in read_table(report, "summary")}
    assert summary["conversations"] == str(CONVERSATIONS)
    channels = {row["channel"]: int(row["conversations"]) for row in read_table(report, "conversations-per-channel")}
    assert channels == expected.per_channel
    assert [(r["attribute"], int(r["times"])) for r in read_table(report, "article-does-not-say")] == [
        ("delivery", expected.per_shape["not_given"])]
    assert postgres.password not in report.read_text(encoding="utf-8") + result.stdout
