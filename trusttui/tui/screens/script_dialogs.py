"""Small dialogs for scripts: choose a flow, a line of text, delete, after the talk, promise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from trusttui.core.errors import InputError
from trusttui.core.flows import guide
from trusttui.core.scripts import Outcome
from trusttui.core.when import format_when, parse_when

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


@dataclass(frozen=True)
class PromiseDraft:
    """What the promise dialog gives back: the words, when, and to whom."""

    text: str
    due: datetime
    to: str | None
    when: str
    """The words typed for when, to show again if something needs changing."""


class PromiseDialog(Dialog[PromiseDraft]):
    """Turn a request or an offer of repair into a promise: what, by when, to whom."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", id="save")]

    def __init__(
        self, text: str, now: datetime, hint: str, *, error: str = "", when: str = ""
    ) -> None:
        super().__init__()
        self.text = " ".join(text.split())
        self.when = when
        self.now = now
        self.hint = hint
        self.error = error

    def compose(self) -> ComposeResult:
        with self.box("Make it a promise", "Enter to save · Esc to cancel"):
            yield Static(Content.styled(self.hint, "$text-muted"), id="promise-hint")
            yield Label("The promise")
            yield Input(self.text, id="promise-text", select_on_focus=False)
            yield Label("By when?")
            yield Input(self.when, id="promise-when", placeholder="friday 6pm, tomorrow, in 3 days")
            yield Static(id="promise-understood")
            yield Label("To whom? (optional)")
            yield Input(id="promise-to", placeholder="a name, or leave empty")
            yield self.error_line(self.error)

    def on_mount(self) -> None:
        self.query_one("#promise-when", Input).focus()
        self._understand(self.when)

    @on(Input.Changed, "#promise-when")
    def _when_changed(self, event: Input.Changed) -> None:
        self._understand(event.value)

    def _understand(self, typed: str) -> datetime | None:
        """Show the date as understood (or why it isn't yet); return it."""
        shown = self.query_one("#promise-understood", Static)
        if not typed.strip():
            shown.update(Content.styled("Type a day or a time, the way you'd say it.", "dim"))
            return None
        try:
            due = parse_when(typed, self.now)
        except InputError as error:
            shown.update(Content.styled(str(error), "$text-warning"))
            return None
        shown.update(Content.assemble(("→ ", "bold"), (format_when(due, self.now), "bold")))
        return due

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "promise-text":
            self.query_one("#promise-when", Input).focus()
            return
        self.action_save()

    def action_save(self) -> None:
        due = self._understand(self.query_one("#promise-when", Input).value)
        if due is None:
            self.query_one("#promise-when", Input).focus()
            return
        when = self.query_one("#promise-when", Input).value
        to = self.query_one("#promise-to", Input).value.strip() or None
        self.dismiss(PromiseDraft(self.query_one("#promise-text", Input).value, due, to, when))
