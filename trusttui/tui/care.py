"""App-wide care pieces: help and resources, a small win from anywhere, the privacy note.

`TrustApp` keeps only the bindings and one-line actions; the work is here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from trusttui.core import journal
from trusttui.core.errors import TrustError
from trusttui.core.settings import get_setting, save_setting
from trusttui.core.store import Store, is_demo
from trusttui.tui.messages import StoreChanged
from trusttui.tui.screens.privacy import PRIVACY_SETTING, PrivacyScreen
from trusttui.tui.screens.resources import ResourcesScreen

if TYPE_CHECKING:
    from trusttui.tui.app import TrustApp


def toggle_resources(app: TrustApp) -> None:
    """Open help and resources over any screen, or close it when it is showing."""
    if isinstance(app.screen, ResourcesScreen):
        app.screen.dismiss()
    else:
        app.push_screen(ResourcesScreen())


async def add_win(app: TrustApp) -> None:
    """Ask for a small win in a dialog and save it (run inside a worker)."""
    from trusttui.tui.screens.journal_dialogs import WinDialog

    text = await app.push_screen_wait(WinDialog())
    if text:
        app.run_worker(
            lambda: save_entry(app, "win", text),
            thread=True,
            group="care-write",
            exit_on_error=False,
        )


def save_entry(app: TrustApp, kind: str, text: str) -> bool:
    """Write a journal entry from a worker thread; acknowledge it warmly. True when saved."""
    try:
        journal.add_entry(app.store, kind, text)
    except TrustError as error:
        app.report_error(error, severity="warning")
        return False
    app.call_from_thread(app.notify, journal.ACKNOWLEDGEMENTS[kind])
    app.call_from_thread(lambda: app.screen.post_message(StoreChanged()))
    return True


def privacy_due(store: Store) -> bool:
    """True on the first run: the note was never seen and this is not sample data."""
    try:
        db = store.read()
    except TrustError:
        return False  # the app reports the problem itself
    return not is_demo(db) and not get_setting(db, PRIVACY_SETTING, False)


def show_privacy(
    app: TrustApp, remember: bool = True, then: Callable[[], object] | None = None
) -> None:
    """Show the privacy note; once dismissed it is remembered in the settings, then `then()`."""

    def seen(_result: None) -> None:
        if remember:
            app.run_worker(
                lambda: _remember_privacy(app), thread=True, group="care-write", exit_on_error=False
            )
        if then is not None:
            then()

    app.push_screen(PrivacyScreen(app.store.path), seen)


def _remember_privacy(app: TrustApp) -> None:
    try:
        save_setting(app.store, PRIVACY_SETTING, True)
    except TrustError as error:
        app.report_error(error, severity="error")


def system_commands(app: TrustApp) -> Iterator[SystemCommand]:
    """Palette entries: resources, a small win, the privacy note."""
    yield SystemCommand(
        "Resources",
        "Help and resources: kinds of support and crisis contacts",
        lambda: toggle_resources(app),
    )
    yield SystemCommand(
        "Add a small win", "Write down something that went well", app.action_add_win
    )
    yield SystemCommand(
        "Privacy",
        "Where your data lives, how to export or erase it",
        lambda: show_privacy(app, False),
    )
