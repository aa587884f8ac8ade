"""Progress readings from synthetic weekly histories."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import NOW
from trusttui.core.progress import (
    Series,
    align,
    build_progress,
    headline,
    read_series,
    week_start,
    week_starts,
    weekly_means,
)


def trust(*values: float | None) -> Series:
    return Series("trust", "Trust", align(values), 1, 7)


def unpleasant(*values: float | None) -> Series:
    return Series("unpleasant", "Hard feelings", align(values), 1, 10, higher_is_better=False)


def test_weeks_start_on_monday_in_local_time() -> None:
    assert week_start(NOW, NOW) == date(2026, 11, 23)
    starts = week_starts(NOW, 3)
    assert starts == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]


def test_weekly_means_bucket_by_week_and_leave_gaps() -> None:
    points = [
        (NOW, 6.0),
        (NOW - timedelta(days=1), 4.0),
        (NOW - timedelta(weeks=2), 3.0),
        (NOW - timedelta(weeks=30), 1.0),  # too old for the window
        (NOW + timedelta(days=1), 7.0),  # the future is ignored
    ]
    assert weekly_means(points, NOW, 4) == (None, 3.0, None, 5.0)


def test_align_pads_and_trims_the_old_end() -> None:
    assert align([1.0, 2.0], 4) == (None, None, 1.0, 2.0)
    assert align([1.0, 2.0, 3.0], 2) == (2.0, 3.0)


def test_rising_trust_reads_steadier() -> None:
    reading = read_series(trust(3, 3, 3.5, 3.5, 4, 4.5, 4.5, 5))
    assert reading.trend == "better" and reading.text == "steadier than a month ago"
    assert not reading.dip


def test_a_dip_this_week_is_named_kindly() -> None:
    reading = read_series(trust(3, 3, 3.5, 4, 4.5, 5, 5.5, 4.5))
    assert reading.dip
    assert reading.text == "steadier than a month ago; a dip this week: setbacks are part of it"


def test_a_dip_in_a_falling_line_is_just_the_dip() -> None:
    reading = read_series(trust(6, 6, 6, 6, 5.5, 5.5, 5.5, 4.5))
    assert reading.trend == "worse" and reading.text == "a dip this week: setbacks are part of it"


def test_coming_back_after_a_dip_is_noticed() -> None:
    reading = read_series(trust(5, 5, 5.2, 5.2, 5.2, 3.8, 3.7, 5.3))
    assert reading.rebound and reading.text == "back up this week after a dip"
    assert "Easier this week after a dip" in headline([reading])


def test_hard_feelings_dip_and_rebound_in_their_own_words() -> None:
    assert read_series(unpleasant(4, 4, 4, 4, 4, 4, 4, 6)).text.startswith("heavier this week")
    assert read_series(unpleasant(4, 4, 4, 4, 4, 6, 6, 4)).text == "lighter again this week"


def test_flat_line_with_noise_is_steady() -> None:
    reading = read_series(trust(4, 4.2, 3.9, 4.1, 4, 4.1, 4.1, 4))
    assert reading.trend == "steady"
    assert "steady counts too" in reading.text


def test_falling_line_is_said_without_blame() -> None:
    reading = read_series(trust(6, 6, 6, 6, 5, 5, 4.2, 4.2))
    assert reading.trend == "worse"
    assert "can turn again" in reading.text


def test_lower_is_better_for_hard_feelings() -> None:
    assert read_series(unpleasant(8, 8, 7, 7, 6, 5, 5, 4)).text == "lighter than a month ago"
    assert read_series(unpleasant(3, 3, 3, 3, 4, 5, 6, 6)).trend == "worse"


def test_gaps_between_check_ins_are_bridged() -> None:
    reading = read_series(trust(3, None, None, 3.5, None, None, 5, None))
    assert reading.trend == "better"


def test_short_history_is_early_days() -> None:
    assert read_series(trust(4, 5)).trend == "early"
    assert read_series(trust()).trend == "none"


def test_nothing_lately_is_quiet_not_worse() -> None:
    reading = read_series(trust(4, 5, 6, None, None, None, None, None))
    assert reading.trend == "quiet"


@pytest.mark.parametrize(
    ("series", "words"),
    [
        ([trust(), unpleasant()], "Nothing to read yet"),
        ([trust(3, 3, 3, 4, 4, 5, 5, 5), unpleasant(5, 5, 5, 5, 5, 5, 5, 5)], "Steadier"),
        ([trust(3, 3, 3, 4, 4, 5, 6, 4.5)], "A dip this week"),
        ([trust(6, 6, 6, 6, 5, 5, 4, 4)], "harder stretch"),
        ([trust(4, 4, 4, 4, 4, 4, 4, 4)], "Steady is a kind of progress"),
        ([trust(4, 4)], "Early days"),
        (
            [
                trust(3, 3, 3, 4, 4, 5, 5, 5),
                trust(3, 3, 3, 4, 4, 5, 5, 5),
                trust(5, 5, 5, 5, 5, 5, 4, 5),
            ],
            "Steadier",
        ),
        ([trust(3, 3, 3, 3, 4, 4, 5, 5), unpleasant(3, 3, 3, 3, 5, 5, 6, 6)], "not a straight"),
    ],
)
def test_headline(series: list[Series], words: str) -> None:
    progress = build_progress(series, week_starts(NOW))
    assert words in progress.headline
    assert progress.headline == headline(progress.readings)


def test_values_are_shown_plainly() -> None:
    series = Series("reliability", "Promises", align([0.834]), 0, 1, percent=True)
    assert series.show(series.latest) == "83%"
    assert trust(4.25).show(4.25) == "4.2" and trust().show(None) == "–"
