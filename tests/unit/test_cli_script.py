"""`trusttui script list|show` and `trusttui check`."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from trusttui.cli import main
from trusttui.core.clock import ManualClock
from trusttui.core.scripts import Outcome, new_script, record_outcome, save_steps
from trusttui.core.store import Store


def cli(*args: str, db: Path, clock: ManualClock) -> int:
    return main(["--db", str(db), *args], clock=clock)


def test_list_when_empty(db_path: Path, clock: ManualClock, capsys: Any) -> None:
    assert cli("script", "list", db=db_path, clock=clock) == 0
    assert "No scripts yet" in capsys.readouterr().out


def test_list_and_show(store: Store, clock: ManualClock, capsys: Any) -> None:
    first = save_steps(
        store, new_script(store, "hurt", "Late on Tuesday"), {"happened": "You came at ten."}
    )
    clock.advance(3600)
    second = new_script(store, "repair", "[bold]Recital[/]")
    record_outcome(store, second.id, Outcome("Gentle", "", ""))
    assert cli("script", "list", db=store.path, clock=clock) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(second.id[:4]) and "repair" in lines[0]
    assert lines[0].endswith("[bold]Recital[/]  · Gentle")
    assert "hurt" in lines[1] and "Late on Tuesday" in lines[1]

    assert cli("script", "show", first.id[:6], db=store.path, clock=clock) == 0
    out = capsys.readouterr().out
    assert out.startswith("Late on Tuesday\nI was hurt · prepared")
    assert "WHAT HAPPENED\nYou came at ten." in out

    assert cli("script", "show", first.id[:6], "--format", "md", db=store.path, clock=clock) == 0
    assert capsys.readouterr().out.startswith("# Late on Tuesday\n")


def test_show_unknown_id_is_one_line_exit_2(store: Store, clock: ManualClock, capsys: Any) -> None:
    new_script(store, "hurt")
    assert cli("script", "show", "zzzz", db=store.path, clock=clock) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No script has an id starting with 'zzzz'" in err


def test_check_file_flagged(tmp_path: Path, clock: ManualClock, capsys: Any) -> None:
    message = tmp_path / "msg.txt"
    message.write_text("Hi.\nYou never call when you say you will.\n")
    assert cli("check", str(message), db=tmp_path / "db.json", clock=clock) == 1
    out = capsys.readouterr().out
    assert "2:1  “You never”  (absolutes)" in out
    assert "Try: Name one moment" in out
    assert not (tmp_path / "db.json").exists()


def test_check_calm_stdin(
    tmp_path: Path, clock: ManualClock, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("I never want to lose this.\n"))
    assert cli("check", "-", db=tmp_path / "db.json", clock=clock) == 0
    assert "Reads calm" in capsys.readouterr().out


def test_check_missing_file_exit_2(tmp_path: Path, clock: ManualClock, capsys: Any) -> None:
    assert cli("check", str(tmp_path / "nope.txt"), db=tmp_path / "db.json", clock=clock) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err


def test_check_as_a_real_process_reading_stdin(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "trusttui", "--db", str(tmp_path / "d.json"), "check"],
        input="Whatever. You made me late.",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "“Whatever”" in result.stdout and "“You made me”" in result.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "trusttui", "script", "show"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_script_opens_the_builder(
    tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def fake_run_app(ctx: Any, **kwargs: Any) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr("trusttui.commands.script.run_app", fake_run_app)
    assert cli("script", db=tmp_path / "db.json", clock=clock) == 0
    assert seen == {"mode": "scripts", "options": {"scripts": "new"}}
