"""The trusttui app: a thin shell around one screen per tool."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable, Mapping
from typing import Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from trusttui.core.clock import Clock, SystemClock
from trusttui.core.errors import TrustError
from trusttui.core.places import Places, PlacesVersion
from trusttui.core.settings import get_setting, save_setting
from trusttui.core.share import linked_directory
from trusttui.core.store import Store
from trusttui.tui import care
from trusttui.tui.messages import StoreChanged
from trusttui.tui.screens.help import HelpScreen, TooSmallScreen
from trusttui.tui.tools import TOOLS, TOOLS_BY_MODE

MIN_SIZE = (56, 16)
"""Below this many columns and rows the app shows a "make it bigger" note."""

STORE_POLL_SECONDS = 1.0
SCROLL_ACTIONS = ("scroll_", "page_")
"""Scrolling keys work everywhere; the keys dialog leaves them out."""


class TrustApp(App[None]):
    """trusttui. Build it with its store and clock; the CLI and the tests do the same."""

    TITLE = "trusttui"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("question_mark,f1", "help", "Keys", id="help"),
        Binding("ctrl+x", "quick_exit", "Quick exit", priority=True, show=False, id="quick-exit"),
        Binding("ctrl+r", "resources", "Help & resources", priority=True, id="resources"),
        Binding("h", "resources", "Help & resources", show=False, id="resources-h"),
        Binding("w", "add_win", "Small win", show=False, id="add-win"),
        *(
            Binding(tool.key, f"open_tool('{tool.mode}')", tool.title, show=False, id=tool.mode)
            for tool in TOOLS
        ),
    ]

    def __init__(
        self,
        *,
        store: Store,
        clock: Clock | None = None,
        start_mode: str = "dashboard",
        mode_options: Mapping[str, Any] | None = None,
        one_shot: bool = False,
        theme: str | None = None,
        store_poll: float = STORE_POLL_SECONDS,
        privacy_note: bool = True,
        places: Places | None = None,
    ) -> None:
        if start_mode not in TOOLS_BY_MODE:
            raise ValueError(f"unknown start mode {start_mode!r}")
        self._privacy_due = privacy_note and care.privacy_due(store)
        if not self._privacy_due:
            # Open straight in the start mode. Switching to it after mount would first
            # build a blank default screen and hold every repaint back for 50 ms
            # (Textual's `switch_mode` calls `delay_update`): a slower first paint.
            self.DEFAULT_MODE = start_mode
        super().__init__()
        self.store = store
        """This account's own data file."""
        self.places = places or self._find_places()
        """The store and the shared board it is linked to, if any."""
        self.clock: Clock = clock or SystemClock()
        self.start_mode = start_mode
        self.mode_options: Mapping[str, Any] = mode_options or {}
        self.one_shot = one_shot
        self.quick_exit = False
        self._store_poll = store_poll
        self._store_version: PlacesVersion | None = None
        for tool in TOOLS:
            self.add_mode(tool.mode, tool.make_screen)
        if theme is None:
            theme = self._saved_theme()
        if theme in self.available_themes:
            self.theme = theme

    def _find_places(self) -> Places:
        try:
            return Places.of(self.store)
        except TrustError:
            return Places(self.store)  # the screens tell what is wrong when they read

    def _saved_theme(self) -> str | None:
        try:
            value = get_setting(self.store.read(), "theme")
        except TrustError:
            return None
        return value if isinstance(value, str) else None

    def on_mount(self) -> None:
        self._store_version = self.places.version()
        self.set_interval(self._store_poll, self._poll_store)
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(signum, self.exit)
        if self._privacy_due:  # first run: the privacy note comes before anything else
            care.show_privacy(self, then=lambda: self.switch_mode(self.start_mode))
        self.mode_change_signal.subscribe(self, lambda _mode: self._check_size())
        self._check_size()

    def _poll_store(self) -> None:
        """Tell the screens when a data file changed: yours or the shared board (a stat each)."""
        version = self.places.version()
        if version == self._store_version:
            return
        private_changed = self._store_version is None or version[0] != self._store_version[0]
        self._store_version = version
        if private_changed:
            self._check_link()
        self.tell_screens()

    def tell_screens(self) -> None:
        """Post StoreChanged to the active screen, and under a dialog to the screen it covers."""
        for screen in reversed(self.screen_stack):
            screen.post_message(StoreChanged())
            if not isinstance(screen, ModalScreen):
                break

    @work(thread=True, exclusive=True, group="share-link")
    def _check_link(self) -> None:
        """Follow `trusttui share join|leave` run elsewhere while the app is open."""
        try:
            directory = linked_directory(self.store.read())
        except TrustError:
            return
        shared = self.places.shared
        if directory is None and shared is None and not self.places.problem:
            return
        if (
            directory is not None
            and shared is not None
            and directory.expanduser().absolute() == shared.path.parent
        ):
            return
        places = self._find_places()
        self.call_from_thread(self._use_places, places)

    def _use_places(self, places: Places) -> None:
        self.places = places
        self._store_version = places.version()
        self.tell_screens()

    # -- size -------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size)

    def _check_size(self, size: Size | None = None) -> None:
        width, height = size or self.size
        too_small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen(MIN_SIZE))
        elif not too_small and showing:
            self.pop_screen()

    # -- actions ------------------------------------------------------------------

    def action_open_tool(self, mode: str) -> None:
        """Show a tool's screen."""
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_go_home(self) -> None:
        """Back to the dashboard."""
        self.action_open_tool("dashboard")

    def finish_tool(self) -> None:
        """A tool is done: back to the shell when started for one tool, else to Today."""
        if self.one_shot:
            self.exit()
        else:
            self.action_go_home()

    def report_error(
        self, error: Exception, *, severity: SeverityLevel = "error", timeout: float | None = None
    ) -> None:
        """From a worker thread: show a problem's one-line message (plain text, never markup)."""
        self.call_from_thread(
            self.notify,
            str(error),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_help(self) -> None:
        """Show every key that works here."""
        if isinstance(self.screen, HelpScreen):
            return
        keys: dict[str, list[str]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.description and not binding.action.startswith(SCROLL_ACTIONS):
                keys.setdefault(binding.description, []).append(self.get_key_display(binding))
        self.push_screen(HelpScreen([(" ".join(k), d) for d, k in keys.items()]))

    def action_quick_exit(self) -> None:
        """Leave at once and leave nothing on the screen."""
        self.quick_exit = True
        self.exit()

    def action_resources(self) -> None:
        """Help and resources: what trusttui is and is not, kinds of help, crisis contacts."""
        care.toggle_resources(self)

    @work(exclusive=True, group="win-dialog")
    async def action_add_win(self) -> None:
        """Write down a small win from any screen."""
        await care.add_win(self)

    # -- theme --------------------------------------------------------------------

    def watch_theme(self, theme: str) -> None:
        if self.is_running:
            self._save_theme(theme)

    @work(thread=True, exclusive=True, group="theme")
    def _save_theme(self, theme: str) -> None:
        try:
            save_setting(self.store, "theme", theme)
        except TrustError as error:
            self.report_error(error, severity="error")

    # -- command palette --------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for tool in TOOLS:
            yield SystemCommand(
                f"Open {tool.title}", tool.help, lambda mode=tool.mode: self.action_open_tool(mode)
            )
        yield SystemCommand("Help", "Every key that works here", self.action_help)
        yield from care.system_commands(self)
        yield from super().get_system_commands(screen)
