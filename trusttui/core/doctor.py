"""`trusttui doctor`: look the data file over and say plainly what is found."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

import orjson

from trusttui.core.errors import StoreError
from trusttui.core.store import SCHEMA, Store, schema_of, validate_layout


@dataclass(frozen=True)
class Finding:
    """One thing the doctor checked: fine (`ok`) or something to act on."""

    ok: bool
    text: str


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def diagnose(store: Store) -> list[Finding]:
    """Check the file, its schema, its permissions, leftovers and backups."""
    findings: list[Finding] = []
    path = store.path
    if not path.exists():
        findings.append(
            Finding(True, f"No data file yet at {path}; it is made when you first save something.")
        )
    else:
        try:
            loaded = store.load()
        except StoreError as error:
            findings.append(Finding(False, str(error)))
        else:
            assert loaded is not None
            raw = loaded[0]
            records = sum(len(table) for name, table in raw.items() if name != "meta")
            findings.append(
                Finding(True, f"{path} reads cleanly: {records} records, schema {schema_of(raw)}.")
            )
            if schema_of(raw) < SCHEMA:
                findings.append(
                    Finding(True, f"Schema {schema_of(raw)} is updated to {SCHEMA} on next open.")
                )
        mode = _mode(path)
        if mode != store.file_mode:
            findings.append(
                Finding(
                    False,
                    f"{path} has mode {mode:04o}; it should be {store.file_mode:04o} "
                    f"(chmod {store.file_mode:o} '{path}').",
                )
            )
        else:
            findings.append(Finding(True, f"Only you can read it (mode {mode:04o})."))
    leftovers = store.temp_files()
    if leftovers:
        findings.append(
            Finding(
                False,
                f"{len(leftovers)} temp file(s) from an interrupted write; "
                "they are removed the next time trusttui opens the file.",
            )
        )
    good = [backup for backup in store.all_backups() if _readable(backup)]
    if good:
        findings.append(Finding(True, f"{len(good)} backup(s); the newest is {good[0].name}."))
    else:
        findings.append(Finding(True, "No backups yet; one is made each day you save something."))
    return findings


def _readable(backup: Path) -> bool:
    try:
        validate_layout(orjson.loads(backup.read_bytes()), backup)
    except (OSError, orjson.JSONDecodeError, StoreError):
        return False
    return True


def newest_good_backup(store: Store) -> Path | None:
    """The most recent backup that reads as a trusttui file."""
    return next((b for b in store.all_backups() if _readable(b)), None)
