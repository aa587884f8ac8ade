"""The setup view of the breathing screen: pattern, length, bell, and the figures so far."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from trusttui.core.breathing import Length, Pattern
from trusttui.core.errors import InputError
from trusttui.tui.screens.breathe_words import BEGIN, stats_line

if TYPE_CHECKING:
    from trusttui.tui.screens.breathe import Loaded

MAX_MINUTES = 60
MAX_CYCLES = 300
SETUP_HINT = "Enter begins. Space pauses, q stops."
Unit = Literal["minutes", "cycles"]


def parse_length(text: str, unit: str) -> Length:
    """The session length typed in the setup view, or InputError."""
    text = text.strip().replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"Length: give a number of {unit}, like 2.") from None
    if unit == "cycles":
        if not value.is_integer() or not 1 <= value <= MAX_CYCLES:
            raise InputError(f"Length: a whole number of cycles from 1 to {MAX_CYCLES}.")
        return Length(cycles=int(value))
    if not math.isfinite(value) or not 0 < value <= MAX_MINUTES:
        raise InputError(f"Length: more than 0 and at most {MAX_MINUTES} minutes.")
    return Length(minutes=value)


def pattern_prompt(pattern: Pattern, width: int) -> Content:
    """One line of the pattern list: name, timings, and whose it is. Names are never markup."""
    return Content.assemble(
        (pattern.name.ljust(width), "bold"),
        "  ",
        pattern.timings().ljust(32),
        (f"{pattern.cycle_seconds:g} s a breath", "$text-muted"),
        " · yours" if not pattern.builtin else "",
    )


class BreatheSetup(Vertical):
    """Choose how to breathe; posts `Begin` and `Toggled`, never touches the store."""

    @dataclass
    class Begin(Message):
        pattern: Pattern
        length: Length
        bell: bool
        ask: bool

    @dataclass
    class Toggled(Message):
        setting: Literal["bell", "ask"]
        value: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.patterns: list[Pattern] = []
        self._highlight: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="setup-patterns") as patterns:
            patterns.border_title = "Pattern"
            yield OptionList(id="pattern-list", compact=True)
        with Horizontal(id="setup-row"):
            yield Label("Length ")
            yield Input("2", id="length", compact=True, restrict=r"[0-9.,]*", max_length=5)
            yield Select(
                [("minutes", "minutes"), ("cycles", "cycles")],
                value="minutes",
                allow_blank=False,
                compact=True,
                id="unit",
            )
            yield Checkbox("Bell cues", True, id="bell", compact=True)
            yield Checkbox("Ask how tense", True, id="ask", compact=True)
        with Horizontal(id="begin-row"):
            yield Button("Begin", id="begin", variant="primary", compact=True)
            yield Static(SETUP_HINT, id="setup-message", markup=False)
        yield Static(id="setup-stats", markup=False)

    # -- showing what was loaded ----------------------------------------------------------

    def show(self, loaded: Loaded, *, first: bool) -> None:
        """Update the list and the figures; fill the choices only the first time."""
        option_list = self.query_one(OptionList)
        names = [pattern.name.casefold() for pattern in loaded.patterns]
        keep = loaded.choice.pattern if first else self._highlighted_name()
        if self._highlight is not None and self._highlight.casefold() in names:
            keep, self._highlight = self._highlight, None
        self.patterns = loaded.patterns
        width = max(len(pattern.name) for pattern in self.patterns)
        option_list.set_options(Option(pattern_prompt(pattern, width)) for pattern in self.patterns)
        if keep is not None and keep.casefold() in names:
            option_list.highlighted = names.index(keep.casefold())
        else:
            option_list.highlighted = 0
        text = stats_line(loaded.stats) if loaded.sessions else BEGIN
        self.query_one("#setup-stats", Static).update(Content(text))
        if first:
            length = loaded.choice.length
            unit: Unit = "cycles" if length.cycles is not None else "minutes"
            value = length.cycles if length.cycles is not None else length.minutes
            self.query_one("#length", Input).value = f"{value:g}"
            with self.prevent(Checkbox.Changed, Select.Changed):
                self.query_one("#unit", Select).value = unit
                self.query_one("#bell", Checkbox).value = loaded.bell
                self.query_one("#ask", Checkbox).value = loaded.ask
        self.screen.refresh_bindings()

    def want_highlight(self, name: str) -> None:
        """Highlight this pattern once it appears (after it is saved)."""
        self._highlight = name

    def _highlighted_name(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.patterns):
            return None
        return self.patterns[index].name

    def selected(self) -> Pattern | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.patterns):
            return None
        return self.patterns[index]

    def selected_custom(self) -> Pattern | None:
        """The highlighted pattern, if it is one of the person's own."""
        pattern = self.selected()
        return pattern if pattern is not None and not pattern.builtin else None

    # -- events ---------------------------------------------------------------------

    def begin(self) -> None:
        """Check the choices and ask the screen to begin."""
        pattern = self.selected()
        message = self.query_one("#setup-message", Static)
        if pattern is None:
            return
        unit = str(self.query_one("#unit", Select).value)
        try:
            length = parse_length(self.query_one("#length", Input).value, unit)
        except InputError as error:
            message.update(Content(str(error)))
            message.add_class("-error")
            self.query_one("#length", Input).focus()
            return
        message.update(Content(SETUP_HINT))
        message.remove_class("-error")
        self.post_message(
            self.Begin(
                pattern,
                length,
                self.query_one("#bell", Checkbox).value,
                self.query_one("#ask", Checkbox).value,
            )
        )

    @on(OptionList.OptionSelected)
    @on(Input.Submitted)
    @on(Button.Pressed, "#begin")
    def _begin(self, event: Message) -> None:
        event.stop()
        self.begin()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self.screen.refresh_bindings()

    @on(Checkbox.Changed)
    def _toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        setting: Literal["bell", "ask"] = "bell" if event.checkbox.id == "bell" else "ask"
        self.post_message(self.Toggled(setting, event.value))
