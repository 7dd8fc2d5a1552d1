"""``make report [SINCE=YYYY-MM-DD]``: write the maintainer's report and print where it is.

Exit status: 0 with the report written, 1 for a bad argument, 2 when the tracker
store cannot be read (the message says which and why).
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import List, Optional

from rasa_project.launcher import ROOT
from rasa_project.report.conversations import conversations
from rasa_project.report.findings import Findings
from rasa_project.report.page import html_page, write_csv
from rasa_project.report.pseudonyms import Pseudonyms
from rasa_project.report.store import StoreUnavailable, TrackerStore, configured_store, stream_events
from rasa_project.report.tables import tables


def day(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")


def gather(store: TrackerStore, since: Optional[datetime] = None) -> Findings:
    """Every conversation in the store (from ``since`` on), counted."""
    found = Findings()
    pseudonyms = Pseudonyms()
    for conversation in conversations(stream_events(store, since.timestamp() if since else None)):
        found.add(conversation, pseudonyms.of(conversation.sender_id))
    return found


def write_report(found: Findings, out_dir: Path, store: TrackerStore, since: Optional[datetime]) -> Path:
    """``report-<date>.html`` and ``report-<date>/<table>.csv`` in ``out_dir``; the HTML file's path."""
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    all_tables = tables(found)
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / f"report-{today}.html"
    period = f"since {since:%Y-%m-%d}" if since else "all conversations"
    subtitle = (f"{period}; generated {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC from {store.description}. "
                "Messages are shown as users typed them; sender ids are replaced by pseudonyms valid in this report only.")
    page.write_text(html_page("MLIS Advisor: conversation report", subtitle, all_tables), encoding="utf-8")
    write_csv(out_dir / f"report-{today}", all_tables)
    return page


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--since", type=day, help="only conversation events from this day (UTC) on")
    parser.add_argument("--out", type=Path, default=ROOT / "reports", help="folder for the report (default: reports/)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        store = configured_store()
        found = gather(store, args.since)
    except StoreUnavailable as error:
        print(f"report: {error}", file=sys.stderr)
        return 2
    page = write_report(found, args.out, store, args.since)
    print(f"{page}  ({found.conversations} conversations, {time.monotonic() - started:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
