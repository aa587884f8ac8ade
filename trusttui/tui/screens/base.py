"""What every tool screen shares: reloading from the store when shown or changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen

from trusttui.tui.messages import StoreChanged

if TYPE_CHECKING:
    from trusttui.tui.app import TrustApp


class ToolScreen(Screen[None]):
    """A tool's screen.

    `reload()` runs when the screen is shown and whenever the data file changes;
    subclasses load in a worker and update only what they show, never what the
    person is typing.
    """

    BINDINGS = [Binding("escape", "app.go_home", "Today", id="home")]

    @property
    def trust_app(self) -> TrustApp:
        """The app, typed."""
        return cast("TrustApp", self.app)

    def on_screen_resume(self) -> None:
        self.reload()

    def on_store_changed(self, _message: StoreChanged) -> None:
        self.reload()

    def reload(self) -> None:
        """Load what this screen shows from the store. Override in each tool."""
