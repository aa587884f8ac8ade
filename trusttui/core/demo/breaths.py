"""Sample breathing history: a habit that comes and goes, with two patterns of one's own.

Most weeks hold a few short sessions (mornings, evenings, the odd one before a
talk); some weeks hold none. About 5 sessions a week on average, so ten years
make a few thousand records. The last days form a small streak.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from trusttui.core.breath_log import Breath, insert_breaths
from trusttui.core.breath_patterns import insert_patterns
from trusttui.core.breathing import BUILTIN_PATTERNS, Length, Pattern, Schedule

if TYPE_CHECKING:
    from trusttui.core.demo import DemoContext

CUSTOM = (Pattern("slow evening", 4, 2, 7, 0), Pattern("before a talk", 4, 1, 6, 1))

_BY_NAME = {pattern.name: pattern for pattern in (*BUILTIN_PATTERNS, *CUSTOM)}
_PATTERN_WEIGHTS = {
    "calm": 40,
    "box": 15,
    "sigh": 15,
    "coherent": 8,
    "478": 6,
    "slow evening": 10,
    "before a talk": 6,
}
_MINUTES = (1, 2, 2, 2, 3, 3, 5)


def _id(rng: random.Random) -> str:
    """A record id like `records.new_id()`, but from the seeded source."""
    return f"{rng.getrandbits(128):032x}"


def _session(ctx: DemoContext, day: datetime, *, at_least_a_minute: bool = False) -> Breath:
    rng = ctx.rng
    name = rng.choices(list(_PATTERN_WEIGHTS), weights=list(_PATTERN_WEIGHTS.values()))[0]
    pattern = _BY_NAME[name]
    hour = rng.choice((7, 7, 8, 12, 13, 17, 21, 22))
    started = day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60))
    schedule = Schedule.of(pattern, Length(minutes=rng.choice(_MINUTES)))
    completed = at_least_a_minute or rng.random() < 0.85
    seconds = schedule.total
    if not completed:
        seconds = round(rng.uniform(0.2, 0.9) * schedule.total, 1)
    cycles = int(seconds // pattern.cycle_seconds)
    before = after = None
    if rng.random() < 0.6:
        before = rng.randint(3, 8)
        if rng.random() < 0.9:
            after = max(0, before - rng.choice((0, 1, 1, 2, 2, 3, 4)))
    return Breath(
        id=_id(rng),
        pattern=name,
        started=started,
        ended=started + timedelta(seconds=seconds),
        seconds=seconds,
        cycles=cycles,
        completed=completed,
        before=before,
        after=after,
    )


def generate(ctx: DemoContext) -> int:
    """Write the sample sessions and custom patterns; returns how many records."""
    rng = ctx.rng
    today = ctx.now.replace(hour=0, minute=0, second=0, microsecond=0)
    sessions: list[Breath] = []
    week = today - timedelta(days=7 * (ctx.years * 52))
    while week <= today:
        if rng.random() < 0.88:  # most weeks hold some practice
            for offset in sorted(rng.sample(range(7), rng.randint(3, 7))):
                sessions.append(_session(ctx, week + timedelta(days=offset)))
        week += timedelta(days=7)
    # A small streak up to yesterday: a session on each of the last few days.
    had = {breath.started.date() for breath in sessions}
    for back in range(1, rng.randint(3, 6)):
        day = today - timedelta(days=back)
        if day.date() not in had:
            sessions.append(_session(ctx, day, at_least_a_minute=True))
    sessions = sorted(
        (breath for breath in sessions if breath.ended <= ctx.now), key=lambda b: b.started
    )
    patterns = [replace(pattern, id=_id(rng)) for pattern in CUSTOM]
    return insert_patterns(ctx.db, patterns) + insert_breaths(ctx.db, sessions)
