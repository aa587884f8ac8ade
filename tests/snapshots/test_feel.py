"""Snapshots of the emotion wheel with a family selected: 80x24, 120x40, 16 colours, NO_COLOR."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import NOW
from trusttui.core.demo import build_demo
from trusttui.core.store import Store


async def on_sad_hurt_betrayed(pilot: Any) -> None:
    """Around to Sad, out to hurt, then betrayed; add it so the offer shows too."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.press("right", "right", "right", "right", "down", "down", "right", "enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_wheel_80x24(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    app = make_app(start_mode="feel")
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_sad_hurt_betrayed)


def test_wheel_120x40_with_history(
    snap_compare: Any, make_app: Callable[..., Any], store: Store
) -> None:
    build_demo(store, now=NOW, years=1)
    app = make_app(start_mode="feel")
    assert snap_compare(app, terminal_size=(120, 40), run_before=on_sad_hurt_betrayed)


def test_wheel_in_16_colours(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    app = make_app(start_mode="feel", theme="ansi-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_sad_hurt_betrayed)


def test_wheel_without_colour(
    snap_compare: Any, make_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(start_mode="feel")
    assert app.no_color
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_sad_hurt_betrayed)
