"""When things are due: times typed the way people talk, and repeats.

`parse_when("tomorrow 7pm", now)` reads a due time against an injected `now`.
The forms python-dateutil's parser does not know (today, tomorrow, tonight,
yesterday, weekdays with this/next/last, noon, midnight, in-N and N-ago) are
read here; whatever is left is a calendar date handed to dateutil *without*
fuzzy mode (fuzzy silently reads "in 3 days" as the 3rd). Anything else raises
`InputError` with one clear line, so nothing is saved.

Local times are built as wall-clock times and then placed in the local zone
(`local_zone`), so "tomorrow 9am" is 9am even across a DST change, and a time
that does not exist (the hour skipped in spring) moves forward to one that does.
A date without a time means the end of that day (23:59).

Repeats (`parse_every`) become RFC 5545 recurrence rules such as
``FREQ=WEEKLY;BYDAY=MO`` (the value of an iCalendar ``RRULE:`` line), built
with dateutil.rrule; `next_occurrence` finds the next due time in local
wall-clock time.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from trusttui.core.errors import InputError
from trusttui.core.repeats import describe_every, next_occurrence, parse_every
from trusttui.core.zones import local_zone, localize

__all__ = [
    "DAY_END",
    "describe_due",
    "describe_every",
    "format_when",
    "local_zone",
    "localize",
    "next_occurrence",
    "parse_every",
    "parse_when",
]

Prefer = Literal["future", "past"]

DAY_END = time(23, 59)
"""The time meant by a date alone ("tomorrow", "dec 24"): the end of that day."""

EXAMPLES = "'tomorrow 7pm', 'fri 9am' or 'in 3 days'"

WEEKDAYS = {
    "mon": 0, "monday": 0, "mondays": 0,
    "tue": 1, "tues": 1, "tuesday": 1, "tuesdays": 1,
    "wed": 2, "weds": 2, "wednesday": 2, "wednesdays": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "thursdays": 3,
    "fri": 4, "friday": 4, "fridays": 4,
    "sat": 5, "saturday": 5, "saturdays": 5,
    "sun": 6, "sunday": 6, "sundays": 6,
}  # fmt: skip

TIME_WORDS = {
    "noon": time(12),
    "midday": time(12),
    "morning": time(9),
    "afternoon": time(15),
    "evening": time(19),
    "end of day": DAY_END,
    "eod": DAY_END,
    "midnight": time(0),  # the midnight that ends the day named
}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "a couple of": 2,
    "a few": 3,
}  # fmt: skip

UNITS = {
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "minutes"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "hours"),
    **dict.fromkeys(("d", "day", "days"), "days"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "weeks"),
    **dict.fromkeys(("mo", "month", "months"), "months"),
}

_NUMBER = r"(?P<n>\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_UNIT = r"(?P<unit>" + "|".join(sorted(UNITS, key=len, reverse=True)) + ")"
_IN_RE = re.compile(rf"^in\s+(?:(?P<half>half\s+an?\s+hour)|{_NUMBER}\s*{_UNIT})$")
_AGO_RE = re.compile(rf"^(?:(?P<half>half\s+an?\s+hour)|{_NUMBER}\s*{_UNIT})\s+ago$")
_TIME_RES = (
    re.compile(r"\b(?:at\s+)?(?P<word>noon|midday|midnight|morning|afternoon|evening|eod)\b"),
    re.compile(r"\b(?:at\s+)?(?P<word>end of (?:the )?day)\b"),
    re.compile(r"(?<![\d:/-])(?:at\s+)?(?P<h>\d{1,2})(?::|h)(?P<m>\d{2})\s*(?P<ampm>[ap]\.?m?\.?)?(?![\d:\w])"),
    re.compile(r"(?<![\d:/-])(?:at\s+)?(?P<h>\d{1,2})\s*(?P<ampm>[ap]\.?m?\.?)(?!\w)"),
    re.compile(r"\bat\s+(?P<h>\d{1,2})\b(?!\s*[:/.-]?\d)"),
)  # fmt: skip
_WEEKDAY_RE = re.compile(
    r"^(?:(?P<which>this|next|last|coming)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")$"
)
_FILLER = re.compile(r"^(?:due|by|on|for|the|at(?=\s+\D))\s+")


def _fail(text: str) -> InputError:
    return InputError(f"Could not read {text.strip()!r} as a time. Try {EXAMPLES}.")


def _number(raw: str) -> float:
    return float(NUMBER_WORDS.get(raw, 0) or raw)


def _delta(match: re.Match[str]) -> timedelta | relativedelta:
    """Minutes and hours are elapsed time (timedelta); days and longer are calendar steps."""
    if match.groupdict().get("half"):
        return timedelta(minutes=30)
    amount = _number(match.group("n"))
    unit = UNITS[match.group("unit")]
    if unit in ("minutes", "hours"):
        return timedelta(minutes=round(amount * (60 if unit == "hours" else 1)))
    if amount != int(amount):
        raise InputError(f"Use whole {unit} here, or hours: {match.group(0)!r}.")
    whole = int(amount)
    if unit == "days":
        return relativedelta(days=whole)
    if unit == "weeks":
        return relativedelta(weeks=whole)
    return relativedelta(months=whole)


def _clock_time(match: re.Match[str]) -> tuple[time, int]:
    """The time in a matched time phrase, and days to add (1 for midnight)."""
    groups = match.groupdict()
    word = groups.get("word")
    if word:
        word = "end of day" if word.startswith("end of") else word
        return TIME_WORDS[word], 1 if word == "midnight" else 0
    hour = int(groups["h"])
    minute = int(groups.get("m") or 0)
    ampm = (groups.get("ampm") or "").replace(".", "")[:1]
    if ampm:
        if not 1 <= hour <= 12:
            raise InputError(f"{match.group(0).strip()!r} is not a time on a 12-hour clock.")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59:
        raise InputError(f"{match.group(0).strip()!r} is not a time of day.")
    return time(hour, minute), 0


def _split_time(text: str) -> tuple[str, tuple[time, int] | None]:
    """Take the time of day out of a phrase; return the rest and the time."""
    found: list[re.Match[str]] = []
    rest = text
    for pattern in _TIME_RES:
        for match in pattern.finditer(rest):
            found.append(match)
        rest = pattern.sub(" ", rest)
    if len(found) > 1:
        raise InputError(f"{text!r} has more than one time of day; give just one.")
    rest = " ".join(rest.split())
    rest = re.sub(r"\b(?:at|on|this)$", "", rest).strip()
    return rest, (_clock_time(found[0]) if found else None)


def _given_fields(text: str) -> tuple[datetime, set[str]]:
    """Parse a calendar date with dateutil (no fuzzy) and tell which fields it gave."""
    first = datetime(2004, 1, 1, 0, 0, 0)
    second = datetime(2008, 3, 2, 1, 1, 1)
    for dayfirst in (False, True):
        try:
            a = date_parser.parse(text, default=first, dayfirst=dayfirst)
            b = date_parser.parse(text, default=second, dayfirst=dayfirst)
            break
        except (date_parser.ParserError, ValueError, OverflowError):
            continue
    else:
        raise _fail(text)
    if a.tzinfo is not None or b.tzinfo is not None:
        raise InputError(f"Leave the time zone out of {text!r}; your local time is used.")
    given = {
        name
        for name in ("year", "month", "day", "hour", "minute")
        if getattr(a, name) == getattr(b, name)
    }
    return a, given


def _calendar_date(text: str, today: date, prefer: Prefer) -> tuple[date, time | None]:
    if re.fullmatch(r"\d+", text):
        raise InputError(
            f"{text!r} alone could be a day or an hour: "
            f"try 'at {text}', '{text}:00' or 'dec {text}'."
        )
    parsed, given = _given_fields(text)
    if "day" not in given:
        raise InputError(f"Which day? {text!r} needs a day of the month, like 'dec 24'.")
    clock = time(parsed.hour, parsed.minute) if "hour" in given else None
    if "year" in given:
        try:
            return date(parsed.year, parsed.month, parsed.day), clock
        except ValueError:
            raise InputError(f"{text!r} is not a day on the calendar.") from None
    step = 1 if prefer == "future" else -1
    first = date(today.year, parsed.month if "month" in given else today.month, 1)
    for count in range(9 * 12):
        steps = step * count
        moved = first + (
            relativedelta(years=steps) if "month" in given else relativedelta(months=steps)
        )
        try:
            candidate = date(moved.year, moved.month, parsed.day)
        except ValueError:
            continue
        if (step > 0 and candidate >= today) or (step < 0 and candidate <= today):
            return candidate, clock
    raise InputError(f"{text!r} is not a day on the calendar.")


def _weekday(match: re.Match[str], today: date, clock: time, prefer: Prefer, now: datetime) -> date:
    target = WEEKDAYS[match.group("day")]
    which = match.group("which") or ""
    if which == "last" or (prefer == "past" and not which):
        back = (today.weekday() - target) % 7
        candidate = today - timedelta(days=back)
        if (which == "last" and back == 0) or (
            not which and datetime.combine(candidate, clock) > now.replace(tzinfo=None)
        ):
            candidate -= timedelta(days=7)
        return candidate
    ahead = (target - today.weekday()) % 7
    candidate = today + timedelta(days=ahead)
    if (which in ("next", "coming") and ahead == 0) or (
        not which and datetime.combine(candidate, clock) < now.replace(tzinfo=None)
    ):
        candidate += timedelta(days=7)
    return candidate


def parse_when(text: str, now: datetime, *, prefer: Prefer = "future") -> datetime:
    """Read a time typed the way people talk, relative to `now`.

    `prefer` settles phrases that could mean either side of now ("fri 9am", "18:00"):
    the next one for a due date, the last one for when something was done.
    Raises InputError (one line) when the text cannot be read.
    """
    zone = local_zone(now)
    local_now = now.astimezone(zone)
    original = text
    text = " ".join(text.lower().replace(",", " ").split())
    if not text:
        raise InputError(f"Type when, for example {EXAMPLES}.")
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return _iso(original.strip(), zone)
    while _FILLER.match(text):
        text = _FILLER.sub("", text, count=1)
    if text == "now":
        return local_now.replace(microsecond=0)
    for pattern, sign in ((_IN_RE, 1), (_AGO_RE, -1)):
        match = pattern.match(text)
        if match:
            return _relative(local_now, _delta(match), sign, zone)
    rest, clock_days = _split_time(text)
    in_days = re.match(rf"^in\s+{_NUMBER}\s*(?P<unit>d|days?|w|wks?|weeks?|mo|months?)$", rest)
    if in_days and clock_days:
        moved = local_now.date() + _delta(in_days)
        return _combine(moved, clock_days, zone)
    clock, days = clock_days or (DAY_END, 0)
    today = local_now.date()
    naive_now = local_now.replace(tzinfo=None)
    if rest == "":
        if clock_days is None:
            raise _fail(original)
        candidate = today
        step = 1 if prefer == "future" else -1
        moment = datetime.combine(candidate + timedelta(days=days), clock)
        if (step > 0 and moment < naive_now) or (step < 0 and moment > naive_now):
            candidate += timedelta(days=step)
        return _combine(candidate, (clock, days), zone)
    named = _named_day(rest, today)
    if named is not None:
        day, default = named
        if clock_days is None:
            clock = default
        return _combine(day, (clock, days), zone)
    weekday = _WEEKDAY_RE.match(rest)
    if weekday:
        day = _weekday(weekday, today, clock, prefer, naive_now - timedelta(days=days))
        return _combine(day, (clock, days), zone)
    if re.search(r"\b(?:in|ago|next|last|this)\b", rest):
        raise _fail(original)
    day, parsed_clock = _calendar_date(rest, today, prefer)
    if parsed_clock is not None:
        if clock_days is not None:
            raise InputError(f"{original.strip()!r} has more than one time of day; give just one.")
        clock, days = parsed_clock, 0
    return _combine(day, (clock, days), zone)


def _named_day(rest: str, today: date) -> tuple[date, time] | None:
    offsets = {
        "today": 0,
        "tonight": 0,
        "tomorrow": 1,
        "tmrw": 1,
        "tmr": 1,
        "tmw": 1,
        "tomorow": 1,
        "tommorow": 1,
        "tommorrow": 1,
        "tomorrow night": 1,
        "day after tomorrow": 2,
        "the day after tomorrow": 2,
        "yesterday": -1,
        "next week": 7,
        "in a week": 7,
    }
    if rest not in offsets:
        return None
    default = time(20) if rest.endswith("night") else DAY_END
    return today + timedelta(days=offsets[rest]), default


def _combine(day: date, clock_days: tuple[time, int], zone: tzinfo) -> datetime:
    clock, days = clock_days
    return localize(datetime.combine(day + timedelta(days=days), clock), zone)


def _relative(
    local_now: datetime, delta: timedelta | relativedelta, sign: int, zone: tzinfo
) -> datetime:
    """Minutes and hours are elapsed time; days, weeks and months keep the clock time.

    Either way the result is to the minute.
    """
    if isinstance(delta, relativedelta):
        naive = local_now.replace(tzinfo=None, second=0, microsecond=0) + sign * delta
        return localize(naive, zone)
    moment = local_now.astimezone(UTC) + sign * delta
    return moment.astimezone(zone).replace(second=0, microsecond=0)


def _iso(text: str, zone: tzinfo) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _fail(text) from None
    if moment.tzinfo is not None:
        return moment.astimezone(zone)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        moment = datetime.combine(moment.date(), DAY_END)
    return localize(moment, zone)


def _is_day_end(moment: datetime) -> bool:
    return moment.time().replace(second=0, microsecond=0) == DAY_END


def _clock_words(moment: datetime) -> str:
    return "end of day" if _is_day_end(moment) else f"{moment:%H:%M}"


def _day_and_clock(day: str, moment: datetime) -> str:
    """ "tomorrow 19:00", or just "tomorrow" for a date without a time."""
    return day if _is_day_end(moment) else f"{day} {moment:%H:%M}"


def format_when(due: datetime, now: datetime) -> str:
    """A due time in full, as understood: "Friday 27 November, 18:00" (year if not this one)."""
    zone = local_zone(now)
    local = due.astimezone(zone)
    year = "" if local.year == now.astimezone(zone).year else f" {local.year}"
    return f"{local:%A} {local.day} {local:%B}{year}, {_clock_words(local)}"


def describe_due(due: datetime, now: datetime) -> str:
    """A due time in a few words, relative to now: "in 2 h", "3 h late", "tomorrow 19:00"."""
    seconds = (due - now).total_seconds()
    minutes = round(abs(seconds) / 60)
    if minutes < 1:
        return "now"
    if seconds < 0:
        if minutes < 60:
            return f"{minutes} min late"
        if minutes < 24 * 60:
            return f"{round(minutes / 60)} h late"
        days = minutes // (24 * 60)
        if days < 14:
            return f"{days} day{'s' if days > 1 else ''} late"
        local = due.astimezone(local_zone(now))
        return f"since {local.day} {local:%b}"
    if minutes < 60:
        return f"in {minutes} min"
    zone = local_zone(now)
    local, today = due.astimezone(zone), now.astimezone(zone).date()
    days = (local.date() - today).days
    if minutes < 6 * 60 and days == 0:
        return f"in {round(minutes / 60)} h"
    if days == 0:
        return _day_and_clock("today", local)
    if days == 1:
        return _day_and_clock("tomorrow", local)
    if days < 7:
        return _day_and_clock(f"{local:%a}", local)
    year = "" if local.year == today.year else f" {local.year}"
    return f"{local:%a} {local.day} {local:%b}{year}"
