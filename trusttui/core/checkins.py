"""The trust check-in: a handful of 1–7 statements, suggested once a week.

Trust research often describes three sides of trust in a close relationship:
predictability (their actions match their words), dependability (their promises
can be relied on) and faith (feeling secure about the future together). Each
statement belongs to one of them; a check-in stores the average per dimension.

Table `checkins`: `id`, `at` (ISO 8601 with offset), `scores` (dimension -> 1-7,
the average of that dimension's answers), `note`.

A statement can be skipped: pace matters more than completeness. A dimension
whose statements were all skipped is simply absent from `scores`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tinydb import TinyDB

from trusttui.core.errors import InputError
from trusttui.core.records import from_iso, new_id, readable, to_iso
from trusttui.core.store import Store, raw_records

TABLE = "checkins"

DIMENSIONS: tuple[str, ...] = ("predictability", "dependability", "faith")
"""The three sides of trust, in the order they are shown."""

DIMENSION_LABELS: dict[str, str] = {
    "predictability": "Predictability",
    "dependability": "Dependability",
    "faith": "Faith",
}
DIMENSION_HINTS: dict[str, str] = {
    "predictability": "actions match words",
    "dependability": "promises can be relied on",
    "faith": "feeling secure about what comes next",
}

LOW, HIGH = 1, 7
SCALE_WORDS = {1: "not at all", 4: "partly", 7: "completely"}
"""How the ends and the middle of the 1–7 scale read."""

SUGGEST_EVERY = timedelta(days=7)
"""A check-in is offered (never pressed) once this long has passed."""


@dataclass(frozen=True)
class Statement:
    """One line to rate from 1 (not at all true) to 7 (completely true)."""

    key: str
    dimension: str
    text: str


STATEMENTS: tuple[Statement, ...] = (
    Statement("match", "predictability", "Lately, what they say and what they do line up."),
    Statement("expect", "predictability", "I can mostly tell how they will act."),
    Statement("promises", "dependability", "When they say they will do something, it gets done."),
    Statement("count-on", "dependability", "I can lean on them when something matters to me."),
    Statement("future", "faith", "Thinking about the months ahead with them, I feel settled."),
    Statement("rough-days", "faith", "Even on a hard day, I believe we can work things out."),
)

STATEMENTS_BY_KEY = {statement.key: statement for statement in STATEMENTS}


@dataclass(frozen=True)
class TrustCheckIn:
    """One weekly check-in: the average score per dimension and an optional note."""

    id: str
    at: datetime
    scores: Mapping[str, float] = field(default_factory=dict)
    note: str = ""

    @property
    def overall(self) -> float | None:
        """The mean of the dimensions answered, or None when none were."""
        values = [self.scores[d] for d in DIMENSIONS if d in self.scores]
        return sum(values) / len(values) if values else None

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> TrustCheckIn:
        raw_scores = doc.get("scores") or {}
        if not isinstance(raw_scores, Mapping):
            raise ValueError("scores must be an object")
        scores: dict[str, float] = {}
        for dimension, value in raw_scores.items():
            if dimension not in DIMENSIONS:
                raise ValueError(f"unknown dimension {dimension!r}")
            number = float(value)
            if not LOW <= number <= HIGH:
                raise ValueError(f"score {number} is outside {LOW}-{HIGH}")
            scores[dimension] = number
        return cls(
            id=str(doc["id"]),
            at=from_iso(str(doc["at"])),
            scores=scores,
            note=str(doc.get("note") or ""),
        )

    def as_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": to_iso(self.at),
            "scores": {d: self.scores[d] for d in DIMENSIONS if d in self.scores},
            "note": self.note,
        }


def score_answers(answers: Mapping[str, int | None]) -> dict[str, float]:
    """Average the answers (statement key -> 1..7, or None when skipped) per dimension.

    Raises InputError for an unknown statement, a value outside 1–7, or no answer at all.
    """
    per_dimension: dict[str, list[int]] = {}
    for key, value in answers.items():
        statement = STATEMENTS_BY_KEY.get(key)
        if statement is None:
            raise InputError(f"There is no statement called {key!r}.")
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not LOW <= value <= HIGH:
            raise InputError(f"Each answer is a whole number from {LOW} to {HIGH}.")
        per_dimension.setdefault(statement.dimension, []).append(value)
    if not per_dimension:
        raise InputError("Answer at least one statement; any of them is enough.")
    return {
        dimension: round(sum(values) / len(values), 2)
        for dimension in DIMENSIONS
        if (values := per_dimension.get(dimension))
    }


def all_checkins(db: TinyDB) -> list[TrustCheckIn]:
    """Every trust check-in, oldest first (records that cannot be read are skipped)."""
    found = readable(raw_records(db, TABLE), TrustCheckIn.from_doc)
    return sorted(found, key=lambda checkin: checkin.at)


def latest_checkin(db: TinyDB) -> TrustCheckIn | None:
    """The most recent check-in, if any."""
    found = all_checkins(db)
    return found[-1] if found else None


def add_checkin(
    store: Store,
    answers: Mapping[str, int | None],
    note: str = "",
    *,
    at: datetime | None = None,
) -> TrustCheckIn:
    """Save a check-in from the statement answers; nothing is saved on bad input."""
    checkin = TrustCheckIn(
        id=new_id(),
        at=at or store.clock.now(),
        scores=score_answers(answers),
        note=note.strip(),
    )
    with store.transaction() as db:
        db.table(TABLE).insert(checkin.as_doc())
    return checkin


def checkin_suggested(latest: TrustCheckIn | None, now: datetime) -> bool:
    """True when a week (or more) has passed since the last check-in, or there is none."""
    return latest is None or now - latest.at >= SUGGEST_EVERY


def since_words(moment: datetime, now: datetime) -> str:
    """How long ago, in calm words: "today", "yesterday", "5 days ago", "3 weeks ago"."""
    days = (now.date() - moment.astimezone(now.tzinfo).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    return f"{days // 30} months ago"
