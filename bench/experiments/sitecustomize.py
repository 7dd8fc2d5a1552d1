"""Tuning experiments for the advisor's Rasa server, switched on by environment variables.

Benchmark use only: this file is never on the path of ``make run`` or the tests.
A variant puts this folder first on ``PYTHONPATH``, so Python imports it at start-up
(``sitecustomize``), and it changes Rasa only in a process started as ``rasa run``.
Each patch is what a production change would do, so its effect can be measured
before the change is made in the project's own files (see docs/benchmarks.md).

* ``BENCH_CACHED_ACTION_SCHEMA=1``: Rasa validates every action server response with
  ``jsonschema.validate``, which first re-checks the (constant) schema against the
  draft 2020-12 meta-schema; build the validator once instead.
* ``BENCH_SQLITE=pool,wal,normal`` (any of them): keep SQLite connections in a pool
  (SQLAlchemy 1.4 opens and closes a file database per session), use the WAL
  journal, and ``synchronous=NORMAL`` (no fsync per commit in WAL mode).
"""
import os
import sys


def _cache_action_response_validator() -> None:
    import jsonschema
    from jsonschema.exceptions import best_match
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def _validate_action_result(self, result):
        error = best_match(validator.iter_errors(result))
        if error is not None:
            error.message += ". Failed to validate Action server response from API."
            raise error
        return True

    RemoteAction._validate_action_result = _validate_action_result


def _tune_sqlite(modes: str) -> None:
    import sqlite3

    import sqlalchemy
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.pool import QueuePool

    if "pool" in modes:
        create_engine = sqlalchemy.create_engine

        def pooled_create_engine(url, *args, **kwargs):
            if str(url).startswith("sqlite") and "poolclass" not in kwargs:
                kwargs["poolclass"] = QueuePool
                kwargs.setdefault("connect_args", {})["check_same_thread"] = False
            return create_engine(url, *args, **kwargs)

        sqlalchemy.create_engine = pooled_create_engine

    @event.listens_for(Engine, "connect")
    def _pragmas(connection, record):
        if isinstance(connection, sqlite3.Connection):
            cursor = connection.cursor()
            if "wal" in modes:
                cursor.execute("PRAGMA journal_mode=WAL")
            if "normal" in modes:
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()


if sys.argv and sys.argv[0].endswith("rasa") and "run" in sys.argv[1:2]:
    if os.environ.get("BENCH_CACHED_ACTION_SCHEMA"):
        _cache_action_response_validator()
    if os.environ.get("BENCH_SQLITE"):
        _tune_sqlite(os.environ["BENCH_SQLITE"])
    print(
        f"bench experiment: cached action schema={os.environ.get('BENCH_CACHED_ACTION_SCHEMA', '')!r} "
        f"sqlite={os.environ.get('BENCH_SQLITE', '')!r}",
        file=sys.stderr,
    )
