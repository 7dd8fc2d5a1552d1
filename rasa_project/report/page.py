"""The report as one self-contained HTML page and as CSV files.

The page loads nothing (a Content-Security-Policy forbids it), runs no script, and
escapes every value: the users' words are shown as they typed them, never as markup.
"""
from __future__ import annotations

import csv
from html import escape
from pathlib import Path
from typing import List, Sequence

from rasa_project.report.charts import bar_chart
from rasa_project.report.tables import Table

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
STYLE = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:75em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .5em;
text-align:left;vertical-align:top}th{background:#f0f0f0}td{white-space:pre-wrap;word-break:break-word}
svg text{font-size:12px;fill:#222}svg .bar{fill:#3b6ea5}p.note{color:#555}nav a{margin-right:1em}
"""


def html_page(title: str, subtitle: str, tables: Sequence[Table]) -> str:
    parts: List[str] = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1><p>{escape(subtitle)}</p>",
        "<nav>" + "".join(f'<a href="#{escape(t.name)}">{escape(t.title)}</a>' for t in tables) + "</nav>",
    ]
    for table in tables:
        parts.append(f'<section id="{escape(table.name)}"><h2>{escape(table.title)}</h2>')
        if table.note:
            parts.append(f'<p class="note">{escape(table.note)}</p>')
        if table.chart and table.rows:
            label, value = table.chart
            parts.append(bar_chart(table.title, [(str(r[label]), _number(r[value])) for r in table.rows]))
        parts.append(_table(table))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _table(table: Table) -> str:
    if not table.rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>" for row in table.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def write_csv(directory: Path, tables: Sequence[Table]) -> None:
    """One ``<table name>.csv`` per table in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    for table in tables:
        with open(directory / f"{table.name}.csv", "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(table.columns)
            writer.writerows([_csv_safe(v) for v in row] for row in table.rows)


def _csv_safe(value: object) -> object:
    """A user's "=cmd|..." must not become a formula in a spreadsheet (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
