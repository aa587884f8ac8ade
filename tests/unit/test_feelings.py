"""Check-ins in the `feelings` table, and the history figures drawn from them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import NOW
from trusttui.core.clock import ManualClock
from trusttui.core.errors import InputError
from trusttui.core.feelings import (
    CheckIn,
    add_checkin,
    all_checkins,
    checkin_summary,
    clean_tags,
    frequent_words,
    latest_checkin,
    recent_checkins,
    week_count,
    weekly_family_intensity,
)
from trusttui.core.store import Store


def test_add_checkin_saves_the_contract_fields(store: Store) -> None:
    saved = add_checkin(
        store, ["Hurt", "let  down"], 7, note=" He forgot again. ", tags=["Partner"]
    )
    docs = store.read().table("feelings").all()
    assert len(docs) == 1
    doc = docs[0]
    assert set(doc) == {"id", "at", "words", "intensity", "note", "tags"}
    assert doc["words"] == ["hurt", "let down"]
    assert doc["intensity"] == 7
    assert doc["note"] == "He forgot again."
    assert doc["tags"] == ["partner"]
    assert doc["at"] == "2026-11-27T14:30:00+01:00"
    assert all_checkins(store.read()) == [saved]


def test_defaults_intensity_5_no_note_no_tags(store: Store) -> None:
    saved = add_checkin(store, ["calm"])
    assert (saved.intensity, saved.note, saved.tags) == (5, "", ())


@pytest.mark.parametrize(
    ("words", "intensity", "message"),
    [
        (["hurtt"], 5, "not on the wheel"),
        ([], 5, "at least one word"),
        (["hurt"], 0, "from 1"),
        (["hurt"], 11, "from 1"),
    ],
)
def test_bad_input_writes_nothing(
    store: Store, words: list[str], intensity: int, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        add_checkin(store, words, intensity)
    assert not store.path.exists()


def test_tags_are_trimmed_split_and_deduplicated() -> None:
    assert clean_tags(["Partner, work", " partner ", "", "big   day"]) == (
        "partner",
        "work",
        "big day",
    )


def test_all_checkins_oldest_first_and_skips_broken_records(
    store: Store, clock: ManualClock
) -> None:
    first = add_checkin(store, ["hurt"], 8)
    clock.advance(3600)
    second = add_checkin(store, ["calm"], 3)
    with store.transaction() as db:
        db.table("feelings").insert({"id": "broken", "words": ["sad"]})
    assert all_checkins(store.read()) == [first, second]
    assert latest_checkin(store.read()) == second
    assert CheckIn.from_doc(second.as_doc()) == second


def test_latest_checkin_of_nothing_is_none(store: Store) -> None:
    assert latest_checkin(store.read()) is None
    assert checkin_summary(store.read(), NOW) == (None, 0)


def test_checkin_summary_counts_the_last_seven_days(store: Store, clock: ManualClock) -> None:
    clock.advance(-8 * 86400)
    add_checkin(store, ["hurt"])
    clock.advance(6 * 86400)
    add_checkin(store, ["sad"])
    clock.advance(2 * 86400)
    last = add_checkin(store, ["calm"])
    assert checkin_summary(store.read(), clock.now()) == (last, 2)


def checkin(days_ago: float, words: tuple[str, ...], intensity: int = 5) -> CheckIn:
    return CheckIn(
        id=f"id{days_ago}", at=NOW - timedelta(days=days_ago), words=words, intensity=intensity
    )


def test_recent_checkins_newest_first() -> None:
    history = [checkin(d, ("sad",)) for d in (5, 4, 3, 2, 1)]
    assert [c.id for c in recent_checkins(history, 3)] == ["id1", "id2", "id3"]
    assert recent_checkins(history, 0) == []


def test_frequent_words_count_only_the_last_30_days() -> None:
    history = [
        checkin(40, ("hurt", "angry")),
        checkin(20, ("hurt", "calm")),
        checkin(10, ("calm",)),
        checkin(1, ("calm", "hopeful")),
    ]
    assert frequent_words(history, NOW) == [("calm", 3), ("hopeful", 1), ("hurt", 1)]
    assert frequent_words(history, NOW, limit=1) == [("calm", 3)]


def test_weekly_family_intensity_averages_per_family_per_week() -> None:
    history = [
        checkin(20, ("hurt", "betrayed"), 9),  # Sad, counted once; three weeks back
        checkin(15, ("hurt",), 7),
        checkin(9, ("anxious",), 6),
        checkin(2, ("hurt", "calm"), 4),
        checkin(1, ("calm",), 2),
        checkin(60, ("hurt",), 10),  # too old for four weeks
    ]
    weekly = weekly_family_intensity(history, NOW, weeks=4)
    assert weekly["Sad"] == (None, 8.0, None, 4.0)
    assert weekly["Scared"] == (None, None, 6.0, None)
    assert weekly["Calm"] == (None, None, None, 3.0)
    assert weekly["Joyful"] == (None, None, None, None)


def test_week_count() -> None:
    history = [checkin(d, ("sad",)) for d in (9, 6, 3, 0.1)]
    assert week_count(history, NOW) == 3
