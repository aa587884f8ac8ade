"""Small dialogs for the journal: a win, a setback or reflection with prompts, a confirmation.

Each is a typed ModalScreen that dismisses with the text to save (or None), so
callers await it with `push_screen_wait` and do the writing themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from trusttui.core.journal import MAX_TEXT, Prompt, compose
from trusttui.tui.widgets.step_input import StepInput

DIALOG_CSS = "journal_dialogs.tcss"


class WinDialog(ModalScreen[str | None]):
    """One line for a small win. Enter saves, Esc cancels."""

    CSS_PATH = DIALOG_CSS
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="win-dialog") as box:
            box.border_title = "A small win"
            box.border_subtitle = "Enter to save · Esc to cancel"
            yield Static("What went well, however small?", classes="question")
            yield Input(
                placeholder="They texted when they were running late",
                max_length=MAX_TEXT,
                id="win-text",
            )
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        text = self.query_one("#win-text", Input).value.strip()
        if text:
            self.dismiss(text)
        else:
            self.notify("Write a few words first, or press Esc to leave it.", timeout=4)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)


class PromptsDialog(ModalScreen[str | None]):
    """A few gentle questions, one line each; the answers are saved together."""

    CSS_PATH = DIALOG_CSS
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel")]

    def __init__(self, title: str, comfort: str, prompts: Sequence[Prompt]) -> None:
        super().__init__()
        self.title_text = title
        self.comfort = comfort
        self.prompts = tuple(prompts)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="prompts-dialog") as box:
            box.border_title = self.title_text
            box.border_subtitle = "Tab for the next question · Esc to cancel"
            yield Static(self.comfort, classes="comfort")
            for prompt in self.prompts:
                yield Label(prompt.question, classes="question")
                yield StepInput(placeholder=prompt.placeholder, max_length=1000, id=prompt.key)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def text(self) -> str:
        """The answers so far, as they would be saved."""
        answers = {
            prompt.key: self.query_one(f"#{prompt.key}", Input).value for prompt in self.prompts
        }
        return compose(self.prompts, answers)

    @on(Input.Submitted)
    def save_after_the_last(self, event: Input.Submitted) -> None:
        """Enter moves on to the next question (StepInput does that); the last one saves."""
        if event.input is list(self.query(StepInput))[-1]:
            self.save()

    @on(Button.Pressed, "#save")
    def save(self) -> None:
        text = self.text()
        if text:
            self.dismiss(text)
        else:
            self.notify("Answer any one question, or press Esc to leave it.", timeout=4)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """Yes or no, with the safe answer focused first."""

    CSS_PATH = DIALOG_CSS
    BINDINGS = [
        Binding("escape,n", "dismiss(False)", "Keep it", id="no"),
        Binding("y", "dismiss(True)", "Yes", id="yes"),
    ]

    def __init__(self, question: str, yes: str = "Delete") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Static(self.question, markup=False, classes="question")
            with Horizontal(classes="buttons"):
                yield Button("Keep it", id="no")
                yield Button(self.yes, variant="error", id="yes")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
