"""The page is strict: escaped values, no script, nothing loaded; CSV cells cannot become formulas."""
from __future__ import annotations

import csv

from rasa_project.report.charts import bar_chart
from rasa_project.report.page import html_page, write_csv
from rasa_project.report.tables import Table

HOSTILE = '<img src=x onerror="alert(1)"> & </table>'


def test_user_text_is_escaped_in_tables_and_charts():
    table = Table("t", "T", "", ("question", "times"), ((HOSTILE, 3), ("=cmd|' /C calc'!A0", 1)), chart=(0, 1))
    html = html_page("title", "sub", [table])
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;/table&gt;" in html
    assert "<svg" in html and "<script" not in html
    assert "default-src 'none'" in html


def test_a_chart_has_one_bar_per_row_scaled_to_the_largest():
    svg = bar_chart("x", [("a", 10), ("b", 5)])
    assert svg.count("<rect") == 2 and 'width="360.0"' in svg and 'width="180.0"' in svg
    assert bar_chart("x", []) == ""


def test_csv_cells_that_look_like_formulas_are_quoted(tmp_path):
    write_csv(tmp_path, [Table("t", "T", "", ("question",), (("=HYPERLINK(\"http://x\")",), ("plain",)))])
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as f:
        assert [row[0] for row in csv.reader(f)] == ["question", "'=HYPERLINK(\"http://x\")", "plain"]
