"""Snapshots of the progress screen and the care dialogs at 80x24 on demo data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NOW
from tests.helpers import settle
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.store import Store


def keys(*pressed: str) -> Callable[[Any], Any]:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press(*pressed)
        await pilot.pause()
        # A dialog's worker waits for the dialog to close: wait for the others only.
        waiting = [w for w in pilot.app.workers if not w.group.endswith("dialog")]
        if waiting:  # (an empty list would mean every worker)
            await pilot.app.workers.wait_for_complete(waiting)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    ("name", "pressed"),
    [
        ("overview", ()),
        ("signs", ("i",)),
        ("checkin", ("c", "5", "6")),
        ("journal", ("j", "down")),
        ("setback", ("n", *"They forgot the call")),
        ("resources", ("ctrl+r",)),
    ],
)
def test_progress_demo(
    snap_compare: Any,
    make_app: Callable[..., Any],
    store: Store,
    name: str,
    pressed: tuple[str, ...],
) -> None:
    build_demo(store, now=NOW, years=1)
    app = make_app(start_mode="progress", clock=ManualClock(NOW))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys(*pressed))


def test_privacy_note(
    snap_compare: Any, make_app: Callable[..., Any], isolated_env: Path, clock: ManualClock
) -> None:
    store = Store.open(isolated_env / ".local/share/trusttui/trusttui.json", clock=clock)
    app = make_app(store=store, privacy_note=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


@pytest.mark.parametrize("colours", ["ansi-dark", "no-color"])
def test_progress_in_16_colours_and_without_colour(
    snap_compare: Any,
    make_app: Callable[..., Any],
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    colours: str,
) -> None:
    build_demo(store, now=NOW, years=1)
    if colours == "no-color":
        monkeypatch.setenv("NO_COLOR", "1")
        app = make_app(start_mode="progress", clock=ManualClock(NOW))
    else:
        app = make_app(start_mode="progress", clock=ManualClock(NOW), theme="ansi-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("j"))
