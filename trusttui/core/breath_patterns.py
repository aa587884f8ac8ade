"""The `patterns` table: breathing patterns the person makes, beside the built-in ones.

A custom pattern has a name and four phases (in, hold, out, hold), each 0 to 20
seconds, with the in- and out-breath above 0. Bad values are refused with one
clear line, and nothing is saved.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from typing import Any

from tinydb import Query, TinyDB

from trusttui.core.breathing import BUILTIN_PATTERNS, Pattern
from trusttui.core.errors import InputError, NotFoundError
from trusttui.core.records import new_id
from trusttui.core.store import Store

TABLE = "patterns"

MAX_SECONDS = 20.0
MAX_NAME = 24

PHASE_LABELS = ("Breathe in", "Hold after in", "Breathe out", "Hold after out")


def parse_seconds(value: str | float, label: str) -> float:
    """Seconds for one phase, from what was typed: 0 to 20, in steps of a tenth at most."""
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        if not text:
            raise InputError(f"{label}: give a number of seconds, like 4 or 5.5.")
        try:
            seconds = float(text)
        except ValueError:
            raise InputError(
                f"{label}: {value.strip()!r} is not a number of seconds; try 4 or 5.5."
            ) from None
    else:
        seconds = float(value)
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_SECONDS:
        raise InputError(f"{label}: choose between 0 and {MAX_SECONDS:g} seconds.")
    return round(seconds, 1)


def check_name(name: str) -> str:
    """A pattern's name, tidied: 1 to 24 characters, no control characters."""
    name = " ".join(name.split())
    if not name:
        raise InputError("Give the pattern a name, like 'evening' or 'before a talk'.")
    if len(name) > MAX_NAME:
        raise InputError(f"Keep the name to {MAX_NAME} characters or fewer.")
    if any(unicodedata.category(char).startswith("C") for char in name):
        raise InputError("The name can hold letters, numbers and spaces.")
    if name.startswith("-"):
        raise InputError("Start the name with a letter or a number.")
    return name


def make_pattern(
    name: str,
    breathe_in: str | float,
    hold_in: str | float,
    breathe_out: str | float,
    hold_out: str | float,
    *,
    pattern_id: str | None = None,
    taken: Iterable[str] = (),
) -> Pattern:
    """Check every value and build the pattern, or raise InputError naming the first problem.

    `taken` holds the names already in use (compared ignoring case).
    """
    name = check_name(name)
    if name.casefold() in {other.casefold() for other in taken}:
        raise InputError(f"There is already a pattern called {name!r}; choose another name.")
    values = [
        parse_seconds(value, label)
        for value, label in zip(
            (breathe_in, hold_in, breathe_out, hold_out), PHASE_LABELS, strict=True
        )
    ]
    for index in (0, 2):
        if values[index] <= 0:
            raise InputError(f"{PHASE_LABELS[index]}: needs a moment, more than 0 seconds.")
    breathe_in_s, hold_in_s, breathe_out_s, hold_out_s = values
    return Pattern(
        name, breathe_in_s, hold_in_s, breathe_out_s, hold_out_s, id=pattern_id or new_id()
    )


def _from_doc(doc: dict[str, Any]) -> Pattern:
    return Pattern(
        name=str(doc["name"]),
        breathe_in=float(doc["in"]),
        hold_in=float(doc.get("hold_in", 0)),
        breathe_out=float(doc["out"]),
        hold_out=float(doc.get("hold_out", 0)),
        id=str(doc["id"]),
    )


def _as_doc(pattern: Pattern) -> dict[str, Any]:
    return {
        "id": pattern.id,
        "name": pattern.name,
        "in": pattern.breathe_in,
        "hold_in": pattern.hold_in,
        "out": pattern.breathe_out,
        "hold_out": pattern.hold_out,
    }


def custom_patterns(db: TinyDB) -> list[Pattern]:
    """The person's own patterns, by name (one damaged by hand is left out, not fatal)."""
    patterns: list[Pattern] = []
    for doc in db.table(TABLE).all():
        try:
            pattern = _from_doc(doc)
            make_pattern(
                pattern.name,
                pattern.breathe_in,
                pattern.hold_in,
                pattern.breathe_out,
                pattern.hold_out,
            )
        except (KeyError, TypeError, ValueError, InputError):
            continue
        patterns.append(pattern)
    patterns.sort(key=lambda pattern: pattern.name.casefold())
    return patterns


def all_patterns(db: TinyDB) -> list[Pattern]:
    """The built-in patterns, then the person's own."""
    return [*BUILTIN_PATTERNS, *custom_patterns(db)]


def find_pattern(db: TinyDB, name: str) -> Pattern:
    """The pattern called `name` (ignoring case), or NotFoundError."""
    wanted = " ".join(name.split()).casefold()
    for pattern in all_patterns(db):
        if pattern.name.casefold() == wanted:
            return pattern
    raise NotFoundError(
        f"There is no breathing pattern called {name!r}; `trusttui breathe --list` shows them all."
    )


def save_pattern(
    store: Store,
    name: str,
    breathe_in: str | float,
    hold_in: str | float,
    breathe_out: str | float,
    hold_out: str | float,
    *,
    pattern_id: str | None = None,
) -> Pattern:
    """Add a new pattern, or change the one with `pattern_id`; returns it as saved."""
    with store.transaction() as db:
        table = db.table(TABLE)
        others = [p.name for p in all_patterns(db) if pattern_id is None or p.id != pattern_id]
        pattern = make_pattern(
            name, breathe_in, hold_in, breathe_out, hold_out, pattern_id=pattern_id, taken=others
        )
        if pattern_id is None:
            table.insert(_as_doc(pattern))
        elif not table.update(_as_doc(pattern), Query().id == pattern_id):
            raise NotFoundError("That pattern is no longer there; it may have been deleted.")
    return pattern


def delete_pattern(store: Store, pattern_id: str) -> None:
    """Remove one of the person's patterns. Past sessions keep its name."""
    with store.transaction() as db:
        if not db.table(TABLE).remove(Query().id == pattern_id):
            raise NotFoundError("That pattern is no longer there; it may have been deleted.")


def insert_patterns(db: TinyDB, patterns: Iterable[Pattern]) -> int:
    """Add many patterns inside an open transaction (sample data); returns how many."""
    return len(db.table(TABLE).insert_multiple(_as_doc(pattern) for pattern in patterns))
