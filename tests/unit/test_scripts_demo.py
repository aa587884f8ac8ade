"""Sample scripts: believable, reproducible, spread over the years, calm to read."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import NOW
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.scripts import all_scripts
from trusttui.core.store import Store
from trusttui.core.tone import check


def demo_scripts(tmp_path: Path, name: str, years: int = 1) -> list:  # type: ignore[type-arg]
    store = Store.open(tmp_path / name, clock=ManualClock(NOW))
    build_demo(store, now=NOW, years=years)
    return all_scripts(store.read())


def test_a_few_dozen_a_year_both_flows_most_with_outcomes(tmp_path: Path) -> None:
    scripts = demo_scripts(tmp_path, "a.json")
    assert 20 <= len(scripts) <= 40
    assert {s.flow for s in scripts} == {"hurt", "repair"}
    assert all(NOW.replace(year=NOW.year - 1) <= s.created <= s.updated <= NOW for s in scripts)
    with_outcome = [s for s in scripts if s.outcome]
    assert len(with_outcome) >= len(scripts) // 2
    newest = max(scripts, key=lambda s: s.created)
    assert newest.outcome is None and 0 < newest.filled < len(newest.guide.steps)
    for script in scripts:
        for text in script.steps.values():
            assert check(text) == [], text


def test_same_seed_same_scripts_and_scales_with_years(tmp_path: Path) -> None:
    first = demo_scripts(tmp_path, "b.json")
    again = demo_scripts(tmp_path, "c.json")
    assert first == again
    assert len(demo_scripts(tmp_path, "d.json", years=3)) == 3 * len(first)
