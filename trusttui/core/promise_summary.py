"""What the dashboard says about promises, read straight from the stored records.

Years of promises add up, so only the open ones become `Promise` objects; the
resolved ones are read only as far as reliability needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tinydb import TinyDB

from trusttui.core.promise_record import STATUSES, TABLE, Promise
from trusttui.core.records import from_iso
from trusttui.core.reliability import Reliability, reliability_of_docs
from trusttui.core.store import raw_records
from trusttui.core.zones import local_zone


@dataclass(frozen=True)
class PromiseSummary:
    """The dashboard's figures: what is due, the next one, and reliability."""

    total: int
    due_today: int
    """Open promises still due later today."""
    overdue: int
    next: Promise | None
    """The soonest open promise not yet overdue."""
    score: Reliability


def _is_open(status: object) -> bool:
    return status == "open" or status not in STATUSES


def promise_summary(db: TinyDB, now: datetime) -> PromiseSummary:
    """The same figures as reading `all_promises(db)` and `reliability(...)`, faster."""
    docs = raw_records(db, TABLE)
    open_ = sorted(
        (Promise.from_doc(doc) for doc in docs if _is_open(doc.get("status", "open"))),
        key=lambda p: (p.due.timestamp(), p.id),
    )
    zone = local_zone(now)
    today = now.astimezone(zone).date()
    overdue = sum(1 for p in open_ if p.due < now)
    later = [p for p in open_ if p.due >= now]
    due_today = sum(1 for p in later if p.due.astimezone(zone).date() == today)
    return PromiseSummary(
        total=len(docs),
        due_today=due_today,
        overdue=overdue,
        next=later[0] if later else None,
        score=reliability_of_docs(docs, now),
    )


def due_counts(db: TinyDB, now: datetime) -> tuple[int, int]:
    """Open promises still due later today, and those overdue."""
    zone = local_zone(now)
    today = now.astimezone(zone).date()
    later_today = overdue = 0
    for doc in raw_records(db, TABLE):
        if doc.get("status") != "open":
            continue
        due = from_iso(doc["due"])
        if due < now:
            overdue += 1
        elif due.astimezone(zone).date() == today:
            later_today += 1
    return later_today, overdue
