"""Signs of progress: concrete evidence from the person's own records.

Each finder takes plain data (so it can be tested on synthetic histories) and
returns zero or more short sentences such as "12 promises kept on time in a
row" or "'hurt' logged 9 times in October, 3 in November". Nothing here is a
verdict: only things that went well are listed, and an empty list is fine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean

from tinydb import TinyDB

from trusttui.core import checkins, journal, progress
from trusttui.core.breathing import breath_stats
from trusttui.core.reliability import reliability

MIN_RUN = 3
"""A run of on-time promises is worth noticing from this length on."""
MIN_FEELING_COUNT = 4
"""A feeling word must have been logged this often in the earlier month to count."""
MIN_RISE = 0.5
"""A check-in dimension must rise by at least this (1–7 scale) to be a sign."""


@dataclass(frozen=True)
class Sign:
    """One piece of evidence, with the area it comes from."""

    area: str
    text: str


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# -- promises -------------------------------------------------------------------------


def promise_signs(run: int, best_run: int, kept_last_30_days: int = 0) -> list[Sign]:
    """Runs of promises kept on time, and how many were kept lately.

    `run` is the current run of promises kept on time (released ones neither add
    nor break it), `best_run` the longest so far.
    """
    signs: list[Sign] = []
    if run >= MIN_RUN:
        signs.append(Sign("promises", f"{run} promises kept on time in a row"))
    elif best_run >= MIN_RUN + 2:
        signs.append(Sign("promises", f"Your longest run so far: {best_run} promises on time"))
    if kept_last_30_days >= 2:
        signs.append(
            Sign("promises", f"{_plural(kept_last_30_days, 'promise')} kept in the last 30 days")
        )
    return signs


# -- feelings ---------------------------------------------------------------------------


def compared_months(now: datetime) -> tuple[date, date]:
    """The two months to compare: last month and this one once this one is three weeks old,
    otherwise the two months before this one."""
    this_month = now.date().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    if now.day >= 21:
        return last_month, this_month
    return (last_month - timedelta(days=1)).replace(day=1), last_month


def _month_of(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date().replace(day=1)


def feeling_signs(
    logged: Iterable[tuple[datetime, Sequence[str]]],
    unpleasant: Mapping[str, bool],
    now: datetime,
    limit: int = 3,
) -> list[Sign]:
    """Hard feelings named less often, and easier ones more often, month against month.

    `logged` is (when, words) per feelings check-in; `unpleasant[word]` says whether
    a word belongs to an unpleasant family (unknown words are left out).
    """
    first, second = compared_months(now)
    counts: dict[date, Counter[str]] = {first: Counter(), second: Counter()}
    for moment, words in logged:
        month = _month_of(moment, now)
        if month in counts and moment <= now:
            counts[month].update(set(words))
    before, after = counts[first], counts[second]
    found: list[tuple[float, Sign]] = []
    for word in sorted(set(before) | set(after)):
        if word not in unpleasant:
            continue
        a, b = before[word], after[word]
        if unpleasant[word] and a >= MIN_FEELING_COUNT and b * 2 <= a:
            found.append((a - b, _feeling_sign(word, a, b, first, second)))
        elif not unpleasant[word] and b >= MIN_FEELING_COUNT and b >= 2 * a:
            found.append((b - a, _feeling_sign(word, a, b, first, second)))
    found.sort(key=lambda item: -item[0])
    return [sign for _, sign in found[:limit]]


def _feeling_sign(word: str, a: int, b: int, first: date, second: date) -> Sign:
    later = f"not at all in {second:%B}" if b == 0 else f"{_times(b)} in {second:%B}"
    return Sign("feelings", f"'{word}' logged {_times(a)} in {first:%B}, {later}")


# -- trust check-ins ------------------------------------------------------------------------


def checkin_signs(
    checkins: Iterable[tuple[datetime, Mapping[str, float]]],
    labels: Mapping[str, str],
    now: datetime,
    months_back: int = 3,
) -> list[Sign]:
    """Dimensions that rose: the mean of the latest month of check-ins against an earlier one."""
    dated = sorted(
        ((moment, scores) for moment, scores in checkins if moment <= now), key=lambda item: item[0]
    )
    if len(dated) < 2:
        return []
    latest = dated[-1][0]
    recent_from = latest - timedelta(days=30)
    early_to = latest - timedelta(days=30 * months_back - 15)
    early_from = early_to - timedelta(days=30)
    early = [scores for moment, scores in dated if early_from <= moment <= early_to]
    if not early:  # a shorter history: compare with the first month instead
        first = dated[0][0]
        if latest - first < timedelta(days=28):
            return []
        early_from, early_to = first, first + timedelta(days=14)
        early = [scores for moment, scores in dated if moment < early_to]
    recent = [scores for moment, scores in dated if moment >= max(recent_from, early_to)]
    signs: list[Sign] = []
    for dimension, label in labels.items():
        before = [s[dimension] for s in early if dimension in s]
        after = [s[dimension] for s in recent if dimension in s]
        if not before or not after:
            continue
        a, b = fmean(before), fmean(after)
        if b - a >= MIN_RISE:
            when = early_from.astimezone(now.tzinfo)
            signs.append(Sign("trust", f"{label}: {a:.1f} in {when:%B}, {b:.1f} now"))
    return signs


# -- journal -------------------------------------------------------------------------------


def journal_signs(entries: Iterable[tuple[datetime, str]], now: datetime) -> list[Sign]:
    """Small wins written down lately, and wins that followed the last setback."""
    dated = sorted((moment, kind) for moment, kind in entries if moment <= now)
    signs: list[Sign] = []
    wins_90 = sum(1 for moment, kind in dated if kind == "win" and now - moment <= timedelta(90))
    if wins_90 >= 3:
        signs.append(Sign("journal", f"{wins_90} small wins written down in the last 3 months"))
    setbacks = [moment for moment, kind in dated if kind == "setback"]
    if setbacks:
        last = setbacks[-1]
        after = [moment for moment, kind in dated if kind == "win" and moment > last]
        if after and after[0] - last <= timedelta(days=7):
            days = (after[0].date() - last.date()).days
            gap = {0: "the same day", 1: "a day later"}.get(max(days, 0), f"{days} days later")
            signs.append(Sign("journal", f"After your last setback, you noted a small win {gap}"))
    return signs


# -- breathing -----------------------------------------------------------------------------


def breathing_signs(streak_days: int, minutes_week: float) -> list[Sign]:
    """Days in a row with a breathing pause, and minutes this week."""
    signs: list[Sign] = []
    if streak_days >= 3:
        signs.append(Sign("breathing", f"{streak_days} days in a row with a breathing pause"))
    if minutes_week >= 5:
        signs.append(Sign("breathing", f"{minutes_week:.0f} minutes of calm breathing this week"))
    return signs


NO_SIGNS = (
    "Signs show up here as your own records grow: promises kept, hard feelings named "
    "less often, small wins written down."
)


def find_signs(db: TinyDB, now: datetime, records: progress.Records | None = None) -> list[Sign]:
    """Every sign of progress in the person's own records, most concrete first."""
    records = records or progress.Records.load(db)
    score = reliability(records.promises, now)
    month_ago = now - timedelta(days=30)
    kept = sum(
        1
        for p in records.promises
        if p.status == "kept" and p.kept_at and month_ago <= p.kept_at <= now
    )
    logged = [(c.at, c.words) for c in records.feelings]
    entries = journal.all_entries(db)
    stats = breath_stats(db, now)

    signs: list[Sign] = []
    signs += promise_signs(score.run, score.best_run, kept)
    signs += feeling_signs(logged, progress.unpleasant_words(), now)
    signs += checkin_signs(
        ((c.at, c.scores) for c in records.checkins), checkins.DIMENSION_LABELS, now
    )
    signs += journal_signs(((e.at, e.kind) for e in entries), now)
    signs += breathing_signs(stats.streak_days, stats.minutes_week)
    return signs
