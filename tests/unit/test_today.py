"""`trusttui today`: one line from promises and breathing."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from trusttui.core.breath_log import log_breath
from trusttui.core.clock import ManualClock
from trusttui.core.promises import add_promise
from trusttui.core.store import Store
from trusttui.core.today import today_line


def test_empty_store_suggests_a_calm_minute(store: Store, clock: ManualClock) -> None:
    assert today_line(store.read(), clock.now()) == (
        "Nothing due today · a calm minute: trusttui breathe"
    )


def test_counts_due_overdue_and_minutes(store: Store, clock: ManualClock) -> None:
    now = clock.now()
    add_promise(store, "call the plumber", now + timedelta(hours=2))
    add_promise(store, "pick up Sam", now + timedelta(hours=3))
    add_promise(store, "send the form", now - timedelta(hours=1))
    add_promise(store, "dinner on Sunday", now + timedelta(days=2))
    log_breath(
        store,
        pattern="calm",
        started=now - timedelta(days=1),
        ended=now - timedelta(days=1) + timedelta(minutes=6),
        seconds=360.0,
        cycles=36,
        completed=True,
    )
    line = today_line(store.read(), now)
    assert line == "2 promises due today · 1 overdue · 6 min of breathing this week"


def test_command_prints_one_line_without_textual(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom trusttui.cli import main\n"
        "status = main(['--db', sys.argv[1], 'today'])\n"
        "assert 'textual' not in sys.modules, 'today imported Textual'\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "t.json")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert "trusttui breathe" in result.stdout
