"""Snapshots of the promise board at 80x24: demo data, empty, a form, 16 colours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import NOW
from tests.helpers import settle
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.store import Store

SIZE = (80, 24)


def board(make_app: Callable[..., Any], store: Store, **kwargs: Any) -> Any:
    build_demo(store, now=NOW, years=1)
    return make_app(clock=ManualClock(NOW), start_mode="promises", **kwargs)


def test_board_demo(snap_compare: Any, make_app: Callable[..., Any], store: Store) -> None:
    assert snap_compare(board(make_app, store), terminal_size=SIZE, run_before=settle)


def test_board_demo_16_colours(
    snap_compare: Any, make_app: Callable[..., Any], store: Store
) -> None:
    app = board(make_app, store, theme="ansi-dark")
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_board_empty(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    app = make_app(start_mode="promises")
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_board_add_form_shows_the_time_as_understood(
    snap_compare: Any, make_app: Callable[..., Any], store: Store
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        for key in [*"Call Sam back", "tab", "tab", *"fri 9am"]:
            await pilot.press("space" if key == " " else key)
        await pilot.pause()

    app = board(make_app, store)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_board_after_keeping(snap_compare: Any, make_app: Callable[..., Any], store: Store) -> None:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("right", "k")
        await settle(pilot)

    app = board(make_app, store)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
