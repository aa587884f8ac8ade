"""Small dialogs for scripts: choose a flow, rename, delete, after the talk, export."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from trusttui.core.flows import guide
from trusttui.core.scripts import Outcome

T = TypeVar("T")


class Dialog(ModalScreen[T | None], Generic[T]):
    """A centred box; escape cancels (dismisses None)."""

    CSS_PATH = "scripts.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def box(self, title: str, subtitle: str = "Esc to cancel") -> Vertical:
        box = Vertical(classes="dialog-box")
        box.border_title = Content(title)
        box.border_subtitle = subtitle
        return box

    @staticmethod
    def error_line(error: str) -> Label:
        label = Label(error, markup=False, classes="dialog-error")
        label.display = bool(error)
        return label


class ChooseFlow(Dialog[str]):
    """Which talk to prepare: "hurt" or "repair"."""

    def compose(self) -> ComposeResult:
        options = [
            Option(
                Content.assemble((flow.title, "bold"), "\n", (flow.summary, "$text-muted")),
                id=flow.name,
            )
            for flow in guide().flows
        ]
        with self.box("Prepare a talk"):
            yield OptionList(*options, id="flows", markup=False)

    @on(OptionList.OptionSelected, "#flows")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)


class AskText(Dialog[str]):
    """One line of text: a title, a file name."""

    def __init__(self, title: str, label: str, value: str = "", error: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.value = value
        self.error = error

    def compose(self) -> ComposeResult:
        with self.box(self.title_text, "Enter to save · Esc to cancel"):
            yield Label(self.label, markup=False)
            yield Input(self.value, id="answer", select_on_focus=False)
            yield self.error_line(self.error)

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)


class ConfirmDelete(Dialog[bool]):
    """Delete a script? The safe choice has the focus."""

    BINDINGS = [
        Binding("y", "confirm", "Delete", id="yes"),
        Binding("n", "cancel", "Keep", id="no"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.script_title = title

    def compose(self) -> ComposeResult:
        with self.box("Delete script", "y delete · n keep"):
            yield Static(
                Content.assemble("Delete “", (self.script_title, "bold"), "”? It can't be undone.")
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep it", id="keep", variant="primary")
                yield Button("Delete", id="delete", variant="error")

    def on_mount(self) -> None:
        self.query_one("#keep").focus()

    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "delete")


class OutcomeDialog(Dialog[Outcome]):
    """After the talk: how it went, what helped, what to try next time."""

    def __init__(self, outcome: Outcome | None, error: str = "") -> None:
        super().__init__()
        self.outcome = outcome or Outcome("")
        self.error = error

    def compose(self) -> ComposeResult:
        with self.box("After the talk", "Enter to save · Esc to cancel"):
            yield Label("How did it go, in a few words?")
            yield Input(self.outcome.how, id="how", placeholder="Calmer than I feared")
            yield Label("What helped?")
            yield Input(self.outcome.helped, id="helped", placeholder="Asking how it was for them")
            yield Label("What would you try next time?")
            yield Input(self.outcome.next_time, id="next", placeholder="Start earlier in the day")
            yield self.error_line(self.error)

    BINDINGS = [Binding("ctrl+s", "save", "Save", id="save")]

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "next":
            self.focus_next()
            return
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(
            Outcome(
                self.query_one("#how", Input).value,
                self.query_one("#helped", Input).value,
                self.query_one("#next", Input).value,
            )
        )
