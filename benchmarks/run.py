"""Run the benchmark suite: `python benchmarks/run.py [--quick] [--only GROUP ...]`.

Every figure is measured beside a reference in the same run (the bare Textual app,
`python -c pass`, the same thing on an empty store), because absolute times on a
shared machine mean little. Prints one line per budget and writes results.json.
Exits 0 whatever the budgets say; 1 only if the harness itself breaks (a case that
could not be measured at all is an ERROR line and also exits 1).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` and `trusttui` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.cases_cli import run_promise_add, run_today
from benchmarks.cases_paint import run_paint
from benchmarks.cases_store import SIZES, run_store
from benchmarks.cases_stream import run_stream
from benchmarks.cases_timer import run_timer
from benchmarks.common import HERE, Result, Workspace
from benchmarks.report import markdown_table, text_table, update_readme, write_json

GROUPS = ("paint", "stream", "today", "store", "promise", "timer")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a subset in under two minutes")
    parser.add_argument(
        "--only", nargs="+", choices=GROUPS, metavar="GROUP", help=f"run only {', '.join(GROUPS)}"
    )
    parser.add_argument("--json", type=Path, default=HERE / "results.json", help="results file")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument(
        "--update-readme", action="store_true", help="put the table in README.md's Benchmarks"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    quick: bool = args.quick
    groups = set(args.only or GROUPS)
    if quick:
        groups.discard("timer")
    started = time.perf_counter()
    results: list[Result] = []

    def step(group: str, run: object) -> None:
        if group in groups:
            t0 = time.perf_counter()
            got: list[Result] = run()  # type: ignore[operator]
            results.extend(got)
            print(f"[{group}: {time.perf_counter() - t0:.0f} s]", file=sys.stderr, flush=True)

    with Workspace.temporary() as ws:
        step("paint", lambda: run_paint(ws, runs=3 if quick else 9, for_scale=not quick))
        step("stream", lambda: run_stream(ws, 3 if quick else 10, 5 if quick else 30))
        step("today", lambda: run_today(ws, runs=5 if quick else 15))
        step("store", lambda: run_store(ws, reps=3 if quick else 11, sizes=SIZES))
        step("promise", lambda: run_promise_add(ws, runs=3 if quick else 9))
        step("timer", lambda: run_timer(ws))
    seconds = time.perf_counter() - started
    print(text_table(results))
    if args.markdown:
        print()
        print(markdown_table(results))
    write_json(args.json, results, quick=quick, seconds=seconds)
    if args.update_readme:
        update_readme(HERE.parent / "README.md", results, quick=quick)
    print(f"\n{len(results)} lines in {seconds:.0f} s; written to {args.json}", file=sys.stderr)
    return 1 if any(r.status == "ERROR" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
