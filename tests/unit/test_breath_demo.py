"""The sample breathing history: believable, reproducible, scaled to the years asked for."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import NOW
from trusttui.core.breath_log import all_breaths
from trusttui.core.breath_patterns import custom_patterns
from trusttui.core.breathing import breath_stats
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.store import Store


def demo(path: Path, years: int) -> Store:
    store = Store.open(path, clock=ManualClock(NOW))
    build_demo(store, now=NOW, years=years)
    return store


def test_a_year_of_habit_with_a_streak_and_two_patterns(tmp_path: Path) -> None:
    db = demo(tmp_path / "a.json", 1).read()
    breaths = all_breaths(db)
    assert 150 < len(breaths) < 350
    assert all(NOW.replace(year=NOW.year - 1) <= b.started and b.ended <= NOW for b in breaths)
    assert {p.name for p in custom_patterns(db)} == {"slow evening", "before a talk"}
    assert any(not b.completed for b in breaths) and any(b.after is not None for b in breaths)
    stats = breath_stats(db, NOW)
    assert stats.streak_days >= 2 and stats.avg_change is not None and stats.avg_change < 0


def test_same_seed_same_file_and_ten_years_is_a_few_thousand(tmp_path: Path) -> None:
    one = demo(tmp_path / "a.json", 2).read().table("breaths").all()
    two = demo(tmp_path / "b.json", 2).read().table("breaths").all()
    assert one == two
    ten = all_breaths(demo(tmp_path / "c.json", 10).read())
    assert 2000 <= len(ten) <= 4000
