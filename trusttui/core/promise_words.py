"""What trusttui says when a promise changes: warm, brief, never shaming.

Shared by the board and the command line, so both speak with one voice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from trusttui.core.promises import Promise
from trusttui.core.reliability import Reliability, is_run_milestone, outcome
from trusttui.core.when import describe_due, describe_every, format_when

KEPT_ON_TIME = (
    "Kept, and on time. That is how trust grows.",
    "Kept. Quietly done, and it counts.",
    "Kept on time. Small and real.",
    "Kept. Someone could count on you today.",
)
KEPT_LATE = "Kept. A little late, and it still counts."
MISSED = (
    "Marked missed: a fact, not a verdict. What got in the way? "
    "Next time, moving it early is always an option."
)
RELEASED = "Released by agreement. It is not held against anyone."
REOPENED = "Open again."


def kept_words(promise: Promise) -> str:
    """The acknowledgement for keeping `promise` (one of a few, chosen by its id)."""
    result = outcome(promise)
    if result is not None and result.kind == "late":
        return KEPT_LATE
    return KEPT_ON_TIME[int(promise.id[:4] or "0", 16) % len(KEPT_ON_TIME)]


def run_words(score: Reliability) -> str | None:
    """A word about the current run of on-time promises, at milestones only."""
    if not is_run_milestone(score.run):
        return None
    if score.run >= score.best_run and score.run > 3:
        return f"{score.run} kept on time in a row, your longest run yet."
    return f"{score.run} kept on time in a row."


def moved_words(old_due: datetime, promise: Promise, now: datetime) -> str:
    """What moving did; an honest note when it was already late."""
    words = f"Moved to {format_when(promise.due, now)} ({describe_due(promise.due, now)})."
    if old_due < now:
        words += " It was already due, so it still counts from the earlier time."
    return words


def next_words(following: Promise | None, now: datetime) -> str | None:
    """Where a repeating promise goes next."""
    if following is None or following.every is None:
        return None
    return (
        f"Next time ({describe_every(following.every)}): "
        f"{format_when(following.due, now)} ({describe_due(following.due, now)})."
    )


def _duration(late_by: timedelta) -> str:
    minutes = round(late_by.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{round(minutes / 60)} h"
    return f"{minutes // (24 * 60)} days"


def outcome_words(promise: Promise) -> str:
    """What became of a resolved promise, in a few words: "kept on time", "kept 3 h late"."""
    result = outcome(promise)
    if result is None:
        return "open"
    if result.kind == "on_time":
        return "kept on time"
    if result.kind == "late":
        return f"kept {_duration(result.late_by)} late"
    return result.kind


def score_words(score: Reliability) -> str:
    """Reliability in one line, always beside the raw counts."""
    counts = (
        f"{score.on_time} on time · {score.late} late · {score.missed} missed · "
        f"{score.released} released"
    )
    if score.score is None:
        return f"No promises resolved yet. {counts}"
    rate = f", {score.on_time_rate:.0%} on time" if score.on_time_rate is not None else ""
    return f"Reliability {score.score:.0%}{rate}. {counts}"
