"""Whole commands without a terminal: `trusttui today`, and `trusttui promise add` at 25k."""

from __future__ import annotations

from benchmarks.common import (
    PYTHON,
    TRUSTTUI,
    Result,
    Workspace,
    interleave,
    median,
    timed_process,
)
from benchmarks.store_data import write_store

PROMISE_ADD: tuple[str, ...] = (
    *("promise", "add", "Call Sam back tonight"),
    *("--due", "tomorrow 7pm", "--to", "Sam"),
)
"""A typical `trusttui promise add`."""


def run_today(ws: Workspace, runs: int) -> list[Result]:
    """`trusttui today` on 10 years of data, beside `python -c pass`."""
    name = "`trusttui today`, 10 years of data"
    env = ws.env()
    demo = ws.demo(10)
    try:
        a, b = interleave(
            runs,
            lambda: timed_process([*TRUSTTUI, "--db", str(demo), "today"], env),
            lambda: timed_process([PYTHON, "-c", "pass"], env),
        )
    except Exception as error:
        return [Result(name, "ms", status="ERROR", note=str(error)[:300])]
    return [
        Result(
            name,
            "ms",
            figure=median(a) * 1000,
            reference=median(b) * 1000,
            reference_name="python -c pass",
            limit=100,
            kind="max",
            note=f"median of {runs}, interleaved",
            samples={"app": [x * 1000 for x in a], "python": [x * 1000 for x in b]},
        ).judge()
    ]


def run_promise_add(ws: Workspace, runs: int, records: int = 25_000) -> list[Result]:
    """A whole `trusttui promise add` process at `records` records, beside an empty store."""
    name = f"`trusttui promise add` process, {records // 1000}k records"
    env = ws.env()
    big = ws.fresh_path(f"store-{records}")
    write_store(big, records)
    try:
        a, b = interleave(
            runs,
            lambda: timed_process([*TRUSTTUI, "--db", str(big), *PROMISE_ADD], env),
            lambda: timed_process([*TRUSTTUI, "--db", str(ws.fresh_path()), *PROMISE_ADD], env),
        )
    except Exception as error:
        return [Result(name, "ms", status="ERROR", note=str(error)[:300])]
    return [
        Result(
            name,
            "ms",
            figure=median(a) * 1000,
            reference=median(b) * 1000,
            reference_name="same, empty store",
            limit=1.6,
            kind="ratio",
            note=f"median of {runs}, interleaved",
            samples={"big": [x * 1000 for x in a], "empty": [x * 1000 for x in b]},
        ).judge()
    ]
