"""`trusttui promise`: the promise board, and promises from the shell."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from trusttui.commands import Context
from trusttui.commands.app import run_app

if TYPE_CHECKING:
    from trusttui.core.promises import Change
    from trusttui.core.store import Store

# The core modules are imported in the handlers, so `import trusttui.cli` stays quick.

WHEN_HELP = "when, as you would say it: 'tomorrow 7pm', 'fri 9am', 'in 3 days', '2026-12-24 18:00'"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    promise = sub.add_parser(
        "promise",
        help="the promise board; add, list and resolve promises",
        description="Keep promises visibly. Without a command, opens the promise board.",
    )
    promise.set_defaults(run=run_board)
    actions = promise.add_subparsers(dest="action", metavar="ACTION")

    add = actions.add_parser("add", help="make a promise", description="Make a promise.")
    add.add_argument("text", nargs="+", help="what you promise")
    add.add_argument("--due", required=True, metavar="WHEN", help=WHEN_HELP)
    add.add_argument("--to", metavar="NAME", help="who it is to (default: promises.default_to)")
    add.add_argument(
        "--every", metavar="RULE", help="a repeat: 'every day', 'weekdays', 'every monday'"
    )
    add.add_argument("--notes", default="", help="anything worth remembering")
    add.add_argument(
        "--shared",
        action="store_true",
        help="put it on the shared board your partner sees (see `trusttui share`)",
    )
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="list open promises", description="List promises.")
    listing.add_argument("--all", action="store_true", help="kept, missed and released too")
    listing.add_argument("--json", action="store_true", help="the stored records as JSON")
    listing.set_defaults(run=run_list)

    kept = actions.add_parser("kept", help="mark a promise kept", description="Mark it kept.")
    kept.add_argument("id", help="the promise's id (its first few characters are enough)")
    kept.add_argument("--at", metavar="WHEN", help="when you kept it, if not now")
    kept.set_defaults(run=run_kept)

    for name, text, handler in (
        ("missed", "mark a promise missed (a fact, not a verdict)", run_missed),
        ("release", "release a promise by agreement (not held against anyone)", run_release),
        ("reopen", "open a resolved promise again", run_reopen),
    ):
        action = actions.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        action.add_argument("id", help="the promise's id (its first few characters are enough)")
        action.set_defaults(run=handler)

    move = actions.add_parser(
        "move", help="renegotiate when a promise is due", description="Move a promise."
    )
    move.add_argument("id", help="the promise's id (its first few characters are enough)")
    move.add_argument("--due", required=True, metavar="WHEN", help=WHEN_HELP)
    move.add_argument("--reason", default="", help="why it moves, in a few words")
    move.set_defaults(run=run_move)


def run_board(args: argparse.Namespace, ctx: Context) -> int:
    return run_app(ctx, mode="promises")


def _short(ctx: Context, promise_id: str) -> str:
    """The short id of a promise among both files' promises (read from the raw ids)."""
    from trusttui.core import sharing
    from trusttui.core.records import short_ids

    return short_ids(sharing.promise_ids(ctx.places()))[promise_id]


def _home(ctx: Context, prefix: str) -> tuple[Store, str]:
    """The file holding the promise `prefix` names (yours or the shared board), and its id."""
    from trusttui.core import sharing

    return sharing.promise_home(ctx.places(), prefix)


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import promises as repo
    from trusttui.core import sharing
    from trusttui.core.when import (
        describe_due,
        describe_every,
        format_when,
        parse_every,
        parse_when,
    )

    now = ctx.clock.now()
    text = repo.clean_text(" ".join(args.text))
    due = parse_when(args.due, now)
    every = parse_every(args.every, due) if args.every else None
    promise = sharing.add_promise(
        ctx.places(), text, due, shared=args.shared, to=args.to, every=every, notes=args.notes
    )
    line = f"{_short(ctx, promise.id)}  due {format_when(due, now)} ({describe_due(due, now)})"
    if every:
        line += f", {describe_every(every)}"
    if promise.shared:
        line += " · shared"
    ctx.say(line)
    return 0


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import promises as repo
    from trusttui.core import sharing
    from trusttui.core.share import current_user
    from trusttui.core.when import describe_due, describe_every

    everything = sharing.read_promises(ctx.places())
    shown = everything if args.all else [p for p in everything if p.is_open]
    if args.json:
        docs = [{**p.as_doc(), "shared": p.shared} for p in shown]
        ctx.say(json.dumps(docs, ensure_ascii=False, indent=2))
        return 0
    if not shown:
        ctx.say("No open promises. Make one: trusttui promise add 'Call Sam' --due 'tomorrow 6pm'")
        return 0
    now, me = ctx.clock.now(), current_user()
    shorts = repo.promise_short_ids(everything)
    width = max(len(shorts[p.id]) for p in shown)
    for promise in shown:
        state = describe_due(promise.due, now) if promise.is_open else promise.status
        details = [promise.text]
        if promise.to:
            details.append(f"to {promise.to}")
        if promise.every:
            details.append(describe_every(promise.every))
        mark = sharing.marks(promise.shared, sharing.acted_by(promise), me)
        if mark:
            details.append(mark)
        ctx.say(f"{shorts[promise.id]:<{width}}  {state:<14}  {' · '.join(details)}")
    return 0


def run_kept(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import promises as repo
    from trusttui.core import sharing
    from trusttui.core.promise_words import kept_words, next_words, run_words
    from trusttui.core.reliability import reliability
    from trusttui.core.when import parse_when

    now = ctx.clock.now()
    at = parse_when(args.at, now, prefer="past") if args.at else None
    change = repo.keep(*_home(ctx, args.id), at=at)
    ctx.say(f"{change.promise.text}: {kept_words(change.promise)}")
    run = run_words(reliability(sharing.read_promises(ctx.places()), now))
    for line in (run, next_words(change.next, now)):
        if line:
            ctx.say(line)
    return 0


def _resolve_and_say(ctx: Context, change: Change, words: str) -> int:
    from trusttui.core.promise_words import next_words

    ctx.say(f"{change.promise.text}: {words}")
    following = next_words(change.next, ctx.clock.now())
    if following:
        ctx.say(following)
    return 0


def run_missed(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import promises as repo
    from trusttui.core.promise_words import MISSED

    return _resolve_and_say(ctx, repo.miss(*_home(ctx, args.id)), MISSED)


def run_release(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import promises as repo
    from trusttui.core.promise_words import RELEASED

    return _resolve_and_say(ctx, repo.release(*_home(ctx, args.id)), RELEASED)


def run_reopen(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import promises as repo
    from trusttui.core.promise_words import REOPENED

    return _resolve_and_say(ctx, repo.reopen(*_home(ctx, args.id)), REOPENED)


def run_move(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core import promises as repo
    from trusttui.core.promise_words import moved_words
    from trusttui.core.when import parse_when

    now = ctx.clock.now()
    due = parse_when(args.due, now)
    change = repo.move(*_home(ctx, args.id), due, args.reason)
    old_due = change.promise.history[-1].old or due
    ctx.say(f"{change.promise.text}: {moved_words(old_due, change.promise, now)}")
    return 0
