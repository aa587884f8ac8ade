"""Small preferences kept in the `settings` table: one record per key."""

from __future__ import annotations

from typing import Any

from tinydb import Query, TinyDB

from trusttui.core.records import new_id
from trusttui.core.store import Store

TABLE = "settings"


def get_setting(db: TinyDB, key: str, default: Any = None) -> Any:
    """The saved value of `key`, or `default`."""
    found = db.table(TABLE).get(Query().key == key)
    if found is None or isinstance(found, list):
        return default
    return found.get("value", default)


def all_settings(db: TinyDB) -> dict[str, Any]:
    """Every saved preference."""
    return {doc["key"]: doc.get("value") for doc in db.table(TABLE).all() if "key" in doc}


def save_setting(store: Store, key: str, value: Any) -> None:
    """Save one preference durably (a no-op write is skipped)."""
    with store.transaction() as db:
        table = db.table(TABLE)
        existing = table.get(Query().key == key)
        if existing is None:
            table.insert({"id": new_id(), "key": key, "value": value})
        elif not isinstance(existing, list) and existing.get("value") != value:
            table.update({"value": value}, doc_ids=[existing.doc_id])
