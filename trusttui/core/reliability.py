"""Reliability: how steadily promises are kept, in the style of Loop Habit Tracker.

The score
---------
Every resolved promise, taken in the order it was resolved, moves the score a
small step toward its own value::

    score(0) = 0
    score(n) = α · score(n−1) + (1 − α) · value(n)        α = 0.5 ** (1 / 13) ≈ 0.948

so each promise moves the score about 5 % of the way to its value, and the
latest 13 promises carry half of the weight. A steady run lifts the score; one
miss dents it without wiping out what came before. The value of a promise:

- kept on time (at most 10 minutes after its deadline): 1
- kept late: 1 − h / 24 for h hours late, never below 0.5
  (1 h late ≈ 0.96, 6 h late = 0.75, 12 hours or more late = 0.5)
- missed: 0
- released by agreement: not counted at all.

The deadline is the due time in force: moving a promise *before* it is due
renegotiates it, so the new time counts and the move itself costs nothing;
moving it once already late keeps the earlier deadline. Open promises, even
overdue ones, do not count until they are resolved.

Beside the score, always the raw facts: how many were kept on time, late,
missed and released; the on-time rate (on time ÷ (on time + late + missed));
the score at the end of each of the last weeks (for a sparkline); and runs:
promises kept on time in a row (released ones neither add to nor break a run).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from trusttui.core.promise_record import STATUSES, Promise
from trusttui.core.records import from_iso

ALPHA = 0.5 ** (1 / 13)
"""How much of the previous score stays with each resolved promise."""
GRACE = timedelta(minutes=10)
"""Kept this soon after the deadline still counts as on time."""
LATE_FLOOR = 0.5
HOURS_TO_FLOOR = 12.0
"""Hours late at which a kept promise reaches the floor value."""
WEEKS = 12

Kind = Literal["on_time", "late", "missed", "released"]


@dataclass(frozen=True)
class Outcome:
    """What became of one resolved promise, for the score."""

    kind: Kind
    at: datetime
    value: float | None
    late_by: timedelta = timedelta(0)


@dataclass(frozen=True)
class Reliability:
    """The score beside the raw counts it comes from."""

    score: float | None
    on_time: int
    late: int
    missed: int
    released: int
    on_time_rate: float | None
    weekly: tuple[float | None, ...]
    run: int = 0
    """Promises kept on time in a row, up to the latest."""
    best_run: int = 0

    @property
    def counted(self) -> int:
        """Promises that count toward the score (kept or missed)."""
        return self.on_time + self.late + self.missed


def late_value(late_by: timedelta) -> float:
    """The value of a promise kept `late_by` after its deadline."""
    if late_by <= GRACE:
        return 1.0
    hours = late_by.total_seconds() / 3600
    return max(LATE_FLOOR, 1.0 - (1.0 - LATE_FLOOR) * hours / HOURS_TO_FLOOR)


def outcome(promise: Promise) -> Outcome | None:
    """How a resolved promise counts; None while it is open."""
    at = promise.resolved_at
    if at is None:
        return None
    if promise.status == "released":
        return Outcome("released", at, None)
    if promise.status == "missed":
        return Outcome("missed", at, 0.0)
    late_by = max(timedelta(0), at - promise.deadline)
    kind: Kind = "on_time" if late_by <= GRACE else "late"
    return Outcome(kind, at, late_value(late_by), late_by)


def _resolved_at(doc: Mapping[str, Any], status: str, history: Sequence[Any]) -> datetime:
    """`Promise.resolved_at` read straight from a stored record (status not open)."""
    if status == "kept" and doc.get("kept_at"):
        return from_iso(doc["kept_at"])
    for event in reversed(history):
        if str(event["event"]) == status:
            return from_iso(event["at"])
    return from_iso(doc["updated"])


def _deadline(doc: Mapping[str, Any], history: Sequence[Any]) -> datetime:
    """`Promise.deadline` read straight from a stored record."""
    original: datetime | None = None
    for event in history:
        if str(event["event"]) == "created" and event.get("due"):
            original = from_iso(event["due"])
            break
    if original is None:
        first_move = next((e for e in history if str(e["event"]) == "moved" and e.get("old")), None)
        original = from_iso(first_move["old"] if first_move else doc["due"])
    deadline = original
    for event in history:
        moved = str(event["event"]) == "moved" and event.get("new")
        if moved and from_iso(event["at"]) < deadline:
            deadline = from_iso(event["new"])
    return deadline


def outcome_of_doc(doc: Mapping[str, Any]) -> Outcome | None:
    """`outcome(Promise.from_doc(doc))` without building the promise (years of them add up)."""
    status = doc.get("status", "open")
    if status not in STATUSES or status == "open":
        return None
    history = doc.get("history") or ()
    at = _resolved_at(doc, status, history)
    if status == "released":
        return Outcome("released", at, None)
    if status == "missed":
        return Outcome("missed", at, 0.0)
    late_by = max(timedelta(0), at - _deadline(doc, history))
    kind: Kind = "on_time" if late_by <= GRACE else "late"
    return Outcome(kind, at, late_value(late_by), late_by)


def reliability_of_docs(
    docs: Iterable[Mapping[str, Any]], now: datetime, *, weeks: int = WEEKS
) -> Reliability:
    """`reliability()` over stored promise records, each read only as far as it counts.

    Outcomes at the same moment are taken in the board's order (due time, then id),
    as `reliability(all_promises(db))` does.
    """
    found: list[tuple[Outcome, Mapping[str, Any]]] = []
    for doc in docs:
        item = outcome_of_doc(doc)
        if item is not None and item.at <= now:
            found.append((item, doc))
    found.sort(key=lambda pair: pair[0].at)
    outcomes: list[Outcome] = []
    start = 0
    while start < len(found):  # ties (rare) in the board's order
        end = start + 1
        while end < len(found) and found[end][0].at == found[start][0].at:
            end += 1
        group = found[start:end]
        if len(group) > 1:
            group.sort(key=lambda pair: (from_iso(pair[1]["due"]).timestamp(), str(pair[1]["id"])))
        outcomes.extend(pair[0] for pair in group)
        start = end
    return _score(outcomes, now, weeks)


def reliability(promises: Sequence[Promise], now: datetime, *, weeks: int = WEEKS) -> Reliability:
    """The score, counts, on-time rate, weekly trend and runs as of `now`."""
    outcomes = sorted(
        (o for o in map(outcome, promises) if o is not None and o.at <= now), key=lambda o: o.at
    )
    return _score(outcomes, now, weeks)


def _score(outcomes: Sequence[Outcome], now: datetime, weeks: int) -> Reliability:
    """The figures from outcomes already in the order they were resolved."""
    ends = [now - timedelta(weeks=weeks - 1 - index) for index in range(weeks)]
    weekly: list[float | None] = []
    counts = {"on_time": 0, "late": 0, "missed": 0, "released": 0}
    score: float | None = None
    run = best_run = 0
    week = 0
    for item in outcomes:
        while week < len(ends) and item.at > ends[week]:
            weekly.append(score)
            week += 1
        counts[item.kind] += 1
        if item.value is None:
            continue
        score = ALPHA * (score or 0.0) + (1 - ALPHA) * item.value
        run = run + 1 if item.kind == "on_time" else 0
        best_run = max(best_run, run)
    weekly.extend([score] * (len(ends) - week))
    counted = counts["on_time"] + counts["late"] + counts["missed"]
    return Reliability(
        score=score,
        on_time=counts["on_time"],
        late=counts["late"],
        missed=counts["missed"],
        released=counts["released"],
        on_time_rate=counts["on_time"] / counted if counted else None,
        weekly=tuple(weekly),
        run=run,
        best_run=best_run,
    )


RUN_MILESTONES = (3, 5, 7, 10, 15, 20, 25)


def is_run_milestone(run: int) -> bool:
    """Runs worth a word: 3, 5, 7, 10, 15, 20, 25, then every 25."""
    return run in RUN_MILESTONES or (run > 0 and run % 25 == 0)
