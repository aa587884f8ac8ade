"""What the breathing screen and its dashboard card say, in calm, plain words."""

from __future__ import annotations

from trusttui.core.breathing import BreathStats, Pattern

SAFETY = "Stop if you feel light-headed and breathe normally; holds are optional."
BEGIN = "Choose a pattern and press Enter: a minute or two is plenty."
BEFORE_QUESTION = "How tense do you feel right now?"
AFTER_QUESTION = "How tense do you feel now?"
SCALE_HINT = "0 at ease · 10 very tense · a digit rates"


def plural(count: int | float, word: str) -> str:
    return f"{count:g} {word}" + ("" if count == 1 else "s")


def minutes_words(minutes: float) -> str:
    """12.4 → "12 minutes"; under one → "under a minute"."""
    if 0 < minutes < 1:
        return "under a minute"
    return plural(round(minutes), "minute")


def duration_words(seconds: float) -> str:
    """45 → "45 seconds", 120 → "2 minutes", 130 → "2 minutes 10 seconds"."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return plural(rest, "second")
    if not rest:
        return plural(minutes, "minute")
    return f"{plural(minutes, 'minute')} {plural(rest, 'second')}"


def change_words(change: float) -> str:
    """A tension change, without judgement."""
    if abs(change) < 0.05:
        return "about the same"
    return f"{abs(change):g} {'lower' if change < 0 else 'higher'}"


def stats_line(stats: BreathStats) -> str:
    """A line or two about the habit, leaving out what is zero or unknown."""
    week = (
        f"This week: {plural(stats.sessions_week, 'session')}, {minutes_words(stats.minutes_week)}"
    )
    if stats.streak_days:
        week += f" · {plural(stats.streak_days, 'day')} in a row"
    if stats.avg_change is None:
        return week
    return f"{week}\nAfter a session, tension is {change_words(stats.avg_change)} on average."


def ended_words(pattern: Pattern, seconds: float, cycles: int, completed: bool) -> str:
    """The first line of the summary."""
    breaths = plural(cycles, "cycle")
    if completed:
        return f"You breathed for {duration_words(seconds)}: {breaths} of {pattern.name}."
    if cycles:
        return f"You stopped after {duration_words(seconds)} ({breaths}). Every breath counts."
    return "You stopped early. That's all right; come back whenever you like."


def tension_words(before: int | None, after: int | None) -> str:
    """The before → after line of the summary ("" when neither was given)."""
    if before is None and after is None:
        return ""
    if before is None:
        return f"Tension now: {after}."
    if after is None:
        return f"Tension before: {before}."
    change = change_words(after - before)
    if after > before:
        return f"Tension: {before} before, {after} after ({change}). That happens; go gently."
    return f"Tension: {before} before, {after} after ({change})."
