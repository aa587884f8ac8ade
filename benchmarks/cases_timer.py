"""Timer accuracy: a real 5-minute breathing session against its nominal length.

The session runs in `trusttui breathe` on a pty with the real clock. Watched from
outside, as a person would see it:

- start: the "m:ss left" readout turns from one second to the next exactly when a
  whole second of breathing has passed (it shows the time left rounded up), and is
  drawn at most one tick later. Each change seen at time t after k seconds gives
  start <= t - k; the smallest over the session is the start, give or take a frame.
- end: the summary ("You breathed for ...") is drawn when the session ends.

The error is (end - start) - nominal; positive means the session ran long.
"""

from __future__ import annotations

import re
import time

from benchmarks.cases_stream import SSH_SIZE
from benchmarks.common import TRUSTTUI, Result, Workspace
from benchmarks.pty_harness import PtyProcess, spawn

NAME = "breathing timer: 5 min session, error"
LIMIT_MS = 50.0
PATTERN = "calm"
LEFT = re.compile(rb"(\d+):(\d\d) left")
ENDED = re.compile(rb"You breathed for")


def nominal_seconds(minutes: float, pattern_name: str = PATTERN) -> float:
    """The session's exact planned length, as trusttui's schedule computes it."""
    from trusttui.core.breathing import BUILTIN_PATTERNS, Length, Schedule

    pattern = next(p for p in BUILTIN_PATTERNS if p.name == pattern_name)
    return Schedule.of(pattern, Length(minutes=minutes)).total


def watch_session(child: PtyProcess, total: float, timeout: float) -> tuple[float, float, int]:
    """(start, end, readout changes seen), in perf_counter seconds."""
    seen: dict[int, float] = {}
    end: float | None = None
    scanned = 0
    deadline = time.perf_counter() + timeout
    while end is None:
        if time.perf_counter() > deadline:
            raise RuntimeError(f"no summary within {timeout:.0f} s")
        if not child.pump(0.5):
            if child.closed:
                raise RuntimeError("the app closed before its summary")
            continue
        window = bytes(child.output[max(0, scanned - 32) :])
        scanned = len(child.output)
        for match in LEFT.finditer(window):
            left = int(match[1]) * 60 + int(match[2])
            seen.setdefault(left, child.last_byte)
        if ENDED.search(window):
            end = child.last_byte
    starts = [when - (total - left) for left, when in seen.items() if left < total]
    if not starts:
        raise RuntimeError("the 'time left' readout was never seen to change")
    return min(starts), end, len(starts)


def run_timer(ws: Workspace, minutes: float = 5.0) -> list[Result]:
    total = nominal_seconds(minutes)
    argv = [
        *TRUSTTUI,
        *("--db", str(ws.seen_path()), "breathe"),
        *("--pattern", PATTERN, "--minutes", f"{minutes:g}", "--no-bell"),
    ]
    try:
        with spawn(argv, size=SSH_SIZE, env=ws.env()) as child:
            start, end, changes = watch_session(child, total, timeout=total + 60)
    except Exception as error:
        return [Result(NAME, "ms", status="ERROR", note=str(error)[:300])]
    real = end - start
    return [
        Result(
            NAME,
            "ms",
            figure=abs(real - total) * 1000,
            reference=total * 1000,
            reference_name="nominal length",
            limit=LIMIT_MS,
            kind="max",
            note=(
                f"real {real:.3f} s against nominal {total:g} s ({PATTERN}, real clock); "
                f"start from {changes} readout changes"
            ),
        ).judge()
    ]
