"""What the emotion wheel's history panel shows, worked out off the UI thread.

`load_history()` reads a store snapshot (in a worker); the `*_content()` helpers
turn the figures into Content. Notes and tags are the person's own text: they
are always shown literally, never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual.content import Content
from tinydb import TinyDB

from trusttui.core.feelings import (
    CheckIn,
    all_checkins,
    frequent_words,
    recent_checkins,
    weekly_family_intensity,
)
from trusttui.core.vocabulary import Vocabulary, vocabulary

RECENT = 4
FREQUENT = 8
WEEKS = 8
BARS = "▁▂▃▄▅▆▇█"
NO_DATA = "·"


@dataclass(frozen=True)
class History:
    """The figures the history panel shows."""

    now: datetime
    total: int
    recent: tuple[CheckIn, ...]
    frequent: tuple[tuple[str, int], ...]
    weekly: dict[str, tuple[float | None, ...]]


def load_history(db: TinyDB, now: datetime, weeks: int = WEEKS) -> History:
    """Read every check-in once and work out the panel's figures."""
    checkins = all_checkins(db)
    return History(
        now=now,
        total=len(checkins),
        recent=tuple(recent_checkins(checkins, RECENT)),
        frequent=tuple(frequent_words(checkins, now, days=30, limit=FREQUENT)),
        weekly=weekly_family_intensity(checkins, now, weeks=weeks),
    )


def when(at: datetime, now: datetime) -> str:
    """A short, friendly time: "today 14:05", "yesterday 09:12", "Tue 18:40", "12 Nov"."""
    days = (now.date() - at.date()).days
    if days == 0:
        return f"today {at:%H:%M}"
    if days == 1:
        return f"yesterday {at:%H:%M}"
    if 1 < days < 7:
        return f"{at:%a %H:%M}"
    if at.year == now.year:
        return f"{at:%-d %b}"
    return f"{at:%-d %b %Y}"


def recent_content(history: History) -> Content:
    if not history.recent:
        return Content("No check-ins yet. Choose a word on the wheel, then save.")
    lines = [Content.styled("Recent", "bold")]
    for checkin in history.recent:
        tags = "".join(f" · {tag}" for tag in checkin.tags)
        lines.append(
            Content.styled(f"{when(checkin.at, history.now)} · {checkin.intensity}/10{tags}", "dim")
        )
        lines.append(Content("  " + ", ".join(checkin.words)))
        if checkin.note:
            lines.append(Content.assemble("  ", Content(checkin.note).stylize("italic")))
    return Content("\n").join(lines)


def frequent_content(history: History) -> Content:
    if not history.frequent:
        return Content("")
    words = Content(" · ").join(
        Content.assemble(word, (f" {count}", "dim")) for word, count in history.frequent
    )
    return Content("\n").join([Content.styled("Most often, last 30 days", "bold"), words])


def bar(value: float | None) -> str:
    """One character for an average intensity from 1 to 10 (a dot when there is none)."""
    if value is None:
        return NO_DATA
    level = round((min(max(value, 1.0), 10.0) - 1) / 9 * (len(BARS) - 1))
    return BARS[level]


def chart_content(history: History, vocab: Vocabulary | None = None) -> Content:
    """A small per-family chart: one bar per week, oldest on the left."""
    vocab = vocab or vocabulary()
    if not history.total:
        return Content("")
    width = max(len(family.name) for family in vocab.families) + 1
    weeks = len(next(iter(history.weekly.values()), ()))
    lines = [Content.styled(f"Intensity by week, last {weeks} weeks", "bold")]
    for family in vocab.families:
        values = history.weekly.get(family.name, ())
        latest = next((v for v in reversed(values) if v is not None), None)
        lines.append(
            Content.assemble(
                (family.name.ljust(width), family.colour),
                ("".join(bar(value) for value in values), family.colour),
                ("" if latest is None else f" {latest:.1f}", "dim"),
            )
        )
    lines.append(Content.styled(f"{NO_DATA} no check-in with that family that week", "dim"))
    return Content("\n").join(lines)
