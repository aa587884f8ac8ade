"""`trusttui breathe`: a guided breath straight from the shell, or `--list` the patterns."""

from __future__ import annotations

import argparse
import math

from trusttui.commands import Context
from trusttui.commands.app import run_app
from trusttui.core.defaults import DEFAULT_PATTERN

MAX_MINUTES = 60
MAX_CYCLES = 300


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    breathe = sub.add_parser(
        "breathe",
        help="a guided breath of a minute or a few, then back to the shell",
        description=(
            "Start a guided breathing session at once; q or Esc stops it. "
            "Without options it uses the pattern and length you chose last "
            f"(at first: {DEFAULT_PATTERN}, 2 minutes)."
        ),
    )
    breathe.add_argument("--pattern", metavar="NAME", help="which pattern (see --list)")
    length = breathe.add_mutually_exclusive_group()
    length.add_argument(
        "--minutes", metavar="N", type=_minutes, help=f"about how long (up to {MAX_MINUTES})"
    )
    length.add_argument(
        "--cycles", metavar="N", type=_cycles, help=f"how many breaths (up to {MAX_CYCLES})"
    )
    breathe.add_argument("--no-bell", action="store_true", help="no bell at phase changes")
    breathe.add_argument(
        "--rate", action="store_true", help="ask how tense you feel before, as well as after"
    )
    breathe.add_argument("--list", action="store_true", help="print every pattern and its timings")
    breathe.set_defaults(run=run_breathe)


def _minutes(text: str) -> float:
    try:
        minutes = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--minutes wants a number, like 2, not {text!r}"
        ) from None
    if not math.isfinite(minutes) or not 0 < minutes <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(f"--minutes must be above 0 and at most {MAX_MINUTES}")
    return minutes


def _cycles(text: str) -> int:
    try:
        cycles = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--cycles wants a whole number, like 6, not {text!r}"
        ) from None
    if not 1 <= cycles <= MAX_CYCLES:
        raise argparse.ArgumentTypeError(f"--cycles must be between 1 and {MAX_CYCLES}")
    return cycles


def run_breathe(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.breath_patterns import all_patterns, find_pattern
    from trusttui.core.breath_prefs import bell_on, last_choice
    from trusttui.core.errors import NotFoundError

    db = ctx.store().read()
    if args.list:
        patterns = all_patterns(db)
        width = max(len(pattern.name) for pattern in patterns) + 2
        for pattern in patterns:
            note = "  (default)" if pattern.name == DEFAULT_PATTERN else ""
            if not pattern.builtin:
                note = "  (yours)"
            timings = pattern.timings().ljust(34)
            ctx.say(f"{pattern.name.ljust(width)}{timings}{pattern.cycle_seconds:g} s{note}")
        return 0
    choice = last_choice(db)
    if args.pattern is not None:
        pattern = find_pattern(db, args.pattern)
    else:
        try:
            pattern = find_pattern(db, choice.pattern)
        except NotFoundError:  # the pattern used last was deleted since
            pattern = find_pattern(db, DEFAULT_PATTERN)
    if args.minutes is None and args.cycles is None:
        minutes, cycles = choice.length.minutes, choice.length.cycles
    else:
        minutes, cycles = args.minutes, args.cycles
    options = {
        "pattern": pattern.name,
        "minutes": minutes,
        "cycles": cycles,
        "bell": False if args.no_bell else bell_on(db),
        "rate": bool(args.rate),
    }
    return run_app(ctx, mode="breathe", options=options, one_shot=True)
