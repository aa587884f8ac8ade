"""Sample promises: believable, reproducible, and in the stored shape."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.conftest import NOW
from trusttui.core.demo import build_demo
from trusttui.core.promises import all_promises, due_counts
from trusttui.core.reliability import reliability
from trusttui.core.store import Store


def test_a_year_of_promises(store: Store) -> None:
    build_demo(store, now=NOW, years=1)
    promises = all_promises(store.read())
    assert 800 <= len(promises) <= 1100
    statuses = Counter(p.status for p in promises)
    assert statuses["kept"] > 0.75 * len(promises)
    assert 0 < statuses["missed"] < 0.1 * len(promises)
    assert 0 < statuses["released"] < 0.06 * len(promises)
    assert any(e.event == "moved" for p in promises for e in p.history)
    assert sum(1 for p in promises if p.every) > 300
    later_today, overdue = due_counts(store.read(), NOW)
    assert overdue == 1 and later_today >= 2
    assert sum(1 for p in promises if p.is_open and p.due.date() > NOW.date()) >= 4
    for promise in promises:
        resolved = promise.resolved_at
        assert resolved is None or promise.created <= resolved <= NOW
        assert promise.history[0].event == "created"
    score = reliability(promises, NOW)
    assert score.score is not None and 0.8 < score.score < 1
    assert score.late > 0 and score.on_time_rate is not None and score.on_time_rate > 0.7


def test_the_same_seed_gives_the_same_promises(tmp_path: Path, store: Store) -> None:
    other = Store.open(tmp_path / "other.json", clock=store.clock)
    build_demo(store, now=NOW, years=1, seed=7)
    build_demo(other, now=NOW, years=1, seed=7)
    first = [(p.text, p.due, p.status) for p in all_promises(store.read())]
    assert first == [(p.text, p.due, p.status) for p in all_promises(other.read())]


def test_more_years_more_history(store: Store) -> None:
    build_demo(store, now=NOW, years=3)
    promises = all_promises(store.read())
    assert len(promises) > 2400
    assert min(p.due for p in promises) < NOW.replace(year=NOW.year - 2)
