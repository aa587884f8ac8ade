"""The one line `trusttui today` prints for a login message or a shell prompt."""

from __future__ import annotations

from datetime import datetime

from tinydb import TinyDB

from trusttui.core.breath_stats import breath_stats
from trusttui.core.promise_summary import due_counts


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def today_line(db: TinyDB, now: datetime) -> str:
    """Promises due today and overdue, and breathing this week, in one calm line."""
    later_today, overdue = due_counts(db, now)
    parts = []
    if later_today:
        parts.append(f"{_plural(later_today, 'promise')} due today")
    if overdue:
        parts.append(f"{overdue} overdue")
    if not parts:
        parts.append("nothing due today")
    minutes = round(breath_stats(db, now).minutes_week)
    if minutes:
        parts.append(f"{minutes} min of breathing this week")
    else:
        parts.append("a calm minute: trusttui breathe")
    line = " · ".join(parts)
    return line[0].upper() + line[1:]
