"""The reliability score: runs of on-time promises, lateness grading, released ignored."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.conftest import NOW
from trusttui.core.promises import Event, Promise, new_promise
from trusttui.core.reliability import (
    ALPHA,
    is_run_milestone,
    late_value,
    outcome,
    reliability,
)

H = timedelta(hours=1)


def made(due: datetime, status: str = "open", late: timedelta = timedelta(0)) -> Promise:
    promise = new_promise("x", due, due - 24 * H)
    if status == "kept":
        at = due + late
        return promise.with_event(Event("kept", at, kept_at=at), status="kept", kept_at=at)
    if status in ("missed", "released"):
        return promise.with_event(Event(status, due + H), status=status)
    return promise


def series(*kinds: str, start: datetime = NOW - 100 * 24 * H) -> list[Promise]:
    """One promise every two days: "k" on time, "l" a day late, "m" missed, "r" released."""
    result = []
    for n, kind in enumerate(kinds):
        due = start + n * 48 * H
        if kind == "k":
            result.append(made(due, "kept"))
        elif kind == "l":
            result.append(made(due, "kept", late=24 * H))
        else:
            result.append(made(due, {"m": "missed", "r": "released"}[kind]))
    return result


def test_nothing_resolved_means_no_score() -> None:
    result = reliability([made(NOW + H), made(NOW - H)], NOW)  # open, even overdue, do not count
    assert result.score is None and result.on_time_rate is None
    assert (result.on_time, result.late, result.missed, result.released) == (0, 0, 0, 0)
    assert result.weekly == (None,) * 12


def test_a_run_of_on_time_promises_grows_the_score_like_loop() -> None:
    result = reliability(series(*"k" * 13), NOW)
    assert result.score == pytest.approx(0.5)  # 13 promises: half-way, by design
    longer = reliability(series(*"k" * 40), NOW)
    assert longer.score == pytest.approx(1 - ALPHA**40)
    assert longer.run == longer.best_run == 40 and longer.on_time_rate == 1.0


def test_each_promise_moves_the_score_toward_its_value() -> None:
    kept = reliability(series("k"), NOW).score
    assert kept == pytest.approx(1 - ALPHA)
    then_missed = reliability(series("k", "m"), NOW).score
    assert then_missed == pytest.approx(ALPHA * (1 - ALPHA))
    then_late = reliability(series("k", "l"), NOW).score
    assert then_late == pytest.approx(ALPHA * (1 - ALPHA) + (1 - ALPHA) * 0.5)


@pytest.mark.parametrize(
    ("late", "value"),
    [
        (timedelta(0), 1.0),
        (timedelta(minutes=10), 1.0),  # grace
        (H, 1 - 1 / 24),
        (6 * H, 0.75),
        (12 * H, 0.5),
        (24 * 7 * H, 0.5),  # the floor
    ],
)
def test_lateness_is_graded_down_to_a_floor(late: timedelta, value: float) -> None:
    assert late_value(late) == pytest.approx(value)
    kept = outcome(made(NOW - 200 * H, "kept", late=late))
    assert kept is not None and kept.value == pytest.approx(value)
    assert kept.kind == ("on_time" if late <= timedelta(minutes=10) else "late")


def test_released_promises_are_ignored() -> None:
    plain = reliability(series("k", "m", "k"), NOW)
    with_released = reliability(series("k", "r", "m", "r", "r", "k"), NOW)
    assert with_released.score == pytest.approx(plain.score)
    assert with_released.released == 3 and plain.released == 0
    assert with_released.on_time_rate == plain.on_time_rate == pytest.approx(2 / 3)


def test_released_neither_adds_to_nor_breaks_a_run() -> None:
    result = reliability(series("m", "k", "r", "k", "k"), NOW)
    assert result.run == 3 and result.best_run == 3


def test_late_and_missed_break_a_run_and_the_best_is_kept() -> None:
    result = reliability(series("k", "k", "k", "k", "l", "k", "m", "k", "k"), NOW)
    assert (result.run, result.best_run) == (2, 4)
    assert (result.on_time, result.late, result.missed) == (7, 1, 1)
    assert result.counted == 9


def test_a_promise_moved_before_it_was_due_counts_from_its_new_time() -> None:
    due = NOW - 100 * H
    promise = new_promise("x", due, due - 48 * H)
    promise = promise.with_event(
        Event("moved", due - 2 * H, old=due, new=due + 24 * H), due=due + 24 * H
    )
    kept_at = due + 20 * H  # late against the first time, on time against the new one
    promise = promise.with_event(
        Event("kept", kept_at, kept_at=kept_at), status="kept", kept_at=kept_at
    )
    result = outcome(promise)
    assert result is not None and result.kind == "on_time" and result.value == 1.0


def test_a_promise_moved_once_late_still_counts_as_late() -> None:
    due = NOW - 100 * H
    promise = new_promise("x", due, due - 48 * H)
    promise = promise.with_event(
        Event("moved", due + 2 * H, old=due, new=due + 24 * H), due=due + 24 * H
    )
    kept_at = due + 12 * H
    promise = promise.with_event(
        Event("kept", kept_at, kept_at=kept_at), status="kept", kept_at=kept_at
    )
    result = outcome(promise)
    assert result is not None and result.kind == "late" and result.value == pytest.approx(0.5)


def test_weekly_values_trace_the_score_week_by_week() -> None:
    start = NOW - timedelta(weeks=5, hours=12)
    promises = [made(start + timedelta(days=d), "kept") for d in range(0, 35)]
    result = reliability(promises, NOW, weeks=8)
    assert len(result.weekly) == 8
    assert result.weekly[:2] == (None, None)  # before the first promise
    values = [v for v in result.weekly if v is not None]
    assert values == sorted(values)  # a steady run only climbs
    assert result.weekly[-1] == pytest.approx(result.score)


def test_resolutions_in_the_future_are_not_counted() -> None:
    assert reliability(series("k", start=NOW + H), NOW).score is None


@pytest.mark.parametrize(
    ("run", "noticed"), [(1, False), (3, True), (4, False), (10, True), (50, True)]
)
def test_run_milestones(run: int, noticed: bool) -> None:
    assert is_run_milestone(run) is noticed
