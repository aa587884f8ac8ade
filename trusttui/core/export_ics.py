"""The calendar export: open promises as iCalendar (RFC 5545) events.

A promise becomes a 15-minute event at its due time. A one-off promise is
written in UTC, so every calendar places it at the same instant. A repeating
promise is written in local wall-clock time ("floating" time) with its RRULE,
so "every monday 9am" stays at 9 am across daylight-saving changes: the stored
times carry only a UTC offset, not a zone name a calendar could follow.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event, vRecur
from tinydb import TinyDB

from trusttui.core.records import from_iso

PRODID = "-//trusttui//promises//EN"
EVENT_LENGTH = timedelta(minutes=15)


def rrule_part(every: str) -> str:
    """The RRULE value of a stored repeat ("FREQ=...", "RRULE:FREQ=..." or a DTSTART+RRULE text)."""
    for line in every.replace("\\n", "\n").splitlines():
        line = line.strip()
        if line.upper().startswith("RRULE:"):
            return line[6:]
        if "FREQ=" in line.upper() and ":" not in line.split("FREQ=")[0]:
            return line
    raise ValueError(f"no RRULE in {every!r}")


def _event(doc: Mapping[str, Any], stamp: datetime) -> Event:
    due = from_iso(str(doc["due"]))
    event = Event()
    event.add("uid", f"{doc['id']}@trusttui")
    event.add("dtstamp", stamp)
    event.add("summary", str(doc.get("text") or "A promise"))
    every = doc.get("every")
    if every:
        event.add("dtstart", due.replace(tzinfo=None))
        event.add("rrule", vRecur.from_ical(rrule_part(str(every))))
    else:
        event.add("dtstart", due.astimezone(UTC))
    event.add("duration", EVENT_LENGTH)
    details = []
    if doc.get("to"):
        details.append(f"A promise to {doc['to']}.")
    if doc.get("notes"):
        details.append(str(doc["notes"]))
    if details:
        event.add("description", "\n".join(details))
    return event


def export_ics(db: TinyDB, now: datetime) -> str:
    """Every open promise as a calendar; repeats carry their RRULE."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "trusttui promises")
    stamp = now.astimezone(UTC).replace(microsecond=0)
    docs = [doc for doc in db.table("promises").all() if doc.get("status") == "open"]
    for doc in sorted(docs, key=lambda d: str(d.get("due"))):
        try:
            calendar.add_component(_event(doc, stamp))
        except (KeyError, ValueError, TypeError):
            continue
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")
