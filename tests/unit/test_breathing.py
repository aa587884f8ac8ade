"""The breathing schedule: phases from a monotonic clock, pauses, and an exact end."""

from __future__ import annotations

import pytest

from trusttui.core.breathing import (
    BUILTIN_PATTERNS,
    Length,
    Pattern,
    Schedule,
    Timeline,
    moment,
)
from trusttui.core.clock import ManualClock

PATTERNS = {pattern.name: pattern for pattern in BUILTIN_PATTERNS}
BOX = PATTERNS["box"]


def test_builtin_patterns_have_the_published_timings() -> None:
    assert [(p.name, p.cycle_seconds) for p in BUILTIN_PATTERNS] == [
        ("calm", 10),
        ("box", 16),
        ("478", 19),
        ("coherent", 11),
        ("sigh", 12),
    ]
    assert PATTERNS["478"].timings() == "in 4 · hold 7 · out 8"
    assert PATTERNS["coherent"].timings() == "in 5.5 · out 5.5"
    assert [phase.kind for phase in PATTERNS["calm"].phases] == ["in", "out"]


def test_the_sigh_is_a_full_in_breath_a_top_up_and_an_out_breath_twice_as_long() -> None:
    sigh = PATTERNS["sigh"]
    words = [phase.words for phase in sigh.phases]
    assert words == ["Breathe in", "A little more in", "Breathe out"]
    full, top_up, out = (phase.seconds for phase in sigh.phases)
    assert top_up < full
    assert out == 2 * (full + top_up)
    # The breath fills through both in-breaths and empties on the out-breath.
    assert [(p.start_level, p.end_level) for p in sigh.phases] == [
        (0.0, 0.75),
        (0.75, 1.0),
        (1.0, 0.0),
    ]


@pytest.mark.parametrize(
    ("elapsed", "index", "words", "left", "cycle"),
    [
        (0.0, 0, "Breathe in", 4.0, 1),
        (3.999, 0, "Breathe in", 0.001, 1),
        (4.0, 1, "Hold", 4.0, 1),
        (8.0, 2, "Breathe out", 4.0, 1),
        (12.0, 3, "Hold", 4.0, 1),
        (15.5, 3, "Hold", 0.5, 1),
        (16.0, 0, "Breathe in", 4.0, 2),
        (37.0, 1, "Hold", 3.0, 3),
    ],
)
def test_box_phase_boundaries(
    elapsed: float, index: int, words: str, left: float, cycle: int
) -> None:
    now = Schedule(BOX, cycles=3).at(elapsed)
    assert (now.phase_index, now.phase.words, now.phase_left, now.cycle) == (
        index,
        words,
        pytest.approx(left),
        cycle,
    )
    assert not now.finished


def test_visual_level_grows_rests_and_shrinks() -> None:
    schedule = Schedule(BOX, cycles=1)
    levels = [schedule.at(t).level for t in (0, 1, 2, 3, 4, 6, 8, 10, 12, 14)]
    assert levels[0] == 0.0
    assert levels[0] < levels[1] < levels[2] < levels[3] < levels[4] == 1.0
    assert levels[5] == 1.0  # resting while holding
    assert levels[6] == 1.0 and levels[7] == pytest.approx(0.5) and levels[8] == 0.0
    assert levels[9] == 0.0


def test_exact_end_and_cycles_counted() -> None:
    schedule = Schedule(BOX, cycles=2)
    assert schedule.total == 32.0
    assert not schedule.at(31.999999).finished
    end = schedule.at(32.0)
    assert end.finished and end.left == 0 and end.cycles_done == 2 and end.cycle == 2
    assert schedule.at(500).elapsed == 32.0
    assert schedule.at(17).cycles_done == 1


def test_minutes_round_to_whole_breaths() -> None:
    assert Length(minutes=5).planned_cycles(PATTERNS["calm"]) == 30
    assert Length(minutes=5).planned_cycles(BOX) == 19  # 18.75 breaths, rounded
    assert Length(minutes=0.1).planned_cycles(BOX) == 1
    assert Length(cycles=7).planned_cycles(BOX) == 7
    assert Length(minutes=1).describe() == "1 minute"
    assert Length(cycles=3).describe() == "3 cycles"
    with pytest.raises(ValueError):
        Length()


def test_session_from_a_manual_clock_with_pause_and_resume(clock: ManualClock) -> None:
    length = Length(cycles=2)
    timeline = Timeline.start(clock.monotonic())
    clock.advance(5)  # into the first hold
    assert moment(BOX, length, timeline, clock.monotonic()).phase.words == "Hold"
    timeline = timeline.pause(clock.monotonic())
    clock.advance(600)  # a long pause changes nothing
    paused = moment(BOX, length, timeline, clock.monotonic())
    assert timeline.paused and paused.elapsed == 5.0 and paused.phase_left == 3.0
    assert timeline.pause(clock.monotonic()) is timeline
    timeline = timeline.resume(clock.monotonic())
    clock.advance(3)
    now = moment(BOX, length, timeline, clock.monotonic())
    assert (now.phase.words, now.phase_left, now.left) == ("Breathe out", 4.0, 24.0)
    clock.advance(24)
    assert moment(BOX, length, timeline, clock.monotonic()).finished
    assert timeline.elapsed(clock.monotonic()) == 32.0
    # The session ended exactly 32 s of breathing after it began, pauses left out.
    assert timeline.when_elapsed(32.0) == timeline.marks[0] + 32.0 + 600.0


def test_elapsed_is_free_of_float_drift() -> None:
    coherent = PATTERNS["coherent"]
    start = 1000.1
    timeline = Timeline.start(start)
    at_boundary = moment(coherent, Length(cycles=3), timeline, start + 11.0)
    assert (at_boundary.cycle, at_boundary.phase_index, at_boundary.phase_left) == (2, 0, 5.5)


def test_a_five_minute_session_ends_at_its_nominal_length() -> None:
    schedule = Schedule.of(PATTERNS["calm"], Length(minutes=5))
    assert schedule.total == 300.0
    timeline = Timeline.start(12345.678)
    assert timeline.when_elapsed(schedule.total) == pytest.approx(12345.678 + 300.0, abs=1e-9)


def test_pattern_equality_ignores_ids() -> None:
    assert Pattern("x", 4, 0, 6, 0, id="a") == Pattern("x", 4, 0, 6, 0, id="b")
