"""The store's faster TinyDB table behaves exactly like TinyDB's own."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from trusttui.core.store import Store


def script(db: Any) -> list[Any]:
    """The same operations on any TinyDB; everything they return."""
    things = db.table("things")
    seen: list[Any] = [things.insert({"n": 1}), things.insert({"n": 2})]
    seen.append(things.insert_multiple([{"n": 3}, {"n": 4}]))
    seen.append(things.update({"tag": "x"}, Query().n >= 3))
    seen.append(things.remove(doc_ids=[2]))
    seen.append(things.insert({"n": 5}))
    seen.append(things.upsert({"n": 6}, Query().n == 6))
    seen.append(things.insert(Document({"n": 9}, doc_id=20)))
    seen.append(things.insert({"n": 10}))
    with pytest.raises(ValueError):
        things.insert(Document({"n": 0}, doc_id=1))
    with pytest.raises(ValueError):
        things.insert([("n", 1)])  # type: ignore[arg-type]
    seen.append([(doc.doc_id, dict(doc)) for doc in things.all()])
    seen.append(things.search(Query().tag == "x"))
    seen.append(db.table("other").insert({"n": 1}))
    return seen


def test_same_results_as_tinydb(store: Store) -> None:
    with store.transaction() as db:
        ours = script(db)
    theirs = script(TinyDB(storage=MemoryStorage))
    assert ours == theirs


def test_written_file_and_later_ids(store: Store) -> None:
    with store.transaction() as db:
        script(db)
    raw = json.loads(store.path.read_text())
    assert sorted(raw["things"], key=int) == ["1", "3", "4", "5", "6", "20", "21"]
    with store.transaction() as db:  # a fresh table over the file continues after the max
        assert db.table("things").insert({"n": 11}) == 22
        assert db.table("empty").insert({"n": 1}) == 1
    assert store.read().table("things").get(doc_id=22) == {"n": 11}


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.insert({"n": 1}),
        lambda t: t.update({"n": 2}, doc_ids=[1]),
        lambda t: t.remove(doc_ids=[1]),
    ],
)
def test_a_failed_transaction_still_writes_nothing(
    store: Store, change: Callable[[Any], object]
) -> None:
    with store.transaction() as db:
        db.table("things").insert({"n": 0})
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as db:
        change(db.table("things"))
        raise RuntimeError("changed my mind")
    assert store.path.read_bytes() == before


@pytest.mark.parametrize(
    "change",
    [
        lambda db: db.table("things").insert({"n": 2}),
        lambda db: db.table("things").update({"n": 3}, doc_ids=[1]),
        lambda db: db.table("things").remove(doc_ids=[1]),
        lambda db: db.table("things").truncate(),
        lambda db: db.drop_table("things"),
        lambda db: db.drop_tables(),
    ],
)
def test_read_snapshots_refuse_changes_and_stay_whole(
    store: Store, change: Callable[[Any], object]
) -> None:
    with store.transaction() as db:
        db.table("things").insert({"n": 1})
    before = store.path.read_bytes()
    snapshot = store.read()
    with pytest.raises(TypeError, match="read-only"):
        change(snapshot)
    assert store.path.read_bytes() == before
    for db in (snapshot, store.read()):  # neither the snapshot nor the shared layout changed
        assert [dict(doc) for doc in db.table("things").all()] == [{"n": 1}]


def test_reads_see_every_change_to_the_file(store: Store, tmp_path: Any) -> None:
    with store.transaction() as db:
        db.table("things").insert({"n": 1})
    assert store.read().table("things").all() == [{"n": 1}]
    other = Store.open(store.path)  # another process, in effect
    with other.transaction() as db:
        db.table("things").update({"n": 2}, doc_ids=[1])
    assert store.read().table("things").all() == [{"n": 2}]
    # Same size, same inode, edited in place: still seen, the bytes are compared.
    store.path.write_bytes(store.path.read_bytes().replace(b'"n":2', b'"n":7'))
    assert store.read().table("things").all() == [{"n": 7}]
    store.path.unlink()
    assert store.read().table("things").all() == []


def test_a_committed_transaction_is_read_back_and_closed(store: Store) -> None:
    with store.transaction() as db:
        db.table("things").insert({"n": 1})
    assert store.read().table("things").all() == [{"n": 1}]
    with pytest.raises(TypeError, match="read-only"):  # a change after the block would be lost
        db.table("things").insert({"n": 2})
    assert Store.open(store.path).read().table("things").all() == [{"n": 1}]


def count_decodes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    import trusttui.core.store as store_module

    calls: list[int] = []
    real = store_module._decode

    def counting(payload: bytes) -> Any:
        calls.append(len(payload))
        return real(payload)

    monkeypatch.setattr(store_module, "_decode", counting)
    return calls


def test_a_command_decodes_the_file_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with store.transaction() as db:
        db.table("things").insert({"n": 1})
    decodes = count_decodes(monkeypatch)
    fresh = Store.open(store.path)  # check() decodes ...
    with fresh.transaction() as db:  # ... the write takes that layout over ...
        db.table("things").insert({"n": 2})
    assert [d["n"] for d in fresh.read().table("things").all()] == [1, 2]  # ... and hands it on
    assert len(decodes) == 1


def test_snapshots_never_see_a_later_write(store: Store) -> None:
    with store.transaction() as db:
        db.table("things").insert({"n": 1})
    snapshot = store.read()  # shares the kept layout, so the write must decode afresh
    with store.transaction() as db:
        db.table("things").update({"n": 5}, doc_ids=[1])
        db.table("things").insert({"n": 2})
    assert snapshot.table("things").all() == [{"n": 1}]
    assert store.read().table("things").all() == [{"n": 5}, {"n": 2}]


def test_a_failed_write_on_a_taken_layout_leaves_no_trace(store: Store) -> None:
    with store.transaction() as db:
        db.table("things").insert({"n": 1})
    with pytest.raises(RuntimeError), store.transaction() as db:  # takes the kept layout
        db.table("things").update({"n": 9}, doc_ids=[1])
        db.table("things").insert({"n": 2})
        raise RuntimeError("changed my mind")
    assert store.read().table("things").all() == [{"n": 1}]
    with store.transaction() as db:
        assert db.table("things").all() == [{"n": 1}]
