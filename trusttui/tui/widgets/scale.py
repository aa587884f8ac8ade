"""A 1–7 answer in one row: type a digit, or move with the arrow keys; 0 skips."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class ScaleInput(Widget, can_focus=True):
    """Pick a whole number from `low` to `high`, or none (skipped).

    Digits set the value (and move on to the next field), left/right step it,
    0, backspace or delete clear it. A click on a number picks it.
    """

    DEFAULT_CSS = """
    ScaleInput {
        width: auto;
        height: 1;
        padding: 0 1;
        &:focus {
            background: $boost;
            text-style: bold;
        }
    }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "Less", show=False, id="scale-less"),
        Binding("right", "step(1)", "More", show=False, id="scale-more"),
        Binding("0,backspace,delete", "clear", "Skip", show=False, id="scale-skip"),
    ]

    value: reactive[int | None] = reactive(None)

    @dataclass
    class Changed(Message):
        """The answer changed (None when skipped)."""

        scale: ScaleInput
        value: int | None

        @property
        def control(self) -> ScaleInput:
            return self.scale

    def __init__(
        self, low: int = 1, high: int = 7, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.low = low
        self.high = high

    def render(self) -> Content:
        parts: list[tuple[str, str] | str] = []
        for number in range(self.low, self.high + 1):
            if number > self.low:
                parts.append(" ")
            if number == self.value:
                parts.append((str(number), "reverse bold $accent"))
            else:
                parts.append((str(number), "$text-muted" if self.value else ""))
        return Content.assemble(*parts)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return (self.high - self.low + 1) * 2 - 1

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:
            # Keys typed quickly (or arriving in one burst over SSH) are all handed to this
            # widget before its first digit moved the focus on: pass them along, in order.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        if event.character and event.character.isdigit():
            number = int(event.character)
            if self.low <= number <= self.high:
                event.stop()
                event.prevent_default()
                self.value = number
                self.screen.focus_next()

    def on_click(self, event: events.Click) -> None:
        column = event.x - 1  # the left padding
        if column >= 0 and column % 2 == 0:
            number = self.low + column // 2
            if number <= self.high:
                self.value = number

    def action_step(self, delta: int) -> None:
        if self.value is None:
            self.value = self.low + (self.high - self.low) // 2
        else:
            self.value = min(max(self.value + delta, self.low), self.high)

    def action_clear(self) -> None:
        self.value = None
