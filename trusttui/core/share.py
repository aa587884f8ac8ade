"""A store two partners share: promises and scripts both can see.

The shared file lives in its own directory, owned by a Unix group both
partners belong to: the directory is setgid 2770 (new files take its group),
the data file, its lock and its backups are 0660. Each partner's private file
keeps a link to it in the `share.path` setting. Feelings, breaths, check-ins
and the journal are never written to the shared file.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from dataclasses import dataclass
from pathlib import Path

from trusttui.core.clock import Clock
from trusttui.core.errors import InputError, StoreError
from trusttui.core.settings import get_setting, save_setting
from trusttui.core.store import Store

SHARED_NAME = "shared.json"
SHARED_FILE_MODE = 0o660
SHARED_DIR_MODE = 0o2770
LINK_SETTING = "share.path"
SHARED_TABLES = frozenset({"meta", "promises", "scripts"})
"""The only tables a shared file may hold."""


def current_user() -> str:
    """The Unix name of whoever runs this process."""
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


def shared_file(directory: Path) -> Path:
    return directory.expanduser().absolute() / SHARED_NAME


def open_shared(directory: Path, clock: Clock | None = None) -> Store:
    """The shared store in `directory`, checked."""
    path = shared_file(directory)
    if not path.exists():
        raise InputError(
            f"There is no shared board in {directory}; make one with `trusttui share init`."
        )
    return Store.open(path, clock=clock, file_mode=SHARED_FILE_MODE)


def init_shared(directory: Path, group: str | None, clock: Clock | None = None) -> Store:
    """Make `directory` a shared store for `group` (default: your primary group)."""
    try:
        gid = grp.getgrnam(group).gr_gid if group else os.getegid()
    except KeyError:
        raise InputError(f"There is no group called {group!r} on this machine.") from None
    directory = directory.expanduser().absolute()
    if shared_file(directory).exists():
        raise InputError(f"{directory} already holds a shared board; use `trusttui share join`.")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.chown(directory, -1, gid)
        os.chmod(directory, SHARED_DIR_MODE)
    except PermissionError:
        raise InputError(
            f"Could not give {directory} to group {group or gid}: you need to own the "
            "directory and belong to the group."
        ) from None
    store = Store(shared_file(directory), clock=clock, file_mode=SHARED_FILE_MODE)
    with store.transaction() as db:
        db.table("meta").update({"shared": True})
    return store


def link(private: Store, directory: Path) -> Store:
    """Connect this account's private store to the shared board in `directory`."""
    shared = open_shared(directory, private.clock)
    save_setting(private, LINK_SETTING, str(shared.path.parent))
    return shared


def unlink(private: Store) -> None:
    save_setting(private, LINK_SETTING, None)


def linked_store(private: Store) -> Store | None:
    """The shared store this account is linked to, if any."""
    directory = get_setting(private.read(), LINK_SETTING)
    if not directory:
        return None
    return open_shared(Path(directory), private.clock)


@dataclass(frozen=True)
class ShareStatus:
    """What `trusttui share status` reports."""

    directory: Path
    group: str
    members: tuple[str, ...]
    dir_mode: int
    file_mode: int
    problems: tuple[str, ...]


def status(directory: Path) -> ShareStatus:
    """Check a shared directory's ownership and modes."""
    path = shared_file(directory)
    try:
        dir_stat = path.parent.stat()
        file_stat = path.stat()
    except OSError as error:
        raise StoreError(f"{path} cannot be checked ({error.strerror}).") from None
    try:
        group = grp.getgrgid(dir_stat.st_gid)
        group_name, members = group.gr_name, tuple(group.gr_mem)
    except KeyError:
        group_name, members = str(dir_stat.st_gid), ()
    problems = []
    dir_mode = stat.S_IMODE(dir_stat.st_mode)
    file_mode = stat.S_IMODE(file_stat.st_mode)
    if dir_mode != SHARED_DIR_MODE:
        problems.append(f"the directory is {dir_mode:04o}; it should be {SHARED_DIR_MODE:04o}")
    if file_mode != SHARED_FILE_MODE:
        problems.append(f"the file is {file_mode:04o}; it should be {SHARED_FILE_MODE:04o}")
    if file_stat.st_gid != dir_stat.st_gid:
        problems.append("the file's group differs from the directory's")
    return ShareStatus(path.parent, group_name, members, dir_mode, file_mode, tuple(problems))
