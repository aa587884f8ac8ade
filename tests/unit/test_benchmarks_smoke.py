"""The benchmark harness runs: one tiny case of each kind, no timing asserted."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bare_app import MARKER
from benchmarks.cases_store import run_store
from benchmarks.common import BARE_APP, Result, Workspace
from benchmarks.pty_harness import first_frame, spawn, visible_text
from benchmarks.report import markdown_table, text_table, update_readme, write_json


def test_pty_harness_sees_the_bare_apps_first_frame() -> None:
    with Workspace.temporary() as ws, spawn(list(BARE_APP), size=(80, 24), env=ws.env()) as app:
        frame = first_frame(app, marker=MARKER.encode(), quiet=0.05, timeout=60)
        assert frame.seconds > 0
        assert MARKER in visible_text(bytes(app.output))
        assert app.cpu_seconds() >= 0 and app.peak_rss_kib() > 0


def test_store_case_and_report(tmp_path: Path) -> None:
    with Workspace.temporary() as ws:
        results = run_store(ws, reps=1, sizes=(0, 50))
    assert {r.status for r in results} <= {"INFO", "PASS", "FAIL"}
    assert all(r.figure is not None and r.figure >= 0 for r in results)
    budget = Result("a budget", "ms", figure=2.0, reference=1.0, limit=1.5, kind="ratio").judge()
    assert budget.status == "FAIL"
    everything = [*results, budget]
    assert "a budget" in text_table(everything) and "| a budget |" in markdown_table(everything)
    out = tmp_path / "results.json"
    write_json(out, everything, quick=True, seconds=1.0)
    assert json.loads(out.read_text())["results"][-1]["ratio"] == 2.0
    readme = tmp_path / "README.md"
    readme.write_text("# x\n<!-- benchmarks:start -->\nold\n<!-- benchmarks:end -->\nafter\n")
    update_readme(readme, everything, quick=True)
    text = readme.read_text()
    assert "old" not in text and "| a budget |" in text and text.endswith("after\n")
