"""The promise record and its history events, as stored in the `promises` table.

`trusttui.core.promises` owns the table and every change; this module only
reads and writes single records (`from_doc()` / `as_doc()`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from typing import Any, Literal, cast

from trusttui.core.records import from_iso, to_iso

TABLE = "promises"
"""The table promises are stored in."""

Status = Literal["open", "kept", "missed", "released"]
STATUSES: tuple[Status, ...] = ("open", "kept", "missed", "released")


@dataclass(frozen=True)
class Event:
    """One entry in a promise's history."""

    event: str
    at: datetime
    due: datetime | None = None
    old: datetime | None = None
    new: datetime | None = None
    reason: str | None = None
    kept_at: datetime | None = None
    next: str | None = None
    by: str | None = None
    """The Unix user who did it (shown on a shared board when it is not you)."""

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Event:
        times = {k: from_iso(doc[k]) for k in ("due", "old", "new", "kept_at") if doc.get(k)}
        return cls(
            event=str(doc["event"]),
            at=from_iso(doc["at"]),
            reason=doc.get("reason"),
            next=doc.get("next"),
            by=str(doc["by"]) if doc.get("by") else None,
            **times,
        )

    def as_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"event": self.event, "at": to_iso(self.at)}
        for key in ("due", "old", "new", "kept_at"):
            value = getattr(self, key)
            if value is not None:
                doc[key] = to_iso(value)
        if self.reason is not None:
            doc["reason"] = self.reason
        if self.next is not None:
            doc["next"] = self.next
        if self.by is not None:
            doc["by"] = self.by
        return doc


@dataclass(frozen=True)
class Promise:
    """A promise: what, to whom, when, and what became of it.

    Facts worked out from the history (`resolved_at`, `deadline`) are computed
    once per record: records are immutable, and a change makes a new one.
    `shared` says which file it was read from (the shared board or your own);
    it is never stored.
    """

    id: str
    text: str
    due: datetime
    created: datetime
    updated: datetime
    to: str | None = None
    every: str | None = None
    status: Status = "open"
    kept_at: datetime | None = None
    notes: str = ""
    history: tuple[Event, ...] = field(default=())
    shared: bool = False

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any], *, shared: bool = False) -> Promise:
        status = doc.get("status", "open")
        return cls(
            id=str(doc["id"]),
            text=str(doc.get("text", "")),
            to=doc.get("to") or None,
            due=from_iso(doc["due"]),
            every=doc.get("every") or None,
            status=cast(Status, status if status in STATUSES else "open"),
            kept_at=from_iso(doc["kept_at"]) if doc.get("kept_at") else None,
            created=from_iso(doc["created"]),
            updated=from_iso(doc["updated"]),
            notes=str(doc.get("notes") or ""),
            history=tuple(Event.from_doc(event) for event in doc.get("history") or ()),
            shared=shared,
        )

    def as_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "to": self.to,
            "due": to_iso(self.due),
            "every": self.every,
            "status": self.status,
            "kept_at": to_iso(self.kept_at) if self.kept_at else None,
            "created": to_iso(self.created),
            "updated": to_iso(self.updated),
            "notes": self.notes,
            "history": [event.as_doc() for event in self.history],
        }

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def made_by(self) -> str | None:
        """Who made the promise, when known."""
        return next((e.by for e in self.history if e.event == "created"), None)

    @property
    def last_by(self) -> str | None:
        """Who last changed it (made, moved, kept, missed, released, reopened or edited)."""
        return self.history[-1].by if self.history else None

    @cached_property
    def resolved_at(self) -> datetime | None:
        """When it was kept, or when it was marked missed or released."""
        if self.status == "open":
            return None
        if self.status == "kept" and self.kept_at is not None:
            return self.kept_at
        for event in reversed(self.history):
            if event.event == self.status:
                return event.at
        return self.updated

    @cached_property
    def deadline(self) -> datetime:
        """The due time it is measured against.

        Moving a promise before it is due renegotiates it: the new time counts.
        Moving it once it is already late does not wipe the lateness.
        """
        deadline = self.original_due
        for event in self.history:
            if event.event == "moved" and event.new is not None and event.at < deadline:
                deadline = event.new
        return deadline

    @cached_property
    def original_due(self) -> datetime:
        for event in self.history:
            if event.event == "created" and event.due is not None:
                return event.due
        first_move = next((e for e in self.history if e.event == "moved" and e.old), None)
        return first_move.old if first_move and first_move.old else self.due

    def with_event(self, event: Event, **changes: Any) -> Promise:
        """A copy with `event` added to the history and `changes` applied."""
        return replace(self, history=(*self.history, event), updated=event.at, **changes)
