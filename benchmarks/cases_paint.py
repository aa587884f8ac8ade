"""First paint and peak memory: trusttui beside the bare Textual app, in a 100x30 pty."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.bare_app import MARKER as BARE_MARKER
from benchmarks.common import (
    BARE_APP,
    TRUSTTUI,
    Result,
    Workspace,
    interleave,
    median,
)
from benchmarks.pty_harness import first_frame, spawn

PAINT_SIZE = (100, 30)
SETTLE = 0.1
"""Seconds of silence that end a frame (the issue's rule)."""

DASHBOARD_MARKER = re.compile(rb"Good (morning|afternoon|evening)|Still up")
"""The greeting: drawn only once the dashboard's worker has loaded the store."""

BREATHE_MARKER = re.compile(rb"\d+:\d\d left")
"""The session's last line ("2:00 left"): drawn with the breathing screen's first frame."""
BREATHE_QUIET = 0.05
"""The breathing screen redraws ten times a second, so a shorter gap ends its first frame
(the bare app is timed with the same gap)."""


@dataclass(frozen=True)
class Paint:
    seconds: float
    rss_kib: int


def paint_once(
    argv: list[str], ws: Workspace, marker: bytes | re.Pattern[bytes], quiet: float = SETTLE
) -> Paint:
    """Spawn, wait for the first complete frame, note peak RSS, end the process."""
    with spawn(argv, size=PAINT_SIZE, env=ws.env()) as child:
        frame = first_frame(child, marker=marker, quiet=quiet)
        return Paint(frame.seconds, child.peak_rss_kib())


@dataclass(frozen=True)
class PaintCase:
    key: str
    title: str
    limit: float
    argv: Callable[[Workspace], list[str]]
    marker: bytes | re.Pattern[bytes] = DASHBOARD_MARKER
    quiet: float = SETTLE


CASES = (
    PaintCase(
        "empty",
        "trusttui, empty store",
        1.15,
        lambda ws: [*TRUSTTUI, "--db", str(ws.seen_path())],
    ),
    PaintCase(
        "demo10",
        "trusttui, 10 years of data",
        1.3,
        lambda ws: [*TRUSTTUI, "--db", str(ws.demo(10))],
    ),
    PaintCase(
        "breathe",
        "trusttui breathe",
        1.15,
        lambda ws: [*TRUSTTUI, "--db", str(ws.seen_path()), "breathe"],
        marker=BREATHE_MARKER,
        quiet=BREATHE_QUIET,
    ),
)

RSS_LIMIT = 1.3
CHROME_APP = [*BARE_APP, "--chrome"]


def run_paint(ws: Workspace, runs: int, *, for_scale: bool = True) -> list[Result]:
    """First paint (median of `runs`, interleaved with the bare app) and peak RSS per case."""
    results: list[Result] = []
    for case in CASES:
        name = f"first paint: {case.title}"
        rss_name = f"peak RSS: {case.title}"
        ours: list[Paint] = []
        bare: list[Paint] = []

        def app(case: PaintCase = case, into: list[Paint] = ours) -> float:
            got = paint_once(case.argv(ws), ws, case.marker, case.quiet)
            into.append(got)
            return got.seconds

        def reference(case: PaintCase = case, into: list[Paint] = bare) -> float:
            got = paint_once(list(BARE_APP), ws, BARE_MARKER.encode(), case.quiet)
            into.append(got)
            return got.seconds

        try:
            case.argv(ws)  # make the demo data before timing anything
            started = time.perf_counter()
            a, b = interleave(runs, app, reference)
            ours, bare = ours[-runs:], bare[-runs:]
        except Exception as error:  # report the case, keep the suite going
            results.append(Result(name, "ms", status="ERROR", note=str(error)[:300]))
            continue
        note = f"median of {runs}, A B interleaved ({time.perf_counter() - started:.0f} s)"
        results.append(
            Result(
                name,
                "ms",
                figure=median(a) * 1000,
                reference=median(b) * 1000,
                reference_name="bare Textual app",
                limit=case.limit,
                kind="ratio",
                note=note,
                samples={"app": [x * 1000 for x in a], "bare": [x * 1000 for x in b]},
            ).judge()
        )
        results.append(
            Result(
                rss_name,
                "MiB",
                figure=median([p.rss_kib for p in ours]) / 1024,
                reference=median([p.rss_kib for p in bare]) / 1024,
                reference_name="bare Textual app",
                limit=RSS_LIMIT,
                kind="ratio",
                note="VmHWM at first paint",
            ).judge()
        )
    if for_scale:
        results.append(chrome_for_scale(ws, runs))
    return results


def chrome_for_scale(ws: Workspace, runs: int) -> Result:
    """For scale: the bare app with a Header and a Footer, beside the bare app."""
    name = "first paint: bare app + Header + Footer"
    marker = BARE_MARKER.encode()
    try:
        a, b = interleave(
            runs,
            lambda: paint_once(CHROME_APP, ws, marker).seconds,
            lambda: paint_once(list(BARE_APP), ws, marker).seconds,
        )
    except Exception as error:
        return Result(name, "ms", status="ERROR", note=str(error)[:300])
    return Result(
        name,
        "ms",
        figure=median(a) * 1000,
        reference=median(b) * 1000,
        reference_name="bare Textual app",
        note=f"for scale, no budget: what Textual's Header and Footer cost; median of {runs}",
    ).judge()
