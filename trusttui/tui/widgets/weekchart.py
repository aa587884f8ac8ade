"""A small bar chart of weekly values on a fixed scale, one row high.

The scale is fixed (1–7 for check-ins, 0–100 % for reliability...), never
stretched to the data, so a small wobble looks small: progress is shown honestly.
A week without data is a dim dot.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from textual.content import Content
from textual.widgets import Static

BLOCKS = " ▁▂▃▄▅▆▇█"
GAP = "·"


def chart_rows(
    values: Sequence[float | None], low: float, high: float, height: int = 2
) -> list[str]:
    """The chart as `height` strings, top row first, one character per value."""
    levels = len(BLOCKS) - 1
    span = (high - low) or 1.0
    rows = [[" "] * len(values) for _ in range(height)]
    for column, value in enumerate(values):
        if value is None:
            rows[-1][column] = GAP
            continue
        share = min(max((value - low) / span, 0.0), 1.0)
        filled = max(1, round(share * levels * height))  # a known value always shows
        for row in range(height):
            from_bottom = height - 1 - row
            cell = min(max(filled - from_bottom * levels, 0), levels)
            rows[row][column] = BLOCKS[cell]
    return ["".join(row) for row in rows]


def month_axis(starts: Sequence[date]) -> str:
    """Month names under the weeks where each month begins, where they fit."""
    axis = [" "] * len(starts)
    previous = None
    free_from = 0
    for column, start in enumerate(starts):
        sunday = start + timedelta(days=6)
        month = sunday.month  # the month the week ends in
        if month != previous and column >= free_from:
            name = f"{sunday:%b}"
            if column + len(name) <= len(starts):
                axis[column : column + len(name)] = list(name)
                free_from = column + len(name) + 1
        previous = month
    return "".join(axis)


class WeekChart(Static):
    """Weekly values as a one-row bar chart, one column per week."""

    DEFAULT_CSS = """
    WeekChart {
        width: auto;
        height: 1;
        color: $accent;
    }
    """

    def show_values(self, values: Sequence[float | None], low: float, high: float) -> None:
        """Draw `values` (oldest first) on the fixed scale low..high."""
        text = chart_rows(values, low, high, height=1)[0]
        content = Content(text)
        for column, char in enumerate(text):
            if char == GAP:
                content = content.stylize("$text-muted", column, column + 1)
        if content != self.visual:
            self.update(content)
