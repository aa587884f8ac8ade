"""Due times typed the way people talk, read against a fixed "now"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import NOW
from trusttui.core.errors import InputError
from trusttui.core.when import describe_due, format_when, local_zone, parse_when

PLUS1 = timezone(timedelta(hours=1))
BERLIN = ZoneInfo("Europe/Berlin")


def at(*parts: int, tz: timezone | ZoneInfo = PLUS1) -> datetime:
    return datetime(*parts, tzinfo=tz)  # type: ignore[misc]


# NOW is Friday 27 November 2026, 14:30, UTC+1.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-24", at(2026, 12, 24, 23, 59)),
        ("2026-12-24 18:00", at(2026, 12, 24, 18, 0)),
        ("2026-12-24T18:00", at(2026, 12, 24, 18, 0)),
        ("2026-12-24T18:00+00:00", at(2026, 12, 24, 19, 0)),
        ("today 18:00", at(2026, 11, 27, 18, 0)),
        ("Today at 6pm", at(2026, 11, 27, 18, 0)),
        ("today", at(2026, 11, 27, 23, 59)),
        ("tonight", at(2026, 11, 27, 20, 0)),
        ("this evening", at(2026, 11, 27, 19, 0)),
        ("tomorrow 7pm", at(2026, 11, 28, 19, 0)),
        ("tomorrow at 7:30 pm", at(2026, 11, 28, 19, 30)),
        ("tomorrow 7p", at(2026, 11, 28, 19, 0)),
        ("7 august", at(2027, 8, 7, 23, 59)),
        ("by tomorrow", at(2026, 11, 28, 23, 59)),
        ("tomorrow 12am", at(2026, 11, 28, 0, 0)),
        ("tomorrow noon", at(2026, 11, 28, 12, 0)),
        ("tomorrow midnight", at(2026, 11, 29, 0, 0)),
        ("midnight", at(2026, 11, 28, 0, 0)),
        ("day after tomorrow", at(2026, 11, 29, 23, 59)),
        ("fri 5pm", at(2026, 11, 27, 17, 0)),  # still ahead today
        ("fri 9am", at(2026, 12, 4, 9, 0)),  # already past today: next week
        ("friday", at(2026, 11, 27, 23, 59)),
        ("next friday", at(2026, 12, 4, 23, 59)),
        ("next monday", at(2026, 11, 30, 23, 59)),
        ("mon 9am", at(2026, 11, 30, 9, 0)),
        ("on Tuesday at 8", at(2026, 12, 1, 8, 0)),
        ("next fri 18h30", at(2026, 12, 4, 18, 30)),
        ("18:00", at(2026, 11, 27, 18, 0)),
        ("9am", at(2026, 11, 28, 9, 0)),
        ("at noon", at(2026, 11, 28, 12, 0)),
        ("now", NOW),
        ("in 2 hours", at(2026, 11, 27, 16, 30)),
        ("in 2h", at(2026, 11, 27, 16, 30)),
        ("in an hour", at(2026, 11, 27, 15, 30)),
        ("in half an hour", at(2026, 11, 27, 15, 0)),
        ("in 45 min", at(2026, 11, 27, 15, 15)),
        ("in 1.5 hours", at(2026, 11, 27, 16, 0)),
        ("in 3 days", at(2026, 11, 30, 14, 30)),
        ("in 3 days 9am", at(2026, 11, 30, 9, 0)),
        ("in a week", at(2026, 12, 4, 14, 30)),
        ("in 2 weeks", at(2026, 12, 11, 14, 30)),
        ("in 1 month", at(2026, 12, 27, 14, 30)),
        ("dec 24 noon", at(2026, 12, 24, 12, 0)),
        ("Dec 24", at(2026, 12, 24, 23, 59)),
        ("24 December 7pm", at(2026, 12, 24, 19, 0)),
        ("on dec 24 at 7pm", at(2026, 12, 24, 19, 0)),
        ("jan 5th 9am", at(2027, 1, 5, 9, 0)),  # past this year: next year
        ("may 5 2027 8:15am", at(2027, 5, 5, 8, 15)),
        ("24/12", at(2026, 12, 24, 23, 59)),
        ("the 3rd", at(2026, 12, 3, 23, 59)),
        ("30th", at(2026, 11, 30, 23, 59)),
        ("31st", at(2026, 12, 31, 23, 59)),  # November has no 31st
        ("feb 29", at(2028, 2, 29, 23, 59)),  # the next leap year
        ("nov 27", at(2026, 11, 27, 23, 59)),  # today, not next year
    ],
)
def test_phrases(text: str, expected: datetime) -> None:
    result = parse_when(text, NOW)
    assert result == expected
    assert result.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18:00", at(2026, 11, 26, 18, 0)),
        ("9am", at(2026, 11, 27, 9, 0)),
        ("fri 9am", at(2026, 11, 27, 9, 0)),
        ("last fri 9am", at(2026, 11, 20, 9, 0)),
        ("yesterday 18:00", at(2026, 11, 26, 18, 0)),
        ("2 hours ago", at(2026, 11, 27, 12, 30)),
        ("3 days ago", at(2026, 11, 24, 14, 30)),
        ("dec 24", at(2025, 12, 24, 23, 59)),
    ],
)
def test_phrases_about_the_past(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW, prefer="past") == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type when"),
        ("   ", "Type when"),
        ("soonish", "Could not read 'soonish'"),
        ("in 3 dayz", "Could not read"),
        ("in 2 hours at 9am", "Could not read"),
        ("next blursday", "Could not read"),
        ("3", "could be a day or an hour"),
        ("december", "needs a day of the month"),
        ("25:00", "not a time of day"),
        ("13pm", "12-hour clock"),
        ("tomorrow 9am 10am", "more than one time"),
        ("2026-02-30", "Could not read"),
        ("feb 30", "Could not read"),
        ("in 1.5 days", "whole days"),
        ("dec 24 18:00 UTC", "Could not read"),
    ],
)
def test_unreadable_phrases_say_so_in_one_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_when(text, NOW)
    assert "\n" not in str(caught.value)


def test_relative_times_are_to_the_minute() -> None:
    now = NOW + timedelta(seconds=42, microseconds=5)
    assert parse_when("in 1 hour", now) == at(2026, 11, 27, 15, 30)
    assert parse_when("in 2 days", now) == at(2026, 11, 29, 14, 30)
    assert parse_when("tomorow 9am", now) == at(2026, 11, 28, 9, 0)  # a common slip


def test_fuzzy_reading_never_happens() -> None:
    """dateutil's fuzzy mode would read "in 3 days" as the 3rd; we never let it guess."""
    for text in ("meet in 3 days", "3 days", "the day after"):
        with pytest.raises(InputError):
            parse_when(text, NOW)


# -- month ends and the year's end ----------------------------------------------------


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        (at(2026, 1, 31, 10), "tomorrow 9am", at(2026, 2, 1, 9)),
        (at(2026, 1, 31, 10), "in 1 month", at(2026, 2, 28, 10)),
        (at(2026, 1, 31, 10), "30th", at(2026, 3, 30, 23, 59)),
        (at(2026, 12, 30, 20), "in 3 days", at(2027, 1, 2, 20)),
        (at(2026, 12, 31, 23, 30), "in 1 hour", at(2027, 1, 1, 0, 30)),
        (at(2026, 12, 31, 23, 30), "tomorrow", at(2027, 1, 1, 23, 59)),
        (at(2026, 12, 31, 10), "jan 2", at(2027, 1, 2, 23, 59)),
        (at(2028, 2, 28, 10), "tomorrow 8:00", at(2028, 2, 29, 8)),
        (at(2026, 4, 30, 10), "fri 9am", at(2026, 5, 1, 9)),
    ],
)
def test_month_and_year_ends(now: datetime, text: str, expected: datetime) -> None:
    assert parse_when(text, now) == expected


# -- daylight saving ---------------------------------------------------------------------
# Berlin moves from +01:00 to +02:00 at 02:00 on 29 March 2026, and back at 03:00 on 25 October.


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        (at(2026, 3, 28, 9, tz=BERLIN), "tomorrow 9am", "2026-03-29T09:00:00+02:00"),
        (at(2026, 3, 28, 9, tz=BERLIN), "in 1 day", "2026-03-29T09:00:00+02:00"),
        (at(2026, 3, 28, 9, tz=BERLIN), "in 24 hours", "2026-03-29T10:00:00+02:00"),
        (at(2026, 3, 28, 9, tz=BERLIN), "tomorrow 2:30am", "2026-03-29T03:30:00+02:00"),
        (at(2026, 3, 28, 9, tz=BERLIN), "sun 18:00", "2026-03-29T18:00:00+02:00"),
        (at(2026, 3, 29, 1, 30, tz=BERLIN), "in 1 hour", "2026-03-29T03:30:00+02:00"),
        (at(2026, 10, 24, 9, tz=BERLIN), "tomorrow 9am", "2026-10-25T09:00:00+01:00"),
        (at(2026, 10, 24, 9, tz=BERLIN), "in 24 hours", "2026-10-25T08:00:00+01:00"),
        (at(2026, 10, 24, 9, tz=BERLIN), "tomorrow 2:30am", "2026-10-25T02:30:00+02:00"),
        (at(2026, 10, 24, 9, tz=BERLIN), "in 1 week", "2026-10-31T09:00:00+01:00"),
    ],
)
def test_daylight_saving_changes(now: datetime, text: str, expected: str) -> None:
    assert parse_when(text, now).isoformat() == expected


def test_a_fixed_offset_now_follows_the_system_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """`datetime.now().astimezone()` gives a fixed offset; DST still comes from the system zone."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    now = datetime(2026, 3, 27, 12, 0, tzinfo=PLUS1)
    assert local_zone(now) == BERLIN
    assert parse_when("in 3 days", now).isoformat() == "2026-03-30T12:00:00+02:00"
    monkeypatch.setenv("TZ", "America/New_York")  # disagrees with +01:00: keep the offset
    assert local_zone(now) == PLUS1
    assert parse_when("in 3 days", now).isoformat() == "2026-03-30T12:00:00+01:00"


# -- in words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "words"),
    [
        (NOW + timedelta(seconds=20), "now"),
        (NOW + timedelta(minutes=25), "in 25 min"),
        (NOW + timedelta(hours=2), "in 2 h"),
        (at(2026, 11, 27, 22, 0), "today 22:00"),
        (at(2026, 11, 27, 23, 59), "today"),
        (at(2026, 11, 28, 19, 0), "tomorrow 19:00"),
        (at(2026, 11, 30, 9, 0), "Mon 09:00"),
        (at(2026, 12, 24, 12, 0), "Thu 24 Dec"),
        (at(2027, 1, 5, 9, 0), "Tue 5 Jan 2027"),
        (NOW - timedelta(minutes=5), "5 min late"),
        (NOW - timedelta(hours=3), "3 h late"),
        (NOW - timedelta(days=1, hours=2), "1 day late"),
        (NOW - timedelta(days=3), "3 days late"),
        (at(2026, 10, 1, 9, 0), "since 1 Oct"),
    ],
)
def test_describe_due(due: datetime, words: str) -> None:
    assert describe_due(due, NOW) == words


def test_format_when_is_the_date_as_understood() -> None:
    assert format_when(at(2026, 11, 27, 18, 0), NOW) == "Friday 27 November, 18:00"
    assert format_when(at(2026, 12, 24, 23, 59), NOW) == "Thursday 24 December, end of day"
    assert format_when(at(2027, 1, 5, 9, 0), NOW) == "Tuesday 5 January 2027, 09:00"
