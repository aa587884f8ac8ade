"""The Breathe card: minutes this week and the streak, or how to begin."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from tinydb import TinyDB

from trusttui.tui.cards import Card


class BreatheCard(Card):
    """A line or two about breathing."""

    TITLE = "Breathe"
    TOOL = "breathe"
    KEY = "b"

    def load(self, db: TinyDB, now: datetime) -> Content:
        from trusttui.core.breath_log import count_breaths
        from trusttui.core.breath_stats import breath_stats
        from trusttui.tui.screens.breathe_words import minutes_words, plural

        if not count_breaths(db):
            return Content("A minute of slow breathing can steady you. Press b to begin.")
        stats = breath_stats(db, now)
        if stats.sessions_week:
            minutes = minutes_words(stats.minutes_week).capitalize()
            week = f"{minutes} this week ({plural(stats.sessions_week, 'session')})"
        else:
            week = "None yet this week; b for a minute of calm."
        lines = [Content(week)]
        if stats.streak_days:
            lines.append(Content.styled(f"{plural(stats.streak_days, 'day')} in a row", "dim"))
        return Content("\n").join(lines)
