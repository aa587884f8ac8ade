"""Check-ins: the words you chose, how strong, and what happened. Table `feelings`.

A record: ``{"id", "at", "words": [...], "intensity": 1-10, "note", "tags": [...]}``.
This module owns every TinyDB call on the table, and the history figures the
emotion wheel shows: recent check-ins, frequent words, weekly intensity per family.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tinydb import TinyDB

from trusttui.core.defaults import DEFAULT_INTENSITY as DEFAULT_INTENSITY
from trusttui.core.errors import InputError
from trusttui.core.records import from_iso, new_id, readable, to_iso
from trusttui.core.store import Store, raw_records
from trusttui.core.vocabulary import Vocabulary, normalise, vocabulary

TABLE = "feelings"
MIN_INTENSITY, MAX_INTENSITY = 1, 10
NOTE_MAX = 2000
TAG_MAX = 40


@dataclass(frozen=True)
class CheckIn:
    """One check-in: one or more feeling words at a moment, with an intensity."""

    id: str
    at: datetime
    words: tuple[str, ...]
    intensity: int
    note: str = ""
    tags: tuple[str, ...] = ()

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> CheckIn:
        return cls(
            id=str(doc["id"]),
            at=from_iso(str(doc["at"])),
            words=tuple(str(word) for word in doc.get("words", ())),
            intensity=int(doc.get("intensity", DEFAULT_INTENSITY)),
            note=str(doc.get("note", "")),
            tags=tuple(str(tag) for tag in doc.get("tags", ())),
        )

    def as_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": to_iso(self.at),
            "words": list(self.words),
            "intensity": self.intensity,
            "note": self.note,
            "tags": list(self.tags),
        }


# -- checking what was typed -------------------------------------------------------------


def check_intensity(value: int | str) -> int:
    """An intensity from 1 to 10, or InputError."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InputError(f"Intensity is a whole number from 1 to 10, not {value!r}.") from None
    if not MIN_INTENSITY <= number <= MAX_INTENSITY:
        raise InputError(
            f"Intensity goes from 1 (barely there) to 10 (as strong as it gets), not {number}."
        )
    return number


def check_words(words: Iterable[str], vocab: Vocabulary | None = None) -> tuple[str, ...]:
    """Known words, normalised, in order, without repeats; InputError otherwise."""
    vocab = vocab or vocabulary()
    chosen: list[str] = []
    for word in words:
        feeling = vocab.get(word)
        if feeling is None:
            raise InputError(vocab.unknown_message(normalise(word)))
        if feeling.word not in chosen:
            chosen.append(feeling.word)
    if not chosen:
        raise InputError("Choose at least one word for what you feel.")
    return tuple(chosen)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as typed, trimmed and lower-cased, without blanks or repeats (commas split)."""
    cleaned: list[str] = []
    for tag in tags:
        for part in tag.split(","):
            value = " ".join(part.split()).lower()
            if len(value) > TAG_MAX:
                raise InputError(f"A tag can be up to {TAG_MAX} characters; this one is longer.")
            if value and value not in cleaned:
                cleaned.append(value)
    return tuple(cleaned)


# -- the table -------------------------------------------------------------------------


def all_checkins(db: TinyDB) -> list[CheckIn]:
    """Every check-in, oldest first (records that cannot be read are skipped)."""
    return sorted(readable(raw_records(db, TABLE), CheckIn.from_doc), key=lambda c: c.at)


def add_checkin(
    store: Store,
    words: Iterable[str],
    intensity: int = DEFAULT_INTENSITY,
    note: str = "",
    tags: Iterable[str] = (),
) -> CheckIn:
    """Check every field, then save one check-in at the store's "now"; InputError writes nothing."""
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise InputError(f"The note can be up to {NOTE_MAX} characters; please shorten it.")
    checkin = CheckIn(
        id=new_id(),
        at=store.clock.now(),
        words=check_words(words),
        intensity=check_intensity(intensity),
        note=note,
        tags=clean_tags(tags),
    )
    with store.transaction() as db:
        db.table(TABLE).insert(checkin.as_doc())
    return checkin


def insert_checkins(db: TinyDB, checkins: Sequence[CheckIn]) -> None:
    """Write many check-ins at once inside an open transaction (for the demo)."""
    db.table(TABLE).insert_multiple(checkin.as_doc() for checkin in checkins)


# -- history ---------------------------------------------------------------------------


def latest_checkin(db: TinyDB) -> CheckIn | None:
    """The most recent check-in, or None."""
    return checkin_summary(db, None)[0]


def checkin_summary(db: TinyDB, now: datetime | None, days: int = 7) -> tuple[CheckIn | None, int]:
    """The latest check-in and how many fall in the `days` days up to `now` (cheap: only
    the newest record is decoded in full)."""
    newest: tuple[datetime, Mapping[str, Any]] | None = None
    since = None if now is None else now - timedelta(days=days)
    count = 0
    for doc in raw_records(db, TABLE):
        try:
            at = from_iso(str(doc["at"]))
        except (KeyError, ValueError):
            continue
        if since is not None and now is not None and since < at <= now:
            count += 1
        if newest is None or at > newest[0]:
            newest = (at, doc)
    return (None if newest is None else CheckIn.from_doc(newest[1])), count


def recent_checkins(checkins: Sequence[CheckIn], limit: int = 10) -> list[CheckIn]:
    """The last `limit` check-ins, newest first."""
    return list(reversed(checkins[-limit:])) if limit > 0 else []


def frequent_words(
    checkins: Sequence[CheckIn], now: datetime, days: int = 30, limit: int = 8
) -> list[tuple[str, int]]:
    """The words chosen most often in the last `days` days, with their counts."""
    since = now - timedelta(days=days)
    counts: Counter[str] = Counter()
    for checkin in checkins:
        if since <= checkin.at <= now:
            counts.update(checkin.words)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def weekly_family_intensity(
    checkins: Sequence[CheckIn],
    now: datetime,
    weeks: int = 8,
    vocab: Vocabulary | None = None,
) -> dict[str, tuple[float | None, ...]]:
    """Average intensity per family for each of the last `weeks` weeks, oldest week first.

    Weeks are the seven-day spans ending at `now`. A check-in counts once for each
    family among its words. A week without that family is None. Every family is present.
    """
    vocab = vocab or vocabulary()
    totals: dict[str, list[list[int]]] = {
        family.name: [[] for _ in range(weeks)] for family in vocab.families
    }
    start = now - timedelta(days=7 * weeks)
    for checkin in checkins:
        if not start < checkin.at <= now:
            continue
        back = (now - checkin.at).days // 7
        slot = weeks - 1 - back
        families = {f.family for f in (vocab.get(word) for word in checkin.words) if f is not None}
        for name in families:
            totals[name][slot].append(checkin.intensity)
    return {
        name: tuple(sum(values) / len(values) if values else None for values in slots)
        for name, slots in totals.items()
    }


def week_count(checkins: Sequence[CheckIn], now: datetime) -> int:
    """How many check-ins in the seven days up to `now`."""
    since = now - timedelta(days=7)
    return sum(1 for checkin in checkins if since < checkin.at <= now)
