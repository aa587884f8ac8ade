"""A one-line bar that grows as you breathe in, rests while you hold, shrinks as you breathe out.

Cheap over SSH by design. Textual resends a widget's line from its left edge on
every repaint, so the bar is one short line, drawn with reverse-video spaces
(one byte a cell, and visible without colour) and a half-block glyph at each
end for half-cell steps, and it repaints only when the number of lit half
cells changes, never on a timer of its own.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

LEFT_HALF, RIGHT_HALF = "▌", "▐"


class BreathVisual(Widget):
    """A centred bar showing how full the breath is (`show(level)`, level 0..1)."""

    DEFAULT_CSS = """
    BreathVisual {
        width: auto;
        height: 1;
        color: $primary;
    }
    """

    fill: reactive[int] = reactive(1)
    """Half cells lit on each side of the centre, 1 (resting, empty) .. 2 x `cells`."""

    def __init__(
        self,
        cells: int = 12,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.cells = cells
        """Cells on each side of the centre."""

    @property
    def steps(self) -> int:
        """How many sizes the bar can take."""
        return 2 * self.cells

    def show(self, level: float) -> None:
        """Draw the breath at `level` (0 empty .. 1 full); repaints only on a visible change."""
        level = min(max(level, 0.0), 1.0)
        self.fill = 1 + round(level * (self.steps - 1))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 2 * self.cells

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render(self) -> Content:
        full, half = divmod(self.fill, 2)
        lit = 2 * full
        width = max(self.size.width, 2 * self.cells)
        blank = (width - lit - 2 * half) // 2
        return Content.assemble(
            " " * blank,
            RIGHT_HALF if half else "",
            (" " * lit, "reverse"),
            LEFT_HALF if half else "",
            " " * (width - blank - lit - 2 * half),
        )
