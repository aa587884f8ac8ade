"""Dashboard cards: the latest small win, and the weekly trust check-in."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from tinydb import TinyDB

from trusttui.tui.cards import Card

WIN_CHARS = 110
"""A long win is cut on the card; the journal has it whole."""


class JournalCard(Card):
    """The latest small win, and how to add one from anywhere."""

    TITLE = "Small wins"
    TOOL = "progress"
    KEY = "w"

    def load(self, db: TinyDB, now: datetime) -> Content:
        from trusttui.core import journal
        from trusttui.core.checkins import since_words

        win = journal.latest(db, "win")
        if win is None:
            return Content.assemble(
                "Something went well, however small? Press ",
                ("w", "bold"),
                " on any screen to write it down.",
            )
        text = " ".join(win.text.split())
        if len(text) > WIN_CHARS:
            text = text[: WIN_CHARS - 1].rstrip() + "…"
        return Content.assemble(
            Content(text),
            "\n",
            (f"{since_words(win.at, now).capitalize()} · w adds another", "$text-muted"),
        )


class CheckinCard(Card):
    """The latest trust check-in per dimension; a gentle word once a week has passed."""

    TITLE = "Trust check-in"
    TOOL = "progress"
    KEY = "g"

    def load(self, db: TinyDB, now: datetime) -> Content:
        from trusttui.core.checkins import HIGH, LOW, all_checkins, checkin_suggested, since_words
        from trusttui.core.progress import Series, read_series, weekly_means

        found = all_checkins(db)
        if not found:
            return Content(
                "Six statements, once a week, about a minute. Press g, then c, when you like."
            )
        latest = found[-1]
        points = [(c.at, c.overall) for c in found if c.overall is not None]
        reading = read_series(Series("trust", "Trust", weekly_means(points, now), LOW, HIGH))
        overall = f"{latest.overall:.1f}" if latest.overall is not None else "–"
        since = f"Last one {since_words(latest.at, now)}"
        if checkin_suggested(latest, now):
            since += "; another is here when you want it"
        return Content.assemble(
            ("Trust ", "bold"),
            (overall, "bold"),
            (" of 7: ", "$text-muted"),
            reading.text,
            "\n",
            (since + ".", "$text-muted"),
        )
