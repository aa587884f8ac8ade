"""The store: atomic, locked, private, refuses what it cannot read, backs up, migrates."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from trusttui.core.clock import ManualClock
from trusttui.core.errors import StoreCorrupt, StoreTooNew
from trusttui.core.records import new_id
from trusttui.core.store import BACKUPS_KEPT, SCHEMA, Store, is_demo, schema_of


def add(store: Store, table: str = "things", **fields: object) -> str:
    record_id = new_id()
    with store.transaction() as db:
        db.table(table).insert({"id": record_id, **fields})
    return record_id


def test_write_then_read_back(store: Store) -> None:
    record_id = add(store, text="call mum at six")
    assert [doc["id"] for doc in store.read().table("things").all()] == [record_id]
    raw = json.loads(store.path.read_text())
    assert schema_of(raw) == SCHEMA


def test_failed_transaction_writes_nothing(store: Store) -> None:
    add(store, text="kept")
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as db:
        db.table("things").insert({"id": new_id(), "text": "half"})
        raise RuntimeError("boom")
    assert store.path.read_bytes() == before


def test_read_only_transaction_does_not_create_file(store: Store) -> None:
    with store.transaction() as db:
        assert db.table("things").all() == []
    assert not store.path.exists()


def test_file_and_directory_are_private_from_the_start(tmp_path: Path, clock: ManualClock) -> None:
    old_umask = os.umask(0o022)
    try:
        store = Store.open(tmp_path / "new" / "dir" / "t.json", clock=clock)
        assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
        add(store, text="x")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.lock_path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"", b"[1, 2, 3]", b'{"things": [1, 2]}', b'{"things": {"1": 5}}'],
    ids=["broken-json", "empty", "list", "table-is-list", "record-not-object"],
)
def test_unreadable_file_is_refused_and_left_byte_identical(
    db_path: Path, clock: ManualClock, content: bytes
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(StoreCorrupt, match="trusttui doctor"):
        Store.open(db_path, clock=clock)
    store = Store(db_path, clock=clock)
    with pytest.raises(StoreCorrupt), store.transaction() as db:
        db.table("things").insert({"id": "x"})
    assert db_path.read_bytes() == content


def test_newer_schema_is_refused(db_path: Path, clock: ManualClock) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text(json.dumps({"meta": {"1": {"schema": SCHEMA + 1}}}))
    with pytest.raises(StoreTooNew, match="newer trusttui"):
        Store.open(db_path, clock=clock)


def test_old_schema_is_backed_up_then_migrated(db_path: Path, clock: ManualClock) -> None:
    db_path.parent.mkdir(parents=True)
    plain_tinydb = {"_default": {}, "promises": {"1": {"text": "walk the dog"}}}
    original = json.dumps(plain_tinydb).encode()
    db_path.write_bytes(original)
    store = Store.open(db_path, clock=clock)
    backup = db_path.with_name("trusttui.json.schema1.bak")
    assert backup.read_bytes() == original
    migrated = json.loads(db_path.read_text())
    assert schema_of(migrated) == SCHEMA
    record = migrated["promises"]["1"]
    assert record["text"] == "walk the dog" and len(record["id"]) == 32
    assert store.read().table("promises").all()[0]["id"] == record["id"]


def test_one_backup_a_day_and_seven_kept(store: Store, clock: ManualClock) -> None:
    add(store, text="first")
    for _day in range(10):
        clock.advance(86400)
        add(store, text="again")
        add(store, text="and again")
    backups = store.backups()
    assert len(backups) == BACKUPS_KEPT
    assert backups[-1].name.endswith(f"{clock.now().date().isoformat()}.bak")
    for backup in backups:
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        orjson.loads(backup.read_bytes())


def test_leftover_temp_files_are_removed_on_open(store: Store) -> None:
    add(store, text="x")
    leftover = store.path.with_name(f".{store.path.name}.abc123.tmp")
    leftover.write_text("{half")
    assert store.temp_files() == [leftover]
    Store.open(store.path)
    assert not leftover.exists()


def _crash_before_replace(path: str) -> None:
    """In a child: write, but die (SIGKILL) between the temp write and the replace."""
    store = Store(path)

    def die(*_args: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    os.replace = die  # type: ignore[assignment]
    with store.transaction() as db:
        db.table("things").insert({"id": new_id(), "text": "never lands"})


def test_crash_between_temp_write_and_replace_keeps_old_file(store: Store) -> None:
    add(store, text="safe")
    before = store.path.read_bytes()
    child = multiprocessing.get_context("fork").Process(
        target=_crash_before_replace, args=(str(store.path),)
    )
    child.start()
    child.join(10)
    assert child.exitcode == -signal.SIGKILL
    assert store.path.read_bytes() == before
    assert len(store.temp_files()) == 1
    reopened = Store.open(store.path)
    assert reopened.temp_files() == []
    assert [d["text"] for d in reopened.read().table("things").all()] == ["safe"]


def _add_many(path: str, count: int, tag: str) -> None:
    store = Store(path)
    for n in range(count):
        with store.transaction() as db:
            db.table("things").insert({"id": new_id(), "tag": tag, "n": n})


def test_two_processes_adding_200_each_end_with_400(store: Store) -> None:
    ctx = multiprocessing.get_context("fork")
    children = [ctx.Process(target=_add_many, args=(str(store.path), 200, t)) for t in "ab"]
    for child in children:
        child.start()
    for child in children:
        child.join(60)
        assert child.exitcode == 0
    docs = store.read().table("things").all()
    assert len(docs) == 400
    assert len({doc["id"] for doc in docs}) == 400
    for tag in "ab":
        assert sorted(d["n"] for d in docs if d["tag"] == tag) == list(range(200))


WRITER = """
import os, sys
from trusttui.core.store import Store
store = Store(sys.argv[1])
n = 0
while True:
    record_id = f"{os.getpid()}-{n}"
    with store.transaction() as db:
        db.table("things").insert({"id": record_id, "pad": "x" * 2000})
    print(record_id, flush=True)
    n += 1
"""


def test_killing_a_writer_at_random_moments_never_loses_an_acknowledged_write(
    store: Store,
) -> None:
    add(store, text="seed")
    acknowledged = []
    for delay in (0.05, 0.11, 0.17, 0.23, 0.31):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(store.path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(delay + 0.15)  # past interpreter start-up, into the write loop
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        lines = out.split()
        Store.open(store.path)  # tidies leftovers; raises if the file were unreadable
        ids = {doc["id"] for doc in store.read().table("things").all()}
        assert set(lines) <= ids
        acknowledged += lines
        assert store.temp_files() == []
    assert acknowledged, "the writer never got going"


def test_sample_data_is_told_apart(store: Store) -> None:
    assert not is_demo(store.read())
    with store.transaction() as db:
        db.table("meta").update({"demo": True})
    assert is_demo(store.read())
