"""Promises: the record, status changes with their history, repeats rolling over."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from trusttui.core import promises as p
from trusttui.core.clock import ManualClock
from trusttui.core.errors import InputError, NotFoundError
from trusttui.core.settings import save_setting
from trusttui.core.store import Store

FIELDS = {
    "id", "text", "to", "due", "every", "status", "kept_at", "created", "updated", "notes",
    "history",
}  # fmt: skip


def add(store: Store, text: str = "Call Sam back", hours: float = 3, **kw: object) -> p.Promise:
    return p.add_promise(store, text, store.clock.now() + timedelta(hours=hours), **kw)  # type: ignore[arg-type]


def test_add_stores_exactly_the_contract_fields(store: Store) -> None:
    promise = add(store, to="Sam", every="FREQ=WEEKLY;BYDAY=MO")
    raw = json.loads(store.path.read_text())["promises"]
    (doc,) = raw.values()
    assert set(doc) == FIELDS
    assert doc["status"] == "open" and doc["kept_at"] is None and doc["to"] == "Sam"
    assert doc["due"] == "2026-11-27T17:30:00+01:00"
    assert doc["every"] == "FREQ=WEEKLY;BYDAY=MO"
    assert doc["history"] == [
        {"event": "created", "at": "2026-11-27T14:30:00+01:00", "due": doc["due"]}
    ]
    assert p.all_promises(store.read()) == [promise]


def test_text_is_kept_literally_and_trimmed(store: Store) -> None:
    promise = add(store, "  [bold]x[/]   [/]  ")
    assert promise.text == "[bold]x[/] [/]"


@pytest.mark.parametrize("text", ["", "   ", "x" * 501])
def test_empty_or_huge_text_saves_nothing(store: Store, text: str) -> None:
    with pytest.raises(InputError):
        add(store, text)
    assert p.all_promises(store.read()) == []


def test_a_bad_repeat_rule_saves_nothing(store: Store) -> None:
    with pytest.raises(InputError):
        add(store, every="FREQ=SOMETIMES")
    assert not store.path.exists()


def test_default_to_comes_from_settings(store: Store) -> None:
    assert add(store).to is None
    save_setting(store, p.DEFAULT_TO_SETTING, "Alex")
    assert add(store).to == "Alex"
    assert add(store, to="Mum").to == "Mum"


def test_keep_now_and_history(store: Store, clock: ManualClock) -> None:
    promise = add(store)
    clock.advance(3600)
    change = p.keep(store, promise.id[:6])
    kept = change.promise
    assert kept.status == "kept" and kept.kept_at == clock.now()
    assert [e.event for e in kept.history] == ["created", "kept"]
    assert change.next is None
    assert p.find_promise(store.read(), promise.id) == kept


def test_keep_at_a_past_time_but_not_a_future_one(store: Store, clock: ManualClock) -> None:
    promise = add(store, hours=-5)
    with pytest.raises(InputError, match="still ahead"):
        p.keep(store, promise.id, at=clock.now() + timedelta(hours=1))
    at = clock.now() - timedelta(hours=4)
    kept = p.keep(store, promise.id, at=at).promise
    assert kept.kept_at == at and kept.history[-1].kept_at == at
    assert kept.history[-1].at == clock.now()


def test_missed_and_released_are_recorded(store: Store, clock: ManualClock) -> None:
    first, second = add(store), add(store, "Book the table")
    clock.advance(60)
    missed = p.miss(store, first.id, "  the train   was late ").promise
    assert missed.status == "missed" and missed.history[-1].reason == "the train was late"
    released = p.release(store, second.id).promise
    assert released.status == "released" and released.resolved_at == clock.now()
    assert [e.event for e in released.history] == ["created", "released"]


def test_only_open_promises_change_status(store: Store) -> None:
    promise = add(store)
    p.keep(store, promise.id)
    for action in (p.keep, p.miss, p.release):
        with pytest.raises(InputError, match="already kept; reopen it first"):
            action(store, promise.id)
    with pytest.raises(InputError, match="already kept"):
        p.move(store, promise.id, store.clock.now() + timedelta(days=1))


def test_move_records_old_new_and_reason(store: Store, clock: ManualClock) -> None:
    promise = add(store)
    new_due = clock.now() + timedelta(days=1)
    moved = p.move(store, promise.id, new_due, "  traffic   jam ").promise
    assert moved.due == new_due
    event = moved.history[-1]
    assert (event.event, event.old, event.new, event.reason) == (
        "moved",
        promise.due,
        new_due,
        "traffic jam",
    )
    assert moved.deadline == new_due  # renegotiated before it was due
    assert moved.original_due == promise.due


def test_moving_once_late_keeps_the_earlier_deadline(store: Store, clock: ManualClock) -> None:
    promise = add(store, hours=1)
    clock.advance(2 * 3600)
    moved = p.move(store, promise.id, clock.now() + timedelta(hours=5)).promise
    assert moved.deadline == promise.due


def test_move_must_be_ahead_and_different(store: Store, clock: ManualClock) -> None:
    promise = add(store)
    with pytest.raises(InputError, match="still ahead"):
        p.move(store, promise.id, clock.now() - timedelta(hours=1))
    with pytest.raises(InputError, match="already due"):
        p.move(store, promise.id, promise.due)


def test_reopen_clears_kept_at(store: Store) -> None:
    promise = add(store)
    p.keep(store, promise.id)
    reopened = p.reopen(store, promise.id).promise
    assert reopened.status == "open" and reopened.kept_at is None
    assert [e.event for e in reopened.history] == ["created", "kept", "reopened"]
    with pytest.raises(InputError, match="already open"):
        p.reopen(store, promise.id)


def test_edit_changes_text_to_repeat_and_notes(store: Store, clock: ManualClock) -> None:
    promise = add(store)
    clock.advance(60)
    edited = p.edit(store, promise.id, text="Call Sam", to="", every="FREQ=DAILY", notes=" hi ")
    assert (edited.promise.text, edited.promise.to, edited.promise.every) == (
        "Call Sam",
        None,
        "FREQ=DAILY",
    )
    assert edited.promise.notes == "hi" and edited.promise.updated == clock.now()
    assert p.edit(store, promise.id, every=None).promise.every is None
    with pytest.raises(InputError):
        p.edit(store, promise.id, text=" ")


def test_delete_removes_it(store: Store) -> None:
    promise, other = add(store), add(store, "Other")
    assert p.delete(store, promise.id[:5]) == promise
    assert p.all_promises(store.read()) == [other]
    with pytest.raises(NotFoundError):
        p.delete(store, promise.id)


def test_ids_need_a_unique_prefix(store: Store) -> None:
    ids = [add(store, f"p{n}").id for n in range(40)]
    with pytest.raises(InputError):
        p.keep(store, "")
    shared = next(
        a[:1] for a in ids if sum(b.startswith(a[:1]) for b in ids) > 1
    )  # 40 ids share some first digit
    with pytest.raises(InputError, match="promises have ids starting with"):
        p.keep(store, shared)
    with pytest.raises(NotFoundError):
        p.keep(store, "zzzz")
    assert all(doc.status == "open" for doc in p.all_promises(store.read()))


# -- repeats -------------------------------------------------------------------------------


def test_keeping_a_repeat_creates_the_next_one(store: Store, clock: ManualClock) -> None:
    promise = add(store, "Walk the dog", hours=1, every="FREQ=DAILY", to="Sam")
    change = p.keep(store, promise.id)
    assert change.next is not None
    following = change.next
    assert following.due == promise.due + timedelta(days=1)
    assert (following.text, following.to, following.every, following.status) == (
        "Walk the dog",
        "Sam",
        "FREQ=DAILY",
        "open",
    )
    assert change.promise.history[-1].next == following.id
    assert len(p.all_promises(store.read())) == 2


@pytest.mark.parametrize("action", [p.miss, p.release])
def test_missing_or_releasing_a_repeat_also_rolls_over(store: Store, action: object) -> None:
    promise = add(store, every="FREQ=WEEKLY;BYDAY=FR")
    change = action(store, promise.id)  # type: ignore[operator]
    assert change.next is not None and change.next.due == promise.due + timedelta(days=7)


def test_a_long_overdue_repeat_rolls_to_the_future(store: Store, clock: ManualClock) -> None:
    promise = add(store, hours=-24 * 6, every="FREQ=DAILY")
    following = p.miss(store, promise.id).next
    assert following is not None and clock.now() < following.due <= clock.now() + timedelta(1)


def test_reopening_takes_back_an_untouched_next_occurrence(store: Store) -> None:
    promise = add(store, every="FREQ=DAILY")
    following = p.keep(store, promise.id).next
    assert following is not None
    p.reopen(store, promise.id)
    assert [x.id for x in p.all_promises(store.read())] == [promise.id]


def test_reopening_leaves_a_next_occurrence_that_was_changed(store: Store) -> None:
    promise = add(store, every="FREQ=DAILY")
    following = p.keep(store, promise.id).next
    assert following is not None
    p.move(store, following.id, following.due + timedelta(hours=1), "later")
    p.reopen(store, promise.id)
    assert len(p.all_promises(store.read())) == 2


def test_due_counts(store: Store, clock: ManualClock) -> None:
    assert p.due_counts(store.read(), clock.now()) == (0, 0)
    add(store, hours=2)  # later today
    add(store, hours=9)  # 23:30 today
    add(store, hours=10)  # tomorrow
    add(store, hours=-1)  # overdue
    kept = add(store, hours=-2)
    p.keep(store, kept.id)
    assert p.due_counts(store.read(), clock.now()) == (2, 1)
