"""`trusttui today`: one line for a login message or a prompt. Never imports Textual."""

from __future__ import annotations

import argparse

from trusttui.commands import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    today = sub.add_parser(
        "today",
        help="one line: promises due, breathing this week (for ~/.bashrc or a login message)",
        description="Print one line about today: promises due and overdue, and minutes of "
        "breathing this week. Made for ~/.bashrc or the server's message of the day.",
    )
    today.set_defaults(run=run_today)


def run_today(_args: argparse.Namespace, ctx: Context) -> int:
    """Your own promises and the shared board's, counted together."""
    from trusttui.core.today import today_line

    ctx.say(today_line(ctx.places().read(), ctx.clock.now()))
    return 0
