"""The keys dialog and the "make the window bigger" note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """Every key that works on the screen underneath, with what it does."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="close")]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        width = max((len(key) for key, _ in self.keys), default=4) + 2
        lines = [
            Content.assemble((key.ljust(width), "bold $accent"), description)
            for key, description in self.keys
        ]
        with Vertical(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc to close"
            with VerticalScroll():
                yield Static(Content("\n").join(lines), id="help-keys")
            yield Static(
                "Ctrl+P opens the command palette: type to find any tool or action.",
                id="help-palette",
            )


class TooSmallScreen(ModalScreen[None]):
    """Shown instead of a squeezed layout when the terminal is too small."""

    def __init__(self, minimum: tuple[int, int]) -> None:
        super().__init__()
        self.minimum = minimum

    def compose(self) -> ComposeResult:
        width, height = self.minimum
        yield Static(
            f"Make the window a little bigger, please.\nAt least {width}×{height} works well.",
            id="too-small",
        )
