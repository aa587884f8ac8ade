"""Shared and private promises and scripts: where they land, how they read, how they move."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from tests.sharing import linked, traversable_dir
from trusttui.core import promises as repo
from trusttui.core import scripts, share, sharing
from trusttui.core.breath_log import log_breath
from trusttui.core.clock import ManualClock
from trusttui.core.errors import InputError, NotFoundError, StoreError
from trusttui.core.feelings import add_checkin
from trusttui.core.places import Places
from trusttui.core.settings import save_setting
from trusttui.core.store import Store
from trusttui.core.today import today_line

ME = share.current_user()


@pytest.fixture
def board_dir() -> Iterator[Path]:
    with traversable_dir() as parent:
        yield parent / "board"


@pytest.fixture
def places(store: Store, board_dir: Path) -> Places:
    return linked(store, board_dir)


def tables(path: Path) -> dict[str, dict[str, dict[str, object]]]:
    return orjson.loads(path.read_bytes())  # type: ignore[no-any-return]


def texts(path: Path, table: str = "promises") -> list[str]:
    return sorted(str(doc["text"]) for doc in tables(path).get(table, {}).values())


def add(places: Places, text: str, shared: bool = False, hours: float = 2) -> repo.Promise:
    due = places.private.clock.now() + timedelta(hours=hours)
    return sharing.add_promise(places, text, due, shared=shared)


def test_shared_promises_live_in_the_shared_file_and_read_together(places: Places) -> None:
    mine = add(places, "Water the plants")
    ours = add(places, "Dinner with your parents", shared=True, hours=1)
    assert places.shared is not None
    assert texts(places.private.path) == ["Water the plants"]
    assert texts(places.shared.path) == ["Dinner with your parents"]
    assert (mine.shared, ours.shared) == (False, True)
    together = sharing.read_promises(places)
    assert [(p.text, p.shared) for p in together] == [
        ("Dinner with your parents", True),
        ("Water the plants", False),
    ]
    (doc,) = tables(places.shared.path)["promises"].values()
    assert "shared" not in doc  # where it lives is never stored


def test_the_shared_file_only_ever_holds_promises_and_scripts(places: Places) -> None:
    """A whole session's worth of writes, then the shared file's tables are checked."""
    private, shared = places.private, places.shared
    assert shared is not None
    now = private.clock.now()
    add(places, "Pick up the kids", shared=True)
    add(places, "Call the bank")
    script = scripts.new_script(shared, "hurt", "Saturday")
    scripts.save_steps(shared, script, {"happened": "We missed the train."})
    add_checkin(private, ["hurt"], 6, note="a hard morning")
    log_breath(
        private, pattern="calm", started=now, ended=now, seconds=60, cycles=6, completed=True
    )
    save_setting(private, "theme", "ansi-dark")
    sharing.share_script(places, scripts.new_script(private, "repair").id, True)
    assert set(tables(shared.path)) <= share.SHARED_TABLES
    assert {"feelings", "breaths", "settings"} <= set(tables(private.path))
    before = shared.path.read_bytes()
    for write in (
        lambda: save_setting(shared, "theme", "x"),
        lambda: add_checkin(shared, ["hurt"], 3),
    ):
        with pytest.raises(StoreError, match="Only promises and scripts go to the shared"):
            write()
    assert shared.path.read_bytes() == before


def test_every_event_records_who_did_it(places: Places, clock: ManualClock) -> None:
    promise = add(places, "Fix the gate", shared=True)
    clock.advance(60)
    store, promise_id = sharing.promise_home(places, promise.id[:6])
    repo.edit(store, promise_id, text="Fix the garden gate")
    repo.move(store, promise_id, clock.now() + timedelta(days=1), "rain")
    repo.keep(store, promise_id)
    kept = repo.reopen(store, promise_id).promise
    assert [e.event for e in kept.history] == ["created", "edited", "moved", "kept", "reopened"]
    assert {e.by for e in kept.history} == {ME}
    assert kept.made_by == ME and kept.shared


def test_ids_resolve_across_both_files(places: Places) -> None:
    made = [add(places, f"p{n}", shared=n % 2 == 0) for n in range(40)]
    for promise in made:
        store, full = sharing.promise_home(places, promise.id[:8])
        assert full == promise.id and (store is places.shared) == promise.shared
    ids = [p.id for p in made]
    across = next(
        a[:1] for a in ids if len({p.shared for p in made if p.id.startswith(a[:1])}) == 2
    )  # a one-letter prefix matching promises in both files
    with pytest.raises(InputError, match="type a few more characters"):
        sharing.promise_home(places, across)
    with pytest.raises(NotFoundError, match="No promise has an id starting with 'zz'"):
        sharing.promise_home(places, "zz")


def test_sharing_and_taking_back_a_promise(places: Places, clock: ManualClock) -> None:
    promise = add(places, "Walk the dog")
    clock.advance(60)
    moved = sharing.share_promise(places, promise.id[:6], True)
    assert moved.shared and moved.updated == clock.now() and moved.history == promise.history
    assert texts(places.private.path) == [] and places.shared is not None
    assert texts(places.shared.path) == ["Walk the dog"]
    back = sharing.share_promise(places, promise.id, False)
    assert not back.shared and texts(places.private.path) == ["Walk the dog"]
    assert texts(places.shared.path) == []


def test_sharing_a_script_names_who_made_and_changed_it(places: Places) -> None:
    private_doc_keys = {"id", "title", "flow", "steps", "created", "updated", "outcome"}
    script = scripts.new_script(places.private, "hurt", "About Sunday")
    shared = sharing.share_script(places, script.id, True)
    assert shared.shared and (shared.created_by, shared.updated_by) == (ME, ME)
    assert places.shared is not None
    (doc,) = tables(places.shared.path)["scripts"].values()
    assert doc["created_by"] == ME
    renamed = scripts.rename_script(places.shared, script.id, "About Sunday, again")
    assert renamed.updated_by == ME and renamed.shared
    back = sharing.share_script(places, script.id, False)
    (doc,) = tables(places.private.path)["scripts"].values()
    assert set(doc) == private_doc_keys and doc["title"] == "About Sunday, again"
    assert not back.shared
    assert [s.id for s in sharing.read_scripts(places)] == [script.id]


def test_only_the_maker_takes_a_shared_record_back(places: Places) -> None:
    shared = places.shared
    assert shared is not None
    promise = add(places, "Plan the trip", shared=True)
    with shared.transaction() as db:
        (doc,) = db.table("promises").all()
        history = [{**doc["history"][0], "by": "sam"}]
        db.table("promises").update({"history": history})
    with pytest.raises(InputError, match="sam made this promise; only they can take it off"):
        sharing.share_promise(places, promise.id, False)
    assert texts(shared.path) == ["Plan the trip"]
    script = scripts.new_script(shared, "hurt")
    with shared.transaction() as db:
        db.table("scripts").update({"created_by": "sam"})
    with pytest.raises(InputError, match="sam made this script"):
        sharing.share_script(places, script.id, False)


def test_not_linked_or_out_of_reach(store: Store, board_dir: Path) -> None:
    alone = Places.of(store)
    assert not alone.linked and alone.problem is None
    with pytest.raises(InputError, match="not sharing with anyone yet"):
        add(alone, "x", shared=True)
    places = linked(store, board_dir)
    assert places.shared is not None
    places.shared.path.unlink()
    lost = Places.of(store)
    assert not lost.linked and lost.problem and "out of reach" in lost.problem
    add(lost, "still mine")  # your own promises still work
    with pytest.raises(InputError, match="out of reach"):
        add(lost, "x", shared=True)


def test_the_merged_snapshot_counts_both_for_today(places: Places, clock: ManualClock) -> None:
    add(places, "call the plumber", hours=2)
    add(places, "pick up Sam", shared=True, hours=3)
    add(places, "send the form", shared=True, hours=-1)
    line = today_line(places.read(), clock.now())
    assert line.startswith("2 promises due today · 1 overdue")


# -- moving safely ------------------------------------------------------------------------------


def _move_and_die_between(path: str, promise_id: str) -> None:
    """In a child: share a promise, but die once the shared copy is written."""
    places = Places.of(Store(path))

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    places.private.transaction = die  # type: ignore[method-assign,assignment]
    sharing.share_promise(places, promise_id, True)


def test_a_move_killed_halfway_leaves_a_duplicate_never_a_loss(places: Places) -> None:
    promise = add(places, "Call your mum")
    other = add(places, "Stays private")
    child = multiprocessing.get_context("fork").Process(
        target=_move_and_die_between, args=(str(places.private.path), promise.id)
    )
    child.start()
    child.join(10)
    assert child.exitcode == -signal.SIGKILL
    assert places.shared is not None
    assert texts(places.private.path) == ["Call your mum", "Stays private"]
    assert texts(places.shared.path) == ["Call your mum"]
    shown = sharing.read_promises(places)
    assert sorted((p.text, p.shared) for p in shown) == [
        ("Call your mum", True),
        (other.text, False),
    ]
    assert sharing.promise_home(places, promise.id[:6])[0] is places.shared
    assert today_line(places.read(), places.private.clock.now()).startswith("2 promises due")
    back = sharing.share_promise(places, promise.id, False)  # finishing a move the other way
    assert not back.shared and texts(places.shared.path) == []
    assert texts(places.private.path) == ["Call your mum", "Stays private"]


def test_a_change_made_during_a_move_is_carried_along(
    places: Places, monkeypatch: pytest.MonkeyPatch
) -> None:
    promise = add(places, "Book the table")
    shared = places.shared
    assert shared is not None
    original = type(shared).transaction
    edits = []

    def edit_once_after(self: share.SharedStore):  # type: ignore[no-untyped-def]
        cm = original(self)
        if not edits:
            edits.append(1)
            repo.edit(places.private, promise.id, notes="for four")  # lands meanwhile
        return cm

    monkeypatch.setattr(type(shared), "transaction", edit_once_after)
    moved = sharing.share_promise(places, promise.id, True)
    assert moved.notes == "for four" and moved.shared
    assert texts(places.private.path) == []
    (doc,) = tables(shared.path)["promises"].values()
    assert doc["notes"] == "for four"
