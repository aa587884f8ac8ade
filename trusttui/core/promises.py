"""Promises: the `promises` table and every change to it.

A record holds exactly: ``id``, ``text``, ``to`` (a name or null), ``due``
(ISO 8601 with offset), ``every`` (a recurrence rule such as
``FREQ=WEEKLY;BYDAY=MO``, or null), ``status`` (open | kept | missed |
released), ``kept_at``, ``created``, ``updated``, ``notes`` and ``history``:
a list of events, each with ``event`` and ``at`` (when it was recorded):

- ``created`` (``due``), ``moved`` (``old``, ``new``, ``reason``),
- ``kept`` (``kept_at``, and ``next``: the id of the next occurrence of a repeat),
- ``missed`` (``reason``: what got in the way, if said; ``next`` likewise),
- ``released`` (``next`` likewise), ``reopened``,
- ``edited`` (the words, name, repeat or notes changed).

Every event made here also records ``by``: the Unix user who did it.

Only open promises can be kept, missed, released or moved; resolved ones can be
reopened. Resolving one occurrence of a repeating promise creates the next.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import orjson
from tinydb import Query, TinyDB

from trusttui.core.errors import InputError
from trusttui.core.promise_record import STATUSES as STATUSES
from trusttui.core.promise_record import TABLE as TABLE
from trusttui.core.promise_record import Event as Event
from trusttui.core.promise_record import Promise as Promise
from trusttui.core.promise_record import Status as Status
from trusttui.core.promise_summary import due_counts as due_counts
from trusttui.core.records import new_id, resolve_id, short_ids
from trusttui.core.repeats import check_rule, next_occurrence
from trusttui.core.settings import get_setting
from trusttui.core.share import SharedStore, current_user
from trusttui.core.store import Store, raw_records

DEFAULT_TO_SETTING = "promises.default_to"
MAX_TEXT = 500
FUTURE_SLACK = timedelta(minutes=1)
"""How far ahead of the clock a "kept at" time may be (clocks differ a little)."""

# -- reading ------------------------------------------------------------------------


_parsed: dict[tuple[str, bool], tuple[bytes, Promise]] = {}
_parsed_lock = threading.Lock()


def all_promises(db: TinyDB, *, shared: bool = False) -> list[Promise]:
    """Every promise, soonest due first (`shared`: `db` is the shared board).

    Records unchanged since the last call are not parsed again (the board and
    the dashboard read often, and years of promises add up).
    """
    promises = []
    for doc in raw_records(db, TABLE):
        raw = orjson.dumps(doc)
        seen = _parsed.get((str(doc.get("id")), shared))
        if seen is not None and seen[0] == raw:
            promises.append(seen[1])
            continue
        promise = Promise.from_doc(doc, shared=shared)
        with _parsed_lock:
            _parsed[promise.id, shared] = (raw, promise)
        promises.append(promise)
    return sorted(promises, key=lambda p: (p.due.timestamp(), p.id))


def _is_shared(store: Store) -> bool:
    return isinstance(store, SharedStore)


def promise_short_ids(promises: Iterable[Promise]) -> dict[str, str]:
    """Short id (unique prefix) of each promise, by full id."""
    return short_ids(p.id for p in promises)


def find_promise(db: TinyDB, prefix: str, *, shared: bool = False) -> Promise:
    """The promise whose id starts with `prefix`; InputError when none or several."""
    return Promise.from_doc(resolve_id(db.table(TABLE).all(), prefix, "promise"), shared=shared)


def default_to(db: TinyDB) -> str | None:
    """The name promises are made to when none is given (settings: promises.default_to)."""
    value = get_setting(db, DEFAULT_TO_SETTING)
    if not isinstance(value, str):
        return None
    return value.strip() or None


# -- checking what people type ----------------------------------------------------------


def clean_text(text: str) -> str:
    """The promise text, trimmed; InputError when empty or very long."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InputError("Write what you promise, in a few words.")
    if len(cleaned) > MAX_TEXT:
        raise InputError(f"Keep the promise under {MAX_TEXT} characters; add details as notes.")
    return cleaned


def clean_to(to: str | None) -> str | None:
    cleaned = " ".join((to or "").split())
    if len(cleaned) > 80:
        raise InputError("Keep the name under 80 characters.")
    return cleaned or None


# -- changing -------------------------------------------------------------------------------


def new_promise(
    text: str,
    due: datetime,
    now: datetime,
    *,
    to: str | None = None,
    every: str | None = None,
    notes: str = "",
    promise_id: str | None = None,
    by: str | None = None,
) -> Promise:
    """A new open promise (not saved): checks the text, the name and the repeat."""
    if due.tzinfo is None:
        raise ValueError("due must be timezone-aware")
    return Promise(
        id=promise_id or new_id(),
        text=clean_text(text),
        to=clean_to(to),
        due=due,
        every=check_rule(every) if every else None,
        created=now,
        updated=now,
        notes=notes.strip(),
        history=(Event("created", now, due=due, by=by),),
    )


def add_promise(
    store: Store,
    text: str,
    due: datetime,
    *,
    to: str | None = None,
    every: str | None = None,
    notes: str = "",
    default_to_db: TinyDB | None = None,
) -> Promise:
    """Save a new promise. With no `to`, the default name from settings is used.

    `store` may be the shared board; the default name still comes from `settings`
    (`default_to_db`: your own file's snapshot, since the shared one holds no settings).
    """
    now = store.clock.now()
    promise = new_promise(text, due, now, to=to, every=every, notes=notes, by=current_user())
    promise = replace(promise, shared=_is_shared(store))
    with store.transaction() as db:
        if promise.to is None:
            promise = replace(promise, to=default_to(default_to_db or db))
        db.table(TABLE).insert(promise.as_doc())
    return promise


@dataclass(frozen=True)
class Change:
    """What a change did: the promise as it is now, and the next occurrence it created."""

    promise: Promise
    next: Promise | None = None


def _save(db: TinyDB, promise: Promise) -> None:
    table = db.table(TABLE)
    table.update(_replace_all(promise.as_doc()), Query().id == promise.id)


def _replace_all(doc: dict[str, Any]) -> Any:
    def transform(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return transform


def _open_only(promise: Promise, doing: str) -> None:
    if not promise.is_open:
        raise InputError(
            f"That promise is already {promise.status}; reopen it first if you want to {doing} it."
        )


def _resolve(
    store: Store,
    prefix: str,
    status: Status,
    kept_at: datetime | None = None,
    reason: str | None = None,
) -> Change:
    now, me = store.clock.now(), current_user()
    with store.transaction() as db:
        promise = find_promise(db, prefix, shared=_is_shared(store))
        _open_only(promise, {"kept": "keep", "missed": "miss", "released": "release"}[status])
        following = _next_occurrence(promise, now, me)
        event = Event(
            status,
            now,
            kept_at=kept_at,
            reason=reason,
            next=following.id if following else None,
            by=me,
        )
        promise = promise.with_event(event, status=status, kept_at=kept_at)
        _save(db, promise)
        if following is not None:
            db.table(TABLE).insert(following.as_doc())
    return Change(promise, following)


def _next_occurrence(promise: Promise, now: datetime, by: str) -> Promise | None:
    if not promise.every:
        return None
    due = next_occurrence(promise.every, promise.due, now)
    if due is None:
        return None
    following = new_promise(
        promise.text, due, now, to=promise.to, every=promise.every, notes=promise.notes, by=by
    )
    return replace(following, shared=promise.shared)


def keep(store: Store, prefix: str, at: datetime | None = None) -> Change:
    """Mark a promise kept, now or at a time that has passed."""
    now = store.clock.now()
    kept_at = at or now
    if kept_at > now + FUTURE_SLACK:
        raise InputError("That time is still ahead; choose when you kept it, up to now.")
    return _resolve(store, prefix, "kept", kept_at=kept_at)


def miss(store: Store, prefix: str, reason: str = "") -> Change:
    """Mark a promise missed: a fact, not a verdict. `reason`: what got in the way."""
    return _resolve(store, prefix, "missed", reason=" ".join(reason.split()) or None)


def release(store: Store, prefix: str) -> Change:
    """Release a promise by agreement; it is not held against anyone."""
    return _resolve(store, prefix, "released")


def move(store: Store, prefix: str, due: datetime, reason: str = "") -> Change:
    """Renegotiate the due time of an open promise, with a reason."""
    now = store.clock.now()
    if due <= now:
        raise InputError("Choose a new time that is still ahead.")
    with store.transaction() as db:
        promise = find_promise(db, prefix, shared=_is_shared(store))
        _open_only(promise, "move")
        if due == promise.due:
            raise InputError("That is the time it is already due; choose another.")
        event = Event(
            "moved",
            now,
            old=promise.due,
            new=due,
            reason=" ".join(reason.split()),
            by=current_user(),
        )
        promise = promise.with_event(event, due=due)
        _save(db, promise)
    return Change(promise)


def reopen(store: Store, prefix: str) -> Change:
    """Open a resolved promise again (a slip of the key, or it is not done after all).

    The next occurrence its resolving created is taken back while still untouched.
    """
    now = store.clock.now()
    with store.transaction() as db:
        promise = find_promise(db, prefix, shared=_is_shared(store))
        if promise.is_open:
            raise InputError("That promise is already open.")
        last = next((e for e in reversed(promise.history) if e.event == promise.status), None)
        if last is not None and last.next:
            table = db.table(TABLE)
            spawned = table.get(Query().id == last.next)
            if isinstance(spawned, dict) and _untouched(Promise.from_doc(spawned)):
                table.remove(Query().id == last.next)
        event = Event("reopened", now, by=current_user())
        promise = promise.with_event(event, status="open", kept_at=None)
        _save(db, promise)
    return Change(promise)


def _untouched(promise: Promise) -> bool:
    return promise.is_open and [e.event for e in promise.history] == ["created"]


_UNSET: Any = object()


def edit(
    store: Store,
    prefix: str,
    *,
    text: str = _UNSET,
    to: str | None = _UNSET,
    every: str | None = _UNSET,
    notes: str = _UNSET,
) -> Change:
    """Change what a promise says, to whom, its repeat or notes (the due time: `move`)."""
    now = store.clock.now()
    changes: dict[str, Any] = {}
    if text is not _UNSET:
        changes["text"] = clean_text(text)
    if to is not _UNSET:
        changes["to"] = clean_to(to)
    if every is not _UNSET:
        changes["every"] = check_rule(every) if every else None
    if notes is not _UNSET:
        changes["notes"] = notes.strip()
    with store.transaction() as db:
        promise = find_promise(db, prefix, shared=_is_shared(store))
        if all(getattr(promise, key) == value for key, value in changes.items()):
            return Change(promise)
        promise = promise.with_event(Event("edited", now, by=current_user()), **changes)
        _save(db, promise)
    return Change(promise)


def delete(store: Store, prefix: str) -> Promise:
    """Remove a promise and its history for good."""
    with store.transaction() as db:
        promise = find_promise(db, prefix, shared=_is_shared(store))
        db.table(TABLE).remove(Query().id == promise.id)
    return promise
