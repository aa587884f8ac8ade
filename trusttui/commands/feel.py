"""`trusttui feel`: open the emotion wheel, record a check-in, or list every word."""

from __future__ import annotations

import argparse
import json

from trusttui.commands import Context
from trusttui.commands.app import run_app
from trusttui.core.defaults import DEFAULT_INTENSITY
from trusttui.core.errors import InputError

EPILOG = """\
examples:
  trusttui feel                                  open the wheel
  trusttui feel hurt anxious --intensity 7
  trusttui feel "let down" --note "Dinner plans, again" --tag partner
  trusttui feel let down, relieved               multi-word feelings can go unquoted too
  trusttui feel --list --json

Multi-word feelings ("let down", "on edge", "not good enough") can be quoted or typed as
they are; commas may separate feelings. Unknown words are refused with the closest ones."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    feel = sub.add_parser(
        "feel",
        help="name what you feel: open the emotion wheel, or record words directly",
        description=(
            "Name what you feel. Without words, open the emotion wheel. With words, "
            "record a check-in now, without opening the app."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    feel.add_argument(
        "words",
        nargs="*",
        metavar="WORD",
        help='feelings from the wheel, e.g. hurt "let down" (see --list)',
    )
    feel.add_argument(
        "--intensity",
        "-i",
        type=_intensity,
        metavar="N",
        help=f"how strong, 1 (barely) to 10 (as strong as it gets); default {DEFAULT_INTENSITY}",
    )
    feel.add_argument("--note", "-n", metavar="TEXT", help="what happened (optional)")
    feel.add_argument(
        "--tag",
        "-t",
        action="append",
        default=[],
        metavar="T",
        help="a tag such as partner, work or family; repeat for more",
    )
    feel.add_argument(
        "--list", action="store_true", help="print every word with its family, ring and meaning"
    )
    feel.add_argument("--json", action="store_true", help="with --list: print JSON")
    feel.set_defaults(run=run_feel)


def _intensity(text: str) -> int:
    from trusttui.core.feelings import check_intensity

    try:
        return check_intensity(text)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run_feel(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.feelings import add_checkin
    from trusttui.core.vocabulary import vocabulary

    if args.list:
        if args.words or args.intensity is not None or args.note or args.tag:
            raise InputError("--list prints the words; record a check-in without it.")
        return _list(ctx, as_json=args.json)
    if args.json:
        raise InputError("--json goes with --list.")
    if not args.words:
        if args.intensity is not None or args.note or args.tag:
            raise InputError("Name at least one feeling, e.g. `trusttui feel hurt --intensity 6`.")
        return run_app(ctx, mode="feel")
    vocab = vocabulary()
    words = vocab.parse_words(args.words)
    intensity = DEFAULT_INTENSITY if args.intensity is None else args.intensity
    saved = add_checkin(ctx.store(), words, intensity, note=args.note or "", tags=args.tag)
    ctx.say(f"Saved: {', '.join(saved.words)} (intensity {saved.intensity}).")
    for word in saved.words:
        under = vocab.underneath(word)
        if under is not None:
            ctx.say(under.offer())
    return 0


def _list(ctx: Context, *, as_json: bool) -> int:
    from trusttui.core.vocabulary import vocabulary

    feelings = vocabulary().feelings
    if as_json:
        rows = [
            {"word": f.word, "family": f.family, "ring": f.ring, "meaning": f.meaning}
            for f in feelings
        ]
        ctx.say(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    width = max(len(f.word) for f in feelings) + 2
    family_width = max(len(f.family) for f in feelings) + 2
    ctx.say(f"{'WORD':<{width}}{'FAMILY':<{family_width}}RING  MEANING")
    for f in feelings:
        ctx.say(f"{f.word:<{width}}{f.family:<{family_width}}{f.ring:<6}{f.meaning}")
    return 0
