"""The shared board: modes, group ownership, partner access, outsiders kept out."""

from __future__ import annotations

import grp
import multiprocessing
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from trusttui.core import share
from trusttui.core.clock import ManualClock
from trusttui.core.errors import InputError
from trusttui.core.records import new_id
from trusttui.core.store import Store

IS_ROOT = os.geteuid() == 0
PARTNER_UID, OUTSIDER_UID = 50001, 50002


def _some_group() -> grp.struct_group:
    return next(g for g in grp.getgrall() if g.gr_gid != 0)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory other uids can traverse (pytest's tmp_path is 0700)."""
    parent = Path(tempfile.mkdtemp(prefix="trusttui-share-"))
    parent.chmod(0o755)
    yield parent / "board"
    shutil.rmtree(parent)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_makes_a_setgid_group_directory_and_0660_files(
    shared_dir: Path, clock: ManualClock
) -> None:
    group = _some_group() if IS_ROOT else grp.getgrgid(os.getegid())
    old_umask = os.umask(0o077)  # the strictest umask must not lock the partner out
    try:
        store = share.init_shared(shared_dir, group.gr_name, clock)
        for _ in range(3):
            clock.advance(86400)
            with store.transaction() as db:
                db.table("promises").insert({"id": new_id(), "text": "walk together"})
    finally:
        os.umask(old_umask)
    assert _mode(shared_dir) == 0o2770 and shared_dir.stat().st_mode & stat.S_ISGID
    files = [store.path, store.lock_path, *store.backups()]
    assert len(files) >= 4
    for path in files:
        assert _mode(path) == 0o660, path
        assert path.stat().st_gid == group.gr_gid, path
    assert share.status(shared_dir).problems == ()


def test_init_refuses_unknown_group_and_existing_board(shared_dir: Path) -> None:
    with pytest.raises(InputError, match="no group"):
        share.init_shared(shared_dir, "no-such-group-here", None)
    share.init_shared(shared_dir, None, None)
    with pytest.raises(InputError, match="already holds"):
        share.init_shared(shared_dir, None, None)


def test_link_and_unlink(shared_dir: Path, store: Store) -> None:
    share.init_shared(shared_dir, None, store.clock)
    assert share.linked_store(store) is None
    share.link(store, shared_dir)
    linked = share.linked_store(store)
    assert linked is not None and linked.path == shared_dir / "shared.json"
    share.unlink(store)
    assert share.linked_store(store) is None


def _as_user(
    uid: int, groups: list[int], action: str, path: str, queue: multiprocessing.Queue[str]
) -> None:
    os.setgroups(groups)
    os.setgid(groups[0] if groups else 65534)
    os.setuid(uid)
    try:
        if action == "write":
            shared = Store(path, file_mode=share.SHARED_FILE_MODE)
            with shared.transaction() as db:
                db.table("promises").insert({"id": new_id(), "text": "from partner"})
            queue.put("wrote")
        else:
            Path(path).read_bytes()
            queue.put("read")
    except PermissionError:
        queue.put("denied")


def _run_as(uid: int, groups: list[int], action: str, path: Path) -> str:
    ctx = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[str] = ctx.Queue()
    child = ctx.Process(target=_as_user, args=(uid, groups, action, str(path), queue))
    child.start()
    child.join(20)
    return queue.get(timeout=5)


@pytest.mark.skipif(not IS_ROOT, reason="needs root to act as two other users")
def test_partner_in_group_writes_and_outsider_cannot_read(shared_dir: Path) -> None:
    group = _some_group()
    store = share.init_shared(shared_dir, group.gr_name, None)
    assert _run_as(PARTNER_UID, [group.gr_gid], "write", store.path) == "wrote"
    assert _run_as(OUTSIDER_UID, [], "read", store.path) == "denied"
    texts = [doc["text"] for doc in store.read().table("promises").all()]
    assert texts == ["from partner"]
    assert _mode(store.path) == 0o660 and store.path.stat().st_gid == group.gr_gid
    # the partner's write left the file usable for the first account, too
    with store.transaction() as db:
        db.table("promises").insert({"id": new_id(), "text": "from me"})
    assert len(store.read().table("promises").all()) == 2


def test_share_commands_round_trip(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from trusttui.cli import main

    private = ["--db", str(tmp_path / "mine.json")]
    partner = ["--db", str(tmp_path / "theirs.json")]
    assert main([*private, "share", "status"]) == 0
    assert "Not sharing" in capsys.readouterr().out
    assert main([*private, "share", "init", str(shared_dir)]) == 0
    assert f"share join {shared_dir}" in capsys.readouterr().out
    assert main([*partner, "share", "join", str(shared_dir)]) == 0
    assert main([*partner, "share", "status"]) == 0
    assert "Modes: directory 2770, file 0660" in capsys.readouterr().out
    assert main([*partner, "share", "leave"]) == 0
    assert main([*partner, "share", "join", str(tmp_path / "nowhere")]) == 2
    assert "no shared board" in capsys.readouterr().err
