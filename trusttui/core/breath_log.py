"""The `breaths` table: one record per breathing session, finished or stopped early."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from tinydb import Query, TinyDB

from trusttui.core.errors import InputError, NotFoundError
from trusttui.core.records import from_iso, new_id, readable, to_iso
from trusttui.core.store import Store, raw_records

TABLE = "breaths"

RATING_MIN, RATING_MAX = 0, 10


def check_rating(value: int | None) -> int | None:
    """A tension rating from 0 to 10, or None when skipped."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise InputError("A rating is a whole number from 0 (at ease) to 10 (very tense).")
    return value


@dataclass(frozen=True)
class Breath:
    """A breathing session as logged."""

    id: str
    pattern: str
    started: datetime
    ended: datetime
    seconds: float
    """Seconds actually breathed (pauses left out)."""
    cycles: int
    """Whole breaths completed."""
    completed: bool
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        """After minus before (negative: less tense), when both were given."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Breath:
        return cls(
            id=str(doc["id"]),
            pattern=str(doc["pattern"]),
            started=from_iso(doc["started"]),
            ended=from_iso(doc["ended"]),
            seconds=float(doc["seconds"]),
            cycles=int(doc["cycles"]),
            completed=bool(doc["completed"]),
            before=doc.get("before"),
            after=doc.get("after"),
        )

    def as_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "pattern": self.pattern,
            "started": to_iso(self.started),
            "ended": to_iso(self.ended),
            "seconds": round(self.seconds, 1),
            "cycles": self.cycles,
            "completed": self.completed,
            "before": self.before,
            "after": self.after,
        }


def all_breaths(db: TinyDB) -> list[Breath]:
    """Every session, oldest first (a record damaged by hand is left out, not fatal)."""
    return sorted(readable(raw_records(db, TABLE), Breath.from_doc), key=lambda b: b.started)


def count_breaths(db: TinyDB) -> int:
    """How many sessions are logged (cheap)."""
    return len(db.table(TABLE))


def log_breath(
    store: Store,
    *,
    pattern: str,
    started: datetime,
    ended: datetime,
    seconds: float,
    cycles: int,
    completed: bool,
    before: int | None = None,
    after: int | None = None,
) -> Breath:
    """Save one session durably and return it."""
    breath = Breath(
        id=new_id(),
        pattern=pattern,
        started=started,
        ended=ended,
        seconds=max(seconds, 0.0),
        cycles=max(cycles, 0),
        completed=completed,
        before=check_rating(before),
        after=check_rating(after),
    )
    with store.transaction() as db:
        db.table(TABLE).insert(breath.as_doc())
    return breath


def rate_after(store: Store, breath_id: str, after: int | None) -> Breath:
    """Add how tense the person felt after a session to its record."""
    after = check_rating(after)
    with store.transaction() as db:
        table = db.table(TABLE)
        doc = table.get(Query().id == breath_id)
        if doc is None or isinstance(doc, list):
            raise NotFoundError("That session is no longer in the log.")
        breath = replace(Breath.from_doc(dict(doc)), after=after)
        table.update({"after": after}, doc_ids=[doc.doc_id])
    return breath


def insert_breaths(db: TinyDB, breaths: Iterable[Breath]) -> int:
    """Add many sessions inside an open transaction (sample data); returns how many."""
    return len(db.table(TABLE).insert_multiple(breath.as_doc() for breath in breaths))
