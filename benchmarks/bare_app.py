"""The reference: a bare Textual app showing one Static, started the same way as trusttui."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "bare textual app ready"


class BareApp(App[None]):
    """One Static, nothing else."""

    def compose(self) -> ComposeResult:
        yield Static(MARKER)


if __name__ == "__main__":
    BareApp().run()
