"""What the promise board shows, worked out off the UI thread: columns, score, words.

The board reads your own promises and, when this account is linked, the shared
board's (`core.sharing`), sorted together into Overdue, Today, Upcoming and Done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from textual.content import Content

from trusttui.core import promises as repo
from trusttui.core.clock import Clock
from trusttui.core.places import Places, PlacesVersion
from trusttui.core.promise_words import kept_words, next_words, outcome_words, run_words
from trusttui.core.promises import Change, Promise
from trusttui.core.reliability import Reliability, reliability
from trusttui.core.sharing import merge_promises
from trusttui.core.when import describe_due, local_zone

COLUMNS = (
    ("overdue", "Overdue", "Nothing overdue."),
    ("today", "Today", "Nothing more today."),
    ("upcoming", "Upcoming", "Nothing planned. Press a to add a promise."),
    ("done", "Done", "Kept promises gather here."),
)
FRESH = timedelta(seconds=20)
"""A board read this recently from unchanged files is not read again."""
DONE_DAYS = 7
DONE_MAX = 20
SPARK = "▁▂▃▄▅▆▇█"

Entry = tuple[Promise, str]


@dataclass
class Board:
    """Everything the board shows."""

    columns: dict[str, list[Entry]] = field(default_factory=dict)
    score: Reliability | None = None
    default_to: str = ""
    total: int = 0
    now: datetime | None = None
    version: PlacesVersion | None = None
    """The data files this was read from, to skip reading them again unchanged."""
    linked: bool = False
    """Whether a shared board is connected (the add/edit form then offers to share)."""
    problem: str | None = None
    """Why the linked shared board cannot be read, when it cannot."""


def sparkline(values: tuple[float | None, ...]) -> str:
    """Scores as block characters, lowest to highest of those shown (a blank where none yet).

    The scale spans at least 0.1, so small wobbles stay small.
    """
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    low = min(known)
    high = max(max(known), low + 0.1)
    top = len(SPARK) - 1
    return "".join(
        " " if v is None else SPARK[min(top, round((v - low) / (high - low) * top))] for v in values
    )


def build_board(promises: list[Promise], now: datetime) -> Board:
    """Sort promises into the four columns, with their times in words."""
    zone = local_zone(now)
    today = now.astimezone(zone).date()
    board = Board(columns={key: [] for key, _, _ in COLUMNS}, total=len(promises))
    done: list[tuple[datetime, Promise]] = []
    for promise in promises:
        if promise.is_open:
            if promise.due < now:
                key = "overdue"
            elif promise.due.astimezone(zone).date() == today:
                key = "today"
            else:
                key = "upcoming"
            board.columns[key].append((promise, describe_due(promise.due, now)))
        else:
            resolved = promise.resolved_at or promise.updated
            if resolved >= now - timedelta(days=DONE_DAYS):
                done.append((resolved, promise))
    done.sort(key=lambda item: item[0], reverse=True)
    board.columns["done"] = [(p, outcome_words(p)) for _, p in done[:DONE_MAX]]
    board.score = reliability(promises, now)
    return board


def read_board(places: Places, clock: Clock) -> Board:
    """Read both files and work out the board (in a worker thread)."""
    version = places.version()
    snapshots = places.snapshots()
    now = clock.now()
    board = build_board(merge_promises(snapshots), now)
    board.default_to = repo.default_to(snapshots[0][0]) or ""
    board.now, board.version = now, version
    board.linked, board.problem = places.linked, places.problem
    return board


def score_content(score: Reliability | None) -> Content:
    """The score line: reliability, on-time rate and the weekly trend."""
    if score is None or score.score is None:
        return Content("Reliability shows here once a promise is kept or missed.")
    rate = f" · {score.on_time_rate:.0%} on time" if score.on_time_rate is not None else ""
    return Content.assemble(
        (f"Reliability {score.score:.0%}", "bold"),
        rate,
        "   ",
        (sparkline(score.weekly), "$text-success"),
        (f" last {len(score.weekly)} weeks", "$foreground-muted"),
    )


def counts_content(score: Reliability) -> Content:
    """The raw facts beside the score."""
    run = f" · {score.run} in a row" if score.run > 1 else ""
    return Content.styled(
        f"{score.on_time} on time · {score.late} late · {score.missed} missed · "
        f"{score.released} released{run}",
        "$foreground-muted",
    )


def status_line(board: Board) -> str:
    """One line about what is due, or how to begin."""
    if board.total == 0:
        return "No promises yet. Press a to make a small one you can surely keep."
    overdue, today = len(board.columns["overdue"]), len(board.columns["today"])
    later = f"{today} more due today." if today else "Nothing more due today."
    if overdue:
        return f"{overdue} overdue · {later} One small step at a time."
    return later


# -- what to say after a change ---------------------------------------------------------------

Words = Callable[[Any, Board], tuple[str, str]]
"""What to say after a change: (the change's result, the board after it) -> (line, tone)."""


def kept_saying(change: Change, board: Board) -> tuple[str, str]:
    """A warm acknowledgement, the run if there is one, and the next occurrence."""
    lines = [
        kept_words(change.promise),
        next_words(change.next, board.now or change.promise.updated),
    ]
    if board.score is not None:
        lines.insert(1, run_words(board.score))
    return " ".join(line for line in lines if line), "-victory"


def with_next(words: str, tone: str) -> Words:
    """Say `words`, and when a repeat rolled over, when the next one is due."""

    def say(change: Change, board: Board) -> tuple[str, str]:
        following = next_words(change.next, board.now or change.promise.updated)
        return (f"{words} {following}" if following else words), tone

    return say
