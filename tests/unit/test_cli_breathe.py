"""`trusttui breathe`: the pattern list, errors as one line with exit 2, and what opens the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from trusttui import cli
from trusttui.commands import breathe
from trusttui.core.breath_patterns import save_pattern
from trusttui.core.breath_prefs import Choice, save_bell, save_choice
from trusttui.core.breathing import Length
from trusttui.core.clock import ManualClock
from trusttui.core.store import Store


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Stands in for the app: records how it would have been opened."""
    calls: list[dict[str, Any]] = []

    def fake_run_app(ctx: Any, **kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    monkeypatch.setattr(breathe, "run_app", fake_run_app)
    return calls


def run(db_path: Path, clock: ManualClock, *argv: str) -> int:
    return cli.main(["--db", str(db_path), "breathe", *argv], clock=clock)


def test_list_prints_every_pattern_with_its_timings(
    db_path: Path, clock: ManualClock, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    save_pattern(store, "evening", "4", "2", "7", "0")
    assert run(db_path, clock, "--list") == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split()[0] for line in lines]
    assert names == ["calm", "box", "478", "coherent", "sigh", "evening"]
    assert lines[0].endswith("10 s  (default)")
    assert "in 4 · hold 7 · out 8" in lines[2] and lines[2].endswith("19 s")
    assert "in 3 · top-up 1 · out 8" in lines[4]
    assert lines[5].endswith("13 s  (yours)")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--pattern", "nope"], "no breathing pattern called 'nope'"),
        (["--minutes", "zero"], "--minutes wants a number"),
        (["--minutes", "0"], "--minutes must be above 0"),
        (["--minutes", "61"], "at most 60"),
        (["--minutes", "nan"], "--minutes must be above 0"),
        (["--cycles", "2.5"], "--cycles wants a whole number"),
        (["--cycles", "0"], "--cycles must be between 1 and 300"),
        (["--minutes", "2", "--cycles", "3"], "not allowed with argument"),
    ],
)
def test_bad_input_is_one_line_on_stderr_exit_2_and_writes_nothing(
    db_path: Path,
    clock: ManualClock,
    opened: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    try:
        status = run(db_path, clock, *argv)
    except SystemExit as stopped:  # argparse's own check of the numbers
        status = int(str(stopped.code))
    assert status == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert opened == [] and not db_path.exists()


def test_argparse_errors_exit_with_status_2(db_path: Path, clock: ManualClock) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(db_path, clock, "--cycles", "x")
    assert stopped.value.code == 2


def test_opens_straight_into_a_session(
    db_path: Path, clock: ManualClock, opened: list[dict[str, Any]]
) -> None:
    assert run(db_path, clock, "--pattern", "BOX", "--cycles", "4", "--no-bell", "--rate") == 0
    assert opened == [
        {
            "mode": "breathe",
            "options": {
                "pattern": "box",
                "minutes": None,
                "cycles": 4,
                "bell": False,
                "rate": True,
            },
            "one_shot": True,
        }
    ]


def test_defaults_are_the_last_choice_and_the_saved_bell(
    db_path: Path, clock: ManualClock, store: Store, opened: list[dict[str, Any]]
) -> None:
    assert run(db_path, clock) == 0
    assert opened[-1]["options"] == {
        "pattern": "calm",
        "minutes": 2,
        "cycles": None,
        "bell": True,
        "rate": False,
    }
    save_choice(store, Choice("sigh", Length(minutes=3)))
    save_bell(store, False)
    assert run(db_path, clock, "--minutes", "1.5") == 0
    assert opened[-1]["options"]["pattern"] == "sigh"
    assert opened[-1]["options"]["minutes"] == 1.5
    assert opened[-1]["options"]["bell"] is False
    save_choice(store, Choice("gone", Length(cycles=3)))
    assert run(db_path, clock) == 0
    assert opened[-1]["options"]["pattern"] == "calm"
    assert opened[-1]["options"]["cycles"] == 3
