"""Progress and signs gathered from the person's own records across the tools."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import NOW
from trusttui.core import feelings, promises
from trusttui.core.checkins import add_checkin
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.journal import add_entry
from trusttui.core.progress import progress_report, unpleasant_words
from trusttui.core.signs import find_signs
from trusttui.core.store import Store


def at(clock: ManualClock, moment: object) -> None:
    clock.current = moment  # type: ignore[assignment]


def test_unpleasant_words_follow_the_wheel_families() -> None:
    words = unpleasant_words()
    assert words["hurt"] and words["betrayed"] and words["anxious"]
    assert not words["hopeful"] and not words["calm"]


def test_a_run_of_promises_kept_on_time(store: Store, clock: ManualClock) -> None:
    for day in range(12, 0, -1):
        at(clock, NOW - timedelta(days=day, hours=2))
        made = promises.add_promise(store, f"call at six, day {day}", NOW - timedelta(days=day))
        at(clock, NOW - timedelta(days=day, minutes=5))
        promises.keep(store, made.id)
    at(clock, NOW)
    texts = [sign.text for sign in find_signs(store.read(), NOW)]
    assert "12 promises kept on time in a row" in texts
    assert "12 promises kept in the last 30 days" in texts
    report = progress_report(store.read(), NOW)
    reliability = next(s for s in report.series if s.key == "reliability")
    assert reliability.latest is not None and reliability.latest > 0.4
    assert reliability.show(reliability.latest).endswith("%")


def test_hurt_logged_less_often_and_lighter(store: Store, clock: ManualClock) -> None:
    for day in range(1, 31, 3):  # ten times in October, heavy
        at(clock, NOW.replace(month=10, day=day))
        feelings.add_checkin(store, ["hurt"], intensity=8)
    for day in (5, 15, 24):  # three times in November, lighter
        at(clock, NOW.replace(day=day))
        feelings.add_checkin(store, ["hurt", "hopeful"], intensity=3)
    at(clock, NOW)
    texts = [sign.text for sign in find_signs(store.read(), NOW)]
    assert "'hurt' logged 10 times in October, 3 times in November" in texts
    report = progress_report(store.read(), NOW)
    reading = next(r for r in report.readings if r.key == "unpleasant")
    assert reading.text == "lighter than a month ago"


def test_check_ins_and_journal_feed_the_report(store: Store, clock: ManualClock) -> None:
    for week in range(10, -1, -1):
        at(clock, NOW - timedelta(weeks=week))
        add_checkin(store, {"match": 3 + (10 - week) // 3, "promises": 4, "future": 4})
    add_entry(store, "setback", "late again", at=NOW - timedelta(days=3))
    add_entry(store, "win", "on time", at=NOW - timedelta(days=1))
    at(clock, NOW)
    report = progress_report(store.read(), NOW)
    assert [s.key for s in report.series] == [
        "predictability",
        "dependability",
        "faith",
        "reliability",
        "unpleasant",
    ]
    assert report.readings[0].text == "steadier than a month ago"
    assert report.readings[3].trend == "none"
    texts = [sign.text for sign in find_signs(store.read(), NOW)]
    assert "After your last setback, you noted a small win 2 days later" in texts


def test_ten_years_of_demo_data_are_read(tmp_path: object, clock: ManualClock) -> None:
    """Ten years read whole (how fast: benchmarks/, never a timed test)."""
    from pathlib import Path

    store = Store.open(Path(str(tmp_path)) / "ten.json", clock=clock)
    build_demo(store, now=NOW, years=10)
    db = store.read()
    report = progress_report(db, NOW)
    signs = find_signs(db, NOW)
    assert all(series.latest is not None for series in report.series)
    assert signs
