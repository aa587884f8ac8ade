"""The journal: wins, setbacks held kindly, reflections that allow boundaries."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import NOW
from trusttui.core.clock import ManualClock
from trusttui.core.errors import InputError
from trusttui.core.journal import (
    REFLECTION_PROMPTS,
    SETBACK_PROMPTS,
    JournalEntry,
    add_entry,
    all_entries,
    compose,
    delete_entry,
    edit_entry,
    latest,
)
from trusttui.core.store import Store


def test_round_trip_of_every_kind(store: Store, clock: ManualClock) -> None:
    saved = []
    for kind in ("win", "setback", "reflection"):
        saved.append(add_entry(store, kind, f"  a {kind}\n  second line  "))
        clock.advance(60)
    loaded = all_entries(store.read())
    assert loaded == saved
    assert loaded[0].text == "a win\n  second line"
    assert loaded[0].first_line == "a win"
    assert JournalEntry.from_doc(saved[1].as_doc()) == saved[1]
    assert set(store.read().table("journal").all()[0]) == {"id", "at", "kind", "text"}


def test_latest_win_is_the_newest(store: Store, clock: ManualClock) -> None:
    assert latest(store.read(), "win") is None
    add_entry(store, "win", "older")
    add_entry(store, "setback", "in between", at=NOW + timedelta(hours=2))
    add_entry(store, "win", "newer", at=NOW + timedelta(hours=1))
    found = latest(store.read(), "win")
    assert found is not None and found.text == "newer"
    newest = latest(store.read())
    assert newest is not None and newest.kind == "setback"


@pytest.mark.parametrize(("kind", "text"), [("win", "   "), ("gripe", "x"), ("win", "x" * 5000)])
def test_bad_entries_save_nothing(store: Store, kind: str, text: str) -> None:
    with pytest.raises(InputError):
        add_entry(store, kind, text)
    assert not store.path.exists()


def test_setback_prompts_compose_into_one_text() -> None:
    assert [p.question for p in SETBACK_PROMPTS] == [
        "What happened?",
        "What did I need?",
        "What can I try next time?",
    ]
    text = compose(SETBACK_PROMPTS, {"happened": "They were late  again.", "try": "Say it early"})
    assert text == "What happened: They were late again.\nWhat I can try: Say it early"


def test_reflection_offers_a_boundary_and_never_forgiveness() -> None:
    questions = " ".join(p.question for p in REFLECTION_PROMPTS).lower()
    assert "boundary" in questions
    assert "forgive" not in questions


def test_edit_and_delete_by_short_id(store: Store) -> None:
    entry = add_entry(store, "win", "first")
    edited = edit_entry(store, entry.id[:6], "changed")
    assert edited.text == "changed" and edited.at == entry.at
    assert all_entries(store.read())[0].text == "changed"
    delete_entry(store, entry.id[:6])
    assert all_entries(store.read()) == []
