"""Small helpers shared by every table: ids, short ids and timestamps."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from trusttui.core.errors import InputError, NotFoundError

SHORT_ID_MIN = 4

D = TypeVar("D", bound=Mapping[str, Any])
R = TypeVar("R")


def new_id() -> str:
    """A new record id: 32 hex digits (uuid4)."""
    return uuid.uuid4().hex


def short_ids(ids: Iterable[str], min_len: int = SHORT_ID_MIN) -> dict[str, str]:
    """The shortest prefix (at least `min_len`) that tells each id apart, like git."""
    ordered = sorted(set(ids))
    result: dict[str, str] = {}
    for index, current in enumerate(ordered):
        length = min_len
        for neighbour in ordered[max(0, index - 1) : index] + ordered[index + 1 : index + 2]:
            common = 0
            for a, b in zip(current, neighbour, strict=False):
                if a != b:
                    break
                common += 1
            length = max(length, common + 1)
        result[current] = current[:length]
    return result


def resolve_id(docs: Iterable[D], prefix: str, what: str = "record") -> D:
    """The one document whose id starts with `prefix`; a clear error otherwise."""
    prefix = prefix.strip().lower()
    if not prefix:
        raise InputError(f"Give the id of the {what} (its first few characters are enough).")
    matches = [doc for doc in docs if str(doc.get("id", "")).startswith(prefix)]
    if not matches:
        raise NotFoundError(f"No {what} has an id starting with {prefix!r}.")
    if len(matches) > 1:
        raise InputError(
            f"{len(matches)} {what}s have ids starting with {prefix!r}; type a few more characters."
        )
    return matches[0]


def readable(
    docs: Iterable[Mapping[str, Any]], from_doc: Callable[[Mapping[str, Any]], R]
) -> list[R]:
    """Every record `from_doc` can read; one damaged by hand is left out, not fatal."""
    found: list[R] = []
    for doc in docs:
        try:
            found.append(from_doc(doc))
        except (KeyError, TypeError, ValueError):
            continue
    return found


def to_iso(moment: datetime) -> str:
    """ISO 8601 with its UTC offset, to the second."""
    if moment.tzinfo is None:
        raise ValueError("times are stored with their UTC offset")
    return moment.isoformat(timespec="seconds")


def from_iso(text: str) -> datetime:
    """Read a stored ISO 8601 time back (always timezone-aware)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"stored time without offset: {text}")
    return moment
