"""`trusttui script` (the conversation script builder) and `trusttui check` (the tone check)."""

from __future__ import annotations

import argparse
import sys

from trusttui.commands import Context
from trusttui.commands.app import run_app

# The core modules are imported in the handlers, so `import trusttui.cli` stays quick.


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    script = sub.add_parser(
        "script",
        help="prepare a calm, honest conversation (opens the builder)",
        description=(
            "Prepare a conversation step by step: when you were hurt, or when you broke a "
            "promise. Without a subcommand, opens the builder."
        ),
    )
    script.set_defaults(run=run_builder)
    actions = script.add_subparsers(dest="script_command", metavar="ACTION")
    listing = actions.add_parser("list", help="list your saved scripts")
    listing.set_defaults(run=run_list)
    show = actions.add_parser("show", help="print one script")
    show.add_argument("id", metavar="ID", help="the script's id (its first few characters)")
    show.add_argument(
        "--format", choices=("text", "md"), default="text", help="plain text (default) or Markdown"
    )
    show.set_defaults(run=run_show)

    tone = sub.add_parser(
        "check",
        help="check the tone of a message before you send it",
        description=(
            "Look for phrases that tend to escalate a talk (absolutes, blame, contempt, "
            "sarcasm, mind-reading, demands) and suggest gentler words. "
            "Exit 0 when it reads calm, 1 when something is flagged, 2 on errors."
        ),
    )
    tone.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="a text file, or - to read stdin"
    )
    tone.set_defaults(run=run_check)


def run_builder(_args: argparse.Namespace, ctx: Context) -> int:
    return run_app(ctx, mode="scripts", options={"scripts": "new"})


def run_list(_args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.records import short_ids
    from trusttui.core.share import current_user
    from trusttui.core.sharing import marks, read_scripts

    places = ctx.places()
    scripts = read_scripts(places)
    if not scripts:
        ctx.say("No scripts yet. Run `trusttui script` to prepare one.")
        return 0
    shorts = short_ids(script.id for script in scripts)
    me = current_user()
    for script in scripts:
        flow = "hurt  " if script.flow == "hurt" else "repair"
        where = f"{'shared' if script.shared else '':<6}  " if places.linked else ""
        line = f"{shorts[script.id]:<6}  {script.updated:%Y-%m-%d}  {flow}  {where}{script.title}"
        by = marks(False, script.updated_by, me)
        if by:
            line += f"  · {by}"
        if script.outcome:
            line += f"  · {script.outcome.how}"
        ctx.say(line)
    return 0


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.scripts import render_markdown, render_text
    from trusttui.core.sharing import find_script

    script = find_script(ctx.places(), args.id)
    text = render_markdown(script) if args.format == "md" else render_text(script)
    ctx.stdout.write(text)
    return 0


def _read_message(name: str) -> str:
    from trusttui.core.errors import InputError

    if name == "-":
        return sys.stdin.read()
    try:
        with open(name, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(f"{name} does not exist.") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a folder; give a text file.") from None
    except UnicodeDecodeError:
        raise InputError(f"{name} is not a text file.") from None
    except OSError as error:
        raise InputError(f"{name} cannot be read ({error.strerror}).") from None


def run_check(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.tone import check, tone_rules

    text = _read_message(args.file)
    flags = check(text)
    if not flags:
        ctx.say("Reads calm. Nothing here tends to escalate.")
        return 0
    rules = tone_rules()
    for flag in flags:
        line, column = flag.position(text)
        ctx.say(f"{line}:{column}  “{flag.phrase}”  ({rules.kind_label(flag.kind).lower()})")
        ctx.say(f"    {flag.why}")
        ctx.say(f"    Try: {flag.rewrite}")
    ctx.say(
        f"{len(flags)} phrase{'s' if len(flags) != 1 else ''} could land harder than you mean. "
        "You know them best; change what feels right."
    )
    return 1
