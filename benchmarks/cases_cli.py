"""Whole commands without a terminal: `trusttui today`, and `trusttui promise add` at 25k."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

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


def _side_by_side(
    name: str,
    runs: int,
    ours: Callable[[], list[str]],
    reference: Callable[[], list[str]],
    env: dict[str, str],
    *,
    reference_name: str,
    limit: float,
    kind: Literal["ratio", "max"],
) -> list[Result]:
    """Two whole commands timed interleaved (A B A B ...): medians in milliseconds.

    `ours` and `reference` give each run's command line (a fresh one each time if need be).
    """
    try:
        a, b = interleave(
            runs, lambda: timed_process(ours(), env), lambda: timed_process(reference(), env)
        )
    except Exception as error:
        return [Result(name, "ms", status="ERROR", note=str(error)[:300])]
    return [
        Result(
            name,
            "ms",
            figure=median(a) * 1000,
            reference=median(b) * 1000,
            reference_name=reference_name,
            limit=limit,
            kind=kind,
            note=f"median of {runs}, interleaved",
            samples={"ours": [x * 1000 for x in a], "reference": [x * 1000 for x in b]},
        ).judge()
    ]


def run_today(ws: Workspace, runs: int) -> list[Result]:
    """`trusttui today` on 10 years of data, beside `python -c pass`."""
    demo = ws.demo(10)
    return _side_by_side(
        "`trusttui today`, 10 years of data",
        runs,
        lambda: [*TRUSTTUI, "--db", str(demo), "today"],
        lambda: [PYTHON, "-c", "pass"],
        ws.env(),
        reference_name="python -c pass",
        limit=100,
        kind="max",
    )


def run_promise_add(ws: Workspace, runs: int, records: int = 25_000) -> list[Result]:
    """A whole `trusttui promise add` process at `records` records, beside an empty store."""
    big = ws.fresh_path(f"store-{records}")
    write_store(big, records)
    return _side_by_side(
        f"`trusttui promise add` process, {records // 1000}k records",
        runs,
        lambda: [*TRUSTTUI, "--db", str(big), *PROMISE_ADD],
        lambda: [*TRUSTTUI, "--db", str(ws.fresh_path()), *PROMISE_ADD],
        ws.env(),
        reference_name="same, empty store",
        limit=1.6,
        kind="ratio",
    )
