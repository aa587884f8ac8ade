"""`trusttui promise ...`: round trips from the shell, and mistakes that save nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from trusttui.cli import main
from trusttui.core.clock import ManualClock
from trusttui.core.promises import all_promises
from trusttui.core.store import Store

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(db_path: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]) -> Cli:
    def run(*args: str) -> tuple[int, str, str]:
        status = main(["--db", str(db_path), "promise", *args], clock=clock)
        out, err = capsys.readouterr()
        return status, out, err

    return run


def stored(db_path: Path) -> list[dict[str, object]]:
    if not db_path.exists():
        return []
    return list(json.loads(db_path.read_text()).get("promises", {}).values())


def test_add_prints_short_id_and_due_as_understood(cli: Cli, db_path: Path) -> None:
    status, out, _ = cli("add", "Call", "Sam", "back", "--due", "tomorrow 7pm", "--to", "Sam")
    assert status == 0
    (doc,) = stored(db_path)
    assert out.strip() == f"{str(doc['id'])[:4]}  due Saturday 28 November, 19:00 (tomorrow 19:00)"
    assert doc["text"] == "Call Sam back" and doc["to"] == "Sam"
    assert doc["due"] == "2026-11-28T19:00:00+01:00"


def test_add_with_a_repeat(cli: Cli, db_path: Path) -> None:
    status, out, _ = cli("add", "Bins out", "--due", "tue 8pm", "--every", "every tuesday")
    assert status == 0 and out.strip().endswith("(Tue 20:00), every Tuesday")
    assert stored(db_path)[0]["every"] == "FREQ=WEEKLY;BYDAY=TU"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "", "--due", "today 18:00"], "Write what you promise"),
        (["add", "   ", "--due", "today 18:00"], "Write what you promise"),
        (["add", "x", "--due", "in 3 dayz"], "Could not read 'in 3 dayz'"),
        (["add", "x", "--due", "soon"], "Could not read 'soon'"),
        (["add", "x", "--due", "today 18:00", "--every", "sometimes"], "as a repeat"),
        (["add", "x"], "--due"),
        (["kept", "abcd"], "No promise has an id starting with 'abcd'"),
        (["move", "abcd", "--due", "tomorrow"], "No promise"),
    ],
)
def test_mistakes_exit_2_and_save_nothing(
    cli: Cli, db_path: Path, args: list[str], message: str
) -> None:
    try:
        status, _, err = cli(*args)
    except SystemExit as stop:  # argparse usage errors
        status, err = int(stop.code or 0), ""
    assert status == 2
    assert message in err or not err
    assert stored(db_path) == []


def test_list_open_all_and_json(cli: Cli, db_path: Path, clock: ManualClock) -> None:
    cli("add", "[bold]x[/] [/]", "--due", "today 18:00")
    cli("add", "Book the table", "--due", "fri 9am")
    first = next(d for d in stored(db_path) if d["text"] == "Book the table")
    assert cli("kept", str(first["id"])[:6])[0] == 0
    status, out, _ = cli("list")
    assert status == 0
    assert "[bold]x[/] [/]" in out and "in 4 h" in out and "Book the table" not in out
    _, out, _ = cli("list", "--all")
    assert "kept" in out and "Book the table" in out
    _, out, _ = cli("list", "--all", "--json")
    docs = json.loads(out)
    assert sorted(d["text"] for d in docs) == ["Book the table", "[bold]x[/] [/]"]
    assert docs == sorted(stored(db_path), key=lambda d: str(d["due"]))
    _, out, _ = cli("list", "--json")
    assert [d["text"] for d in json.loads(out)] == ["[bold]x[/] [/]"]


def test_empty_list_says_how_to_begin(cli: Cli) -> None:
    status, out, _ = cli("list")
    assert status == 0 and "trusttui promise add" in out
    assert json.loads(cli("list", "--json")[1]) == []


def test_kept_now_at_a_time_and_the_run_noticed(
    cli: Cli, db_path: Path, clock: ManualClock
) -> None:
    for n in range(3):
        cli("add", f"Promise {n}", "--due", "today 18:00")
    ids = [str(d["id"]) for d in stored(db_path)]
    status, out, _ = cli("kept", ids[0], "--at", "1 hour ago")
    assert status == 0 and "Kept" in out
    kept = next(d for d in stored(db_path) if d["id"] == ids[0])
    assert kept["status"] == "kept" and kept["kept_at"] == "2026-11-27T13:30:00+01:00"
    cli("kept", ids[1])
    _, out, _ = cli("kept", ids[2])
    assert "3 kept on time in a row." in out
    status, _, err = cli("kept", ids[0])
    assert status == 2 and "already kept" in err


def test_kept_at_a_future_time_is_refused(cli: Cli, db_path: Path) -> None:
    cli("add", "x", "--due", "today 18:00")
    status, _, err = cli("kept", str(stored(db_path)[0]["id"]), "--at", "in 2 hours")
    assert status == 2 and "still ahead" in err
    assert stored(db_path)[0]["status"] == "open"


def test_missed_is_kind_and_release_is_not_held_against_anyone(cli: Cli, db_path: Path) -> None:
    cli("add", "One", "--due", "today 18:00")
    cli("add", "Two", "--due", "today 19:00")
    one, two = (str(d["id"]) for d in sorted(stored(db_path), key=lambda d: str(d["text"])))
    _, out, _ = cli("missed", one)
    assert "not a verdict" in out and "What got in the way?" in out
    _, out, _ = cli("release", two)
    assert "not held against anyone" in out
    assert {d["status"] for d in stored(db_path)} == {"missed", "released"}
    _, out, _ = cli("reopen", one)
    assert "Open again" in out


def test_move_with_a_reason(cli: Cli, db_path: Path) -> None:
    cli("add", "Call Sam", "--due", "today 18:00")
    promise_id = str(stored(db_path)[0]["id"])
    status, out, _ = cli("move", promise_id[:5], "--due", "sun noon", "--reason", "Sam is away")
    assert status == 0 and "Moved to Sunday 29 November, 12:00" in out
    doc = stored(db_path)[0]
    assert doc["due"] == "2026-11-29T12:00:00+01:00"
    assert doc["history"][-1] == {  # type: ignore[index]
        "event": "moved",
        "at": "2026-11-27T14:30:00+01:00",
        "old": "2026-11-27T18:00:00+01:00",
        "new": "2026-11-29T12:00:00+01:00",
        "reason": "Sam is away",
    }


def test_promise_alone_opens_the_board(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "trusttui.commands.promise.run_app", lambda ctx, mode: opened.append(mode) or 0
    )
    assert cli()[0] == 0 and opened == ["promises"]


def test_ambiguous_prefix_exits_2(cli: Cli, db_path: Path, store: Store) -> None:
    for n in range(40):
        cli("add", f"p{n}", "--due", "tomorrow")
    ids = [p.id for p in all_promises(store.read())]
    shared = next(a[:1] for a in ids if sum(b.startswith(a[:1]) for b in ids) > 1)
    status, _, err = cli("kept", shared)
    assert status == 2 and "type a few more characters" in err
    assert all(p.is_open for p in all_promises(store.read()))
