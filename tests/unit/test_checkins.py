"""Trust check-ins: statements averaged per dimension, round trips, weekly suggestion."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import NOW
from trusttui.core.checkins import (
    DIMENSIONS,
    STATEMENTS,
    TrustCheckIn,
    add_checkin,
    all_checkins,
    checkin_suggested,
    latest_checkin,
    score_answers,
    since_words,
)
from trusttui.core.clock import ManualClock
from trusttui.core.errors import InputError
from trusttui.core.store import Store


def test_statements_cover_every_dimension_in_a_handful() -> None:
    assert 3 <= len(STATEMENTS) <= 9
    assert {s.dimension for s in STATEMENTS} == set(DIMENSIONS)
    assert len({s.key for s in STATEMENTS}) == len(STATEMENTS)


def test_answers_are_averaged_per_dimension() -> None:
    scores = score_answers(
        {"match": 4, "expect": 5, "promises": 7, "count-on": 6, "future": 2, "rough-days": None}
    )
    assert scores == {"predictability": 4.5, "dependability": 6.5, "faith": 2.0}


def test_a_fully_skipped_dimension_is_left_out() -> None:
    assert score_answers({"match": 3, "future": None, "rough-days": None}) == {
        "predictability": 3.0
    }


@pytest.mark.parametrize(
    "answers",
    [{}, {"match": None}, {"match": 0}, {"match": 8}, {"nope": 3}, {"match": True}],
    ids=["empty", "all-skipped", "zero", "eight", "unknown", "bool"],
)
def test_bad_answers_are_refused(answers: dict[str, int | None]) -> None:
    with pytest.raises(InputError):
        score_answers(answers)


def test_round_trip_through_the_store(store: Store, clock: ManualClock) -> None:
    saved = add_checkin(store, {"match": 5, "promises": 4, "future": 3}, note="  a calmer week ")
    assert saved.note == "a calmer week" and saved.at == NOW
    clock.advance(3600)
    add_checkin(store, {"match": 6})
    loaded = all_checkins(store.read())
    assert loaded[0] == saved
    assert [c.at for c in loaded] == [NOW, NOW + timedelta(hours=1)]
    assert TrustCheckIn.from_doc(saved.as_doc()) == saved
    assert saved.overall == pytest.approx(4.0)
    latest = latest_checkin(store.read())
    assert latest is not None and latest.scores == {"predictability": 6.0}


def test_nothing_is_saved_on_bad_input(store: Store) -> None:
    with pytest.raises(InputError):
        add_checkin(store, {"match": 9})
    assert not store.path.exists()


def test_check_in_is_suggested_weekly_never_sooner() -> None:
    assert checkin_suggested(None, NOW)
    recent = TrustCheckIn("a", NOW - timedelta(days=6, hours=23), {"faith": 4.0})
    assert not checkin_suggested(recent, NOW)
    old = TrustCheckIn("a", NOW - timedelta(days=7), {"faith": 4.0})
    assert checkin_suggested(old, NOW)


@pytest.mark.parametrize(
    ("days", "words"),
    [(0, "today"), (1, "yesterday"), (5, "5 days ago"), (21, "3 weeks ago"), (90, "3 months ago")],
)
def test_since_words(days: int, words: str) -> None:
    assert since_words(NOW - timedelta(days=days), NOW) == words
