"""Dialogs of the breathing screen: the custom pattern form and "delete this pattern?"."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from trusttui.core.breath_patterns import MAX_SECONDS, PHASE_LABELS, make_pattern
from trusttui.core.breathing import Pattern
from trusttui.core.errors import InputError

HINT = f"0 to {MAX_SECONDS:g} seconds each; breathing in and out need more than 0."


class PatternForm(ModalScreen[Pattern | None]):
    """Make a pattern, or change one. Refuses bad values with a clear line; Esc cancels."""

    CSS_PATH = "breathe_dialogs.tcss"

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", id="form-cancel"),
        Binding("ctrl+s", "save", "Save", id="form-save"),
    ]

    def __init__(self, pattern: Pattern | None, taken: Sequence[str]) -> None:
        super().__init__()
        self.pattern = pattern
        self.taken = [name for name in taken if pattern is None or name != pattern.name]

    def compose(self) -> ComposeResult:
        pattern = self.pattern
        values = (
            ("", "4", "0", "6", "0")
            if pattern is None
            else (
                pattern.name,
                f"{pattern.breathe_in:g}",
                f"{pattern.hold_in:g}",
                f"{pattern.breathe_out:g}",
                f"{pattern.hold_out:g}",
            )
        )
        with Vertical(id="form-box") as box:
            box.border_title = "New pattern" if pattern is None else "Change pattern"
            box.border_subtitle = "Esc to cancel"
            with Grid(id="form-grid"):
                yield Label("Name")
                yield Input(values[0], id="form-name", compact=True, max_length=24)
                for index, label in enumerate(PHASE_LABELS):
                    yield Label(label)
                    yield Input(
                        values[index + 1],
                        id=f"form-phase-{index}",
                        compact=True,
                        restrict=r"[0-9.,]*",
                        max_length=5,
                    )
            yield Static(HINT, id="form-message", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button("Save", id="form-save", variant="primary", compact=True)
                yield Button("Cancel", id="form-cancel", compact=True)

    def _values(self) -> list[str]:
        return [input.value for input in self.query(Input)]

    def action_save(self) -> None:
        name, *phases = self._values()
        try:
            pattern = make_pattern(
                name,
                *phases,
                pattern_id=self.pattern.id if self.pattern else None,
                taken=self.taken,
            )
        except InputError as error:
            message = self.query_one("#form-message", Static)
            message.update(Content(str(error)))
            message.add_class("-error")
            return
        self.dismiss(pattern)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.action_save()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)


class ConfirmDelete(ModalScreen[bool]):
    """Ask before deleting one of the person's patterns."""

    CSS_PATH = "breathe_dialogs.tcss"

    BINDINGS = [
        Binding("y", "answer(True)", "Delete", id="delete-yes"),
        Binding("n,escape", "answer(False)", "Keep", id="delete-no"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.pattern_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = "Delete pattern"
            yield Static(
                Content.assemble(
                    "Delete ",
                    (self.pattern_name, "bold"),
                    "? Sessions you breathed with it stay in your log.",
                )
            )
            with Horizontal(id="confirm-buttons"):
                yield Button("Delete (y)", id="delete-yes", variant="error", compact=True)
                yield Button("Keep (n)", id="delete-no", compact=True)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "delete-yes")
