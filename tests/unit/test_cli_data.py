"""`trusttui export`, `import` and `forget` from the command line."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest

from trusttui.cli import main
from trusttui.core.clock import ManualClock
from trusttui.core.journal import add_entry, all_entries
from trusttui.core.store import Store

Capsys = pytest.CaptureFixture[str]


def cli(db: Path, clock: ManualClock, *args: str) -> int:
    return main(["--db", str(db), *args], clock=clock)


def test_export_to_stdout_and_to_a_private_file(
    store: Store, clock: ManualClock, tmp_path: Path, capsys: Capsys
) -> None:
    add_entry(store, "win", "a kind word")
    assert cli(store.path, clock, "export") == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["tables"]["journal"][0]["text"] == "a kind word"
    target = tmp_path / "out.md"
    assert cli(store.path, clock, "export", "--format", "md", "-o", str(target)) == 0
    assert "a kind word" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Wrote your md export" in capsys.readouterr().err


def test_export_then_import_round_trip(
    store: Store, clock: ManualClock, tmp_path: Path, capsys: Capsys
) -> None:
    add_entry(store, "win", "one")
    add_entry(store, "reflection", "two")
    target = tmp_path / "all.json"
    assert cli(store.path, clock, "export", "-o", str(target)) == 0
    other = tmp_path / "other.json"
    assert cli(other, clock, "import", str(target)) == 0
    assert "Added 2 records" in capsys.readouterr().out
    assert cli(other, clock, "import", str(target)) == 0
    assert "Nothing new" in capsys.readouterr().out
    assert all_entries(Store(other).read()) == all_entries(store.read())


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["import", "/nonexistent/x.json"], "no file"),
        (["import", "/"], "is a folder"),
        (["export", "-o", "/nonexistent/dir/x.json"], "does not exist"),
    ],
)
def test_mistakes_exit_2_with_one_line(
    store: Store, clock: ManualClock, capsys: Capsys, args: list[str], words: str
) -> None:
    assert cli(store.path, clock, *args) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_an_unknown_format_is_a_usage_mistake(
    store: Store, clock: ManualClock, capsys: Capsys
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli(store.path, clock, "export", "--format", "pdf")
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_export_refuses_to_overwrite_the_data_file(
    store: Store, clock: ManualClock, capsys: Capsys
) -> None:
    add_entry(store, "win", "precious")
    before = store.path.read_bytes()
    assert cli(store.path, clock, "export", "-o", str(store.path)) == 2
    assert store.path.read_bytes() == before
    assert "own data file" in capsys.readouterr().err


def test_import_of_a_broken_file_changes_nothing(
    store: Store, clock: ManualClock, tmp_path: Path, capsys: Capsys
) -> None:
    add_entry(store, "win", "kept")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "trusttui-export", "schema": 2, "tables": {"journal": [{}]}}')
    before = store.path.read_bytes()
    assert cli(store.path, clock, "import", str(bad)) == 2
    assert store.path.read_bytes() == before
    assert "nothing was imported" in capsys.readouterr().err


def test_forget_asks_for_the_typed_word(
    store: Store, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    add_entry(store, "win", "x")
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert cli(store.path, clock, "forget") == 2
    assert store.path.exists()
    assert "Nothing was erased" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("forget\n"))
    assert cli(store.path, clock, "forget") == 0
    assert list(store.path.parent.iterdir()) == []
    assert "Erased" in capsys.readouterr().out


def test_forget_yes_for_scripts_and_nothing_to_erase(
    store: Store, clock: ManualClock, capsys: Capsys
) -> None:
    add_entry(store, "win", "x")
    assert cli(store.path, clock, "forget", "--yes") == 0
    assert not store.path.exists() and not store.lock_path.exists()
    assert cli(store.path, clock, "forget", "--yes") == 0
    assert "nothing to erase" in capsys.readouterr().out
