from datetime import datetime, timedelta, timezone

import pytest

from trusttui.core.errors import InputError, NotFoundError
from trusttui.core.records import from_iso, new_id, readable, resolve_id, short_ids, to_iso
from trusttui.core.store import Store


def test_short_ids_grow_only_where_needed() -> None:
    ids = ["abcd1111", "abcd2222", "ffff0000"]
    assert short_ids(ids) == {"abcd1111": "abcd1", "abcd2222": "abcd2", "ffff0000": "ffff"}


def test_resolve_id_by_unique_prefix() -> None:
    docs = [{"id": "abc123"}, {"id": "abd456"}]
    assert resolve_id(docs, "abd")["id"] == "abd456"
    with pytest.raises(InputError, match="2 promises"):
        resolve_id(docs, "ab", "promise")
    with pytest.raises(NotFoundError):
        resolve_id(docs, "zz")


def test_times_keep_their_offset() -> None:
    moment = datetime(2026, 3, 29, 1, 30, tzinfo=timezone(timedelta(hours=2)))
    assert to_iso(moment) == "2026-03-29T01:30:00+02:00"
    assert from_iso(to_iso(moment)) == moment
    with pytest.raises(ValueError):
        to_iso(datetime(2026, 1, 1))


def test_new_ids_are_unique_hex() -> None:
    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000 and all(len(i) == 32 for i in ids)


def test_readable_leaves_out_records_damaged_by_hand() -> None:
    docs = [{"n": "1"}, {"n": "two"}, {}, {"n": None}, {"n": "3"}]
    assert readable(docs, lambda doc: int(doc["n"])) == [1, 3]


def test_a_damaged_journal_entry_does_not_break_the_journal(store: Store) -> None:
    from trusttui.core.journal import add_entry, all_entries

    add_entry(store, "win", "We walked by the river.")
    with store.transaction() as db:
        db.table("journal").insert({"id": "broken", "at": "not a time", "kind": "win"})
    assert [entry.text for entry in all_entries(store.read())] == ["We walked by the river."]
