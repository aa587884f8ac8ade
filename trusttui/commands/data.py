"""`trusttui export`, `trusttui import`, `trusttui forget` and `trusttui progress`."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path

from trusttui.commands import Context
from trusttui.core.errors import InputError
from trusttui.core.store import Store

CONFIRM_WORD = "forget"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser(
        "export",
        help="write everything out: json, a Markdown journal, or open promises as a calendar",
        description=(
            "Export your data. json has everything (and is what `trusttui import` reads), "
            "md reads as a journal by month, ics puts open promises in a calendar."
        ),
    )
    export.add_argument("--format", choices=("json", "md", "ics"), default="json")
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: print it)"
    )
    export.set_defaults(run=run_export)

    importer = sub.add_parser(
        "import",
        help="bring back a JSON export; records already here are kept, never doubled",
        description="Merge a `trusttui export --format json` file into your data, by id.",
    )
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.set_defaults(run=run_import)

    forget = sub.add_parser(
        "forget",
        help="erase your data file and its backups",
        description=(
            "Erase the data file, its lock and its backups, after you type "
            f"'{CONFIRM_WORD}'. Export first if you want to keep a copy."
        ),
    )
    forget.add_argument("--yes", action="store_true", help="skip the typed confirmation")
    forget.set_defaults(run=run_forget)

    progress = sub.add_parser(
        "progress",
        help="open your progress: check-in, trends, signs of progress, journal",
        description="Open the progress screen.",
    )
    progress.add_argument(
        "--checkin", action="store_true", help="start on the weekly trust check-in"
    )
    progress.set_defaults(run=run_progress)


def _not_the_data_file(target: Path, store: Store) -> None:
    data = store.path
    resolved = target.expanduser().absolute()
    beside = resolved.parent == data.parent and resolved.name.startswith(data.name + ".")
    if resolved == data or beside:
        raise InputError(f"{target} is trusttui's own data file; choose another file to export to.")


def _write_private(target: Path, text: str) -> None:
    """Write `text` to `target` atomically, readable only by you (it is personal)."""
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"The folder {directory} does not exist; nothing was written.")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.portable import export

    store = ctx.store()
    text = export(store.read(), args.format, ctx.clock.now())
    if args.output is None:
        ctx.stdout.write(text)
        return 0
    target = args.output.expanduser()
    _not_the_data_file(target, store)
    try:
        _write_private(target, text)
    except OSError as error:
        raise InputError(
            f"Could not write {target} ({error.strerror}); nothing was written."
        ) from None
    print(f"Wrote your {args.format} export to {target} (readable only by you).", file=ctx.stderr)
    return 0


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.portable import import_json

    path = args.file.expanduser()
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"There is no file {path}; nothing was imported.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; import reads one export file.") from None
    except OSError as error:
        raise InputError(f"{path} cannot be read ({error.strerror}).") from None
    result = import_json(ctx.store(), payload)
    ctx.say(result.summary())
    return 0


def run_forget(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.portable import data_files, forget

    store = Store(ctx.db_path, clock=ctx.clock)
    found = data_files(store) if store.path.parent.is_dir() else []
    if not found:
        ctx.say(f"There is nothing to erase: no data file at {store.path}.")
        return 0
    if not args.yes:
        files = "1 file" if len(found) == 1 else f"{len(found)} files"
        ctx.say(f"This erases everything trusttui keeps at {store.path}")
        ctx.say(f"({files}, backups included). It cannot be undone.")
        ctx.say("To keep a copy first: trusttui export -o my-trusttui.json")
        ctx.stdout.write(f"Type '{CONFIRM_WORD}' to erase it all: ")
        ctx.stdout.flush()
        answer = sys.stdin.readline()
        if answer.strip().lower() != CONFIRM_WORD:
            raise InputError(f"Nothing was erased (type '{CONFIRM_WORD}', or use --yes).")
    removed = forget(store)
    files = "1 file" if len(removed) == 1 else f"{len(removed)} files"
    ctx.say(f"Erased {files}. trusttui keeps nothing of yours now.")
    return 0


def run_progress(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.commands.app import run_app

    return run_app(ctx, mode="progress", options={"tab": "checkin"} if args.checkin else None)
