"""The `trusttui` command: parse arguments, then run a command or open the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from trusttui.commands import (
    Context,
    basics,
    breathe,
    data,
    feel,
    promise,
    script,
    serve,
    share,
    today,
)
from trusttui.commands.app import run_app
from trusttui.core.clock import Clock, SystemClock
from trusttui.core.errors import TrustError
from trusttui.core.paths import resolve_db_path

COMMAND_MODULES = [
    breathe,
    feel,
    promise,
    today,
    data,
    basics,
    share,
    serve,
    script,
]
"""Modules that add subcommands, in the order `--help` lists them."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose mistakes are one calm line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


class _Version(argparse.Action):
    """`--version`, looked up only when asked for (importlib.metadata costs ~20 ms)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings,
            dest,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        import trusttui

        print(f"trusttui {trusttui.__version__}")
        parser.exit()


def build_parser() -> Parser:
    parser = Parser(
        prog="trusttui",
        description="A calm companion for rebuilding trust: breathe, name feelings, "
        "keep promises, prepare honest conversations. Run without a command to open the app.",
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument(
        "--db", metavar="PATH", help="data file to use (default: $TRUSTTUI_DB or your data dir)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Run trusttui with `argv`; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(db_path=resolve_db_path(args.db), clock=clock or SystemClock())
    try:
        if args.command is None:
            return run_app(ctx)
        status: int = args.run(args, ctx)
        return status
    except TrustError as error:
        print(f"trusttui: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `trusttui feel --list | head`: the reader left early; that is fine.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
