"""A one-line bar that grows as you breathe in, rests while you hold, shrinks as you breathe out.

Cheap over SSH by design: it is one line, a few dozen cells wide, and it only
repaints when what it draws changes, and then only the cells at the bar's ends
that changed (a few bytes), not the whole line. Its resolution is a half cell.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.widget import Widget

LEFT_HALF, RIGHT_HALF, FULL = "▌", "▐", "█"


class BreathVisual(Widget):
    """A centred bar showing how full the breath is (`show(level)`, level 0..1)."""

    DEFAULT_CSS = """
    BreathVisual {
        width: auto;
        height: 1;
        color: $primary;
    }
    """

    fill: reactive[int] = reactive(1, repaint=False)
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
        return 2 * self.cells

    def show(self, level: float) -> None:
        """Draw the breath at `level` (0 empty .. 1 full); repaints only on a visible change."""
        level = min(max(level, 0.0), 1.0)
        self.fill = 1 + round(level * (self.steps - 1))

    @property
    def _margin(self) -> int:
        """Blank cells left of the bar, which is centred in the widget."""
        return max((self.size.width - 2 * self.cells) // 2, 0)

    def watch_fill(self, old: int, new: int) -> None:
        low, high = sorted((old, new))
        near, far = low // 2, (high - 1) // 2  # cells from the centre that changed
        width = far - near + 1
        centre = self._margin + self.cells
        self.refresh(Region(centre - 1 - far, 0, width, 1), Region(centre + near, 0, width, 1))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 2 * self.cells

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render(self) -> Content:
        full, half = divmod(self.fill, 2)
        blank = " " * (self.cells - full - half)
        left = blank + (RIGHT_HALF if half else "") + FULL * full
        right = FULL * full + (LEFT_HALF if half else "") + blank
        return Content(" " * self._margin + left + right)
