"""The shared file under load: two writers at once, and a writer killed mid-write.

When run as root, the second writer is the partner: another uid in the group.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from tests.sharing import IS_ROOT, PARTNER_UID, some_group, traversable_dir
from trusttui.core import promises, share
from trusttui.core.share import SharedStore


@pytest.fixture
def board() -> Iterator[SharedStore]:
    with traversable_dir() as parent:
        yield share.init_shared(parent / "board", some_group().gr_name)


def _add_many(path: str, count: int, tag: str, uid: int | None, gid: int) -> None:
    if uid is not None:
        os.setgroups([gid])
        os.setgid(gid)
        os.setuid(uid)
    store = SharedStore(path)
    for n in range(count):
        promises.add_promise(store, f"{tag} {n}", store.clock.now() + timedelta(days=1))


def test_two_processes_adding_200_promises_each_to_the_shared_board_end_with_400(
    board: SharedStore,
) -> None:
    gid = some_group().gr_gid
    ctx = multiprocessing.get_context("fork")
    writers = [("me", None), ("partner", PARTNER_UID if IS_ROOT else None)]
    children = [
        ctx.Process(target=_add_many, args=(str(board.path), 200, tag, uid, gid))
        for tag, uid in writers
    ]
    started = time.monotonic()
    for child in children:
        child.start()
    for child in children:
        child.join(120)
        assert child.exitcode == 0
    elapsed = time.monotonic() - started
    found = promises.all_promises(board.read(), shared=True)
    assert len(found) == 400 and len({p.id for p in found}) == 400
    for tag, _uid in writers:
        numbers = sorted(int(p.text.split()[1]) for p in found if p.text.startswith(tag))
        assert numbers == list(range(200))
    if IS_ROOT:
        assert {p.made_by for p in found} == {share.current_user(), str(PARTNER_UID)}
    assert stat.S_IMODE(board.path.stat().st_mode) == 0o660
    assert board.path.stat().st_gid == gid
    assert elapsed < 60


WRITER = """
import sys
from datetime import timedelta
from trusttui.core import promises
from trusttui.core.share import SharedStore
store = SharedStore(sys.argv[1])
n = 0
while True:
    promise = promises.add_promise(
        store, "x" * 400 + str(n), store.clock.now() + timedelta(days=1)
    )
    print(promise.id, flush=True)
    n += 1
"""


def test_a_writer_killed_mid_write_leaves_a_readable_0660_file_with_every_acknowledged_write(
    board: SharedStore,
) -> None:
    gid = board.path.stat().st_gid
    acknowledged: list[str] = []
    for delay in (0.05, 0.13, 0.21, 0.29, 0.37):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(board.path)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(delay + 0.3)  # past interpreter start-up, into the write loop
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        lines = out.split()
        share.open_shared(board.path.parent)  # tidies leftovers; raises if unreadable
        ids = {p.id for p in promises.all_promises(board.read(), shared=True)}
        assert set(lines) <= ids
        acknowledged += lines
        assert board.temp_files() == []
        for path in (board.path, board.lock_path, *board.backups()):
            assert stat.S_IMODE(path.stat().st_mode) == 0o660, path
            assert path.stat().st_gid == gid, path
    assert len(acknowledged) > 5, "the writer never got going"
    assert share.status(board.path.parent).problems == ()
