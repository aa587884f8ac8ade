"""The figures about the breathing habit: this week, the streak, the average change.

Kept apart from `breathing` (patterns and the timer) so that `trusttui today` and
the dashboard load only what they need.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tinydb import TinyDB

from trusttui.core.breath_log import TABLE as BREATHS_TABLE
from trusttui.core.records import from_iso
from trusttui.core.store import raw_records

MIN_COUNTED_SECONDS = 10.0
"""Sessions shorter than this (a start and an immediate stop) are logged but not counted."""


def _fields(doc: Mapping[str, Any]) -> tuple[datetime, float, Any, Any]:
    """What the figures need from a record, failing where `Breath.from_doc` fails."""
    started = from_iso(doc["started"])
    from_iso(doc["ended"])
    int(doc["cycles"])
    doc["id"], doc["pattern"], doc["completed"]
    return started, float(doc["seconds"]), doc.get("before"), doc.get("after")


@dataclass(frozen=True)
class BreathStats:
    """What the breathing screen and the dashboard say about the habit."""

    sessions_week: int
    """Sessions since Monday."""
    minutes_week: float
    streak_days: int
    """Days in a row with a session, up to today (or yesterday, if none yet today)."""
    avg_change: float | None
    """Average of after minus before, over sessions rated both times (negative: calmer)."""


def breath_stats(db: TinyDB, now: datetime) -> BreathStats:
    """The figures about every logged session up to `now`.

    Sessions are read from the raw records, newest first, and only as far back as
    this week and the streak reach (the average change still counts every session).
    """
    zone = now.tzinfo
    week_start = (now - timedelta(days=now.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    changes: list[int] = []
    counted: list[tuple[float, int, datetime, float]] = []
    for index, doc in enumerate(raw_records(db, BREATHS_TABLE)):
        try:
            started, seconds_, before, after = _fields(doc)
        except (KeyError, TypeError, ValueError):
            continue  # left out, as all_breaths() does
        if before is not None and after is not None:
            changes.append(after - before)
        if seconds_ < MIN_COUNTED_SECONDS or started > now:
            continue
        counted.append((started.timestamp(), index, started, seconds_))
    counted.sort(reverse=True)
    week: list[float] = []
    today = now.date()
    expected: date | None = None
    streak = 0
    streak_done = False
    for _, _, started, seconds_ in counted:
        local = started.astimezone(zone)
        in_week = local >= week_start
        if in_week:
            week.append(seconds_)
        day = local.date()
        if expected is None:
            expected = today if day == today else today - timedelta(days=1)
        if not streak_done:
            if day == expected:
                streak += 1
                expected -= timedelta(days=1)
            elif day < expected:
                streak_done = True
        if streak_done and not in_week:
            break
    sessions = len(week)
    seconds = 0.0
    for item in reversed(week):  # oldest first, as the sum always ran
        seconds += item
    average = round(sum(changes) / len(changes), 1) if changes else None
    return BreathStats(sessions, round(seconds / 60, 1), streak, average)
