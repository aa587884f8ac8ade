"""Custom breathing patterns: validation with clear words, saved, edited and deleted."""

from __future__ import annotations

import pytest

from trusttui.core.breath_patterns import (
    all_patterns,
    custom_patterns,
    delete_pattern,
    find_pattern,
    make_pattern,
    save_pattern,
)
from trusttui.core.errors import InputError, NotFoundError
from trusttui.core.store import Store


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (("", "4", "0", "6", "0"), "Give the pattern a name"),
        (("x" * 25, "4", "0", "6", "0"), "24 characters"),
        (("ok", "", "0", "6", "0"), "Breathe in: give a number of seconds"),
        (("ok", "four", "0", "6", "0"), "Breathe in: 'four' is not a number"),
        (("ok", "0", "0", "6", "0"), "Breathe in: needs a moment, more than 0"),
        (("ok", "4", "0", "0", "0"), "Breathe out: needs a moment, more than 0"),
        (("ok", "4", "-1", "6", "0"), "Hold after in: choose between 0 and 20"),
        (("ok", "4", "0", "6", "21"), "Hold after out: choose between 0 and 20"),
        (("ok", "4", "0", "nan", "0"), "Breathe out: choose between 0 and 20"),
        (("box", "4", "0", "6", "0"), "already a pattern called 'box'"),
        (("Calm", "4", "0", "6", "0"), "already a pattern called 'Calm'"),
    ],
)
def test_bad_values_are_refused_with_a_clear_line(values: tuple[str, ...], message: str) -> None:
    with pytest.raises(InputError, match=message):
        make_pattern(*values, taken=["calm", "box"])


def test_good_values_are_tidied() -> None:
    pattern = make_pattern("  before   a talk ", "4,5", " 0 ", "20", "1.25")
    assert pattern.name == "before a talk"
    assert (pattern.breathe_in, pattern.hold_in, pattern.breathe_out, pattern.hold_out) == (
        4.5,
        0,
        20,
        1.2,
    )
    assert pattern.top_up == 0 and pattern.id and not pattern.builtin


def test_save_edit_find_and_delete(store: Store) -> None:
    saved = save_pattern(store, "evening", "4", "2", "7", "0")
    db = store.read()
    assert custom_patterns(db) == [saved]
    assert [p.name for p in all_patterns(db)][-1] == "evening"
    assert find_pattern(db, " EVENING ").id == saved.id
    assert find_pattern(db, "box").builtin
    edited = save_pattern(store, "Evening", "5", "0", "8", "0", pattern_id=saved.id)
    assert edited.id == saved.id
    [only] = custom_patterns(store.read())
    assert (only.name, only.cycle_seconds) == ("Evening", 13)
    with pytest.raises(InputError, match="already a pattern called 'sigh'"):
        save_pattern(store, "sigh", "4", "0", "6", "0", pattern_id=saved.id)
    delete_pattern(store, saved.id)
    assert custom_patterns(store.read()) == []
    with pytest.raises(NotFoundError, match="breathe --list"):
        find_pattern(store.read(), "evening")
    with pytest.raises(NotFoundError):
        delete_pattern(store, saved.id)


def test_a_refused_pattern_writes_nothing(store: Store) -> None:
    save_pattern(store, "mine", "4", "0", "6", "0")
    before = store.path.read_bytes()
    with pytest.raises(InputError):
        save_pattern(store, "other", "4", "0", "0", "0")
    with pytest.raises(InputError):
        save_pattern(store, "MINE", "4", "0", "6", "0")
    assert store.path.read_bytes() == before


def test_records_damaged_by_hand_are_left_out(store: Store) -> None:
    from trusttui.core.breath_log import all_breaths

    with store.transaction() as db:
        db.table("patterns").insert({"id": "a", "name": "zero", "in": 0, "out": 6})
        db.table("patterns").insert({"id": "b", "name": "no numbers"})
        db.table("patterns").insert({"id": "c", "name": "fine", "in": 4, "out": 6})
        db.table("breaths").insert({"id": "d", "pattern": "calm", "started": "yesterday"})
    db = store.read()
    assert [p.name for p in custom_patterns(db)] == ["fine"]
    assert all_breaths(db) == []
