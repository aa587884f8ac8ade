"""The reference: a bare Textual app showing one Static, started the same way as trusttui.

With `--chrome` it also has a Header and a Footer (for scale: what those two widgets
cost on their own).
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

MARKER = "bare textual app ready"


class BareApp(App[None]):
    """One Static, nothing else."""

    def compose(self) -> ComposeResult:
        yield Static(MARKER)


class ChromeApp(App[None]):
    """One Static between a Header and a Footer with two keys."""

    BINDINGS = [Binding("ctrl+q", "quit", "Quit"), Binding("question_mark", "bell", "Keys")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER)
        yield Footer()


if __name__ == "__main__":
    (ChromeApp if "--chrome" in sys.argv else BareApp)().run()
