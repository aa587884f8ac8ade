"""Care on every screen: quick exit, help and resources, a small win, the privacy note."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Input, Static

from tests.helpers import settle
from trusttui.core.demo import build_demo
from trusttui.core.journal import all_entries
from trusttui.core.resources import resources_path
from trusttui.core.settings import get_setting
from trusttui.core.store import Store
from trusttui.tui.app import TrustApp
from trusttui.tui.screens.journal_dialogs import ConfirmDialog, PromptsDialog, WinDialog
from trusttui.tui.screens.privacy import PrivacyScreen
from trusttui.tui.screens.resources import ResourcesScreen
from trusttui.tui.tools import TOOLS

MakeApp = Callable[..., TrustApp]
MODES = [tool.mode for tool in TOOLS]


@pytest.mark.parametrize("mode", MODES)
async def test_help_and_resources_from_every_screen(make_app: MakeApp, mode: str) -> None:
    app = make_app(start_mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tool_screen = app.screen
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ResourcesScreen)
        assert "112" in str(app.screen.query_one("#contacts", Static).visual)
        await pilot.press("ctrl+r")  # the same key closes it
        assert app.screen is tool_screen


@pytest.mark.parametrize("mode", ["dashboard", "progress"])
async def test_h_opens_help_where_nothing_is_typed(make_app: MakeApp, mode: str) -> None:
    app = make_app(start_mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tool_screen = app.screen
        await pilot.press("h")
        assert isinstance(app.screen, ResourcesScreen)
        await pilot.press("h")
        assert app.screen is tool_screen


@pytest.mark.parametrize("mode", MODES)
async def test_quick_exit_from_every_screen(make_app: MakeApp, mode: str) -> None:
    app = make_app(start_mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+x")
    assert app.quick_exit and app.return_code == 0


DIALOGS: list[Callable[[], Screen[Any]]] = [
    WinDialog,
    lambda: PromptsDialog("A setback", "gently", ()),
    lambda: ConfirmDialog("Delete?"),
    ResourcesScreen,
    lambda: PrivacyScreen(Path("/tmp/x.json")),
]


@pytest.mark.parametrize(
    "make_dialog", DIALOGS, ids=["win", "prompts", "confirm", "help", "privacy"]
)
async def test_quick_exit_and_help_from_every_dialog(
    make_app: MakeApp, make_dialog: Callable[[], Screen[Any]]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dialog = make_dialog()
        app.push_screen(dialog)
        await settle(pilot)
        if not isinstance(dialog, ResourcesScreen):
            await pilot.press("ctrl+r")
            assert isinstance(app.screen, ResourcesScreen)
            await pilot.press("escape")
            assert app.screen is dialog
        await pilot.press("ctrl+x")
    assert app.quick_exit


async def test_help_opens_while_typing_without_losing_the_text(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.press(*"half a thought")
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ResourcesScreen)
        await pilot.press("escape")
        assert app.screen.query_one("#win-text", Input).value == "half a thought"


async def test_resources_from_the_command_palette(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"resources")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResourcesScreen)


async def test_contacts_file_is_shown_literally(make_app: MakeApp) -> None:
    path = resources_path()
    path.parent.mkdir(parents=True)
    path.write_text('[[contact]]\nname = "[bold]x[/] [/]"\nreach = "[@click=app.quit]y"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+r")
        await settle(pilot)
        shown = str(app.screen.query_one("#contacts", Static).visual)
        assert "[@click=app.quit]y" in shown and "[bold]x[/] [/]" in shown
        path.write_text("not [toml")
        app.screen.dismiss()
        await pilot.press("ctrl+r")
        await settle(pilot)
        shown = str(app.screen.query_one("#contacts", Static).visual)
        assert "could not be used" in shown and "988" in shown


async def test_a_small_win_from_any_screen_reaches_the_dashboard(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(start_mode="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        assert isinstance(app.screen, WinDialog)
        await pilot.press(*"[bold]They[/] called")
        await pilot.press("enter")
        await settle(pilot)
        assert [e.text for e in all_entries(store.read())] == ["[bold]They[/] called"]
        await pilot.press("t")
        await settle(pilot)
        card = str(app.screen.query_one("JournalCard").visual)
        assert "[bold]They[/] called" in card and "Today" in card


async def test_an_empty_win_saves_nothing(make_app: MakeApp, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "space", "enter")
        assert isinstance(app.screen, WinDialog)
        await pilot.press("escape")
        await settle(pilot)
    assert not store.path.exists()


async def test_privacy_note_comes_first_and_only_once(make_app: MakeApp, store: Store) -> None:
    app = make_app(privacy_note=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PrivacyScreen)
        text = str(app.screen.query_one("#privacy-text", Static).visual)
        assert str(store.path) in text and "never uses the network" in text
        assert "trusttui export" in text and "trusttui forget" in text
        assert app.current_mode != "dashboard"  # the first screen waits until it is read
        await pilot.press("w")
        assert isinstance(app.screen, PrivacyScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "dashboard" and not isinstance(app.screen, PrivacyScreen)
    assert get_setting(store.read(), "privacy_seen") is True
    again = make_app(privacy_note=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not isinstance(again.screen, PrivacyScreen)


async def test_no_privacy_note_on_sample_data(make_app: MakeApp, store: Store) -> None:
    from tests.conftest import NOW

    build_demo(store, now=NOW)
    app = make_app(privacy_note=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, PrivacyScreen)
