"""Your data, your way: export everything, import it back, or forget it all.

- JSON export: every table (except the store's own `meta`) as lists of records,
  with the schema it was written with. It is also the import format.
- Import merges by `id`: a record already here is kept (unless the imported copy
  carries a newer `updated` time), new ones are added, so importing the same file
  twice changes nothing. Settings merge by their key. Nothing is written when
  the file cannot be read in full.
- Markdown (`export_md`) reads as a journal by month; ICS (`export_ics`) puts
  open promises in a calendar.
- Forget erases the data file, its lock, its backups and leftovers.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB

from trusttui import __version__
from trusttui.core import breath_log, checkins, feelings, journal, promises
from trusttui.core.errors import InputError
from trusttui.core.paths import default_db_path
from trusttui.core.records import from_iso, to_iso
from trusttui.core.store import SCHEMA, Store

FORMAT = "trusttui-export"
FORMATS = ("json", "md", "ics")
SKIPPED_TABLES = frozenset({"meta"})
"""Tables that belong to the file itself, not to the person."""
SETTINGS = "settings"

VALIDATORS: dict[str, Callable[[dict[str, Any]], object]] = {
    checkins.TABLE: checkins.TrustCheckIn.from_doc,
    journal.TABLE: journal.JournalEntry.from_doc,
    promises.TABLE: promises.Promise.from_doc,
    feelings.TABLE: feelings.CheckIn.from_doc,
    breath_log.TABLE: breath_log.Breath.from_doc,
}
"""Tables whose records are checked in full before an import writes anything."""


# -- export --------------------------------------------------------------------------


def tables(db: TinyDB) -> dict[str, list[dict[str, Any]]]:
    """Every table the person's data lives in, as plain lists of records."""
    return {
        name: [dict(doc) for doc in db.table(name).all()]
        for name in sorted(db.tables())
        if name not in SKIPPED_TABLES
    }


def export_json(db: TinyDB, now: datetime) -> str:
    """Everything, as one JSON document (the format `import_json` reads)."""
    payload = {
        "format": FORMAT,
        "schema": SCHEMA,
        "trusttui": __version__,
        "exported": to_iso(now),
        "tables": tables(db),
    }
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n"


def export(db: TinyDB, fmt: str, now: datetime) -> str:
    """The export in `fmt` (json, md or ics) as text."""
    if fmt == "json":
        return export_json(db, now)
    if fmt == "md":
        from trusttui.core.export_md import export_markdown

        return export_markdown(db, now)
    if fmt == "ics":
        from trusttui.core.export_ics import export_ics

        return export_ics(db, now)
    raise InputError(f"Export formats are {', '.join(FORMATS)}; {fmt!r} is not one of them.")


# -- import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """What an import did, table by table counts added up."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        if not self.added and not self.updated:
            return f"Nothing new: all {self.unchanged} records were already here."
        parts = [f"Added {self.added} record{'s' if self.added != 1 else ''}"]
        if self.updated:
            parts.append(f"updated {self.updated} with newer copies")
        parts.append(f"{self.unchanged} were already here")
        return ", ".join(parts) + "."


def read_export(payload: bytes | str) -> dict[str, list[dict[str, Any]]]:
    """Check an export and return its tables; InputError with one line when it won't do."""
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError:
        raise InputError("That file is not JSON; import reads a `trusttui export` file.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("That file is not a trusttui JSON export; nothing was imported.")
    schema = data.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA:
        raise InputError("That export was made by a newer trusttui; please upgrade to import it.")
    found = data.get("tables")
    if not isinstance(found, dict):
        raise InputError("That export has no tables; nothing was imported.")
    result: dict[str, list[dict[str, Any]]] = {}
    for name, docs in found.items():
        if name in SKIPPED_TABLES:
            continue
        if not isinstance(docs, list):
            raise InputError(f"Table {name!r} in that export is not a list; nothing was imported.")
        for number, doc in enumerate(docs, 1):
            _check_doc(name, number, doc)
        result[name] = docs
    return result


def _check_doc(table: str, number: int, doc: Any) -> None:
    where = f"Record {number} of {table!r}"
    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
        raise InputError(f"{where} has no id; nothing was imported.")
    if table == SETTINGS and not isinstance(doc.get("key"), str):
        raise InputError(f"{where} has no key; nothing was imported.")
    validate = VALIDATORS.get(table)
    if validate is not None:
        try:
            validate(doc)
        except (KeyError, ValueError, TypeError) as error:
            raise InputError(f"{where} cannot be read ({error}); nothing was imported.") from None


def _newer(theirs: Mapping[str, Any], ours: Mapping[str, Any]) -> bool:
    """True when the imported record says it was changed after ours."""
    try:
        return from_iso(str(theirs["updated"])) > from_iso(str(ours["updated"]))
    except (KeyError, ValueError, TypeError):
        return False


def merge(db: TinyDB, incoming: Mapping[str, list[dict[str, Any]]]) -> ImportResult:
    """Merge exported tables into `db` by id (settings by key)."""
    added = updated = unchanged = 0
    for name, docs in incoming.items():
        table = db.table(name)
        key = "key" if name == SETTINGS else "id"
        existing: dict[Any, Mapping[str, Any]] = {}
        doc_ids: dict[Any, int] = {}
        for stored in table.all():
            existing[stored.get(key)] = stored
            doc_ids[stored.get(key)] = stored.doc_id
        new_docs: list[dict[str, Any]] = []
        for doc in docs:
            ours = existing.get(doc[key])
            if ours is None:
                new_docs.append(doc)
                existing[doc[key]] = doc
            elif dict(ours) != doc and name != SETTINGS and _newer(doc, ours):
                table.remove(doc_ids=[doc_ids[doc[key]]])
                table.insert(doc)
                updated += 1
            else:
                unchanged += 1
        if new_docs:
            table.insert_multiple(new_docs)
            added += len(new_docs)
    return ImportResult(added, updated, unchanged)


def import_json(store: Store, payload: bytes | str) -> ImportResult:
    """Import a JSON export into the store, all or nothing."""
    incoming = read_export(payload)
    with store.transaction() as db:
        return merge(db, incoming)


# -- forget ----------------------------------------------------------------------------


def data_files(store: Store) -> list[Path]:
    """Every file trusttui keeps for this data file: the file, backups, leftovers, lock."""
    path = store.path
    found = {path, *store.all_backups(), *store.temp_files()}
    found.update(path.parent.glob(f"{path.name}.broken-*"))
    found.add(store.lock_path)
    return sorted((p for p in found if p.exists()), key=lambda p: p == store.lock_path)


def forget(store: Store) -> list[Path]:
    """Erase the data file, its backups, leftovers and lock; return what was removed.

    The default data directory is removed too when nothing else is left in it.
    """
    removed: list[Path] = []
    if not store.path.parent.is_dir():
        return removed
    had_lock = store.lock_path.exists()
    with store._locked():  # no other trusttui writes while the files go
        for path in data_files(store):
            if path == store.lock_path:
                continue
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    with contextlib.suppress(FileNotFoundError):
        store.lock_path.unlink()
        if had_lock:
            removed.append(store.lock_path)
    directory = store.path.parent
    if directory == default_db_path().parent:
        with contextlib.suppress(OSError):
            os.rmdir(directory)
    return removed
