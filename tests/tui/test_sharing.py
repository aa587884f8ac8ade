"""Live sessions end to end: another process, or the partner, adds a promise; the board shows it."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static, Switch

from tests.helpers import settle
from tests.sharing import IS_ROOT, PARTNER_UID, linked, some_group, traversable_dir
from trusttui.core import promises as repo
from trusttui.core import scripts, sharing
from trusttui.core.places import Places
from trusttui.core.share import SharedStore
from trusttui.core.store import Store
from trusttui.tui.app import TrustApp
from trusttui.tui.screens.promise_dialogs import PromiseForm
from trusttui.tui.screens.promises import PromisesScreen
from trusttui.tui.screens.scripts import ScriptsScreen
from trusttui.tui.widgets.promise_card import PromiseCard

MakeApp = Callable[..., TrustApp]
SIZE = (80, 24)
POLL = 0.05


@pytest.fixture
def places(store: Store) -> Iterator[Places]:
    with traversable_dir() as parent:
        yield linked(store, parent / "board", some_group().gr_name)


async def open_board(app: TrustApp, pilot: Any) -> PromisesScreen:
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(app.screen, PromisesScreen)
    return app.screen


def board_texts(board: PromisesScreen) -> list[str]:
    return [card.promise.text for card in board.query(PromiseCard)]


async def wait_for(pilot: Any, seen: Callable[[], bool], limit: float = 3.0) -> float:
    """Seconds until `seen()` holds (the board polls every POLL seconds); fails after `limit`."""
    started = time.monotonic()
    while not seen():
        assert time.monotonic() - started < limit, "not shown in time"
        await pilot.pause(0.01)
    return time.monotonic() - started


def card_line(board: PromisesScreen, text: str) -> str:
    card = next(c for c in board.query(PromiseCard) if c.promise.text == text)
    return card.render().plain


async def test_a_promise_added_by_another_process_appears_while_you_type(
    make_app: MakeApp, store: Store, places: Places
) -> None:
    app = make_app(store_poll=POLL)
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PromiseForm)
        for key in "Half typ":
            await pilot.press(key)
        commands = [  # the shared file alone changes first, then your own
            ["For both of us", "--due", "2026-11-29 10:00", "--shared"],
            ["From the shell", "--due", "2026-11-28 18:00"],
        ]
        shell = [sys.executable, "-m", "trusttui", "--db", str(store.path), "promise", "add"]
        for command in commands:
            done = await asyncio.to_thread(
                subprocess.run,
                [*shell, *command],
                capture_output=True,
                text=True,
            )
            assert done.returncode == 0, done.stderr
            took = await wait_for(pilot, lambda text=command[0]: text in board_texts(board))
            assert took < 1.0  # within a few polls, well inside the 2 s asked for
        assert isinstance(app.screen, PromiseForm)  # the form is still open...
        assert app.screen.query_one("#text", Input).value == "Half typ"  # ...with the typing
        assert app.screen.query_one("#shared", Switch).value is False
        await pilot.press("escape")
        await settle(pilot)
        assert card_line(board, "For both of us").endswith("shared")
        assert not card_line(board, "From the shell").endswith("shared")


def _partner_adds(path: str, gid: int) -> None:
    os.setgroups([gid])
    os.setgid(gid)
    os.setuid(PARTNER_UID)
    shared = SharedStore(path)
    repo.add_promise(shared, "Pick up the kids at five", shared.clock.now() + timedelta(hours=2))


@pytest.mark.skipif(not IS_ROOT, reason="needs root to act as the partner's uid")
async def test_the_partner_adds_a_shared_promise_and_your_board_shows_it(
    make_app: MakeApp, places: Places
) -> None:
    assert places.shared is not None
    app = make_app(store_poll=POLL)
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(app, pilot)
        partner = multiprocessing.get_context("fork").Process(
            target=_partner_adds, args=(str(places.shared.path), some_group().gr_gid)
        )
        partner.start()
        await asyncio.to_thread(partner.join, 20)
        assert partner.exitcode == 0
        await wait_for(pilot, lambda: "Pick up the kids at five" in board_texts(board))
        line = card_line(board, "Pick up the kids at five")
        assert line.endswith(f"shared by {PARTNER_UID}")
        (card,) = board.cards_in("today")
        assert card.has_class("-shared")
        await pilot.press("k")  # keeping it writes to the shared file, as this account
        await settle(pilot)
        (kept,) = repo.all_promises(places.shared.read(), shared=True)
        assert kept.status == "kept" and kept.last_by != str(PARTNER_UID)


async def test_the_form_shares_a_new_promise_and_text_stays_literal(
    make_app: MakeApp, places: Places
) -> None:
    text = "[bold]x[/] [/] [@click=app.quit]y"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = text
        app.screen.query_one("#due Input", Input).value = "tomorrow 7pm"
        app.screen.query_one("#shared", Switch).value = True
        await pilot.pause()
        assert "your partner sees it" in str(app.screen.query_one("#shared-words").render())
        await pilot.press("enter")
        await settle(pilot)
        assert places.shared is not None
        (promise,) = repo.all_promises(places.shared.read(), shared=True)
        assert promise.text == text
        assert repo.all_promises(places.private.read()) == []
        assert card_line(board, text).splitlines()[0] == text
        assert "on the shared board" in str(board.query_one("#note", Static).visual)


async def test_without_a_link_the_form_has_no_shared_switch(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert not app.screen.query("#shared")


async def test_a_script_is_shared_and_taken_back_from_the_list(
    make_app: MakeApp, places: Places
) -> None:
    script = scripts.new_script(places.private, "hurt", "About Sunday")
    app = make_app(start_mode="scripts")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ScriptsScreen) and screen.linked
        detail = screen.query_one("#scripts-detail", Static)
        assert "Only you see this one" in str(detail.visual)
        await pilot.press("S")
        await settle(pilot)
        assert sharing.read_scripts(places)[0].shared
        assert "On the shared board" in str(detail.visual)
        await pilot.press("S")
        await settle(pilot)
        (back,) = sharing.read_scripts(places)
        assert back.id == script.id and not back.shared
        assert places.shared is not None
        assert scripts.all_scripts(places.shared.read()) == []


async def test_a_share_joined_elsewhere_is_followed(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    app = make_app(store_poll=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.places.linked
        with traversable_dir() as parent:
            places = linked(store, parent / "board")  # `trusttui share init` in a shell
            await wait_for(pilot, lambda: app.places.linked)
            assert places.shared is not None and app.places.shared is not None
            assert app.places.shared.path == places.shared.path
