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


SHOTS: list[tuple[str, str, Steps]] = [
    ("dashboard", "dashboard", nothing),
    ("feel", "feel", feel_betrayed),
]
"""(file name, start mode, what to do before the shot)."""


async def shoot(store: Store, name: str, mode: str, steps: Steps) -> Path:
    app = TrustApp(store=store, clock=ManualClock(NOW), start_mode=mode, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await steps(pilot)
        await pilot.pause()
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
