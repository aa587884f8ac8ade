"""Repeats: "every day", "weekdays", "every monday", "every 2 weeks" as recurrence rules.

A repeat is stored as an RFC 5545 recurrence rule value, such as
``FREQ=WEEKLY;INTERVAL=2;BYDAY=MO`` (what follows ``RRULE:`` in a calendar file).
Rules are built and read with dateutil.rrule, always in local wall-clock time,
so a promise every day at 8:00 stays at 8:00 across DST changes.
"""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import rrule

from trusttui.core.errors import InputError
from trusttui.core.zones import local_zone, localize

EXAMPLES = "'every day', 'weekdays', 'every monday' or 'every 2 weeks'"

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
    "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
_NUMBERS = {"other": 2, "second": 2, "two": 2, "three": 3, "four": 4, "third": 3, "fourth": 4}
_FREQS = {
    "day": rrule.DAILY,
    "week": rrule.WEEKLY,
    "month": rrule.MONTHLY,
    "year": rrule.YEARLY,
}
_ALIASES = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
    "fortnightly": "2 weeks",
    "fortnight": "2 weeks",
    "biweekly": "2 weeks",
    "weekday": "weekdays",
    "workdays": "weekdays",
    "workday": "weekdays",
    "working day": "weekdays",
    "working days": "weekdays",
    "weekend": "weekends",
    "mon-fri": "weekdays",
}


def _fail(text: str) -> InputError:
    return InputError(f"Could not read {text.strip()!r} as a repeat. Try {EXAMPLES}.")


def _day_list(text: str) -> list[int] | None:
    """ "mon and thu", "mondays, thursdays" -> [0, 3]; None when not a list of days."""
    words = [w for w in re.split(r"[\s,&/+]+|\band\b", text) if w]
    days: list[int] = []
    for word in words:
        day = _DAYS.get(word.removesuffix("s")) if word not in _DAYS else _DAYS[word]
        if day is None:
            return None
        if day not in days:
            days.append(day)
    return sorted(days) or None


def parse_every(text: str, start: datetime) -> str:
    """Turn a repeat typed in words into a recurrence rule, anchored at `start`.

    A rule already written out (``FREQ=...`` or ``RRULE:FREQ=...``) is checked and kept.
    Raises InputError (one line) when the text is not a repeat we know.
    """
    if text.strip().upper().startswith(("FREQ=", "RRULE:")):
        return check_rule(text.strip().upper())  # a rule written out already
    words = " ".join(text.lower().replace(",", " , ").split()).replace(" , ", ", ")
    words = re.sub(r"^(?:repeat(?:s|ing)?\s+)?(?:every|each|on)\s+", "", words).strip()
    words = _ALIASES.get(words, words)
    local = start.astimezone(local_zone(start)).replace(tzinfo=None)
    interval = 1
    match = re.match(r"^(\d+|other|second|third|fourth|two|three|four)\s+(.+)$", words)
    if match:
        raw = match.group(1)
        interval = int(raw) if raw.isdigit() else _NUMBERS[raw]
        words = match.group(2)
    if not 1 <= interval <= 365:
        raise InputError(f"{text.strip()!r}: choose a repeat between 1 and 365.")
    singular = words.removesuffix("s")
    if words in ("weekdays", "weekends"):
        if interval != 1:
            raise _fail(text)
        days = [0, 1, 2, 3, 4] if words == "weekdays" else [5, 6]
        rule = rrule.rrule(rrule.WEEKLY, byweekday=days, dtstart=local)
    elif singular in _FREQS:
        freq = _FREQS[singular]
        extra: dict[str, object] = {}
        if freq == rrule.WEEKLY:
            extra["byweekday"] = [local.weekday()]
        elif freq == rrule.MONTHLY and local.day > 28:
            extra["bymonthday"] = [-1]  # "the 31st" every month means the last day
        rule = rrule.rrule(freq, interval=interval, dtstart=local, **extra)  # type: ignore[arg-type]
    else:
        words = re.sub(r"^weeks?\s+on\s+", "", words)
        days = _day_list(words) or []
        if not days:
            raise _fail(text)
        rule = rrule.rrule(rrule.WEEKLY, interval=interval, byweekday=days, dtstart=local)
    return _rule_value(rule)


def _rule_value(rule: rrule.rrule) -> str:
    for line in str(rule).splitlines():
        if line.startswith("RRULE:"):
            return line.removeprefix("RRULE:")
    raise ValueError(f"no RRULE in {rule}")  # pragma: no cover


def _parts(every: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for item in every.removeprefix("RRULE:").split(";"):
        key, _, value = item.partition("=")
        parts[key.upper()] = value.upper()
    return parts


def check_rule(every: str) -> str:
    """The rule itself when dateutil can read it; InputError otherwise."""
    try:
        rrule.rrulestr(every.removeprefix("RRULE:"), dtstart=datetime(2026, 1, 1))
    except (ValueError, TypeError):
        raise InputError(f"{every!r} is not a repeat rule. Try {EXAMPLES}.") from None
    return every.removeprefix("RRULE:")


def describe_every(every: str) -> str:
    """A rule in words: "every day", "weekdays", "every Monday", "every 2 weeks"."""
    parts = _parts(every)
    freq = parts.get("FREQ", "").lower()
    interval = int(parts.get("INTERVAL", "1") or 1)
    unit = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}.get(freq)
    days = [DAY_CODES.index(code[-2:]) for code in parts.get("BYDAY", "").split(",") if code]
    if unit is None:
        return "repeats"
    if unit == "week" and days:
        if interval == 1 and days == [0, 1, 2, 3, 4]:
            return "weekdays"
        if interval == 1 and days == [5, 6]:
            return "weekends"
        names = " and ".join(DAY_NAMES[d] for d in days)
        return f"every {names}" if interval == 1 else f"every {interval} weeks on {names}"
    return f"every {unit}" if interval == 1 else f"every {interval} {unit}s"


def next_occurrence(every: str, due: datetime, after: datetime) -> datetime | None:
    """The first due time of the rule after both `due` and `after`, in local wall-clock time.

    Resolving one occurrence creates the next: skipped occurrences in between
    (a daily promise left for a week) are not created.
    """
    zone = local_zone(due)
    local_due = due.astimezone(zone).replace(tzinfo=None)
    rule = rrule.rrulestr(every.removeprefix("RRULE:"), dtstart=local_due)
    floor = max(local_due, after.astimezone(zone).replace(tzinfo=None))
    found = rule.after(floor)
    return None if found is None else localize(found, zone)
