"""The demo check-ins and journal: believable, reproducible, ending now."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise
from pathlib import Path
from statistics import fmean

import pytest

from tests.conftest import NOW
from trusttui.core.checkins import all_checkins
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.journal import all_entries
from trusttui.core.store import Store


@pytest.mark.parametrize("years", [1, 3])
def test_weekly_check_ins_trend_up_with_dips(tmp_path: Path, years: int) -> None:
    store = Store.open(tmp_path / "demo.json", clock=ManualClock(NOW))
    build_demo(store, now=NOW, years=years)
    checkins = all_checkins(store.read())
    weeks = years * 52
    assert 0.75 * weeks <= len(checkins) <= weeks + 2
    assert checkins[-1].at <= NOW and NOW - checkins[-1].at < timedelta(days=7)
    assert checkins[0].at < NOW - timedelta(days=365 * years - 21)
    overall = [c.overall or 0 for c in checkins]
    assert fmean(overall[:8]) + 1.5 < fmean(overall[-8:])
    drops = sum(1 for a, b in pairwise(overall) if b < a - 0.7)
    assert drops >= 2
    entries = all_entries(store.read())
    kinds = {entry.kind for entry in entries}
    assert kinds == {"win", "setback", "reflection"}
    assert all(entry.at <= NOW for entry in entries)
    assert len(entries) > 60 * years
    setback = next(entry for entry in entries if entry.kind == "setback")
    assert setback.text.startswith("What happened: ")


def test_same_seed_same_data(tmp_path: Path) -> None:
    texts = []
    for name in ("a", "b"):
        store = Store.open(tmp_path / f"{name}.json", clock=ManualClock(NOW))
        build_demo(store, now=NOW, seed=7)
        texts.append([(e.at, e.text) for e in all_entries(store.read())])
    assert texts[0] == texts[1]
