"""Progress over weeks, read in plain words.

Each series has one value per calendar week (Monday to Sunday, in the local time
of "now"), oldest first, the last one being this week; a week without data is
None. A reading compares the last two weeks with about a month ago, and notices
a dip this week, in words that never judge: trust comes back slowly and not in a
straight line.

The pure functions here take plain numbers so they can be tested on synthetic
histories; `progress_report()` gathers the person's own data from the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import Literal

from tinydb import TinyDB

from trusttui.core import checkins, feelings
from trusttui.core.promises import Promise, all_promises
from trusttui.core.reliability import reliability
from trusttui.core.vocabulary import Vocabulary, vocabulary

WEEKS = 26
"""How many weeks the progress view shows (about six months)."""

CHANGE = 0.05
"""A change of at least this share of the scale counts as a change, not noise."""
DIP = 0.09
"""A drop from last week of at least this share of the scale is called a dip."""

Trend = Literal["better", "worse", "steady", "early", "quiet", "none"]


@dataclass(frozen=True)
class Series:
    """One line of the progress view: a value per week on a fixed scale."""

    key: str
    label: str
    values: tuple[float | None, ...]
    low: float
    high: float
    higher_is_better: bool = True
    decimals: int = 1
    percent: bool = False

    @property
    def latest(self) -> float | None:
        """The most recent known value."""
        return next((v for v in reversed(self.values) if v is not None), None)

    def show(self, value: float | None) -> str:
        """A value as the view prints it ("5.2", "83%", "–")."""
        if value is None:
            return "–"
        if self.percent:
            return f"{value * 100:.0f}%"
        return f"{value:.{self.decimals}f}"


@dataclass(frozen=True)
class Reading:
    """What a series says, as a trend and a short sentence."""

    key: str
    trend: Trend
    text: str
    dip: bool = False
    rebound: bool = False


PHRASES: dict[str, dict[str, str]] = {
    "trust": {
        "better": "steadier than a month ago",
        "worse": "lower than a month ago; that happens, and it can turn again",
        "steady": "about where it was a month ago; steady counts too",
        "none": "no check-ins yet; one a week is plenty",
        "dip": "a dip this week: setbacks are part of it",
        "rebound": "back up this week after a dip",
    },
    "reliability": {
        "better": "more reliable than a month ago",
        "worse": "less steady than a month ago; a small promise kept is a good next step",
        "steady": "holding steady since a month ago",
        "none": "no promises resolved yet",
        "dip": "a dip this week: one missed promise doesn't undo the rest",
        "rebound": "back up this week after a dip",
    },
    "unpleasant": {
        "better": "lighter than a month ago",
        "worse": "heavier than a month ago; be gentle with yourself this week",
        "steady": "about as heavy as a month ago",
        "none": "no hard feelings logged; the wheel is there when you need it",
        "dip": "heavier this week: setbacks are part of it",
        "rebound": "lighter again this week",
    },
}
"""Per-series words for each trend. Series without an entry use "default"."""

for _dimension in checkins.DIMENSIONS:
    PHRASES[_dimension] = PHRASES["trust"]
TRUST_KEYS = frozenset({"trust", *checkins.DIMENSIONS})

DEFAULT_PHRASES = {
    "better": "better than a month ago",
    "worse": "lower than a month ago; that happens",
    "steady": "about where it was a month ago",
    "none": "nothing logged yet",
    "dip": "a dip this week: setbacks are part of it",
    "rebound": "back up this week after a dip",
}
EARLY = "early days: a few more weeks will show a direction"
QUIET = "nothing in the last few weeks; whenever you are ready"


# -- weeks ---------------------------------------------------------------------------


def week_start(moment: datetime | date, now: datetime) -> date:
    """The Monday of the week `moment` falls in, in the time zone of `now`."""
    day = moment.astimezone(now.tzinfo).date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


def week_starts(now: datetime, weeks: int = WEEKS) -> list[date]:
    """The Mondays of the last `weeks` weeks, oldest first, ending with this week."""
    this_week = week_start(now, now)
    return [this_week - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def weekly_means(
    points: Iterable[tuple[datetime, float]], now: datetime, weeks: int = WEEKS
) -> tuple[float | None, ...]:
    """The mean of the values in each of the last `weeks` weeks (None where empty)."""
    starts = week_starts(now, weeks)
    index = {start: i for i, start in enumerate(starts)}
    buckets: list[list[float]] = [[] for _ in starts]
    for moment, value in points:
        if moment > now:
            continue
        slot = index.get(week_start(moment, now))
        if slot is not None:
            buckets[slot].append(value)
    return tuple(fmean(bucket) if bucket else None for bucket in buckets)


def align(values: Sequence[float | None], weeks: int = WEEKS) -> tuple[float | None, ...]:
    """Fit a weekly series that ends this week to `weeks` values (pad or trim the old end)."""
    values = tuple(values)[-weeks:] if weeks else ()
    return (None,) * (weeks - len(values)) + values


# -- readings --------------------------------------------------------------------------


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return fmean(known) if known else None


def read_series(series: Series) -> Reading:
    """A plain-language reading of one series: the last two weeks against a month ago."""
    words = PHRASES.get(series.key, DEFAULT_PHRASES)
    values = series.values
    known = [v for v in values if v is not None]
    if not known:
        return Reading(series.key, "none", words["none"])
    span = (series.high - series.low) or 1.0
    sign = 1.0 if series.higher_is_better else -1.0

    recent = _mean(values[-2:])
    if recent is None:
        return Reading(series.key, "quiet", QUIET)
    before = _mean(values[-6:-3])
    if before is None:
        older = [v for v in values[:-3] if v is not None]
        before = older[-1] if older else None

    dip = rebound = False
    this_week = values[-1]
    earlier = [v for v in values[-4:-1] if v is not None]
    if this_week is not None and earlier:
        step = sign * (this_week - earlier[-1]) / span
        dip, rebound = step <= -DIP, step >= DIP

    if before is None:
        trend: Trend = "early"
        text = EARLY
    else:
        change = sign * (recent - before) / span
        trend = "better" if change >= CHANGE else "worse" if change <= -CHANGE else "steady"
        text = words[trend]
    if dip:
        text = words["dip"] if trend in ("worse", "early") else f"{text}; {words['dip']}"
    elif rebound and trend in ("worse", "steady"):
        text = words["rebound"]
    return Reading(series.key, trend, text, dip, rebound and not dip)


def headline(readings: Sequence[Reading]) -> str:
    """One or two sentences for the top of the view, from the readings of every series."""
    if all(reading.trend == "none" for reading in readings):
        return (
            "Nothing to read yet. A weekly check-in, a kept promise or a named feeling "
            "will start the picture."
        )
    if any(reading.dip for reading in readings):
        return "A dip this week: setbacks are part of it. The longer line still counts."
    trust = [reading for reading in readings if reading.key in TRUST_KEYS]
    better = [reading for reading in readings if reading.trend == "better"]
    worse = [r for r in readings if r.trend == "worse" and not r.rebound]  # not when back up
    if better and worse:
        return "Some things are easier and some harder than a month ago: not a straight line."
    if trust and sum(r.trend == "better" for r in trust) * 2 > len(trust):
        return "Steadier than a month ago. Slow and real is how trust comes back."
    if any(reading.rebound and reading.trend != "better" for reading in readings):
        return "Easier this week after a dip. Setbacks pass; the longer line still counts."
    if better:
        return "Some things are moving the right way, a little at a time."
    if worse:
        return "A harder stretch than a month ago. That is part of it too; go gently."
    if any(reading.trend == "early" for reading in readings):
        return "Early days. Trust takes weeks to months; every entry helps you see it."
    return "About where things were a month ago. Steady is a kind of progress."


@dataclass(frozen=True)
class Progress:
    """Everything the progress view shows: series, their readings and a headline."""

    series: tuple[Series, ...]
    readings: tuple[Reading, ...]
    headline: str
    starts: tuple[date, ...]


def build_progress(series: Sequence[Series], starts: Sequence[date]) -> Progress:
    """Read every series and sum them up."""
    readings = tuple(read_series(one) for one in series)
    return Progress(tuple(series), readings, headline(readings), tuple(starts))


# -- the person's own data ------------------------------------------------------------


@dataclass(frozen=True)
class Records:
    """Every record the progress view reads, parsed once per reload."""

    checkins: list[checkins.TrustCheckIn]
    promises: list[Promise]
    feelings: list[feelings.CheckIn]

    @classmethod
    def load(cls, db: TinyDB) -> Records:
        return cls(checkins.all_checkins(db), all_promises(db), feelings.all_checkins(db))


def checkin_series(records: Records, now: datetime, weeks: int = WEEKS) -> list[Series]:
    """One series per trust dimension, from the weekly check-ins."""
    return [
        Series(
            dimension,
            checkins.DIMENSION_LABELS[dimension],
            weekly_means(
                ((c.at, c.scores[dimension]) for c in records.checkins if dimension in c.scores),
                now,
                weeks,
            ),
            checkins.LOW,
            checkins.HIGH,
        )
        for dimension in checkins.DIMENSIONS
    ]


def reliability_series(records: Records, now: datetime, weeks: int = WEEKS) -> Series:
    """The promise reliability score at the end of each week (0–100 %)."""
    score = reliability(records.promises, now, weeks=weeks)
    return Series("reliability", "Reliability", align(score.weekly, weeks), 0.0, 1.0, percent=True)


def unpleasant_words(vocab: Vocabulary | None = None) -> dict[str, bool]:
    """Every word of the wheel -> True when its family is an unpleasant one."""
    vocab = vocab or vocabulary()
    pleasant = {family.name: family.pleasant for family in vocab.families}
    return {feeling.word: not pleasant.get(feeling.family, True) for feeling in vocab.feelings}


def unpleasant_series(records: Records, now: datetime, weeks: int = WEEKS) -> Series:
    """The average intensity (1–10) of check-ins naming an unpleasant feeling, per week."""
    unpleasant = unpleasant_words()
    points = (
        (checkin.at, float(checkin.intensity))
        for checkin in records.feelings
        if any(unpleasant.get(word, False) for word in checkin.words)
    )
    return Series(
        "unpleasant",
        "Hard feelings",
        weekly_means(points, now, weeks),
        feelings.MIN_INTENSITY,
        feelings.MAX_INTENSITY,
        higher_is_better=False,
    )


def progress_report(
    db: TinyDB, now: datetime, weeks: int = WEEKS, records: Records | None = None
) -> Progress:
    """Every series the progress view shows, read, from the person's own records."""
    records = records or Records.load(db)
    series = [
        *checkin_series(records, now, weeks),
        reliability_series(records, now, weeks),
        unpleasant_series(records, now, weeks),
    ]
    return build_progress(series, week_starts(now, weeks))
