"""Typing a time or a repeat in words, with what was understood shown live below."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from trusttui.core.errors import InputError

T = TypeVar("T")


class UnderstoodField(Vertical, Generic[T]):
    """An input read by `reader` as the person types; the reading (or the problem) below it.

    `value` is what was understood, or None while the text cannot be read
    (`problem` then says why) or is empty and allowed to be.
    """

    DEFAULT_CSS = """
    UnderstoodField {
        height: auto;
        .understood {
            color: $text-muted;
            padding: 0 1;
            height: auto;
            &.-problem { color: $text-warning; }
            &.-fine { color: $text-success; }
        }
    }
    """

    def __init__(
        self,
        reader: Callable[[str], T],
        describe: Callable[[T], str],
        *,
        value: str = "",
        placeholder: str = "",
        hint: str = "",
        optional: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.reader = reader
        self.describe = describe
        self.initial = value
        self.placeholder = placeholder
        self.hint = hint
        self.optional = optional
        self.value: T | None = None
        self.problem: str | None = None

    def compose(self) -> ComposeResult:
        yield Input(self.initial, placeholder=self.placeholder, select_on_focus=False, compact=True)
        yield Static(Content(self.hint), classes="understood")

    def on_mount(self) -> None:
        self.read(self.initial)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.read(event.value)

    def read(self, text: str) -> None:
        """Read `text` now and show what was understood."""
        label = self.query_one(".understood", Static)
        self.value, self.problem = None, None
        if not text.strip():
            if not self.optional:
                self.problem = self.hint or "Type something here."
            label.update(Content(self.hint))
            label.set_class(False, "-problem")
            label.set_class(False, "-fine")
            return
        try:
            self.value = self.reader(text)
        except InputError as error:
            self.problem = str(error)
            label.update(Content(self.problem))
        else:
            label.update(Content("→ ").append(self.describe(self.value)))
        label.set_class(self.problem is not None, "-problem")
        label.set_class(self.problem is None, "-fine")

    @property
    def ok(self) -> bool:
        """True when the text was understood, or is empty and may be."""
        return self.problem is None
