"""The weekly trust check-in form: a handful of 1–7 statements and a note."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from trusttui.core.checkins import (
    DIMENSION_HINTS,
    DIMENSION_LABELS,
    DIMENSIONS,
    STATEMENTS,
    TrustCheckIn,
    checkin_suggested,
    since_words,
)
from trusttui.tui.widgets.scale import ScaleInput

HOW_TO = "1 not at all · 4 partly · 7 completely · 0 skips. No wrong answers here."


def when_line(latest: TrustCheckIn | None, now: datetime) -> Content:
    """The line above the form: when the last check-in was, never a reminder that nags."""
    if latest is None:
        return Content("Your first check-in. Low numbers are information, not failure.")
    since = since_words(latest.at, now)
    if checkin_suggested(latest, now):
        return Content(f"Last check-in: {since}. This one is here whenever you want it.")
    return Content(f"Last check-in: {since}. Once a week is plenty; no need to rush.")


class CheckinForm(VerticalScroll):
    """The statements grouped by dimension, each with a 1–7 answer, then a note."""

    def compose(self) -> ComposeResult:
        yield Static(id="checkin-when")
        yield Static(HOW_TO, id="checkin-how")
        for dimension in DIMENSIONS:
            yield Static(
                Content.assemble(
                    (DIMENSION_LABELS[dimension], "bold"),
                    (f" · {DIMENSION_HINTS[dimension]}", "$text-muted"),
                ),
                classes="dimension",
            )
            for statement in STATEMENTS:
                if statement.dimension == dimension:
                    with Horizontal(classes="statement"):
                        yield Label(statement.text)
                        yield ScaleInput(id=f"q-{statement.key}")
        with Horizontal(id="checkin-bottom"):
            yield Input(placeholder="A note, if you like", max_length=1000, id="checkin-note")
            yield Button("Save", variant="primary", id="save-checkin")

    def show_when(self, line: Content) -> None:
        """Say when the last check-in was (never touches the answers being given)."""
        self.query_one("#checkin-when", Static).update(line)

    def answers(self) -> dict[str, int | None]:
        """Statement key -> the answer given (None when skipped)."""
        return {
            statement.key: self.query_one(f"#q-{statement.key}", ScaleInput).value
            for statement in STATEMENTS
        }

    def note(self) -> str:
        return self.query_one("#checkin-note", Input).value

    def clear(self) -> None:
        """Empty the form after a save."""
        for scale in self.query(ScaleInput):
            scale.value = None
        self.query_one("#checkin-note", Input).value = ""
