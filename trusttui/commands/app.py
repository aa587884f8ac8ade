"""Opening the Textual app from a command. Textual is imported only here, and only when run."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trusttui.commands import Context


def run_app(
    ctx: Context,
    *,
    mode: str = "dashboard",
    options: Mapping[str, Any] | None = None,
    one_shot: bool = False,
) -> int:
    """Run the app on the context's store, starting in `mode`; return its exit status.

    With `one_shot`, finishing the start tool returns to the shell instead of the dashboard.
    """
    store = ctx.store()
    from trusttui.tui.app import TrustApp

    app = TrustApp(
        store=store, clock=ctx.clock, start_mode=mode, mode_options=options, one_shot=one_shot
    )
    app.run()
    store.wait_idle()
    if app.quick_exit:
        # Leave nothing of the app behind: clear the screen and the scrollback.
        ctx.stdout.write("\x1b[2J\x1b[3J\x1b[H")
        ctx.stdout.flush()
    return app.return_code or 0
