"""Snapshots of the breathing screen at 80x24: setup, an in-breath, a hold, the summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import NOW
from tests.helpers import settle
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.store import Store

SIZE = (80, 24)


def after(seconds: float, *keys: str) -> Callable[[Any], Any]:
    """Steps: let the clock run `seconds` of the session, then press `keys`."""

    async def run(pilot: Any) -> None:
        await settle(pilot)
        pilot.app.clock.advance(seconds)
        pilot.app.screen.session.tick()
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return run


def session(make_app: Callable[..., Any], **options: Any) -> Any:
    options = {"minutes": None, "cycles": None, "bell": False, "rate": False, **options}
    return make_app(start_mode="breathe", mode_options=options, one_shot=True)


def test_breathe_setup_on_first_use(
    snap_compare: Any, make_app: Callable[..., Any], store: Store
) -> None:
    build_demo(store, now=NOW, years=1)
    app = make_app(clock=ManualClock(NOW), start_mode="breathe")
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_breathe_in_breath(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    app = session(make_app, pattern="calm", minutes=2)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(2.2))


def test_breathe_hold(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    app = session(make_app, pattern="box", cycles=4)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(21.5))


def test_breathe_summary(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    app = session(make_app, pattern="box", cycles=2, rate=True)

    async def run(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("7")
        await after(32, "4")(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)
