"""The privacy note, shown once before anything else on the first run."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

PRIVACY_SETTING = "privacy_seen"


def tilde(path: Path) -> str:
    """A path as people read it: the home directory as ~."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


def privacy_text(data_path: Path) -> Content:
    """Where the data lives, that it never leaves, and how to export or erase it."""
    code = "bold $text-accent"
    return Content("\n\n").join(
        [
            Content.assemble(
                "Everything you write stays on this computer, in one file only you can read:\n",
                (tilde(data_path), code),
            ),
            Content.assemble(
                "trusttui never uses the network. The one exception is ",
                ("trusttui serve", code),
                ", and only while you run it yourself.",
            ),
            Content.assemble(
                "Take it with you: ",
                ("trusttui export -o my-trusttui.json", code),
                "\n(or ",
                ("--format md", code),
                " for a journal you can read).",
            ),
            Content.assemble("Erase it all, backups included: ", ("trusttui forget", code)),
            Content.styled(
                "Ctrl+R (or h) opens help and resources at any time; Ctrl+X leaves at once.",
                "$text-muted",
            ),
        ]
    )


class PrivacyScreen(ModalScreen[None]):
    """A short note about privacy; dismissed with Enter, Esc or the button."""

    CSS_PATH = "privacy.tcss"
    BINDINGS = [Binding("escape,enter", "dismiss", "Understood", id="understood")]

    def __init__(self, data_path: Path) -> None:
        super().__init__()
        self.data_path = data_path

    def compose(self) -> ComposeResult:
        with Vertical(id="privacy-box") as box:
            box.border_title = "Before you begin: your privacy"
            yield Static(privacy_text(self.data_path), id="privacy-text")
            yield Button("Understood", variant="primary", id="understood")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss()
