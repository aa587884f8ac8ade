"""Repeats: words to recurrence rules, and the next occurrence in local time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from dateutil import rrule

from tests.conftest import NOW
from trusttui.core.errors import InputError
from trusttui.core.when import describe_every, next_occurrence, parse_every

BERLIN = ZoneInfo("Europe/Berlin")


# NOW is a Friday.
@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        ("every day", "FREQ=DAILY", "every day"),
        ("daily", "FREQ=DAILY", "every day"),
        ("Every 3 days", "FREQ=DAILY;INTERVAL=3", "every 3 days"),
        ("every other day", "FREQ=DAILY;INTERVAL=2", "every 2 days"),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "weekdays"),
        ("every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "weekdays"),
        ("weekends", "FREQ=WEEKLY;BYDAY=SA,SU", "weekends"),
        ("every monday", "FREQ=WEEKLY;BYDAY=MO", "every Monday"),
        ("mondays", "FREQ=WEEKLY;BYDAY=MO", "every Monday"),
        ("on thursdays", "FREQ=WEEKLY;BYDAY=TH", "every Thursday"),
        ("every mon and thu", "FREQ=WEEKLY;BYDAY=MO,TH", "every Monday and Thursday"),
        ("every tue, fri", "FREQ=WEEKLY;BYDAY=TU,FR", "every Tuesday and Friday"),
        ("every other sunday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", "every 2 weeks on Sunday"),
        ("weekly", "FREQ=WEEKLY;BYDAY=FR", "every Friday"),
        ("every week", "FREQ=WEEKLY;BYDAY=FR", "every Friday"),
        ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday"),
        ("fortnightly", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday"),
        ("monthly", "FREQ=MONTHLY", "every month"),
        ("every 3 months", "FREQ=MONTHLY;INTERVAL=3", "every 3 months"),
        ("every year", "FREQ=YEARLY", "every year"),
    ],
)
def test_repeats_in_words(text: str, rule: str, words: str) -> None:
    assert parse_every(text, NOW) == rule
    assert describe_every(rule) == words
    rrule.rrulestr(rule, dtstart=NOW.replace(tzinfo=None))  # dateutil reads it back


def test_descriptions_read_back_as_the_same_rule() -> None:
    for text in ("every 2 weeks on Tuesday and Friday", "every Monday", "weekdays", "every 3 days"):
        rule = parse_every(text, NOW)
        assert parse_every(describe_every(rule), NOW) == rule


@pytest.mark.parametrize("text", ["", "sometimes", "every banana", "every 0 days", "2 weekdays"])
def test_unknown_repeats_are_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_every(text, NOW)


def test_a_written_out_rule_is_kept() -> None:
    assert parse_every("RRULE:FREQ=MONTHLY;BYDAY=1MO", NOW) == "FREQ=MONTHLY;BYDAY=1MO"
    assert parse_every("freq=daily;interval=2", NOW) == "FREQ=DAILY;INTERVAL=2"
    with pytest.raises(InputError):
        parse_every("FREQ=SOMETIMES", NOW)


def test_monthly_from_the_31st_means_the_last_day() -> None:
    start = datetime(2026, 1, 31, 9, tzinfo=timezone(timedelta(hours=1)))
    rule = parse_every("monthly", start)
    assert rule == "FREQ=MONTHLY;BYMONTHDAY=-1"
    after = next_occurrence(rule, start, start)
    assert after is not None and after.date().isoformat() == "2026-02-28"


def test_next_occurrence_keeps_the_clock_time_across_dst() -> None:
    due = datetime(2026, 3, 28, 8, tzinfo=BERLIN)
    following = next_occurrence("FREQ=DAILY", due, due)
    assert following is not None and following.isoformat() == "2026-03-29T08:00:00+02:00"


def test_next_occurrence_skips_what_has_already_passed() -> None:
    due = NOW - timedelta(days=5)
    following = next_occurrence("FREQ=DAILY", due, NOW)
    assert following is not None and following > NOW
    assert following - NOW <= timedelta(days=1)
    assert following.time() == due.time()


def test_next_occurrence_after_keeping_early_is_the_following_one() -> None:
    due = NOW + timedelta(hours=3)  # kept before it was due
    following = next_occurrence("FREQ=WEEKLY;BYDAY=FR", due, NOW)
    assert following == due + timedelta(days=7)


def test_weekdays_roll_over_the_weekend() -> None:
    following = next_occurrence("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", NOW, NOW)  # a Friday
    assert following is not None and following.strftime("%a %d") == "Mon 30"
