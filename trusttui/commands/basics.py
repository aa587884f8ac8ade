"""`trusttui doctor` and `trusttui demo`."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from trusttui.commands import Context
from trusttui.commands.app import run_app
from trusttui.core.errors import InputError
from trusttui.core.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    doctor = sub.add_parser(
        "doctor",
        help="check the data file, its permissions and backups",
        description=(
            "Check the data file: that it reads, its schema, who can read it, "
            "leftover temp files and backups. Exit 0 when healthy, 1 otherwise."
        ),
    )
    doctor.add_argument(
        "--restore-latest",
        action="store_true",
        help="keep the current file aside and put the newest good backup in its place",
    )
    doctor.set_defaults(run=run_doctor)

    demo = sub.add_parser(
        "demo",
        help="try trusttui on sample data (never touches your own)",
        description="Make realistic, reproducible sample data and open the app on it.",
    )
    demo.add_argument("--years", type=_years, default=1, help="how many years of history (1-20)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
    demo.add_argument("--out", type=Path, help="write the sample data file here and exit")
    demo.set_defaults(run=run_demo)


def _years(text: str) -> int:
    try:
        years = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--years wants a whole number, not {text!r}") from None
    if not 1 <= years <= 20:
        raise argparse.ArgumentTypeError("--years must be between 1 and 20")
    return years


def run_doctor(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.doctor import diagnose, newest_good_backup

    store = Store(ctx.db_path, clock=ctx.clock)
    if args.restore_latest:
        backup = newest_good_backup(store)
        if backup is None:
            raise InputError(f"There is no readable backup of {store.path} to restore.")
        aside = store.restore(backup)
        ctx.say(f"Restored {backup.name} to {store.path}.")
        if aside != store.path:
            ctx.say(f"The previous file is kept at {aside}.")
        return 0
    findings = diagnose(store)
    for finding in findings:
        ctx.say(("ok    " if finding.ok else "check ") + finding.text)
    healthy = all(finding.ok for finding in findings)
    ctx.say("All well." if healthy else "Something needs a look; see the lines marked 'check'.")
    return 0 if healthy else 1


def run_demo(args: argparse.Namespace, ctx: Context) -> int:
    from trusttui.core.demo import build_demo  # every tool's generator: only when asked

    if args.out is not None:
        out = args.out.expanduser()
        if out.exists():
            raise InputError(f"{out} already exists; choose a new file for the sample data.")
        count = build_demo(
            Store(out, clock=ctx.clock), now=ctx.clock.now(), years=args.years, seed=args.seed
        )
        ctx.say(f"Wrote {count} sample records to {out}.")
        return 0
    with tempfile.TemporaryDirectory(prefix="trusttui-demo-") as folder:
        demo_path = Path(folder) / "demo.json"
        build_demo(
            Store(demo_path, clock=ctx.clock), now=ctx.clock.now(), years=args.years, seed=args.seed
        )
        return run_app(
            Context(
                db_path=demo_path,
                clock=ctx.clock,
                stdout=ctx.stdout,
                stderr=ctx.stderr,
                environ=ctx.environ,
            )
        )
