"""Helpers for tests of the shared board: a directory other uids can reach, a linked account."""

from __future__ import annotations

import grp
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from trusttui.core import share
from trusttui.core.places import Places
from trusttui.core.store import Store

IS_ROOT = os.geteuid() == 0
PARTNER_UID = 50001


def some_group() -> grp.struct_group:
    """A group to share with: any non-root group when root, else your own."""
    if IS_ROOT:
        return next(g for g in grp.getgrall() if g.gr_gid != 0)
    return grp.getgrgid(os.getegid())


@contextmanager
def traversable_dir() -> Iterator[Path]:
    """A fresh directory other uids can traverse (pytest's tmp_path is 0700)."""
    parent = Path(tempfile.mkdtemp(prefix="trusttui-share-"))
    parent.chmod(0o755)
    try:
        yield parent
    finally:
        shutil.rmtree(parent)


def linked(private: Store, directory: Path, group: str | None = None) -> Places:
    """Make a shared board in `directory` and link `private` to it."""
    share.init_shared(directory, group, private.clock)
    share.link(private, directory)
    places = Places.of(private)
    assert places.linked
    return places
