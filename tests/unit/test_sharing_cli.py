"""The command line with a shared board: add --shared, list both, ids across files, today."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.sharing import traversable_dir
from trusttui.cli import main
from trusttui.core.clock import ManualClock
from trusttui.core.places import Places
from trusttui.core.scripts import new_script
from trusttui.core.store import Store

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def board_dir() -> Iterator[Path]:
    with traversable_dir() as parent:
        yield parent / "board"


@pytest.fixture
def cli(db_path: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]) -> Cli:
    def run(*args: str) -> tuple[int, str, str]:
        status = main(["--db", str(db_path), *args], clock=clock)
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture
def linked_cli(cli: Cli, board_dir: Path) -> Cli:
    assert cli("share", "init", str(board_dir))[0] == 0
    return cli


def test_add_shared_needs_a_link(cli: Cli, db_path: Path) -> None:
    status, _, err = cli("promise", "add", "x", "--due", "today 18:00", "--shared")
    assert status == 2 and "not sharing with anyone yet" in err
    assert not db_path.exists() or "promises" not in json.loads(db_path.read_text())


def test_shared_and_private_promises_from_the_shell(
    linked_cli: Cli, board_dir: Path, db_path: Path
) -> None:
    cli = linked_cli
    status, out, _ = cli("promise", "add", "Dinner at Mum's", "--due", "today 19:00", "--shared")
    assert status == 0 and out.rstrip().endswith("(in 4 h) · shared")
    cli("promise", "add", "Call the bank", "--due", "today 18:00")
    shared_file = json.loads((board_dir / "shared.json").read_text())
    assert [d["text"] for d in shared_file["promises"].values()] == ["Dinner at Mum's"]
    assert [d["text"] for d in json.loads(db_path.read_text())["promises"].values()] == [
        "Call the bank"
    ]

    status, out, _ = cli("promise", "list")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 2
    assert lines[0].endswith("Call the bank") and lines[1].endswith("Dinner at Mum's · shared")

    docs = json.loads(cli("promise", "list", "--json")[1])
    assert [(d["text"], d["shared"]) for d in docs] == [
        ("Call the bank", False),
        ("Dinner at Mum's", True),
    ]
    shared_id = str(docs[1]["id"])
    status, out, _ = cli("promise", "kept", shared_id[:6])
    assert status == 0 and "Kept" in out
    shared_file = json.loads((board_dir / "shared.json").read_text())
    (doc,) = shared_file["promises"].values()
    assert doc["status"] == "kept" and "shared" not in doc
    status, _, err = cli("promise", "missed", "zzzz")
    assert status == 2 and "No promise has an id starting with 'zzzz'" in err


def test_an_ambiguous_prefix_across_files_exits_2(linked_cli: Cli) -> None:
    for n in range(30):
        flags = ["--shared"] if n % 2 else []
        linked_cli("promise", "add", f"p{n}", "--due", "tomorrow", *flags)
    docs = json.loads(linked_cli("promise", "list", "--json")[1])
    across = next(
        d["id"][:1]
        for d in docs
        if len({e["shared"] for e in docs if e["id"].startswith(d["id"][:1])}) == 2
    )
    status, _, err = linked_cli("promise", "kept", across)
    assert status == 2 and "type a few more characters" in err


def test_today_counts_both(linked_cli: Cli) -> None:
    linked_cli("promise", "add", "a", "--due", "today 18:00")
    linked_cli("promise", "add", "b", "--due", "today 19:00", "--shared")
    linked_cli("promise", "add", "c", "--due", "today 9:00", "--shared")
    status, out, _ = linked_cli("today")
    assert status == 0 and out.startswith("2 promises due today · 1 overdue")


def test_script_list_marks_shared_ones(linked_cli: Cli, store: Store) -> None:
    places = Places.of(store)
    assert places.shared is not None
    new_script(store, "hurt", "Only mine")
    shared = new_script(places.shared, "repair", "Ours")
    status, out, _ = linked_cli("script", "list")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 2
    assert any(line.endswith("shared  Ours") for line in lines)
    assert any(line.endswith("        Only mine") for line in lines)
    status, out, _ = linked_cli("script", "show", shared.id[:6])
    assert status == 0 and out.startswith("Ours\n")


def test_a_board_out_of_reach_is_said_once_and_your_own_still_work(
    linked_cli: Cli, board_dir: Path
) -> None:
    linked_cli("promise", "add", "mine", "--due", "today 18:00")
    (board_dir / "shared.json").unlink()
    status, out, err = linked_cli("promise", "list")
    assert status == 0 and "mine" in out
    assert err.count("\n") == 1 and "shared board is out of reach" in err
