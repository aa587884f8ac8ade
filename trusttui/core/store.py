"""The data file: a TinyDB database kept crash-safe, consistent and private.

How it stays safe:

- Every change runs in `Store.transaction()`: it takes an exclusive lock on a
  sidecar file (``trusttui.json.lock``, `fcntl.flock`, released by the kernel
  if the process dies), reads the file as it is on disk *now*, lets the caller
  change a fresh TinyDB over that snapshot, then writes the result to a temp
  file in the same directory, fsyncs it, `os.replace`s it over the data file
  and fsyncs the directory. A reader therefore sees the old file or the new
  one, never a half-written one, and needs no lock.
- TinyDB's own `JSONStorage` rewrites the file in place and caches ids per
  instance, so it is not used: each transaction gets a new TinyDB over a
  `_SnapshotStorage` and records carry their own uuid ``id``.
- Decoding is most of the cost at ten years of data, so the last decoded layout
  is kept with the exact bytes it came from and reused only while the file reads
  back byte for byte the same (comparing costs about a millisecond). `read()`
  snapshots share it and are read-only; a transaction takes it over, under the
  lock, only when no snapshot has it, and otherwise decodes afresh.
- The file is created 0600 (0660 for a shared store) inside a 0700 directory.
- A file that is not JSON or not a TinyDB layout is never written over.
- Once a day, before the first change, the current file is copied to a
  dated backup next to it; the last seven are kept.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import re
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from trusttui.core.clock import Clock, SystemClock
from trusttui.core.errors import StoreBusy, StoreCorrupt, StoreError, StoreTooNew
from trusttui.core.records import new_id

SCHEMA = 2
"""The layout this version writes. Older files are migrated forward."""

FILE_MODE = 0o600
DIR_MODE = 0o700
BACKUPS_KEPT = 7
LOCK_TIMEOUT = 10.0

Doc = dict[str, Any]
Raw = dict[str, dict[str, Doc]]
StoreVersion = tuple[int, int, int]

_BACKUP_RE = re.compile(r"\.(\d{4}-\d{2}-\d{2})\.bak$")


READ_ONLY = "a store.read() snapshot is read-only; change data in store.transaction()"


class _SnapshotStorage(Storage):
    """TinyDB storage over an in-memory copy of the file, written back by the Store.

    A `read_only` snapshot (from `Store.read()`) may share its records with other
    snapshots of the same file contents, so it refuses every change before making it.
    """

    def __init__(self, data: Raw, read_only: bool = False) -> None:
        self.data = data
        self.dirty = False
        self.read_only = read_only

    def read(self) -> Raw:
        # A shared layout is handed out as a fresh top-level dict, so that even
        # TinyDB's drop_table() cannot reach the other snapshots.
        return dict(self.data) if self.read_only else self.data

    def write(self, data: Raw) -> None:
        if self.read_only:
            raise TypeError(READ_ONLY)
        self.data = data
        self.dirty = True

    def close(self) -> None:
        """Nothing to close: the Store owns the file."""


class _Table(Table):
    """TinyDB's `Table` with the same results, minus work that grows with the table.

    TinyDB converts every id of a table from str to int and back on each insert or
    update, and finds the next id with a Python-level loop: ~25 ms per write at 25k
    records. Here `insert` adds its one record in place, and the whole-table passes
    that remain (next id, update, remove) run in C through `map()`.
    """

    def _get_next_id(self) -> int:
        known: int | None = self._next_id
        if known is None:
            known = max(map(self.document_id_class, self._read_table()), default=0) + 1
        self._next_id = known + 1  # type: ignore[assignment]
        return known

    def _writable(self) -> None:
        if getattr(self._storage, "read_only", False):
            raise TypeError(READ_ONLY)

    def insert(self, document: Mapping[str, Any]) -> int:
        self._writable()
        if not isinstance(document, Mapping):
            raise ValueError("Document is not a Mapping")
        if isinstance(document, self.document_class):
            doc_id: int = document.doc_id
            self._next_id = None
        else:
            doc_id = self._get_next_id()
        tables = self._storage.read() or {}
        raw_table = tables.setdefault(self.name, {})
        if str(doc_id) in raw_table:
            raise ValueError(f"Document with ID {doc_id} already exists")
        raw_table[str(doc_id)] = dict(document)
        self._storage.write(tables)
        self.clear_cache()
        return doc_id

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        self._writable()  # before the updater touches any record
        tables = self._storage.read() or {}
        raw_table = tables.get(self.name, {})
        table = dict(zip(map(self.document_id_class, raw_table), raw_table.values(), strict=True))
        updater(table)
        tables[self.name] = dict(zip(map(str, table), table.values(), strict=True))
        self._storage.write(tables)
        self.clear_cache()


class _TinyDB(TinyDB):
    table_class = _Table


def raw_records(db: TinyDB, name: str) -> list[Mapping[str, Any]]:
    """Every record of table `name` as stored, without TinyDB's copy of each one.

    For reading many records quickly: never change what it returns (a `read()`
    snapshot shares its records with other snapshots).
    """
    return list(db.table(name)._read_table().values())


def _migrate_1_to_2(raw: Raw) -> None:
    """Schema 1 (a plain TinyDB file) relied on TinyDB doc ids: give every record a uuid."""
    for name, table in raw.items():
        if name == "meta":
            continue
        for doc in table.values():
            doc.setdefault("id", new_id())


MIGRATIONS: dict[int, Callable[[Raw], None]] = {1: _migrate_1_to_2}
"""`MIGRATIONS[n]` turns a schema-n layout into schema n+1, in place."""


def _decode(payload: bytes) -> Any:
    """orjson.loads with the cyclic garbage collector paused.

    Decoding a big file makes hundreds of thousands of dicts and lists, and the
    collector would scan them again and again while they are made (a quarter of
    the time at ten years of data); decoded JSON holds no cycles for it to find.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return orjson.loads(payload)
    finally:
        if was_enabled:
            gc.enable()


def is_demo(db: TinyDB) -> bool:
    """The file holds sample data made by `trusttui demo`, not a person's own."""
    return any(doc.get("demo") for doc in db.table("meta").all())


def schema_of(raw: Raw) -> int:
    """The schema number recorded in a layout (1 when it has none)."""
    for doc in raw.get("meta", {}).values():
        if isinstance(doc.get("schema"), int):
            return cast(int, doc["schema"])
    return 1


def _set_schema(raw: Raw, schema: int) -> None:
    meta = raw.setdefault("meta", {})
    for doc in meta.values():
        doc["schema"] = schema
        return
    meta["1"] = {"schema": schema}


def migrate(raw: Raw) -> int:
    """Bring a layout up to `SCHEMA` in place; return the schema it had."""
    old = schema_of(raw)
    for version in range(old, SCHEMA):
        MIGRATIONS[version](raw)
    if old != SCHEMA:
        _set_schema(raw, SCHEMA)
    return old


def validate_layout(raw: object, path: Path) -> Raw:
    """Check that decoded JSON looks like a TinyDB database, or raise StoreCorrupt."""
    problem = None
    if not isinstance(raw, dict):
        problem = "it does not hold a JSON object"
    else:
        for name, table in raw.items():
            # map() keeps the per-record check in C: ~1 ms instead of ~7 at 25k records.
            if not isinstance(table, dict) or not all(
                map(isinstance, table.values(), repeat(dict))
            ):
                problem = f"its table {name!r} is not a set of records"
                break
    if problem:
        raise StoreCorrupt(
            f"{path} is not a trusttui data file ({problem}); it was left untouched. "
            "Run `trusttui doctor` to check it and restore a backup."
        )
    return cast(Raw, raw)


@dataclass
class _Decoded:
    payload: bytes
    raw: Raw
    shared: bool
    """Handed out by read(): from then on nothing may change it."""


class Store:
    """The trusttui data file. Only `trusttui.core` talks to it."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Clock | None = None,
        file_mode: int = FILE_MODE,
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> None:
        self.path = Path(path).expanduser().absolute()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.clock: Clock = clock or SystemClock()
        self.file_mode = file_mode
        self.lock_timeout = lock_timeout
        self._busy = 0
        self._idle = threading.Condition()
        self._decoded: _Decoded | None = None
        """The last layout decoded from (or written to) the file, with its bytes."""
        self._decoded_lock = threading.Lock()

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], **kwargs: Any) -> Store:
        """A store that has been checked: usable, tidied and migrated, or an error."""
        store = cls(path, **kwargs)
        store.check()
        return store

    def check(self) -> None:
        """Create the directory, remove leftover temp files and migrate an old schema.

        Raises StoreCorrupt, StoreTooNew or StoreError; never changes a file it cannot read.
        """
        self._ensure_dir()
        with self._locked():
            for leftover in self.temp_files():
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
            loaded = self.load()
            if loaded is None:
                return
            raw, payload = loaded
            if schema_of(raw) < SCHEMA:
                old = schema_of(raw)
                self._write_file(self.path.with_name(f"{self.path.name}.schema{old}.bak"), payload)
                migrate(raw)
                self._write_file(self.path, orjson.dumps(raw))
            else:
                self._keep_decoded(payload, raw, shared=False)

    # -- reading and writing ---------------------------------------------------

    def read(self) -> TinyDB:
        """A consistent, read-only snapshot of the file as it is now (no lock needed).

        The snapshot may share its records with other snapshots of the same bytes (see
        "the last decoded layout" below), so it refuses changes (TypeError); never
        change the records it returns in place either.
        """
        payload = self._read_payload()
        raw = self._new_layout() if payload is None else self._share(payload)
        if raw is None and payload is not None:
            raw = self._decode_checked(payload)
            self._keep_decoded(payload, raw, shared=True)
        assert raw is not None
        migrate(raw)
        return _TinyDB(raw, storage=_SnapshotStorage, read_only=True)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """Change the data under the cross-process lock; written atomically on success.

        If the body raises, nothing is written.
        """
        self._ensure_dir()
        with self._tracked(), self._locked():
            payload = self._read_payload()
            raw = self._new_layout() if payload is None else self._take_unshared(payload)
            if raw is None and payload is not None:
                raw = self._decode_checked(payload)
            assert raw is not None
            migrate(raw)
            db = _TinyDB(raw, storage=_SnapshotStorage)
            yield db
            storage = cast(_SnapshotStorage, db.storage)
            if storage.dirty:
                if payload is not None:
                    self._daily_backup(payload)
                written = orjson.dumps(storage.data)
                self._write_file(self.path, written)
                # What was written is what the next read() would decode: keep it, and
                # let the finished transaction's db refuse further (lost) changes.
                storage.read_only = True
                self._keep_decoded(written, storage.data, shared=False)

    def restore(self, backup: Path) -> Path:
        """Put `backup` in place of the data file; the current file is kept aside.

        Returns where the previous file was moved (or the data path if there was none).
        """
        payload = backup.read_bytes()
        validate_layout(orjson.loads(payload), backup)
        self._ensure_dir()
        with self._locked():
            aside = self.path
            if self.path.exists():
                stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
                aside = self.path.with_name(f"{self.path.name}.broken-{stamp}")
                os.replace(self.path, aside)
            self._write_file(self.path, payload)
        return aside

    def version(self) -> StoreVersion | None:
        """A cheap fingerprint of the file on disk, to notice changes by others."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no transaction of this process is running (before exiting)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout)

    # -- files next to the data file ---------------------------------------------

    def temp_files(self) -> list[Path]:
        """Temp files left by a write that was interrupted."""
        return sorted(self.path.parent.glob(f".{self.path.name}.*.tmp"))

    def backups(self) -> list[Path]:
        """Dated daily backups, oldest first."""
        found = [
            p for p in self.path.parent.glob(f"{self.path.name}.*.bak") if _BACKUP_RE.search(p.name)
        ]
        return sorted(found, key=lambda p: p.name)

    def all_backups(self) -> list[Path]:
        """Every backup: daily ones and those made before a migration, newest first."""
        return sorted(
            self.path.parent.glob(f"{self.path.name}.*.bak"),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )

    # -- internals ------------------------------------------------------------

    def _new_layout(self) -> Raw:
        return {"meta": {"1": {"schema": SCHEMA, "created": self.clock.now().isoformat()}}}

    def _ensure_dir(self) -> None:
        directory = self.path.parent
        if not directory.exists():
            directory.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            os.chmod(directory, DIR_MODE)

    def load(self) -> tuple[Raw, bytes] | None:
        """The decoded layout and the bytes on disk, or None when there is no file yet.

        Raises StoreCorrupt for a file that is not a trusttui layout, StoreTooNew for
        a newer schema, and StoreError when it cannot be read at all.
        """
        payload = self._read_payload()
        if payload is None:
            return None
        return self._decode_checked(payload), payload

    def _read_payload(self) -> bytes | None:
        """The file's bytes, or None when there is no file yet."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except PermissionError as error:
            raise StoreError(f"{self.path} cannot be read ({error.strerror}).") from None
        except IsADirectoryError:
            raise StoreError(f"{self.path} is a directory, not a data file.") from None

    def _decode_checked(self, payload: bytes) -> Raw:
        try:
            decoded = _decode(payload)
        except orjson.JSONDecodeError:
            raise StoreCorrupt(
                f"{self.path} is not valid JSON; it was left untouched. "
                "Run `trusttui doctor` to check it and restore a backup."
            ) from None
        raw = validate_layout(decoded, self.path)
        if schema_of(raw) > SCHEMA:
            raise StoreTooNew(
                f"{self.path} was written by a newer trusttui (schema {schema_of(raw)}); "
                "please upgrade trusttui to open it."
            )
        return raw

    # -- the last decoded layout ----------------------------------------------------
    #
    # Decoding is most of the cost of a read or a write at ten years of data, and the
    # same bytes are often decoded again and again (check at open, the saved theme,
    # the dashboard, the write, the read after it). The last decoded layout is kept
    # with the exact bytes it came from, and reused only when the file reads back
    # byte for byte the same. read() snapshots share it (so they are read-only); a
    # transaction may take it over only while no snapshot has it (not `shared`).

    def _keep_decoded(self, payload: bytes, raw: Raw, *, shared: bool) -> None:
        with self._decoded_lock:
            self._decoded = _Decoded(payload, raw, shared)

    def _share(self, payload: bytes) -> Raw | None:
        """The kept layout for a read() snapshot, if it is of `payload`."""
        with self._decoded_lock:
            kept = self._decoded
            if kept is None or kept.payload != payload:
                return None
            kept.shared = True
            return kept.raw

    def _take_unshared(self, payload: bytes) -> Raw | None:
        """The kept layout for a transaction to change, if it is of `payload` and unshared."""
        with self._decoded_lock:
            kept = self._decoded
            if kept is None or kept.shared or kept.payload != payload:
                return None
            self._decoded = None
            return kept.raw

    def _write_file(self, target: Path, payload: bytes) -> None:
        """Write `payload` to `target` atomically and durably, with the store's mode."""
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=target.parent)
        try:
            os.fchmod(fd, self.file_mode)
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def _daily_backup(self, payload: bytes) -> None:
        today = self.clock.now().date().isoformat()
        target = self.path.with_name(f"{self.path.name}.{today}.bak")
        if target.exists():
            return
        self._write_file(target, payload)
        for old in self.backups()[:-BACKUPS_KEPT]:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, self.file_mode)
        except PermissionError as error:
            raise StoreError(f"{self.lock_path} cannot be opened ({error.strerror}).") from None
        try:
            if stat.S_IMODE(os.fstat(fd).st_mode) != self.file_mode:
                with contextlib.suppress(PermissionError):  # a partner's lock file
                    os.fchmod(fd, self.file_mode)
            deadline = time.monotonic() + self.lock_timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreBusy(
                            f"{self.path} is busy: another trusttui has held it for "
                            f"{self.lock_timeout:.0f} s. Try again in a moment."
                        ) from None
                    time.sleep(0.002)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    @contextlib.contextmanager
    def _tracked(self) -> Iterator[None]:
        with self._idle:
            self._busy += 1
        try:
            yield
        finally:
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()
