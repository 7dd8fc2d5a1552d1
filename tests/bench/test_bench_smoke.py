"""The benchmark's arithmetic and table on made-up numbers (no servers, no timing)."""
from __future__ import annotations

import math

import pytest

from bench.figures import all_rows
from bench.load import LoadResult, answered, conversations
from bench.options import parse
from bench.procs import peak_rss_mib
from bench.report import Row, Target, render_markdown
from bench.runner import Measurements
from bench.stats import percentile, summarise


def test_percentiles_interpolate_between_ranks_like_numpy():
    values = [5.0, 1.0, 4.0, 2.0, 3.0]
    assert percentile(values, 0) == 1.0
    assert percentile(values, 50) == 3.0
    assert percentile(values, 100) == 5.0
    assert percentile(values, 95) == pytest.approx(4.8)
    assert percentile(list(range(1, 101)), 99) == pytest.approx(99.01)


def test_percentile_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        percentile([], 50)


def test_throughput_counts_only_answered_requests():
    summary = summarise(users=8, latencies=[0.1, 0.2, 0.3, 0.4], failures=1, seconds=2.0)
    assert summary.requests == 4
    assert summary.throughput == pytest.approx(1.5)
    assert summary.p50_ms == pytest.approx(250.0)


def test_a_run_with_no_requests_has_no_percentiles():
    summary = summarise(users=1, latencies=[], failures=0, seconds=1.0)
    assert summary.throughput == 0.0 and math.isnan(summary.p95_ms)


def test_merged_runs_add_their_wall_time_and_failures():
    merged = LoadResult([0.1], 1, 2.0).merge(LoadResult([0.2, 0.3], 0, 3.0))
    assert merged.latencies == [0.1, 0.2, 0.3] and merged.failures == 1 and merged.seconds == 5.0


def test_an_empty_reply_is_not_an_answer():
    assert answered(200, [{"text": "hi"}])
    assert not answered(200, [])
    assert not answered(500, [{"text": "hi"}])


def test_table_shows_the_ratio_and_whether_the_target_is_met():
    table = render_markdown([
        Row("1 user: p95 latency (ms)", 100.0, 140.0, decimals=0, target=Target("<=", 1.5)),
        Row("8 users: throughput (answers/s)", 30.0, 27.0, target=Target(">=", 1.0)),
        Row("peak RSS, action server (MiB)", None, 48.0, decimals=0),
    ])
    assert "| 1 user: p95 latency (ms) | 100 | 140 | 1.40x | <= 1.5 met |" in table
    assert "| 8 users: throughput (answers/s) | 30.0 | 27.0 | 0.90x | >= 1 MISSED |" in table
    assert "| peak RSS, action server (MiB) | — | 48 | — |  |" in table


def test_rows_follow_what_was_measured():
    found = Measurements(load={
        "stock": {1: summarise(1, [0.02, 0.03], 0, 1.0)},
        "advisor": {1: summarise(1, [0.03, 0.04], 0, 1.0)},
    })
    metrics = [row.metric for row in all_rows(found)]
    assert metrics[0] == "1 user: throughput (answers/s)"
    assert not any("training" in metric for metric in metrics)


def test_both_bots_hold_conversations_of_the_same_length():
    stock, advisor = conversations("stock"), conversations("advisor")
    assert stock and advisor
    assert {len(script) for script in stock} == {len(script) for script in advisor}


def test_options_parse_levels_parts_and_environment():
    options = parse(["--quick", "--users", "1,4", "--only", "load", "--advisor-env", "SANIC_WORKERS=2"])
    assert options.users == (1, 4) and options.parts == {"load"}
    assert options.advisor_env == {"SANIC_WORKERS": "2"} and options.env == {}
    with pytest.raises(SystemExit):
        parse(["--only", "everything"])


def test_peak_memory_of_this_process_is_read_from_proc():
    import os

    assert peak_rss_mib(os.getpid()) > 1.0


def test_the_long_conversation_compares_medians_of_the_first_and_last_twenty_turns():
    from bench.long_conversation import EARLY, LATE, long_script, median_ms

    latencies = [0.010] * 20 + [0.050] * 260 + [0.030] * 20
    assert median_ms(latencies, EARLY) == pytest.approx(10.0)
    assert median_ms(latencies, LATE) == pytest.approx(30.0)
    assert long_script("advisor") and long_script("stock")
    with pytest.raises(ValueError):
        median_ms(latencies[:100], LATE)


def test_long_conversation_rows_show_each_bots_own_growth():
    from bench.long_conversation import LongConversation

    found = Measurements(long={
        "stock": LongConversation(early_ms=40.0, late_ms=300.0, growth=7.5, deep_throughput=20.0),
        "advisor": LongConversation(early_ms=30.0, late_ms=33.0, growth=1.1, deep_throughput=40.0),
    })
    table = render_markdown(all_rows(found))
    assert "| 300-turn conversation: turns 280-300 / turns 0-20 (bound 1.2 each) | 7.50 | 1.10 | 0.15x |  |" in table
    assert "| 8 users, 4 of them 300 turns deep: throughput (answers/s) | 20.0 | 40.0 | 2.00x |  |" in table
