"""The side-by-side table: each figure for the stock bot and the advisor, and their ratio.

Absolute numbers on a shared two-core machine swing from run to run; the ratio of
two bots measured in the same run is the figure to read.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, List, Optional


@dataclass(frozen=True)
class Target:
    """A bound on the ratio advisor / stock: ``"<="`` for costs, ``">="`` for throughput."""

    relation: str
    bound: float

    def met_by(self, ratio: Optional[float]) -> Optional[bool]:
        """Whether ``ratio`` meets the bound; None when there is no ratio to judge."""
        if ratio is None or math.isnan(ratio):
            return None
        return ratio <= self.bound if self.relation == "<=" else ratio >= self.bound

    def __str__(self) -> str:
        return f"{self.relation} {self.bound:g}"


@dataclass(frozen=True)
class Row:
    """One figure for both bots. ``decimals`` sets how it prints; None means not measured."""

    metric: str
    stock: Optional[float]
    advisor: Optional[float]
    decimals: int = 1
    target: Optional[Target] = None

    @property
    def ratio(self) -> Optional[float]:
        """advisor / stock, or None when either is missing or the stock figure is zero."""
        if self.stock is None or self.advisor is None or self.stock == 0:
            return None
        return self.advisor / self.stock


def _number(value: Optional[float], decimals: int) -> str:
    if value is None:
        return "—"
    if math.isnan(value):
        return "n/a"
    return f"{value:,.{decimals}f}"


def _verdict(row: Row) -> str:
    if row.target is None:
        return ""
    met = row.target.met_by(row.ratio)
    mark = "" if met is None else (" met" if met else " MISSED")
    return f"{row.target}{mark}"


def render_markdown(rows: Iterable[Row]) -> str:
    """A Markdown table with columns metric, stock, advisor, advisor/stock and target."""
    lines: List[str] = [
        "| metric | stock `rasa init` | MLIS advisor | advisor / stock | target |",
        "|---|---:|---:|---:|---|",
    ]
    for row in rows:
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}x"
        lines.append(
            f"| {row.metric} | {_number(row.stock, row.decimals)} | {_number(row.advisor, row.decimals)}"
            f" | {ratio} | {_verdict(row)} |"
        )
    return "\n".join(lines)
