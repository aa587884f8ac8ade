"""The dashboard's fast figures give exactly what the full readings give."""

from __future__ import annotations

from datetime import timedelta

import pytest

from trusttui.core.breath_log import all_breaths
from trusttui.core.breathing import MIN_COUNTED_SECONDS, BreathStats, breath_stats
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.promise_summary import promise_summary
from trusttui.core.promises import all_promises
from trusttui.core.reliability import outcome, outcome_of_doc, reliability, reliability_of_docs
from trusttui.core.store import Store, raw_records


def slow_breath_stats(store: Store, now) -> BreathStats:  # type: ignore[no-untyped-def]
    """The figures as they were computed before: every session, a set of days."""
    zone = now.tzinfo
    week_start = (now - timedelta(days=now.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    sessions, seconds, days, changes = 0, 0.0, set(), []
    for breath in all_breaths(store.read()):
        if breath.before is not None and breath.after is not None:
            changes.append(breath.after - breath.before)
        if breath.seconds < MIN_COUNTED_SECONDS or breath.started > now:
            continue
        local = breath.started.astimezone(zone)
        days.add(local.date())
        if local >= week_start:
            sessions += 1
            seconds += breath.seconds
    day = now.date()
    if day not in days:
        day -= timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    average = round(sum(changes) / len(changes), 1) if changes else None
    return BreathStats(sessions, round(seconds / 60, 1), streak, average)


@pytest.mark.parametrize("seed", [1, 7])
def test_fast_figures_match_the_full_readings(store: Store, clock: ManualClock, seed: int) -> None:
    build_demo(store, now=clock.now(), years=2, seed=seed)
    for step in (timedelta(0), timedelta(days=3, hours=5), timedelta(days=40)):
        clock.advance(step.total_seconds())
        now = clock.now()
        db = store.read()
        promises = all_promises(db)
        summary = promise_summary(db, now)
        assert summary.score == reliability(promises, now)
        assert summary.total == len(promises)
        open_ = [p for p in promises if p.is_open]
        later = [p for p in open_ if p.due >= now]
        assert summary.overdue == sum(1 for p in open_ if p.due < now)
        assert summary.next == (later[0] if later else None)
        assert breath_stats(db, now) == slow_breath_stats(store, now)


def test_outcome_of_a_record_matches_the_promise(store: Store, clock: ManualClock) -> None:
    build_demo(store, now=clock.now(), years=1, seed=3)
    db = store.read()
    by_id = {p.id: p for p in all_promises(db)}
    for doc in raw_records(db, "promises"):
        assert outcome_of_doc(doc) == outcome(by_id[doc["id"]])


def test_ties_are_scored_in_the_boards_order(clock: ManualClock) -> None:
    now = clock.now()
    at = (now - timedelta(days=1)).isoformat(timespec="seconds")

    def doc(pid: str, due: str, status: str) -> dict[str, object]:
        return {
            "id": pid,
            "text": "x",
            "due": due,
            "status": status,
            "kept_at": at if status == "kept" else None,
            "created": at,
            "updated": at,
            "history": [{"event": "created", "at": at, "due": due}, {"event": status, "at": at}],
        }

    early = (now - timedelta(days=2)).isoformat(timespec="seconds")
    late = (now - timedelta(days=1, hours=1)).isoformat(timespec="seconds")
    docs = [doc("b", late, "missed"), doc("a", early, "kept"), doc("c", early, "missed")]
    from trusttui.core.promise_record import Promise

    promises = sorted((Promise.from_doc(d) for d in docs), key=lambda p: (p.due.timestamp(), p.id))
    assert reliability_of_docs(docs, now) == reliability(promises, now)


def test_damaged_breath_records_are_left_out_as_before(store: Store, clock: ManualClock) -> None:
    build_demo(store, now=clock.now(), years=1, seed=5)
    good = raw_records(store.read(), "breaths")[-1]
    with store.transaction() as db:
        table = db.table("breaths")
        table.insert({**good, "id": "x1", "before": 9, "after": 2, "ended": "not a time"})
        table.insert({k: v for k, v in good.items() if k != "pattern"} | {"id": "x2"})
        table.insert({**good, "id": "x3", "cycles": "many"})
        table.insert({**good, "id": "x4", "before": 1, "after": 8})
    now = clock.now()
    assert breath_stats(store.read(), now) == slow_breath_stats(store, now)
