"""The promise board's dialogs: add or edit, move, kept at, missed, delete.

Each is a typed `ModalScreen[T]` that dismisses with a value (None when
cancelled). Times and repeats are read as they are typed and shown back as
understood; nothing is returned until everything reads cleanly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from trusttui.core.errors import InputError
from trusttui.core.promises import Promise, clean_text, clean_to
from trusttui.core.when import (
    describe_due,
    describe_every,
    format_when,
    parse_every,
    parse_when,
)
from trusttui.tui.widgets.when_field import UnderstoodField

T = TypeVar("T")
Now = Callable[[], datetime]

WHEN_HINT = "Say it as you would: tomorrow 7pm, fri 9am, in 3 days"
KEPT_HINT = "When you kept it: 18:00, an hour ago, yesterday 7pm"
REPEAT_HINT = "Optional: every day, weekdays, every monday, every 2 weeks"


@dataclass(frozen=True)
class PromiseDraft:
    """What the add/edit form gives back."""

    text: str
    to: str | None
    due: datetime | None
    every: str | None
    notes: str


@dataclass(frozen=True)
class MoveDraft:
    due: datetime
    reason: str


@dataclass(frozen=True)
class MissedChoice:
    """Mark it missed (with what got in the way), or move it instead."""

    action: Literal["missed", "move"]
    reason: str = ""


class PromiseDialog(ModalScreen[T]):
    """Shared frame: a titled box, Esc to cancel, Enter to confirm."""

    CSS_PATH = "promise_dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]
    TITLE_TEXT = ""

    def action_cancel(self) -> None:
        self.dismiss(None)

    def box(self, subtitle: str = "Enter to save · Esc to cancel") -> Vertical:
        box = Vertical(classes="dialog-box")
        box.border_title = self.TITLE_TEXT
        box.border_subtitle = subtitle
        return box

    @staticmethod
    def row(label: str, *widgets: Any) -> Horizontal:
        return Horizontal(Label(label, classes="row-label"), *widgets, classes="row")

    def show_problem(self, problem: str | None) -> None:
        note = self.query_one("#problem", Static)
        note.update(Content(problem or ""))
        note.display = bool(problem)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.confirm()

    @on(Button.Pressed, "#confirm")
    def _confirmed(self) -> None:
        self.confirm()

    @on(Button.Pressed, "#cancel")
    def _cancelled(self) -> None:
        self.dismiss(None)

    def confirm(self) -> None:
        """Check what was typed and dismiss with it."""

    @staticmethod
    def buttons(confirm: str, cancel: str = "Cancel") -> Horizontal:
        return Horizontal(
            Button(confirm, id="confirm", variant="primary", compact=True),
            Button(cancel, id="cancel", compact=True),
            classes="buttons",
        )


class PromiseForm(PromiseDialog[PromiseDraft | None]):
    """Make a promise, or change one (its due time changes by moving it)."""

    def __init__(self, now: Now, promise: Promise | None = None, default_to: str = "") -> None:
        super().__init__()
        self.now = now
        self.promise = promise
        self.default_to = default_to
        self.TITLE_TEXT = "Change this promise" if promise else "A new promise"

    def compose(self) -> ComposeResult:
        promise = self.promise
        with self.box():
            yield self.row("What", Input(promise.text if promise else "", id="text", compact=True))
            to_hint = f"{self.default_to} (from settings)" if self.default_to else "optional"
            to_input = Input(promise.to or "" if promise else "", id="to", compact=True)
            to_input.placeholder = to_hint
            yield self.row("To whom", to_input)
            if promise is None:
                due = UnderstoodField(
                    lambda text: parse_when(text, self.now()),
                    self._describe_due,
                    hint=WHEN_HINT,
                    id="due",
                )
                yield self.row("When", due)
            else:
                due_words = format_when(promise.due, self.now())
                yield self.row("When", Static(Content(f"{due_words} (m on the card moves it)")))
            yield self.row(
                "Repeat",
                UnderstoodField(
                    self._read_every,
                    describe_every,
                    value=self._every_words(),
                    hint=REPEAT_HINT,
                    optional=True,
                    id="every",
                ),
            )
            yield self.row(
                "Notes", Input(promise.notes if promise else "", id="notes", compact=True)
            )
            yield Static(id="problem")
            yield self.buttons("Save")

    def on_mount(self) -> None:
        self.show_problem(None)
        self.query_one("#text", Input).focus()

    def _every_words(self) -> str:
        every = self.promise.every if self.promise else None
        return describe_every(every) if every else ""

    def _describe_due(self, due: datetime) -> str:
        return f"{format_when(due, self.now())} ({describe_due(due, self.now())})"

    def _read_every(self, text: str) -> str:
        start = self.promise.due if self.promise else self._due() or self.now()
        return parse_every(text, start)

    def _due(self) -> datetime | None:
        fields = self.query("#due").results(UnderstoodField)
        return next((field.value for field in fields), None)

    def confirm(self) -> None:
        try:
            text = clean_text(self.query_one("#text", Input).value)
            to = clean_to(self.query_one("#to", Input).value)
        except InputError as error:
            self.show_problem(str(error))
            return
        fields = list(self.query(UnderstoodField).results(UnderstoodField))
        every_field = self.query_one("#every", UnderstoodField)
        every_field.read(every_field.input.value)  # the start may have changed with the due time
        for field in fields:
            if not field.ok:
                self.show_problem(field.problem)
                field.input.focus()
                return
        notes = self.query_one("#notes", Input).value
        due = self._due()
        every = every_field.value if isinstance(every_field.value, str) else None
        if self.promise is not None and every_field.input.value == self._every_words():
            every = self.promise.every  # untouched: keep the rule exactly as it was
        self.dismiss(PromiseDraft(text=text, to=to, due=due, every=every, notes=notes))


class MoveForm(PromiseDialog[MoveDraft | None]):
    """Renegotiate when a promise is due, with a reason."""

    TITLE_TEXT = "Move it"

    def __init__(self, now: Now, promise: Promise) -> None:
        super().__init__()
        self.now = now
        self.promise = promise

    def compose(self) -> ComposeResult:
        now = self.now()
        with self.box(subtitle="Enter to move · Esc to cancel"):
            yield Static(Content.styled(self.promise.text, "bold"), classes="what")
            due = self.promise.due
            yield Static(
                Content(f"Due {format_when(due, now)} ({describe_due(due, now)})"), classes="hint"
            )
            if due < now:
                yield Static(
                    "It is already due: moving it is still good, and the score keeps the "
                    "earlier time. Next time, moving early makes it count from the new one.",
                    classes="hint",
                )
            yield self.row(
                "New time",
                UnderstoodField(
                    self._read, self._describe, hint=WHEN_HINT, id="due", placeholder="fri 9am"
                ),
            )
            reason = Input(id="reason", compact=True, placeholder="optional, a few words")
            yield self.row("Why", reason)
            yield Static(id="problem")
            yield self.buttons("Move")

    def on_mount(self) -> None:
        self.show_problem(None)
        self.query_one("#due Input", Input).focus()

    def _read(self, text: str) -> datetime:
        due = parse_when(text, self.now())
        if due <= self.now():
            raise InputError(f"{format_when(due, self.now())} has passed; choose a time ahead.")
        return due

    def _describe(self, due: datetime) -> str:
        return f"{format_when(due, self.now())} ({describe_due(due, self.now())})"

    def confirm(self) -> None:
        field = self.query_one("#due", UnderstoodField)
        if field.value is None:
            self.show_problem(field.problem)
            return
        reason = self.query_one("#reason", Input).value
        self.dismiss(MoveDraft(due=field.value, reason=reason))


class KeptAtForm(PromiseDialog[datetime | None]):
    """When was it kept, if not now."""

    TITLE_TEXT = "Kept, earlier"

    def __init__(self, now: Now, promise: Promise) -> None:
        super().__init__()
        self.now = now
        self.promise = promise

    def compose(self) -> ComposeResult:
        with self.box():
            yield Static(Content.styled(self.promise.text, "bold"), classes="what")
            yield self.row(
                "Kept at",
                UnderstoodField(self._read, self._describe, hint=KEPT_HINT, id="at"),
            )
            yield Static(id="problem")
            yield self.buttons("Kept")

    def on_mount(self) -> None:
        self.show_problem(None)
        self.query_one("#at Input", Input).focus()

    def _read(self, text: str) -> datetime:
        at = parse_when(text, self.now(), prefer="past")
        if at > self.now():
            raise InputError("That time is still ahead; say when you kept it.")
        return at

    def _describe(self, at: datetime) -> str:
        return format_when(at, self.now())

    def confirm(self) -> None:
        field = self.query_one("#at", UnderstoodField)
        if field.value is None:
            self.show_problem(field.problem)
            return
        self.dismiss(field.value)


class MissedPrompt(PromiseDialog[MissedChoice | None]):
    """A missed promise: a fact, not a verdict, and a next small step."""

    TITLE_TEXT = "Missed"

    def __init__(self, promise: Promise) -> None:
        super().__init__()
        self.promise = promise

    def compose(self) -> ComposeResult:
        with self.box(subtitle="Enter to mark missed · Esc to leave it open"):
            yield Static(Content.styled(self.promise.text, "bold"), classes="what")
            yield Static(
                "That is a fact, not a verdict. What got in the way? "
                "A few words can help next time.",
                classes="hint",
            )
            yield self.row("", Input(id="reason", compact=True, placeholder="optional"))
            if self.promise.is_open:
                yield Static(
                    "If it can still happen, you could move it to a new time instead.",
                    classes="hint",
                )
            yield Static(id="problem")
            with Horizontal(classes="buttons"):
                yield Button("Mark missed", id="confirm", variant="primary", compact=True)
                yield Button("Move it instead", id="move", compact=True)
                yield Button("Not now", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.show_problem(None)
        self.query_one("#reason", Input).focus()

    @on(Button.Pressed, "#move")
    def _move(self) -> None:
        self.dismiss(MissedChoice("move"))

    def confirm(self) -> None:
        self.dismiss(MissedChoice("missed", self.query_one("#reason", Input).value))


class ConfirmDelete(PromiseDialog[bool | None]):
    """Deleting removes a promise and its history for good: ask first."""

    TITLE_TEXT = "Delete for good?"

    def __init__(self, promise: Promise) -> None:
        super().__init__()
        self.promise = promise

    def compose(self) -> ComposeResult:
        with self.box(subtitle="Esc keeps it"):
            yield Static(Content.styled(self.promise.text, "bold"), classes="what")
            yield Static(
                "This removes it and its history. If you agreed to let it go, "
                "release it instead (r): that keeps the record and is not held against anyone.",
                classes="hint",
            )
            yield Static(id="problem")
            yield self.buttons("Delete", "Keep it")

    def on_mount(self) -> None:
        self.show_problem(None)
        self.query_one("#cancel", Button).focus()

    def confirm(self) -> None:
        self.dismiss(True)
