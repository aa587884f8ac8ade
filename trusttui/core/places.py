"""Where records live: your own file, and the shared board when this account is linked.

`Places` pairs the private store with the shared one it is linked to
(`trusttui share init|join`). Promises and scripts may live in either file;
feelings, breaths, check-ins, the journal and settings only ever in the private
one (the shared store refuses them, see `share.SharedStore`).

- Reading merges both files. A record found in both (only an interrupted move
  leaves one) is shown once, as the shared copy: the partner can see it, so
  that is what is true, and moving it again finishes the move.
- A change goes to the file that holds the record (`locate`).
- `relocate` moves a record between the files in two transactions: it writes the
  destination first, then removes the source copy, and only while that copy is
  still the one it copied (otherwise it copies again). A crash in between leaves
  a duplicate, never a loss; readers show it once and the next move tidies it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from trusttui.core.errors import InputError, NotFoundError, StoreBusy, TrustError
from trusttui.core.records import resolve_id
from trusttui.core.share import SharedStore, linked_directory, open_shared
from trusttui.core.store import Store, StoreVersion

MERGED_TABLES = ("promises", "scripts")
"""Tables that may live in either file."""
MOVE_TRIES = 5

NOT_LINKED = (
    "You are not sharing with anyone yet: `trusttui share init PATH --group GROUP` "
    "makes a shared board, `trusttui share join PATH` connects to one."
)

Doc = dict[str, Any]
PlacesVersion = tuple[StoreVersion | None, StoreVersion | None]


@dataclass(frozen=True)
class Places:
    """This account's own store, and the shared board it is linked to (if any)."""

    private: Store
    shared: SharedStore | None = None
    problem: str | None = None
    """Why the linked shared board cannot be used right now, when it cannot."""

    @classmethod
    def of(cls, private: Store) -> Places:
        """The places of the account whose private store this is.

        A private file that cannot be read raises; a shared board out of reach
        (moved, or no permission) only sets `problem`: your own things still work.
        """
        directory = linked_directory(private.read())
        if directory is None:
            return cls(private)
        try:
            return cls(private, open_shared(directory, private.clock))
        except TrustError as error:
            return cls(private, problem=f"The shared board is out of reach: {error}")

    @property
    def linked(self) -> bool:
        """Whether a shared board is connected and usable."""
        return self.shared is not None

    def store(self, shared: bool) -> Store:
        """The shared store or the private one; InputError when sharing is not set up."""
        if not shared:
            return self.private
        if self.shared is None:
            raise InputError(self.problem or NOT_LINKED)
        return self.shared

    def version(self) -> PlacesVersion:
        """A cheap fingerprint of both files (a stat each), to notice changes by others."""
        return (self.private.version(), self.shared.version() if self.shared else None)

    def snapshots(self) -> list[tuple[TinyDB, bool]]:
        """A snapshot of each file, each with whether it is the shared one."""
        found = [(self.private.read(), False)]
        if self.shared is not None:
            found.append((self.shared.read(), True))
        return found

    def read(self) -> TinyDB:
        """One read-only snapshot: your own file with the shared promises and scripts added.

        For summaries that only count (`trusttui today`, the dashboard cards).
        """
        snapshots = self.snapshots()
        if len(snapshots) == 1:
            return snapshots[0][0]
        raw = dict(snapshots[0][0].storage.read() or {})
        for table in MERGED_TABLES:
            docs = [doc for doc, _shared in merged(snapshots, table)]
            raw[table] = {str(number): doc for number, doc in enumerate(docs, start=1)}
        db = TinyDB(storage=MemoryStorage)
        db.storage.write(raw)
        return db


# -- reading both ---------------------------------------------------------------------


def merged(snapshots: Iterable[tuple[TinyDB, bool]], table: str) -> list[tuple[Doc, bool]]:
    """Every record of `table` in the snapshots, each id once (the shared copy wins),
    with whether it is shared."""
    chosen: dict[str, tuple[Doc, bool]] = {}
    for db, shared in snapshots:
        for doc in db.table(table).all():
            key = str(doc.get("id"))
            if key not in chosen or shared:
                chosen[key] = (doc, shared)
    return list(chosen.values())


@dataclass(frozen=True)
class Found:
    """Where a record lives: its full id, the store holding it, and whether that is shared."""

    id: str
    store: Store
    shared: bool
    doc: Doc


def locate(places: Places, table: str, prefix: str, what: str) -> Found:
    """The one record whose id starts with `prefix`, in either file.

    NotFoundError when none, InputError when several (a record in both files counts once).
    """
    docs = merged(places.snapshots(), table)
    shared_by_id = {str(doc["id"]): shared for doc, shared in docs if "id" in doc}
    doc = resolve_id([doc for doc, _ in docs], prefix, what)
    record_id = str(doc["id"])
    shared = shared_by_id[record_id]
    return Found(record_id, places.store(shared), shared, dict(doc))


# -- moving one between the files ------------------------------------------------------------


def _get(db: TinyDB, table: str, record_id: str) -> Doc | None:
    doc = db.table(table).get(Query().id == record_id)
    return dict(doc) if isinstance(doc, dict) else None


def relocate(
    places: Places,
    table: str,
    record_id: str,
    *,
    to_shared: bool,
    touch: Callable[[Doc], Doc],
    what: str,
) -> Doc:
    """Move a record to the shared board (`to_shared`) or back to your own file.

    `touch` returns the record as it should land (a newer `updated`, names...).
    The destination is written first; the source copy is removed only while it
    is still the copy that was written, so nothing changed meanwhile is lost.
    """
    destination = places.store(to_shared)
    source = places.store(not to_shared)
    for _attempt in range(MOVE_TRIES):
        copied = _get(source.read(), table, record_id)
        if copied is None:
            landed = _get(destination.read(), table, record_id)
            if landed is None:
                raise NotFoundError(f"That {what} is no longer there; it may have been deleted.")
            return landed  # already moved
        moved = touch(dict(copied))
        with destination.transaction() as db:
            target = db.table(table)
            target.remove(Query().id == record_id)
            target.insert(moved)
        with source.transaction() as db:
            origin = db.table(table)
            current = _get(db, table, record_id)
            if current == copied:
                origin.remove(Query().id == record_id)
            if current is None or current == copied:
                return moved
        # it changed while being copied: copy the newer version again
    raise StoreBusy(f"That {what} kept changing while it moved; try again in a moment.")
