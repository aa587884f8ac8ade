"""Dashboard cards: one per tool, each loading its own figures off the UI thread.

A card's `load()` runs in a worker thread with a fresh snapshot of the store and
returns what to show; the dashboard then updates the card on the UI thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.content import Content
from textual.widgets import Static
from tinydb import TinyDB


class Card(Static):
    """A box on the dashboard with a title, a few lines, and a key to its tool."""

    DEFAULT_CSS = """
    Card {
        height: auto;
        min-height: 4;
        border: round $primary 50%;
        border-title-color: $text-primary;
        padding: 0 1;
        &:hover { border: round $primary; }
    }
    """

    TITLE: ClassVar[str] = ""
    TOOL: ClassVar[str | None] = None
    """The mode opened by clicking the card."""
    KEY: ClassVar[str | None] = None

    def on_mount(self) -> None:
        self.border_title = self.TITLE
        if self.KEY:
            self.border_subtitle = self.KEY

    def load(self, db: TinyDB, now: datetime) -> Content:
        """What the card shows. Runs in a worker thread: read `db`, touch no widget."""
        raise NotImplementedError

    def on_click(self) -> None:
        if self.TOOL:
            self.app.run_action(f"open_tool('{self.TOOL}')")
