"""Clocks: every piece of code that needs the time gets one injected.

`now()` gives the wall-clock time (timezone-aware, local offset) for what is
stored and shown; `monotonic()` gives seconds that never jump, for timing
breaths and other durations.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """What the app needs to know about time."""

    def now(self) -> datetime:
        """The current local time, timezone-aware."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes backwards."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


@dataclass
class ManualClock:
    """A clock that only moves when told to: for tests, demos and screenshots."""

    current: datetime
    mono: float = field(default=1000.0)

    def __post_init__(self) -> None:
        if self.current.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware datetime")

    def now(self) -> datetime:
        return self.current

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        """Move both the wall clock and the monotonic clock forward."""
        self.current += timedelta(seconds=seconds)
        self.mono += seconds
