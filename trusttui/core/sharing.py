"""Promises and scripts across your own file and the shared board.

Reading shows both together, each marked `shared` or not; an id (or its first
characters) resolves in either file; sharing moves a record between them with
`places.relocate` (destination first, so a crash never loses it).

Only whoever made a shared promise or script can take it back into a private
file: otherwise one partner could make the other's record vanish from their
board. Both can still change it, resolve it or delete it on the shared board.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from tinydb import TinyDB

from trusttui.core import promises, scripts
from trusttui.core.errors import InputError, NotFoundError
from trusttui.core.places import Doc, Places, locate, merged, relocate
from trusttui.core.promises import Promise
from trusttui.core.records import to_iso
from trusttui.core.scripts import Script
from trusttui.core.share import current_user
from trusttui.core.store import Store, raw_records

# -- promises ---------------------------------------------------------------------------


def read_promises(places: Places) -> list[Promise]:
    """Every promise in both files, soonest due first; one in both files shows once."""
    return merge_promises(places.snapshots())


def promise_ids(places: Places) -> set[str]:
    """The id of every promise in both files, read from the raw records (cheap)."""
    return {
        str(doc["id"]) for db, _ in places.snapshots() for doc in raw_records(db, promises.TABLE)
    }


def merge_promises(snapshots: Iterable[tuple[TinyDB, bool]]) -> list[Promise]:
    """Every promise in the snapshots (see `Places.snapshots`), each id once, the shared copy
    winning."""
    found: dict[str, Promise] = {}
    for db, shared in snapshots:
        for promise in promises.all_promises(db, shared=shared):
            if promise.id not in found or shared:
                found[promise.id] = promise
    return sorted(found.values(), key=lambda p: (p.due.timestamp(), p.id))


def promise_home(places: Places, prefix: str) -> tuple[Store, str]:
    """The store holding the promise `prefix` names, and its full id.

    NotFoundError when no promise starts so, InputError when several do.
    """
    found = locate(places, promises.TABLE, prefix, "promise")
    return found.store, found.id


def add_promise(
    places: Places,
    text: str,
    due: datetime,
    *,
    shared: bool = False,
    to: str | None = None,
    every: str | None = None,
    notes: str = "",
) -> Promise:
    """Make a promise in your own file, or on the shared board with `shared`."""
    store = places.store(shared)
    default_db = places.private.read() if shared and to is None else None
    return promises.add_promise(
        store, text, due, to=to, every=every, notes=notes, default_to_db=default_db
    )


def share_promise(places: Places, prefix: str, shared: bool) -> Promise:
    """Put a promise on the shared board (`shared`), or take it back to your own file."""
    found = locate(places, promises.TABLE, prefix, "promise")
    current = Promise.from_doc(found.doc, shared=found.shared)
    if found.shared == shared:
        return current
    if not shared:
        _only_the_maker(current.made_by, "promise")
    now = to_iso(found.store.clock.now())

    def touch(doc: Doc) -> Doc:
        return {**doc, "updated": now}

    doc = relocate(places, promises.TABLE, found.id, to_shared=shared, touch=touch, what="promise")
    return Promise.from_doc(doc, shared=shared)


def _only_the_maker(maker: str | None, what: str) -> None:
    if maker and maker != current_user():
        raise InputError(
            f"{maker} made this {what}; only they can take it off the shared board. "
            "You can still change it there."
        )


# -- scripts ------------------------------------------------------------------------------


def read_scripts(places: Places) -> list[Script]:
    """Every script in both files, most recently changed first."""
    found = [
        Script.from_doc(doc, shared=shared)
        for doc, shared in merged(places.snapshots(), scripts.TABLE)
    ]
    return sorted(found, key=lambda script: (script.updated, script.id), reverse=True)


def find_script(places: Places, prefix: str) -> Script:
    """The one script whose id starts with `prefix`, in either file."""
    found = locate(places, scripts.TABLE, prefix, "script")
    return Script.from_doc(found.doc, shared=found.shared)


def get_script(places: Places, script_id: str) -> Script | None:
    """The script with exactly this id, wherever it is now, or None."""
    try:
        found = locate(places, scripts.TABLE, script_id, "script")
    except NotFoundError:
        return None
    if found.id != script_id:
        return None
    return Script.from_doc(found.doc, shared=found.shared)


def script_home(places: Places, prefix: str) -> tuple[Store, str]:
    """The store holding the script `prefix` names, and its full id."""
    found = locate(places, scripts.TABLE, prefix, "script")
    return found.store, found.id


def script_store(places: Places, script: Script) -> Store:
    """Where to save typing for `script`: the file it is in now, else the one it was in."""
    try:
        return script_home(places, script.id)[0]
    except NotFoundError:
        return places.store(script.shared and places.linked)


def share_script(places: Places, prefix: str, shared: bool) -> Script:
    """Put a script on the shared board (`shared`), or take it back to your own file."""
    found = locate(places, scripts.TABLE, prefix, "script")
    current = Script.from_doc(found.doc, shared=found.shared)
    if found.shared == shared:
        return current
    if not shared:
        _only_the_maker(current.created_by, "script")
    me, now = current_user(), found.store.clock.now()

    def touch(doc: Doc) -> Doc:
        moved = replace(
            Script.from_doc(doc),
            updated=now,
            created_by=(doc.get("created_by") or me) if shared else None,
            updated_by=me if shared else None,
        )
        return moved.as_doc()

    doc = relocate(places, scripts.TABLE, found.id, to_shared=shared, touch=touch, what="script")
    return Script.from_doc(doc, shared=shared)


# -- words ------------------------------------------------------------------------------------


def acted_by(promise: Promise) -> str | None:
    """Who to name beside a promise: who made it while open, who resolved it after."""
    return promise.made_by if promise.is_open else promise.last_by


def marks(shared: bool, by: str | None, me: str) -> str:
    """'shared', 'shared by alex', 'by alex' or '': a name only when it is not yours."""
    parts = ["shared"] if shared else []
    if by and by != me:
        parts.append(f"by {by}")
    return " ".join(parts)
