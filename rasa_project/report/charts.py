"""Horizontal bar charts as inline SVG: no script, no external file; every label escaped."""
from __future__ import annotations

from html import escape
from typing import Sequence, Tuple

MAX_BARS = 20
BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 260
BAR_WIDTH = 360
LABEL_CHARACTERS = 40


def bar_chart(title: str, bars: Sequence[Tuple[str, float]]) -> str:
    """The first ``MAX_BARS`` bars (label, value), longest bar = the largest value."""
    shown = [(str(label), float(value)) for label, value in bars[:MAX_BARS]]
    if not shown:
        return ""
    largest = max(value for _, value in shown) or 1.0
    height = len(shown) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + 80
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>']
    for index, (label, value) in enumerate(shown):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = max(1.0, BAR_WIDTH * value / largest)
        short = label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"
        number = f"{value:g}"
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 5}" text-anchor="end">{escape(short)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" class="bar"/>'
            f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{y + BAR_HEIGHT - 5}">{escape(number)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
