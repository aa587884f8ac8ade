"""Signs of progress found in synthetic histories."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.conftest import NOW
from trusttui.core.signs import (
    breathing_signs,
    checkin_signs,
    compared_months,
    feeling_signs,
    journal_signs,
    promise_signs,
)


def at(month: int, day: int) -> datetime:
    return NOW.replace(month=month, day=day)


def test_runs_of_promises_kept_on_time() -> None:
    assert promise_signs(12, 12)[0].text == "12 promises kept on time in a row"
    assert promise_signs(0, 6)[0].text == "Your longest run so far: 6 promises on time"
    assert promise_signs(2, 4) == []
    assert promise_signs(0, 0, kept_last_30_days=4)[0].text == "4 promises kept in the last 30 days"


def test_months_compared_include_this_one_late_in_the_month() -> None:
    assert compared_months(NOW) == (NOW.date().replace(month=10, day=1), NOW.date().replace(day=1))
    early = NOW.replace(day=5)
    assert compared_months(early) == (
        NOW.date().replace(month=9, day=1),
        NOW.date().replace(month=10, day=1),
    )
    january = NOW.replace(year=2027, month=1, day=3)
    assert compared_months(january)[0].month == 11


def test_a_hard_feeling_logged_less_often_is_a_sign() -> None:
    logged = [(at(10, day), ["hurt", "anxious"]) for day in range(1, 10)]
    logged += [(at(11, day), ["hurt"]) for day in (2, 9, 16)]
    logged += [(at(11, 20), ["hopeful"])] * 5 + [(at(10, 3), ["unknown-word"])] * 9
    unpleasant = {"hurt": True, "anxious": True, "hopeful": False}
    texts = [sign.text for sign in feeling_signs(logged, unpleasant, NOW)]
    assert texts == [
        "'anxious' logged 9 times in October, not at all in November",
        "'hurt' logged 9 times in October, 3 times in November",
        "'hopeful' logged 0 times in October, 5 times in November",
    ]


def test_a_feeling_that_barely_changed_is_not_a_sign() -> None:
    logged = [(at(10, d), ["hurt"]) for d in range(1, 6)] + [
        (at(11, d), ["hurt"]) for d in (1, 2, 3)
    ]
    assert feeling_signs(logged, {"hurt": True}, NOW) == []


def test_check_in_dimensions_that_rose() -> None:
    history = [
        (NOW - timedelta(weeks=w), {"dependability": 3.0 + (12 - w) * 0.25, "faith": 4.0})
        for w in range(12, -1, -1)
    ]
    signs = checkin_signs(history, {"dependability": "Dependability", "faith": "Faith"}, NOW)
    assert [sign.text for sign in signs] == ["Dependability: 3.1 in August, 5.5 now"]


def test_a_short_check_in_history_compares_with_its_first_weeks() -> None:
    history = [(NOW - timedelta(weeks=w), {"faith": 6.0 - w * 0.3}) for w in range(5, -1, -1)]
    assert checkin_signs(history, {"faith": "Faith"}, NOW)[0].text.startswith("Faith: 4.")
    assert checkin_signs(history[-2:], {"faith": "Faith"}, NOW) == []


def test_journal_wins_and_the_win_after_a_setback() -> None:
    entries = [(NOW - timedelta(days=d), "win") for d in (40, 30, 20)]
    entries += [(NOW - timedelta(days=5), "setback"), (NOW - timedelta(days=3), "win")]
    texts = [sign.text for sign in journal_signs(entries, NOW)]
    assert texts == [
        "4 small wins written down in the last 3 months",
        "After your last setback, you noted a small win 2 days later",
    ]
    assert journal_signs([(NOW, "setback")], NOW) == []


def test_breathing() -> None:
    assert [s.text for s in breathing_signs(4, 12.4)] == [
        "4 days in a row with a breathing pause",
        "12 minutes of calm breathing this week",
    ]
    assert breathing_signs(1, 2) == []
