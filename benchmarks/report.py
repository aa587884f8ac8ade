"""The report: one line per budget on the terminal, everything in results.json."""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import Result

COLUMNS = ("budget", "figure", "reference", "ratio", "limit", "verdict")


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("%",):
        return f"{value:.2f} %"
    if abs(value) >= 100 or unit == "B/s":
        return f"{value:,.0f} {unit}"
    return f"{value:.1f} {unit}"


def _limit(result: Result) -> str:
    if result.limit is None or result.kind == "info":
        return "—"
    if result.kind == "ratio":
        return f"≤ {result.limit:g}x"
    return f"≤ {_number(result.limit, result.unit)}"


def rows(results: Sequence[Result]) -> list[tuple[str, ...]]:
    table = []
    for r in results:
        reference = _number(r.reference, r.unit)
        if r.reference_name and r.reference is not None:
            reference = f"{reference} ({r.reference_name})"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "—"
        table.append((r.name, _number(r.figure, r.unit), reference, ratio, _limit(r), r.status))
    return table


def text_table(results: Sequence[Result]) -> str:
    table = [COLUMNS, *rows(results)]
    widths = [max(len(row[i]) for row in table) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"  {r.name}: {r.note}" for r in results if r.note]
    return "\n".join([*lines, "", "notes:", *notes])


def markdown_table(results: Sequence[Result]) -> str:
    """The table for the README."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(results)]
    return "\n".join(lines)


README_START = "<!-- benchmarks:start -->"
README_END = "<!-- benchmarks:end -->"


def update_readme(readme: Path, results: Sequence[Result], *, quick: bool) -> None:
    """Put the table between the README's benchmark markers."""
    text = readme.read_text()
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    where = f"{when}, {os.cpu_count()} CPUs, load {load}{', --quick' if quick else ''}"
    table = f"\n_{where}_\n\n{markdown_table(results)}\n"
    readme.write_text(text[:start] + table + text[end:])


def write_json(path: Path, results: Sequence[Result], *, quick: bool, seconds: float) -> None:
    data = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "seconds": round(seconds, 1),
        "python": sys.version.split()[0],
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "load": os.getloadavg(),
        "results": [r.as_json() for r in results],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
