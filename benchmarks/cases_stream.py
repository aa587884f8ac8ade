"""Bytes per second and CPU at 80x24: a running breathing session, and the idle dashboard."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from benchmarks.bare_app import MARKER as BARE_MARKER
from benchmarks.cases_paint import BREATHE_MARKER, BREATHE_QUIET, DASHBOARD_MARKER, SETTLE
from benchmarks.common import (
    BARE_APP,
    TRUSTTUI,
    Result,
    Workspace,
)
from benchmarks.pty_harness import first_frame, spawn

SSH_SIZE = (80, 24)
BREATHE_ARGS: tuple[str, ...] = ("breathe",)
"""How a default breathing session is started (it must run longer than the window)."""


@dataclass(frozen=True)
class Stream:
    bytes_per_second: float
    cpu_percent: float
    seconds: float
    rss_kib: int


def stream(
    argv: list[str],
    ws: Workspace,
    *,
    marker: bytes | re.Pattern[bytes],
    seconds: float,
    quiet: float = SETTLE,
    keys: bytes = b"",
) -> Stream:
    """After the first frame (and `keys`, if any), count bytes and CPU for `seconds`."""
    with spawn(argv, size=SSH_SIZE, env=ws.env()) as child:
        first_frame(child, marker=marker, quiet=quiet)
        if keys:
            child.send(keys)
            child.drain(0.5)
        cpu0 = child.cpu_seconds()
        t0 = time.perf_counter()
        sent = child.drain(seconds)
        elapsed = time.perf_counter() - t0
        cpu = child.cpu_seconds() - cpu0
        if child.proc.poll() is not None:
            raise RuntimeError(f"the app ended {elapsed:.1f} s into the measurement")
        return Stream(sent / elapsed, 100 * cpu / elapsed, elapsed, child.peak_rss_kib())


def run_stream(ws: Workspace, idle_seconds: float, breathe_seconds: float) -> list[Result]:
    """The idle dashboard and a breathing session, each beside the bare app left idle."""
    results: list[Result] = []
    try:
        bare = stream(list(BARE_APP), ws, marker=BARE_MARKER.encode(), seconds=idle_seconds)
        idle = stream(
            [*TRUSTTUI, "--db", str(ws.demo(10))],
            ws,
            marker=DASHBOARD_MARKER,
            seconds=idle_seconds,
        )
    except Exception as error:
        results.append(Result("idle dashboard", "B/s", status="ERROR", note=str(error)[:300]))
        return results
    window = f"{idle_seconds:.0f} s at 80x24 after first paint, 10 years of data"
    results.append(
        Result(
            "idle dashboard: bytes/s",
            "B/s",
            figure=idle.bytes_per_second,
            reference=bare.bytes_per_second,
            reference_name="bare app idle",
            limit=50,
            kind="max",
            note=window,
        ).judge()
    )
    results.append(
        Result(
            "idle dashboard: CPU",
            "%",
            figure=idle.cpu_percent,
            reference=bare.cpu_percent,
            reference_name="bare app idle",
            limit=1.0,
            kind="max",
            note=window,
        ).judge()
    )
    names = ("breathing session: bytes/s", "breathing session: CPU")
    try:
        breathe = stream(
            [*TRUSTTUI, "--db", str(ws.seen_path()), *BREATHE_ARGS],
            ws,
            marker=BREATHE_MARKER,
            quiet=BREATHE_QUIET,
            seconds=breathe_seconds,
        )
    except Exception as error:
        results.append(Result(names[0], "B/s", status="ERROR", note=str(error)[:300]))
        return results
    window = f"{breathe_seconds:.0f} s at 80x24 after first paint, default visuals"
    results.append(
        Result(
            names[0],
            "B/s",
            figure=breathe.bytes_per_second,
            reference=bare.bytes_per_second,
            reference_name="bare app idle",
            limit=1500,
            kind="max",
            note=window,
        ).judge()
    )
    results.append(
        Result(
            names[1],
            "%",
            figure=breathe.cpu_percent,
            reference=bare.cpu_percent,
            reference_name="bare app idle",
            limit=5.0,
            kind="max",
            note=window,
        ).judge()
    )
    return results
