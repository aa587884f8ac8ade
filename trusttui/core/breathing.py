"""Breathing: patterns, the phase schedule of a session, and the figures shown about it.

The schedule is pure: given a pattern, a length and the monotonic times at which
the session started, paused and resumed, it says where the breath is *now*:
which phase, the seconds left in it, the cycle, the time left, and whether the
session is over. Nothing counts ticks, so a 16 s box cycle lasts 16.0 s however
often the screen looks, and a paused session resumes exactly where it stopped.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from trusttui.core.breath_stats import MIN_COUNTED_SECONDS as MIN_COUNTED_SECONDS
from trusttui.core.breath_stats import BreathStats as BreathStats
from trusttui.core.breath_stats import breath_stats as breath_stats
from trusttui.core.defaults import DEFAULT_PATTERN as DEFAULT_PATTERN

PhaseKind = Literal["in", "hold", "out"]


@dataclass(frozen=True)
class Phase:
    """One part of a breath: what to do, for how long, and how full the lungs go."""

    kind: PhaseKind
    seconds: float
    words: str
    start_level: float
    """How full the breath is when the phase begins (0 empty .. 1 full)."""
    end_level: float

    def level(self, progress: float) -> float:
        """How full the breath is `progress` (0..1) of the way through, eased to feel calm."""
        eased = (1 - math.cos(math.pi * min(max(progress, 0.0), 1.0))) / 2
        return self.start_level + (self.end_level - self.start_level) * eased


def _number(seconds: float) -> str:
    return f"{seconds:g}"


@dataclass(frozen=True)
class Pattern:
    """A way of breathing: seconds to breathe in, hold, breathe out and hold.

    `top_up` is a short second in-breath straight after the first (the physiological
    sigh); custom patterns have none. Built-in patterns have no `id`.
    """

    name: str
    breathe_in: float
    hold_in: float
    breathe_out: float
    hold_out: float
    top_up: float = 0.0
    about: str = ""
    id: str | None = field(default=None, compare=False)

    @property
    def builtin(self) -> bool:
        """True for the patterns that come with trusttui."""
        return self.id is None

    @cached_property
    def phases(self) -> tuple[Phase, ...]:
        """The phases of one cycle, in order; holds of 0 s are left out."""
        inhaled = self.breathe_in + self.top_up
        first = self.breathe_in / inhaled
        parts: list[Phase] = [Phase("in", self.breathe_in, "Breathe in", 0.0, first)]
        if self.top_up:
            parts.append(Phase("in", self.top_up, "A little more in", first, 1.0))
        if self.hold_in:
            parts.append(Phase("hold", self.hold_in, "Hold", 1.0, 1.0))
        parts.append(Phase("out", self.breathe_out, "Breathe out", 1.0, 0.0))
        if self.hold_out:
            parts.append(Phase("hold", self.hold_out, "Hold", 0.0, 0.0))
        return tuple(parts)

    @cached_property
    def offsets(self) -> tuple[float, ...]:
        """When each phase begins, in seconds from the start of a cycle."""
        starts = [0.0]
        for phase in self.phases[:-1]:
            starts.append(starts[-1] + phase.seconds)
        return tuple(starts)

    @property
    def cycle_seconds(self) -> float:
        """How long one full breath takes."""
        return self.breathe_in + self.top_up + self.hold_in + self.breathe_out + self.hold_out

    def timings(self) -> str:
        """The phases in a few words: "in 4 · hold 7 · out 8"."""
        parts = [f"in {_number(self.breathe_in)}"]
        if self.top_up:
            parts.append(f"top-up {_number(self.top_up)}")
        if self.hold_in:
            parts.append(f"hold {_number(self.hold_in)}")
        parts.append(f"out {_number(self.breathe_out)}")
        if self.hold_out:
            parts.append(f"hold {_number(self.hold_out)}")
        return " · ".join(parts)


BUILTIN_PATTERNS: tuple[Pattern, ...] = (
    Pattern("calm", 4, 0, 6, 0, about="a longer out-breath; comfortable for anyone"),
    Pattern("box", 4, 4, 4, 4, about="four even sides: in, hold, out, hold"),
    Pattern("478", 4, 7, 8, 0, about="in 4, hold 7, out 8; slow and settling"),
    Pattern("coherent", 5.5, 0, 5.5, 0, about="even breaths, about five and a half a minute"),
    # The physiological sigh (cyclic sighing, Balban et al. 2023): a full in-breath
    # through the nose, a short top-up in-breath, then a long, slow out-breath about
    # twice as long as both in-breaths together.
    Pattern("sigh", 3, 0, 8, 0, top_up=1, about="two in-breaths, one long sigh out"),
)


@dataclass(frozen=True)
class Length:
    """How long a session lasts: some minutes, or a number of cycles.

    A session always ends after a whole breath: minutes are rounded to the
    nearest whole number of cycles (at least one).
    """

    minutes: float | None = None
    cycles: int | None = None

    def __post_init__(self) -> None:
        if (self.minutes is None) == (self.cycles is None):
            raise ValueError("a Length has either minutes or cycles")

    def planned_cycles(self, pattern: Pattern) -> int:
        """How many breaths the session holds."""
        if self.cycles is not None:
            return self.cycles
        assert self.minutes is not None
        return max(1, round(self.minutes * 60 / pattern.cycle_seconds))

    def describe(self) -> str:
        """ "2 minutes", "1 cycle"."""
        if self.cycles is not None:
            return f"{self.cycles} cycle" + ("" if self.cycles == 1 else "s")
        assert self.minutes is not None
        return f"{_number(self.minutes)} minute" + ("" if self.minutes == 1 else "s")


@dataclass(frozen=True)
class Timeline:
    """The monotonic times at which a session started, then paused, resumed, paused...

    An odd number of marks means it is running; an even number, paused.
    """

    marks: tuple[float, ...]

    @classmethod
    def start(cls, now: float) -> Timeline:
        return cls((now,))

    @property
    def paused(self) -> bool:
        return len(self.marks) % 2 == 0

    def pause(self, now: float) -> Timeline:
        return self if self.paused else Timeline((*self.marks, now))

    def resume(self, now: float) -> Timeline:
        return Timeline((*self.marks, now)) if self.paused else self

    def elapsed(self, now: float) -> float:
        """Seconds spent breathing (pauses left out), to the microsecond."""
        ends = (*self.marks[1:], now) if not self.paused else self.marks[1:]
        total = sum(end - begin for begin, end in zip(self.marks[::2], ends[::2], strict=True))
        return round(max(total, 0.0), 6)

    def when_elapsed(self, seconds: float) -> float:
        """The monotonic time at which `seconds` of breathing is (or will be) reached."""
        spent = 0.0
        for index in range(0, len(self.marks), 2):
            begin = self.marks[index]
            end = self.marks[index + 1] if index + 1 < len(self.marks) else math.inf
            if spent + (end - begin) >= seconds:
                return begin + (seconds - spent)
            spent += end - begin
        return math.inf


@dataclass(frozen=True)
class Moment:
    """Where a session is at one instant."""

    phase_index: int
    phase: Phase
    phase_left: float
    """Seconds left in this phase."""
    progress: float
    """How far through this phase (0..1)."""
    cycle: int
    """The breath being taken, from 1; the last one once finished."""
    cycles: int
    """Breaths planned."""
    cycles_done: int
    elapsed: float
    total: float
    finished: bool

    @property
    def left(self) -> float:
        """Seconds of the session still to breathe."""
        return self.total - self.elapsed

    @property
    def level(self) -> float:
        """How full the breath is now (0 empty .. 1 full)."""
        return self.phase.level(self.progress)


@dataclass(frozen=True)
class Schedule:
    """A pattern repeated a number of times."""

    pattern: Pattern
    cycles: int

    @classmethod
    def of(cls, pattern: Pattern, length: Length) -> Schedule:
        return cls(pattern, length.planned_cycles(pattern))

    @property
    def total(self) -> float:
        """The session's exact length in seconds."""
        return round(self.cycles * self.pattern.cycle_seconds, 6)

    def at(self, elapsed: float) -> Moment:
        """Where the session is after `elapsed` seconds of breathing."""
        pattern, total = self.pattern, self.total
        cycle_seconds = pattern.cycle_seconds
        if elapsed >= total:
            last = len(pattern.phases) - 1
            return Moment(
                last, pattern.phases[last], 0.0, 1.0, self.cycles, self.cycles, self.cycles,
                total, total, True,
            )  # fmt: skip
        elapsed = max(elapsed, 0.0)
        done = min(int(elapsed // cycle_seconds), self.cycles - 1)
        within = round(elapsed - done * cycle_seconds, 6)
        index = bisect.bisect_right(pattern.offsets, within) - 1
        phase = pattern.phases[index]
        into = within - pattern.offsets[index]
        return Moment(
            phase_index=index,
            phase=phase,
            phase_left=round(phase.seconds - into, 6),
            progress=into / phase.seconds,
            cycle=done + 1,
            cycles=self.cycles,
            cycles_done=done,
            elapsed=elapsed,
            total=total,
            finished=False,
        )


def moment(pattern: Pattern, length: Length, timeline: Timeline, now: float) -> Moment:
    """Where a session of `pattern` and `length`, timed by `timeline`, is at `now`."""
    return Schedule.of(pattern, length).at(timeline.elapsed(now))
