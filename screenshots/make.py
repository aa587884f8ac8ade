"""Regenerate every screenshot in this folder from the real app on demo data.

Run: `.venv/bin/python screenshots/make.py`. Each shot opens a tool on the same
seeded demo data and a fixed clock, at 100x30, and saves an SVG here.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.store import Store
from trusttui.tui.app import TrustApp

HERE = Path(__file__).parent
NOW = datetime(2026, 11, 27, 14, 30, tzinfo=timezone(timedelta(hours=1)))
SIZE = (100, 30)

Steps = Callable[[Any], Awaitable[None]]


async def nothing(_pilot: Any) -> None:
    """Take the screen as it opens."""


async def feel_betrayed(pilot: Any) -> None:
    """On the wheel: around to Sad, out to hurt and betrayed, added with its offer."""
    await pilot.press("right", "right", "right", "right", "down", "down", "right", "enter")


async def script_builder(pilot: Any) -> None:
    """A new "I was hurt" script, its first step written with a few phrases flagged."""
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause(0.3)
    pilot.app.screen.text_area.insert(
        "On Tuesday you said you'd be home by seven. You came in after ten "
        "and you never called. I feel betrayed."
    )


async def script_preview(pilot: Any) -> None:
    """The newest finished script as a card."""
    await pilot.press("down", "v")


async def promise_form(pilot: Any) -> None:
    """The add form, with the due time shown as understood."""
    await pilot.press("a")
    await pilot.pause()
    for key in [*"Call Sam back", "tab", *"Sam", "tab", *"fri 9am", "tab", *"every fri"]:
        await pilot.press("space" if key == " " else key)


async def promise_kept(pilot: Any) -> None:
    """Keeping a promise: a warm word, and the card moves to Done."""
    await pilot.press("right", "k")


async def breathe_running(pilot: Any) -> None:
    """Begin the preselected pattern, skip the question, and be two seconds into a breath."""
    await pilot.press("enter", "escape")
    pilot.app.clock.advance(2.2)
    pilot.app.screen.session.tick()


async def breathe_summary(pilot: Any) -> None:
    """Rate 6 before, breathe the whole session, rate 3 after."""
    await pilot.press("enter", "6")
    pilot.app.clock.advance(pilot.app.screen.session.schedule.total)
    pilot.app.screen.session.tick()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.press("3")


SHOTS: list[tuple[str, str, Steps]] = [
    ("dashboard", "dashboard", nothing),
    ("feel", "feel", feel_betrayed),
    ("scripts", "scripts", nothing),
    ("script-builder", "scripts", script_builder),
    ("script-preview", "scripts", script_preview),
    ("promises", "promises", nothing),
    ("promises-add", "promises", promise_form),
    ("promises-kept", "promises", promise_kept),
    ("breathe", "breathe", nothing),
    ("breathe-running", "breathe", breathe_running),
    ("breathe-summary", "breathe", breathe_summary),
]
"""(file name, start mode, what to do before the shot)."""


async def shoot(store: Store, name: str, mode: str, steps: Steps) -> Path:
    app = TrustApp(store=store, clock=ManualClock(NOW), start_mode=mode, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await steps(pilot)
        await pilot.pause()
        if not app.screen.is_modal:  # a dialog's worker waits for the dialog
            await app.workers.wait_for_complete()
        await pilot.pause()
        target = HERE / f"{name}.svg"
        app.save_screenshot(filename=target.name, path=str(HERE))
    return target


async def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "demo.json", clock=ManualClock(NOW))
        build_demo(store, now=NOW, years=1)
        for name, mode, steps in SHOTS:
            print(await shoot(store, name, mode, steps))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
