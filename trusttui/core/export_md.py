"""The Markdown export: everything trusttui keeps, read as a journal, month by month.

Records are read as plain documents with the field names of each table's
contract, so an export never fails on one odd record: a record that cannot be
read is left out of the Markdown (the JSON export always has everything).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tinydb import TinyDB

from trusttui.core.checkins import DIMENSION_LABELS, DIMENSIONS
from trusttui.core.journal import KIND_LABELS
from trusttui.core.records import from_iso

Doc = Mapping[str, Any]


@dataclass(frozen=True)
class Item:
    """One dated line of the journal."""

    at: datetime
    title: str
    body: str = ""


def _when(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b}, {moment:%H:%M}"


def _journal(doc: Doc) -> Iterator[Item]:
    label = KIND_LABELS[str(doc["kind"])]
    yield Item(from_iso(doc["at"]), label, str(doc.get("text") or ""))


def _checkin(doc: Doc) -> Iterator[Item]:
    scores = doc.get("scores") or {}
    line = " · ".join(
        f"{DIMENSION_LABELS[d]} {float(scores[d]):.1f}" for d in DIMENSIONS if d in scores
    )
    note = str(doc.get("note") or "")
    yield Item(from_iso(doc["at"]), "Trust check-in", "\n".join(p for p in (line, note) if p))


def _feeling(doc: Doc) -> Iterator[Item]:
    words = ", ".join(str(word) for word in doc.get("words") or [])
    title = f"Feeling {words}" + (f" ({int(doc['intensity'])}/10)" if "intensity" in doc else "")
    tags = ", ".join(str(tag) for tag in doc.get("tags") or [])
    body = "\n".join(p for p in (str(doc.get("note") or ""), f"Tags: {tags}" if tags else "") if p)
    yield Item(from_iso(doc["at"]), title, body)


def _promise(doc: Doc) -> Iterator[Item]:
    text = str(doc.get("text") or "")
    to = f" (to {doc['to']})" if doc.get("to") else ""
    due = from_iso(doc["due"])
    if doc.get("created"):
        yield Item(from_iso(doc["created"]), "Promise made", f"{text}{to}, due {_when(due)}")
    status = doc.get("status")
    if status == "kept" and doc.get("kept_at"):
        kept = from_iso(doc["kept_at"])
        late = "" if kept <= due else ", a little late"
        yield Item(kept, "Promise kept", f"{text}{to}{late}")
    elif status in ("missed", "released"):
        moment = from_iso(doc.get("updated") or doc["due"])
        word = "Promise missed" if status == "missed" else "Promise released by agreement"
        yield Item(moment, word, f"{text}{to}")


def _script(doc: Doc) -> Iterator[Item]:
    title = str(doc.get("title") or "a conversation")
    yield Item(from_iso(doc["created"]), "Conversation prepared", title)
    if doc.get("outcome") and doc.get("updated"):
        yield Item(from_iso(doc["updated"]), "After the talk", f"{title}: {doc['outcome']}")


DATED: dict[str, Callable[[Doc], Iterator[Item]]] = {
    "journal": _journal,
    "checkins": _checkin,
    "feelings": _feeling,
    "promises": _promise,
    "scripts": _script,
}
"""Tables whose records become dated journal lines."""


def _items(db: TinyDB, now: datetime) -> list[Item]:
    items: list[Item] = []
    for table, make in DATED.items():
        for doc in db.table(table).all():
            try:
                items.extend(make(doc))
            except (KeyError, ValueError, TypeError, AttributeError):
                continue
    local = [Item(item.at.astimezone(now.tzinfo), item.title, item.body) for item in items]
    return sorted(local, key=lambda item: item.at)


def _breathing(db: TinyDB, now: datetime) -> dict[date, tuple[int, float]]:
    """Sessions and minutes of breathing per month."""
    months: dict[date, tuple[int, float]] = {}
    for doc in db.table("breaths").all():
        try:
            month = from_iso(doc["started"]).astimezone(now.tzinfo).date().replace(day=1)
            seconds = float(doc.get("seconds") or 0)
        except (KeyError, ValueError, TypeError):
            continue
        count, minutes = months.get(month, (0, 0.0))
        months[month] = (count + 1, minutes + seconds / 60)
    return months


def _entry(item: Item) -> str:
    head = f"- **{_when(item.at)}** · {item.title}"
    lines = [line.rstrip() for line in item.body.splitlines() if line.strip()]
    if not lines:
        return head
    if len(lines) == 1 and len(head) + len(lines[0]) < 100:
        return f"{head}: {lines[0]}"
    return "\n".join([head + ":", *(f"  {line}" for line in lines)])


def export_markdown(db: TinyDB, now: datetime) -> str:
    """Everything as Markdown: a heading per month, oldest first, entries in time order."""
    items = _items(db, now)
    breathing = _breathing(db, now)
    months = sorted({item.at.date().replace(day=1) for item in items} | set(breathing))
    out = [
        "# My trusttui journal",
        "",
        f"Exported {now:%A} {now.day} {now:%B %Y}. Everything here stayed on your computer.",
    ]
    if not months:
        out += ["", "Nothing written yet."]
    by_month: dict[date, list[Item]] = {}
    for item in items:
        by_month.setdefault(item.at.date().replace(day=1), []).append(item)
    for month in months:
        out += ["", f"## {month:%B %Y}", ""]
        out += [_entry(item) for item in by_month.get(month, [])]
        if month in breathing:
            count, minutes = breathing[month]
            pauses = "1 breathing pause" if count == 1 else f"{count} breathing pauses"
            out.append(f"- Breathing this month: {pauses}, {minutes:.0f} minutes in all")
    return "\n".join(out) + "\n"
