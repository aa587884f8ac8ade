"""The breaths log and the figures drawn from it; breathing preferences."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest

from tests.conftest import NOW
from trusttui.core.breath_log import all_breaths, log_breath, rate_after
from trusttui.core.breath_prefs import (
    Choice,
    ask_tension,
    bell_on,
    last_choice,
    safety_seen,
    save_bell,
    save_choice,
    save_safety_seen,
)
from trusttui.core.breathing import BreathStats, Length, breath_stats
from trusttui.core.errors import InputError
from trusttui.core.store import Store


def log(
    store: Store,
    days_ago: float,
    minutes: float = 2,
    before: int | None = None,
    after: int | None = None,
) -> None:
    started = NOW - timedelta(days=days_ago)
    log_breath(
        store,
        pattern="calm",
        started=started,
        ended=started + timedelta(minutes=minutes),
        seconds=minutes * 60,
        cycles=int(minutes * 6),
        completed=True,
        before=before,
        after=after,
    )


def test_a_session_is_stored_with_the_contract_fields(store: Store) -> None:
    started = NOW
    breath = log_breath(
        store,
        pattern="box",
        started=started,
        ended=started + timedelta(seconds=16),
        seconds=16.0000004,
        cycles=1,
        completed=True,
        before=6,
    )
    raw = orjson.loads(store.path.read_bytes())
    [doc] = raw["breaths"].values()
    assert doc == {
        "id": breath.id,
        "pattern": "box",
        "started": "2026-11-27T14:30:00+01:00",
        "ended": "2026-11-27T14:30:16+01:00",
        "seconds": 16.0,
        "cycles": 1,
        "completed": True,
        "before": 6,
        "after": None,
    }
    rated = rate_after(store, breath.id, 3)
    assert rated.change == -3
    assert all_breaths(store.read()) == [rated]


@pytest.mark.parametrize("rating", [-1, 11, True, 2.5])
def test_ratings_outside_0_to_10_are_refused(store: Store, rating: object) -> None:
    with pytest.raises(InputError, match="0 \\(at ease\\) to 10"):
        log_breath(
            store,
            pattern="calm",
            started=NOW,
            ended=NOW,
            seconds=0,
            cycles=0,
            completed=False,
            before=rating,  # type: ignore[arg-type]
        )
    assert not store.path.exists()


def test_no_sessions_gives_zeros(store: Store) -> None:
    assert breath_stats(store.read(), NOW) == BreathStats(0, 0.0, 0, None)


def test_week_streak_and_average_change(store: Store) -> None:
    # NOW is Friday 27 November, 14:30. The week began on Monday 23 November.
    log(store, 0, minutes=3, before=7, after=4)  # today
    log(store, 1, minutes=2, before=5, after=4)  # Thursday
    log(store, 1.1, minutes=2)  # Thursday again
    log(store, 2)  # Wednesday
    log(store, 5)  # Sunday 22nd: last week, and after a gap (no Monday or Tuesday)
    log(store, 6)  # Saturday 21st
    log(store, 0.01, minutes=0.05)  # a start and an immediate stop: not counted
    stats = breath_stats(store.read(), NOW)
    assert stats.sessions_week == 4
    assert stats.minutes_week == 9.0
    assert stats.streak_days == 3
    assert stats.avg_change == -2.0


def test_streak_waits_for_today_and_counts_by_local_day(store: Store) -> None:
    log(store, 1)
    log(store, 2)
    assert breath_stats(store.read(), NOW).streak_days == 2
    # 23:30 UTC on the 26th is already the 27th at UTC+1.
    late = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    log_breath(
        store,
        pattern="calm",
        started=late,
        ended=late,
        seconds=60,
        cycles=6,
        completed=False,
    )
    assert breath_stats(store.read(), NOW).streak_days == 3
    assert breath_stats(store.read(), NOW + timedelta(days=3)).streak_days == 0


def test_preferences_have_kind_defaults_and_are_kept(store: Store) -> None:
    db = store.read()
    assert bell_on(db) and not safety_seen(db) and ask_tension(db)
    assert last_choice(db) == Choice("calm", Length(minutes=2))
    save_bell(store, False)
    save_safety_seen(store)
    save_choice(store, Choice("box", Length(cycles=5)))
    db = store.read()
    assert not bell_on(db) and safety_seen(db)
    assert last_choice(db) == Choice("box", Length(cycles=5))
