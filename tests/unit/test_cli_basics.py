"""The command line: mistakes are one line and exit 2; doctor and demo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trusttui.cli import main
from trusttui.core.clock import ManualClock
from trusttui.core.store import Store


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trusttui", *args], capture_output=True, text=True, env=env
    )


@pytest.mark.parametrize(
    "args", [["--nope"], ["demo", "--years", "x"], ["demo", "--years", "99"], ["nonsense"]]
)
def test_usage_mistakes_are_one_line_and_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("trusttui ")


def test_corrupt_file_is_refused_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    result = run("--db", str(bad), "doctor")
    assert result.returncode == 1
    assert "not valid JSON" in result.stdout
    result = run("--db", str(bad))  # the app refuses to start, no traceback
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "trusttui doctor" in result.stderr
    assert bad.read_text() == "{oops"


def test_db_flag_wins_over_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUSTTUI_DB", str(tmp_path / "env.json"))
    assert main(["--db", str(tmp_path / "flag.json"), "doctor"]) == 0
    assert "flag.json" in capsys.readouterr().out
    assert main(["doctor"]) == 0
    assert "env.json" in capsys.readouterr().out


def test_doctor_restores_newest_good_backup(
    tmp_path: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.json"
    store = Store.open(path, clock=clock)
    with store.transaction() as db:
        db.table("things").insert({"id": "a1", "text": "first"})
    clock.advance(86400)
    with store.transaction() as db:  # makes today's backup holding "first"
        db.table("things").insert({"id": "b2", "text": "second"})
    path.write_text("{broken")
    assert main(["--db", str(path), "doctor"], clock=clock) == 1
    assert main(["--db", str(path), "doctor", "--restore-latest"], clock=clock) == 0
    out = capsys.readouterr().out
    assert "Restored" in out
    assert [d["id"] for d in Store.open(path).read().table("things").all()] == ["a1"]
    kept = list(tmp_path.glob("t.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{broken"


def test_doctor_flags_a_readable_by_others_file(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    store = Store.open(path)
    with store.transaction() as db:
        db.table("things").insert({"id": "a1"})
    path.chmod(0o644)
    result = run("--db", str(path), "doctor")
    assert result.returncode == 1 and "0644" in result.stdout


def test_demo_out_writes_a_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    assert run("demo", "--out", str(out)).returncode == 0
    data = json.loads(out.read_text())
    assert any(doc.get("demo") for doc in data["meta"].values())
    result = run("demo", "--out", str(out))
    assert result.returncode == 2 and "already exists" in result.stderr


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    result = subprocess.run(
        f"{sys.executable} -m trusttui --db {tmp_path / 't.json'} feel --list | true",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
