"""The running part of the breathing screen: words, countdown, visual, cycle and time left.

Timing comes only from `app.clock.monotonic()` through a `Timeline`; a timer at
a modest rate (`TICK`) just looks at the clock and updates what is drawn, and
each piece repaints only when its text or size actually changes. A second,
one-off timer fires at the exact end. It touches no store: when the session
ends it posts `BreathSession.Ended` and the screen logs it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from trusttui.core.breathing import Length, Moment, Pattern, Schedule, Timeline
from trusttui.tui.widgets.breath_visual import BreathVisual

if TYPE_CHECKING:
    from trusttui.tui.app import TrustApp

TICK = 1 / 10
"""Seconds between looks at the clock while running (none while paused)."""

SECOND_BELL_DELAY = 0.35


def clock_text(seconds: float) -> str:
    """Seconds as m:ss, rounded up (what is left, never less)."""
    whole = max(math.ceil(round(seconds, 3)), 0)
    return f"{whole // 60}:{whole % 60:02d}"


class Readout(Widget):
    """One line of text that repaints only when the text changes."""

    text: reactive[str] = reactive("")

    def render(self) -> Content:
        return Content(self.text)


@dataclass(frozen=True)
class SessionResult:
    """A session as it ended: what the screen logs."""

    pattern: Pattern
    started: datetime
    ended: datetime
    seconds: float
    cycles: int
    completed: bool


class BreathSession(Vertical):
    """Runs one breathing session and shows where it is."""

    @dataclass
    class Ended(Message):
        """The session finished, or was stopped."""

        result: SessionResult

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.schedule: Schedule | None = None
        self.timeline: Timeline | None = None
        self.started: datetime | None = None
        self.bell = False
        self._shown: tuple[int, int] | None = None
        """(cycle, phase index) last shown, to notice phase changes."""
        self._ticker: Timer | None = None
        self._end_timer: Timer | None = None

    @property
    def trust_app(self) -> TrustApp:
        return cast("TrustApp", self.app)

    def compose(self) -> ComposeResult:
        self._words = Readout(id="breath-words")
        self._count = Readout(id="breath-count")
        self._visual = BreathVisual(id="breath-visual")
        self._cycle = Readout(id="breath-cycle")
        self._left = Readout(id="breath-left")
        yield from (self._words, self._count, self._visual, self._cycle, self._left)

    # -- state --------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """A session is under way (possibly paused)."""
        return self.timeline is not None

    @property
    def paused(self) -> bool:
        return self.timeline is not None and self.timeline.paused

    def now(self) -> float:
        return self.trust_app.clock.monotonic()

    def moment(self) -> Moment:
        assert self.schedule is not None and self.timeline is not None
        return self.schedule.at(self.timeline.elapsed(self.now()))

    # -- control ------------------------------------------------------------------

    def begin(self, pattern: Pattern, length: Length, *, bell: bool) -> None:
        """Start breathing now."""
        self.schedule = Schedule.of(pattern, length)
        self.timeline = Timeline.start(self.now())
        self.started = self.trust_app.clock.now()
        self.bell = bell
        self._shown = None
        self._visual.display = self.app.animation_level != "none"
        self._run_timers()
        self.tick()

    def toggle_pause(self) -> None:
        """Pause, or go on from where it paused."""
        if self.timeline is None:
            return
        if self.timeline.paused:
            self.timeline = self.timeline.resume(self.now())
            self._run_timers()
        else:
            self.timeline = self.timeline.pause(self.now())
            self._stop_timers()
        self.tick()

    def pause(self) -> None:
        """Pause if running (the screen was covered or left)."""
        if self.timeline is not None and not self.timeline.paused:
            self.toggle_pause()

    def stop(self, *, quiet: bool = False) -> SessionResult | None:
        """Stop early; the result is posted (unless `quiet`) as well as returned."""
        if self.timeline is None:
            return None
        return self._end(self.moment(), completed=False, post=not quiet)

    def tick(self) -> None:
        """Look at the clock and show where the breath is. Safe to call at any time."""
        if self.schedule is None or self.timeline is None:
            return
        now = self.moment()
        if now.finished:
            self._end(now, completed=True)
            return
        self._show(now)
        key = (now.cycle, now.phase_index)
        if key != self._shown:
            previous = self._shown
            self._shown = key
            if not self.timeline.paused:
                self._cue(now, previous)

    # -- drawing ------------------------------------------------------------------

    def _show(self, now: Moment) -> None:
        paused = self.timeline is not None and self.timeline.paused
        words = "Paused · space to go on" if paused else now.phase.words
        # Each assignment repaints only if the text (or the bar's size) changed.
        self._words.text = words
        self._count.text = str(math.ceil(now.phase_left))
        self._visual.show(now.level)
        self._cycle.text = f"cycle {now.cycle} of {now.cycles}"
        self._left.text = f"{clock_text(now.left)} left"

    def _cue(self, now: Moment, previous: tuple[int, int] | None) -> None:
        """One bell to breathe in, two to breathe out, none on holds."""
        if not self.bell:
            return
        assert self.schedule is not None
        phases = self.schedule.pattern.phases
        if now.phase.kind == "in":
            if previous is None or phases[previous[1]].kind != "in":
                self.app.bell()
        elif now.phase.kind == "out":
            self.app.bell()
            self.set_timer(SECOND_BELL_DELAY, self._second_bell, name="second bell")

    def _second_bell(self) -> None:
        if self.running and not self.paused:
            self.app.bell()

    # -- timers and the end ---------------------------------------------------------

    def _run_timers(self) -> None:
        self._stop_timers()
        self._ticker = self.set_interval(TICK, self.tick, name="breath tick")
        now = self.moment()
        self._end_timer = self.set_timer(max(now.left, 0.0), self.tick, name="breath end")

    def _stop_timers(self) -> None:
        for timer in (self._ticker, self._end_timer):
            if timer is not None:
                timer.stop()
        self._ticker = self._end_timer = None

    def _end(self, now: Moment, *, completed: bool, post: bool = True) -> SessionResult:
        assert self.schedule is not None and self.timeline is not None
        assert self.started is not None
        timeline = self.timeline
        self._stop_timers()
        self.timeline = None
        mono = timeline.when_elapsed(now.elapsed) if completed else self.now()
        ended = self.started + timedelta(seconds=max(mono - timeline.marks[0], 0.0))
        result = SessionResult(
            pattern=self.schedule.pattern,
            started=self.started,
            ended=ended,
            seconds=now.elapsed,
            cycles=now.cycles_done,
            completed=completed,
        )
        if post:
            self.post_message(self.Ended(result))
        return result

    def on_unmount(self) -> None:
        self._stop_timers()
