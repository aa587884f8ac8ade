"""The greeting at the top of the dashboard."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from tinydb import TinyDB

from trusttui.core.store import is_demo
from trusttui.tui.cards import Card


def greeting(now: datetime) -> str:
    """A time-of-day greeting."""
    if now.hour < 5:
        return "Still up? Go gently"
    if now.hour < 12:
        return "Good morning"
    if now.hour < 18:
        return "Good afternoon"
    return "Good evening"


class WelcomeCard(Card):
    """Greeting, date, and a word when the data is only a sample."""

    TITLE = "Today"

    def load(self, db: TinyDB, now: datetime) -> Content:
        demo = is_demo(db)
        lines = [
            Content.styled(f"{greeting(now)}.", "bold"),
            Content(f"{now:%A %-d %B}. One small step is enough."),
        ]
        if demo:
            lines.append(Content.styled("This is sample data; your own is untouched.", "dim"))
        return Content("\n").join(lines)
