""" "How tense do you feel?" from 0 to 10, answered with one key, or skipped with one key.

A digit rates at once, except 1, which waits a moment for a 0 (to make 10) or
Enter (to keep 1). Enter with nothing chosen, or Esc, skips. A click on a
number rates too.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

NUMBERS = tuple(range(11))


class TenseScale(Widget, can_focus=True):
    """A row of numbers 0..10; posts `TenseScale.Rated` with the number, or None if skipped."""

    DEFAULT_CSS = """
    TenseScale {
        width: auto;
        height: 1;
        color: $text-muted;
        &:focus { color: $text; }
    }
    """

    BINDINGS = [
        *(
            Binding(str(n), f"digit({n})", "Rate", show=n == 0, key_display="0-9", id=f"rate-{n}")
            for n in range(10)
        ),
        Binding("enter", "enter", "Keep 1 / skip", show=False, id="rate-enter"),
        Binding("escape", "skip", "Skip", id="rate-skip"),
    ]

    @dataclass
    class Rated(Message):
        """A rating was chosen (0..10), or the question was skipped (None)."""

        scale: TenseScale
        value: int | None

        @property
        def control(self) -> TenseScale:
            return self.scale

    pending: reactive[int | None] = reactive(None)
    """1, when waiting to see whether a 0 follows."""

    def render(self) -> Content:
        parts: list[Content] = []
        for number in NUMBERS:
            text = f" {number} "
            if self.pending is not None and number in (1, 10):
                parts.append(Content.styled(text, "reverse" if number == 1 else "underline"))
            else:
                parts.append(Content(text))
        return Content("").join(parts)

    def _rate(self, value: int | None) -> None:
        self.pending = None
        self.post_message(self.Rated(self, value))

    def action_digit(self, number: int) -> None:
        if self.pending == 1 and number == 0:
            self._rate(10)
        elif number == 1:
            self.pending = 1
        else:
            self._rate(number)

    def action_enter(self) -> None:
        self._rate(self.pending)

    def action_skip(self) -> None:
        self._rate(None)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        number = offset.x // 3 if offset.x < 30 else 10
        self._rate(min(number, 10))
