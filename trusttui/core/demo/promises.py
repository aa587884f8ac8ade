"""Sample promises: a believable history of keeping promises, getting steadier over time.

About 900 promises a year: a few repeating ones (a text when leaving work on
weekdays, cooking twice a week, calling Mum on Sundays, the bins, Saturday
swimming) and roughly one other promise a day. Most are kept on time, more so
as time goes on; some are late, a few missed, a few released or moved before
they were due. A handful are open now: one overdue, some due today, some later.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from trusttui.core.promises import TABLE, Event, Promise, new_promise
from trusttui.core.repeats import next_occurrence
from trusttui.core.zones import local_zone, localize

if TYPE_CHECKING:
    from trusttui.core.demo import DemoContext

H = timedelta(hours=1)


@dataclass(frozen=True)
class Series:
    text: str
    to: str | None
    every: str
    first: time


SERIES = (
    Series("Text when I leave work", "Sam", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", time(17, 30)),
    Series("Cook dinner", "Sam", "FREQ=WEEKLY;BYDAY=MO,TH", time(19, 0)),
    Series("Call Mum", "Mum", "FREQ=WEEKLY;BYDAY=SU", time(18, 0)),
    Series("Put the bins out", None, "FREQ=WEEKLY;BYDAY=TU", time(21, 0)),
    Series("Take the kids swimming", "the kids", "FREQ=WEEKLY;BYDAY=SA", time(10, 0)),
)

ONE_OFFS = (
    ("Pick up the dry cleaning", "Sam"),
    ("Book a table for Saturday", "Sam"),
    ("Call back about the weekend", "Mum"),
    ("Fix the bike light", "Jo"),
    ("Return the drill", "Priya"),
    ("Be home by seven for dinner", "Sam"),
    ("Help with the maths homework", "the kids"),
    ("Reply about the flat viewing", "Sam"),
    ("Bring the blue folder", "Alex"),
    ("Pay back the concert tickets", "Jo"),
    ("Look at holiday dates together", "Sam"),
    ("Water the plants while they are away", "Priya"),
    ("Check in after the appointment", "Mum"),
    ("Pick Sam up from the station", "Sam"),
    ("Make the dentist appointment", None),
    ("Write the birthday card", "Dad"),
    ("Bring back the book", "Alex"),
    ("Go for a walk together", "Sam"),
    ("Phone away at dinner", "Sam"),
    ("Talk about the budget calmly", "Sam"),
    ("Ask before making weekend plans", "Sam"),
    ("Ring the landlord about the boiler", None),
    ("Send the form back", "Jo"),
    ("Make pancakes on Sunday", "the kids"),
    ("Take the car for its service", None),
    ("Share my calendar", "Sam"),
    ("Plan a quiet evening for us", "Sam"),
    ("Send the photos from the trip", "Alex"),
)

REASONS = (
    "stuck at work",
    "Sam asked to move it",
    "train cancelled",
    "needed more time",
    "the kids were ill",
    "we agreed on the weekend instead",
    "",
)

OPEN_NOW = (
    ("Send the photos from the trip", "Alex", -3.0),
    ("Be home by seven for dinner", "Sam", 4.5),
    ("Pick up the dry cleaning", "Sam", 2.0),
    ("Book a table for Saturday", "Sam", 22.0),
    ("Come to the school play", "the kids", 4 * 24 + 3.5),
    ("Plan a quiet evening for us", "Sam", 9 * 24.0),
    ("Ask about the [summer] plans", "Jo", 2 * 24 + 1.0),
)
"""(text, to, hours from now) of one-off promises open right now."""

HARD_PATCH = (timedelta(weeks=6), timedelta(weeks=9))
"""A harder few weeks, a while back: more slips, then steadier again."""


def generate(ctx: DemoContext) -> int:
    zone = local_zone(ctx.now)
    docs: list[dict[str, object]] = []
    for series in SERIES:
        docs.extend(_series(ctx, series, zone))
    docs.extend(_one_offs(ctx, zone))
    for text, to, hours in OPEN_NOW:
        due = _quarter(ctx.now + hours * H)
        created = due - timedelta(hours=ctx.rng.uniform(30, 80))
        promise = new_promise(text, due, min(created, ctx.now), to=to, promise_id=_id(ctx))
        docs.append(promise.as_doc())
    ctx.db.table(TABLE).insert_multiple(docs)
    return len(docs)


def _id(ctx: DemoContext) -> str:
    """A record id drawn from the seeded random source, so the same seed gives the same file."""
    return uuid.UUID(int=ctx.rng.getrandbits(128), version=4).hex


def _quarter(moment: datetime) -> datetime:
    return moment.replace(minute=moment.minute // 15 * 15, second=0, microsecond=0)


def _progress(ctx: DemoContext, moment: datetime) -> float:
    span = (ctx.now - ctx.start).total_seconds()
    return min(1.0, max(0.0, (moment - ctx.start).total_seconds() / span))


def _series(ctx: DemoContext, series: Series, zone: tzinfo) -> list[dict[str, object]]:
    first_day = ctx.start.astimezone(zone).date() + timedelta(days=ctx.rng.randint(0, 20))
    due = localize(datetime.combine(first_day, series.first), zone)
    due = next_occurrence(series.every, due - timedelta(days=1), due - timedelta(days=1)) or due
    docs = []
    promise_id = _id(ctx)
    while True:
        following = next_occurrence(series.every, due, due)
        next_id = _id(ctx)
        created = due - timedelta(days=ctx.rng.uniform(1, 6))
        promise = new_promise(
            series.text, due, created, to=series.to, every=series.every, promise_id=promise_id
        )
        if due > ctx.now:
            docs.append(promise.as_doc())
            break
        promise = _resolve(ctx, promise, next_id if following else None)
        docs.append(promise.as_doc())
        if following is None:
            break
        due, promise_id = following, next_id
    return docs


def _one_offs(ctx: DemoContext, zone: tzinfo) -> list[dict[str, object]]:
    docs = []
    day: date = ctx.start.astimezone(zone).date()
    last = (ctx.now - 2 * 24 * H).astimezone(zone).date()
    while day <= last:
        for _ in range(_poisson(ctx.rng, 1.0)):
            text, to = ctx.rng.choice(ONE_OFFS)
            clock = time(
                ctx.rng.choice((8, 9, 12, 13, 17, 18, 19, 20, 21)), ctx.rng.choice((0, 30))
            )
            due = localize(datetime.combine(day, clock), zone)
            created = due - timedelta(hours=ctx.rng.uniform(1, 5 * 24))
            promise = new_promise(text, due, created, to=to, promise_id=_id(ctx))
            docs.append(_resolve(ctx, promise, None).as_doc())
        day += timedelta(days=1)
    return docs


def _poisson(rng: random.Random, mean: float) -> int:
    count, total = 0, rng.expovariate(1.0)
    while total < mean:
        count += 1
        total += rng.expovariate(1.0)
    return count


def _resolve(ctx: DemoContext, promise: Promise, next_id: str | None) -> Promise:
    """Give a past promise an outcome: steadier as the history goes on."""
    rng = ctx.rng
    due = promise.due
    recent = due > ctx.now - 36 * H  # not yet decided as missed
    t = _progress(ctx, due)
    if not recent and rng.random() < 0.06:
        moved_at = due - timedelta(hours=rng.uniform(2, 30))
        new_due = _quarter(due + timedelta(hours=rng.choice((2, 24, 26, 48))))
        if new_due < ctx.now - 12 * H and moved_at > promise.created:
            move = Event("moved", moved_at, old=due, new=new_due, reason=rng.choice(REASONS))
            promise = promise.with_event(move, due=new_due)
            due = new_due
    roll = rng.random()
    hard = 2.5 if HARD_PATCH[0] <= ctx.now - due <= HARD_PATCH[1] else 1.0
    p_missed = 0.0 if recent else (0.09 - 0.06 * t) * hard
    p_late = (0.17 - 0.09 * t) * hard
    p_released = 0.0 if recent else 0.04
    if roll < p_missed:
        at = due + timedelta(hours=rng.uniform(10, 36))
        return promise.with_event(Event("missed", at, next=next_id), status="missed")
    if roll < p_missed + p_released:
        at = due - timedelta(hours=rng.uniform(1, 40))
        at = max(at, promise.created + H)
        return promise.with_event(Event("released", at, next=next_id), status="released")
    if roll < p_missed + p_released + p_late:
        late = timedelta(minutes=15 + rng.expovariate(1 / 180))
        kept_at = due + late
    else:
        kept_at = due - timedelta(minutes=rng.uniform(0, 150))
    kept_at = min(
        max(kept_at, promise.created + timedelta(minutes=5)), ctx.now - timedelta(minutes=5)
    )
    event = Event("kept", kept_at, kept_at=kept_at, next=next_id)
    return promise.with_event(event, status="kept", kept_at=kept_at)
