"""A 1-10 scale you set with the arrow keys, a digit, or a click."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

LOW, HIGH = 1, 10


class IntensityScale(Widget, can_focus=True):
    """`Intensity ■■■■■□□□□□ 5/10`: filled and hollow squares, so it reads without colour."""

    DEFAULT_CSS = """
    IntensityScale {
        width: 1fr;
        height: 1;
        &:focus { background: $boost; text-style: bold; }
    }
    """
    BINDINGS = [
        Binding("right,plus,equals_sign", "change(1)", "Stronger", show=False, id="stronger"),
        Binding("left,minus", "change(-1)", "Gentler", show=False, id="gentler"),
    ]

    value: reactive[int] = reactive(5)
    LABEL = "Intensity "

    @dataclass
    class Changed(Message):
        scale: IntensityScale
        value: int

    def validate_value(self, value: int) -> int:
        return max(LOW, min(HIGH, value))

    def watch_value(self, value: int) -> None:
        self.post_message(self.Changed(self, value))

    def action_change(self, step: int) -> None:
        """One step stronger (1) or gentler (-1)."""
        self.value += step

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            event.stop()
            event.prevent_default()
            self.value = int(event.character) or HIGH

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        position = offset.x - len(self.LABEL) + 1
        if LOW <= position <= HIGH:
            self.value = position

    def render(self) -> Content:
        return Content.assemble(
            self.LABEL,
            ("■" * self.value, "$accent"),
            ("□" * (HIGH - self.value), "dim"),
            (f" {self.value}/10", "bold"),
        )
