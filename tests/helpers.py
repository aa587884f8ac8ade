"""Small helpers the TUI and snapshot tests share."""

from __future__ import annotations

from typing import Any


async def settle(pilot: Any) -> None:
    """Let the screen load: a pause, every worker finished (store reads), another pause."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
