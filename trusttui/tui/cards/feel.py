"""The dashboard's Feel card: your latest check-in, or how to begin."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from tinydb import TinyDB

from trusttui.tui.cards import Card


class FeelCard(Card):
    """Latest check-in: its words, intensity, when, and the note's first line."""

    TITLE = "Feel"
    TOOL = "feel"
    KEY = "f"

    def load(self, db: TinyDB, now: datetime) -> Content:
        from trusttui.core.feelings import checkin_summary
        from trusttui.tui.screens.feel_history import when

        latest, week = checkin_summary(db, now)
        if latest is None:
            return Content.assemble(
                "Name what you feel in a few keys.\n",
                ("Press f to open the emotion wheel.", "dim"),
            )
        lines = [
            Content.assemble(
                ("Last: ", "dim"),
                (", ".join(latest.words), "bold"),
                (f"  {latest.intensity}/10", "dim"),
            ),
            Content.styled(f"{when(latest.at, now).capitalize()} · {week} this week", "dim"),
        ]
        if latest.note:
            first = latest.note.splitlines()[0]
            lines.append(Content(first).truncate(60, ellipsis=True).stylize("italic"))
        return Content("\n").join(lines)
