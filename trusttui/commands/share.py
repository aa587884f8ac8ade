"""`trusttui share init|join|status|leave`: a promise board two accounts share."""

from __future__ import annotations

import argparse
from pathlib import Path

from trusttui.commands import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "share",
        help="share promises and scripts with a partner on this machine",
        description="Share promises and scripts with a partner who has an account on this "
        "machine. Feelings, breathing, check-ins and the journal always stay private.",
    )
    actions = parser.add_subparsers(dest="share_action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="make a shared board in PATH for a group")
    init.add_argument("path", type=Path, metavar="PATH", help="a directory for the shared board")
    init.add_argument("--group", help="Unix group both partners belong to (default: yours)")
    init.set_defaults(run=run_init)
    join = actions.add_parser("join", help="connect this account to the shared board in PATH")
    join.add_argument("path", type=Path, metavar="PATH")
    join.set_defaults(run=run_join)
    state = actions.add_parser("status", help="show the link and check its permissions")
    state.set_defaults(run=run_status)
    leave = actions.add_parser("leave", help="disconnect this account (the board stays)")
    leave.set_defaults(run=run_leave)


def run_init(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import share

    shared = share.init_shared(args.path, args.group, ctx.clock)
    share.link(ctx.store(), shared.path.parent)
    found = share.status(shared.path.parent)
    ctx.say(f"Made a shared board in {found.directory} for group {found.group}.")
    ctx.say(f"Your partner can now run: trusttui share join {found.directory}")
    return 0


def run_join(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import share

    shared = share.link(ctx.store(), args.path)
    ctx.say(f"Connected to the shared board in {shared.path.parent}.")
    return 0


def run_status(_args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import share

    shared = share.linked_store(ctx.store())
    if shared is None:
        ctx.say("Not sharing: everything stays in your own file.")
        ctx.say("To share promises and scripts: trusttui share init PATH --group GROUP")
        return 0
    found = share.status(shared.path.parent)
    members = ", ".join(found.members) or "no listed members"
    ctx.say(f"Shared board: {found.directory} (group {found.group}: {members})")
    ctx.say(f"Modes: directory {found.dir_mode:04o}, file {found.file_mode:04o}")
    for problem in found.problems:
        ctx.say(f"check {problem}")
    return 1 if found.problems else 0


def run_leave(_args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import share

    share.unlink(ctx.store())
    ctx.say("Disconnected. The shared board itself is untouched.")
    return 0
