"""`trusttui feel` on the command line: record, list, and refuse bad input cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trusttui.cli import main
from trusttui.core.clock import ManualClock
from trusttui.core.feelings import all_checkins
from trusttui.core.store import Store


def feel(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trusttui", "--db", str(db), "feel", *args],
        capture_output=True,
        text=True,
    )


def test_record_words_intensity_note_and_tags(
    db_path: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [
            *("--db", str(db_path), "feel", "hurt", "let down", "--intensity", "7"),
            *("--note", "[bold]Dinner[/] plans, again", "--tag", "partner", "--tag", "Home"),
        ],
        clock=clock,
    )
    assert status == 0
    out = capsys.readouterr().out
    assert out.startswith("Saved: hurt, let down (intensity 7).")
    assert "“Let down” often says what someone did" in out
    [saved] = all_checkins(Store(db_path).read())
    assert saved.words == ("hurt", "let down")
    assert (saved.intensity, saved.note, saved.tags) == (
        7,
        "[bold]Dinner[/] plans, again",
        ("partner", "home"),
    )
    assert saved.at == clock.now()


def test_unquoted_multi_word_feelings_and_default_intensity(db_path: Path) -> None:
    result = feel(db_path, "let", "down,", "on", "edge")
    assert result.returncode == 0, result.stderr
    [saved] = all_checkins(Store(db_path).read())
    assert saved.words == ("let down", "on edge") and saved.intensity == 5


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["hurtt"], "Closest: hurt"),
        (["dissapointed", "calm"], "Closest: disappointed"),
        (["hurt", "--intensity", "11"], "1 (barely there) to 10"),
        (["hurt", "--intensity", "0"], "1 (barely there) to 10"),
        (["hurt", "--intensity", "lots"], "whole number"),
        (["--intensity", "4"], "at least one feeling"),
        (["--json"], "--json goes with --list"),
    ],
)
def test_mistakes_exit_2_with_one_line_and_write_nothing(
    db_path: Path, args: list[str], expected: str
) -> None:
    result = feel(db_path, *args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not db_path.exists()


def test_list_prints_every_word_with_family_ring_and_meaning(db_path: Path) -> None:
    result = feel(db_path, "--list")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["WORD", "FAMILY", "RING", "MEANING"]
    assert len(lines) > 110
    assert any(line.startswith("let down ") and " Sad " in line for line in lines)
    assert not db_path.exists()


def test_list_json_is_a_list_of_word_family_ring_meaning(db_path: Path) -> None:
    result = feel(db_path, "--list", "--json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert len(rows) >= 110
    assert all(set(row) == {"word", "family", "ring", "meaning"} for row in rows)
    betrayed = next(row for row in rows if row["word"] == "betrayed")
    assert betrayed == {
        "word": "betrayed",
        "family": "Sad",
        "ring": 3,
        "meaning": betrayed["meaning"],
    }
    assert isinstance(betrayed["ring"], int) and betrayed["meaning"]


def test_help_explains_multi_word_feelings() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "trusttui", "feel", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert '"let down"' in result.stdout and "quoted" in result.stdout


def test_feel_alone_opens_the_wheel(
    db_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "trusttui.commands.feel.run_app", lambda ctx, mode: opened.append(mode) or 0
    )
    assert main(["--db", str(db_path), "feel"], clock=clock) == 0
    assert opened == ["feel"]
