"""Demo check-ins: a hurt that eases over months into calmer, more hopeful words.

The story: a small betrayal at the start of the history (a partner's broken
promise) brings hurt, anxious, let-down days that ease over the first months
into relieved, hopeful, trusting ones. Every year or so a smaller setback comes
and passes more quickly. About three check-ins a day, some days none.
"""

from __future__ import annotations

import math
import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from trusttui.core.feelings import CheckIn, insert_checkins

if TYPE_CHECKING:
    from trusttui.core.demo import DemoContext

PER_DAY = (0, 1, 2, 3, 4, 5)
PER_DAY_WEIGHTS = (6, 12, 20, 28, 22, 12)
"""About 2.8 check-ins a day on average: roughly 1,000 a year."""

RAW = [
    *["hurt", "betrayed", "let down", "disappointed", "anxious", "insecure", "resentful"],
    *["angry", "lonely", "confused", "numb", "jealous", "scared", "overwhelmed", "suspicious"],
    *["wounded", "heartbroken", "on edge", "worried", "bitter", "ignored", "sad", "torn"],
]
EVERYDAY_LOW = [
    *["frustrated", "worried", "annoyed", "impatient", "nervous", "disappointed", "guilty"],
    *["embarrassed", "lonely", "sad", "awkward", "irritated", "discouraged", "flat", "anxious"],
]
REPAIR = [
    *["relieved", "hopeful", "reassured", "trusting", "grateful", "calm", "safe", "close"],
    *["comforted", "supported", "encouraged", "open", "willing", "forgiving", "lighter"],
    *["soothed", "steady", "curious", "understood"],
]
WELL = [
    *["calm", "content", "happy", "close", "grateful", "playful", "peaceful", "connected"],
    *["proud", "trusting", "safe", "amused", "glad", "settled", "at ease", "looking forward"],
    *["excited", "tender", "valued", "cared for", "satisfied", "inspired", "cheerful"],
]

NOTES_RAW = [
    "They said they'd be home by seven. It was past midnight.",
    "Found out from someone else. That's the part that stings.",
    "Couldn't sleep. Kept replaying the conversation.",
    "We talked, but it went in circles.",
    "Checked my phone twenty times today.",
    "They forgot, again. I said nothing.",
    "Cried in the car before work.",
    "Felt like I was the only one who cared about the plan.",
    "Hard to believe the apology.",
    "Snapped at a colleague. It wasn't about them.",
]
NOTES_REPAIR = [
    "They kept the small promise about Thursday.",
    "We talked without shouting.",
    "Said what I needed out loud, and they listened.",
    "A walk together. Quiet, but good quiet.",
    "Noticed I didn't check my phone all evening.",
    "They told me before I had to ask.",
    "Breathing exercise before the hard talk helped.",
    "First laugh together in weeks.",
    "Made a plan we can both keep.",
]
NOTES_WELL = [
    "Ordinary Sunday. Pancakes.",
    "Friends over for dinner.",
    "They surprised me with coffee.",
    "Good day at work.",
    "Long call with my sister.",
    "Finished the book I'd started in spring.",
    "Cooked together; burned the rice; laughed.",
    "Quiet evening. Enough.",
]
NOTES_LOW = [
    "Deadline moved up again.",
    "Too little sleep.",
    "Missed the bus, missed the meeting.",
    "Family call went sideways.",
    "Couldn't say no to the extra shift.",
]

TAGS_HARD = ["partner", "partner", "partner", "self", "family", "friends"]
TAGS_EVERYDAY = ["work", "work", "family", "friends", "self", "partner", "health"]


def _tension(day: int, ruptures: list[tuple[int, float, float]]) -> float:
    """How raw things are on `day` (0 calm - 1 raw): each rupture fades over its own time."""
    total = 0.0
    for start, strength, fade in ruptures:
        if day >= start:
            total += strength * math.exp(-(day - start) / fade)
    return min(1.0, total)


def _ruptures(ctx: DemoContext, days: int) -> list[tuple[int, float, float]]:
    """The betrayal at the start, then a smaller setback every 7-18 months."""
    found = [(0, 1.0, 75.0)]
    day = ctx.rng.randint(210, 540)
    while day < days - 30:
        found.append((day, ctx.rng.uniform(0.35, 0.7), ctx.rng.uniform(18.0, 40.0)))
        day += ctx.rng.randint(210, 540)
    return found


def _pick_words(ctx: DemoContext, tension: float, hard: bool) -> tuple[str, ...]:
    rng = ctx.rng
    count = rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
    pools = {(True, True): RAW, (True, False): EVERYDAY_LOW, (False, True): REPAIR}
    pool = pools.get((hard, tension > (0.3 if hard else 0.12)), WELL)
    # Earlier words in each pool come up more often (hurt more than torn).
    weights = [1.0 / (1 + index / 4) for index in range(len(pool))]
    words: list[str] = []
    while len(words) < count:
        word = rng.choices(pool, weights=weights)[0]
        if word not in words:
            words.append(word)
    if hard and 0.15 < tension < 0.6 and rng.random() < 0.3:
        words.append(rng.choice(REPAIR))  # hurt, and hopeful too
    return tuple(dict.fromkeys(words))


def _note(ctx: DemoContext, tension: float, hard: bool) -> str:
    if ctx.rng.random() > 0.3:
        return ""
    if hard:
        return ctx.rng.choice(NOTES_RAW if tension > 0.3 else NOTES_LOW)
    return ctx.rng.choice(NOTES_REPAIR if tension > 0.12 else NOTES_WELL)


def _checkin(ctx: DemoContext, at: datetime, tension: float) -> CheckIn:
    rng = ctx.rng
    hard = rng.random() < 0.18 + 0.72 * tension
    if hard:
        intensity = round(2.5 + 6.5 * tension + rng.gauss(0, 1.2))
        tags = [rng.choice(TAGS_HARD if tension > 0.3 else TAGS_EVERYDAY)]
    else:
        intensity = round(3.5 + 3.0 * (1 - tension) + rng.gauss(0, 1.3))
        tags = [rng.choice(TAGS_EVERYDAY)] if rng.random() < 0.6 else []
    return CheckIn(
        id=uuid.UUID(int=rng.getrandbits(128), version=4).hex,
        at=at,
        words=_pick_words(ctx, tension, hard),
        intensity=max(1, min(10, intensity)),
        note=_note(ctx, tension, hard),
        tags=tuple(tags),
    )


def generate(ctx: DemoContext) -> int:
    """Write the demo check-ins; returns how many."""
    rng = ctx.rng
    days = (ctx.now - ctx.start).days
    ruptures = _ruptures(ctx, days)
    midnight = ctx.start.replace(hour=0, minute=0, second=0, microsecond=0)
    checkins: list[CheckIn] = []
    for day in range(days + 1):
        tension = _tension(day, ruptures)
        count = rng.choices(PER_DAY, weights=PER_DAY_WEIGHTS)[0]
        minutes = sorted(rng.randint(7 * 60 + 30, 23 * 60) for _ in range(count))
        for minute in minutes:
            at = midnight + timedelta(days=day, minutes=minute, seconds=rng.randint(0, 59))
            if ctx.start <= at <= ctx.now:
                checkins.append(_checkin(ctx, at, tension))
    insert_checkins(ctx.db, checkins)
    return len(checkins)
