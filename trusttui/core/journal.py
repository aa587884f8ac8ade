"""The journal of small wins, setbacks and reflections.

Table `journal`: `id`, `at` (ISO 8601 with offset), `kind` (`win` | `setback` |
`reflection`), `text`.

A setback is held kindly: three prompts (what happened, what I needed, what I
can try) help write it down without blame, and the answers are kept together
as one text. A reflection can name a boundary: not being ready to forgive is a
legitimate place to be.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args

from tinydb import Query, TinyDB

from trusttui.core.errors import InputError
from trusttui.core.records import from_iso, new_id, readable, resolve_id, to_iso
from trusttui.core.store import Store, raw_records

TABLE = "journal"
MAX_TEXT = 4000

Kind = Literal["win", "setback", "reflection"]
KINDS: tuple[Kind, ...] = get_args(Kind)
KIND_LABELS: dict[str, str] = {"win": "Small win", "setback": "Setback", "reflection": "Reflection"}


@dataclass(frozen=True)
class Prompt:
    """One gentle question, with the label it keeps in the saved text."""

    key: str
    question: str
    label: str
    placeholder: str


SETBACK_PROMPTS: tuple[Prompt, ...] = (
    Prompt("happened", "What happened?", "What happened", "Just the facts, as you saw them"),
    Prompt("needed", "What did I need?", "What I needed", "Reassurance, honesty, time..."),
    Prompt("try", "What can I try next time?", "What I can try", "One small step is plenty"),
)
"""The setback prompts: facts, needs, one next step. No blame, no verdict."""

REFLECTION_PROMPTS: tuple[Prompt, ...] = (
    Prompt("noticing", "What am I noticing?", "What I notice", "About them, us, or me"),
    Prompt(
        "boundary",
        "Is there a boundary I want to keep?",
        "A boundary I want to keep",
        "Optional. Saying what you need is a step, not a setback",
    ),
)
"""Reflection prompts. A boundary is offered as a legitimate step; forgiveness is never asked."""

SETBACK_COMFORT = (
    "Setbacks are part of rebuilding trust, not the end of it. "
    "You don't have to forgive anything to write this down."
)
ACKNOWLEDGEMENTS: dict[str, str] = {
    "win": "Noted. Small wins add up.",
    "setback": "Written down. Setbacks are part of it; be kind to yourself today.",
    "reflection": "Saved. Take the time you need.",
}
"""A warm, brief word after saving each kind of entry."""

REFLECTION_COMFORT = (
    "There is no deadline for trusting again. Taking your time, or asking for a boundary, "
    "is a legitimate step."
)


@dataclass(frozen=True)
class JournalEntry:
    """One line (or a few) in the journal."""

    id: str
    at: datetime
    kind: Kind
    text: str

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> JournalEntry:
        kind = str(doc.get("kind"))
        if kind not in KINDS:
            raise ValueError(f"unknown journal kind {kind!r}")
        return cls(
            id=str(doc["id"]),
            at=from_iso(str(doc["at"])),
            kind=kind,
            text=str(doc.get("text") or ""),
        )

    def as_doc(self) -> dict[str, Any]:
        return {"id": self.id, "at": to_iso(self.at), "kind": self.kind, "text": self.text}

    @property
    def first_line(self) -> str:
        """The first non-empty line, for lists and cards."""
        return next((line.strip() for line in self.text.splitlines() if line.strip()), "")


def compose(prompts: Sequence[Prompt], answers: Mapping[str, str]) -> str:
    """Join prompt answers into one text ("What happened: ..."), skipping empty ones."""
    lines = [
        f"{prompt.label}: {answer}"
        for prompt in prompts
        if (answer := " ".join(answers.get(prompt.key, "").split()))
    ]
    return "\n".join(lines)


def _clean(text: str) -> str:
    cleaned = "\n".join(line.rstrip() for line in text.strip().splitlines())
    if not cleaned:
        raise InputError("Write a few words first; nothing was saved.")
    if len(cleaned) > MAX_TEXT:
        raise InputError(f"That is longer than {MAX_TEXT} characters; nothing was saved.")
    return cleaned


def all_entries(db: TinyDB) -> list[JournalEntry]:
    """Every journal entry, oldest first (records that cannot be read are skipped)."""
    found = readable(raw_records(db, TABLE), JournalEntry.from_doc)
    return sorted(found, key=lambda entry: entry.at)


def latest(db: TinyDB, kind: Kind | None = None) -> JournalEntry | None:
    """The most recent entry (of `kind`, when given)."""
    docs = raw_records(db, TABLE)
    if kind is not None:
        docs = [doc for doc in docs if doc.get("kind") == kind]
    if not docs:
        return None
    newest = max(docs, key=lambda doc: from_iso(str(doc["at"])))
    return JournalEntry.from_doc(newest)


def add_entry(store: Store, kind: str, text: str, *, at: datetime | None = None) -> JournalEntry:
    """Write one entry; raises InputError (nothing saved) for an empty text or unknown kind."""
    if kind not in KINDS:
        raise InputError(f"A journal entry is a win, a setback or a reflection, not {kind!r}.")
    entry = JournalEntry(id=new_id(), at=at or store.clock.now(), kind=kind, text=_clean(text))
    with store.transaction() as db:
        db.table(TABLE).insert(entry.as_doc())
    return entry


def edit_entry(store: Store, entry_id: str, text: str) -> JournalEntry:
    """Change the text of an entry (its time and kind stay)."""
    cleaned = _clean(text)
    with store.transaction() as db:
        table = db.table(TABLE)
        doc = resolve_id(table.all(), entry_id, "journal entry")
        table.update({"text": cleaned}, Query().id == doc["id"])
        return JournalEntry.from_doc({**doc, "text": cleaned})


def delete_entry(store: Store, entry_id: str) -> None:
    """Remove an entry for good."""
    with store.transaction() as db:
        table = db.table(TABLE)
        doc = resolve_id(table.all(), entry_id, "journal entry")
        table.remove(Query().id == doc["id"])
