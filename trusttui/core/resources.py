"""Crisis contacts, kept in an editable file in the config directory.

The file (`resources.toml` in `paths.config_dir()`) is written with the shipped
default the first time it is needed, so the person can add local services. A
file that cannot be read never hides help: the default list is shown instead,
with a note saying what is wrong.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trusttui.core.paths import config_dir

FILE_NAME = "resources.toml"

DEFAULT_TEXT = """\
# Crisis contacts shown on trusttui's help and resources screen (Ctrl+R or h).
# Edit freely: add the services where you live, or remove ones you don't need.
# Each [[contact]] needs a name and how to reach it; "where" and "note" are optional.
# If this file cannot be read, trusttui shows its default list and says why.
# Delete the file to get the default list back.

[[contact]]
name = "Emergency services"
reach = "112"
where = "EU"

[[contact]]
name = "Emergency services"
reach = "911"
where = "US"

[[contact]]
name = "Suicide & Crisis Lifeline"
reach = "988 (call or text)"
where = "US"

[[contact]]
name = "Samaritans"
reach = "116 123"
where = "UK and Ireland"

[[contact]]
name = "National Domestic Violence Hotline"
reach = "1-800-799-7233"
where = "US"

[[contact]]
name = "Find a helpline"
reach = "findahelpline.com"
where = "other countries"
note = "Free, confidential helplines, searched by country."
"""


@dataclass(frozen=True)
class Contact:
    """Somewhere to turn: a name, how to reach it, where it serves, and a note."""

    name: str
    reach: str
    where: str = ""
    note: str = ""


@dataclass(frozen=True)
class Resources:
    """The contacts to show, the file they come from, and a note if it could not be used."""

    contacts: tuple[Contact, ...]
    path: Path
    problem: str | None = None


def resources_path() -> Path:
    """Where the editable contacts file lives."""
    return config_dir() / FILE_NAME


def parse_contacts(text: str) -> tuple[Contact, ...]:
    """Read contacts from the file's text; ValueError with a short reason when it can't."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"it is not valid TOML ({error})") from None
    raw = data.get("contact", [])
    if not isinstance(raw, list):
        raise ValueError("'contact' should be a list of [[contact]] tables")
    contacts = [_contact(index, item) for index, item in enumerate(raw, 1)]
    if not contacts:
        raise ValueError("it lists no contacts")
    return tuple(contacts)


def _contact(index: int, item: Any) -> Contact:
    if not isinstance(item, dict):
        raise ValueError(f"contact {index} is not a table")
    values: dict[str, str] = {}
    for key in ("name", "reach", "where", "note"):
        value = item.get(key, "")
        if not isinstance(value, str):
            raise ValueError(f"contact {index}: {key!r} should be text in quotes")
        values[key] = value.strip()
    if not values["name"] or not values["reach"]:
        raise ValueError(f"contact {index} needs both a name and a reach")
    return Contact(**values)


DEFAULT_CONTACTS: tuple[Contact, ...] = parse_contacts(DEFAULT_TEXT)


def ensure_resources_file(path: Path | None = None) -> Path:
    """Write the default file if there is none yet; return its path."""
    target = path or resources_path()
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(DEFAULT_TEXT)
    return target


def load_resources(path: Path | None = None) -> Resources:
    """The contacts to show. Never raises: any problem falls back to the default list."""
    target = path or resources_path()
    try:
        ensure_resources_file(target)
        text = target.read_text(encoding="utf-8")
    except FileExistsError:  # made by another process a moment ago
        return load_resources(target)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return Resources(
            DEFAULT_CONTACTS, target, _problem(target, f"it cannot be read ({reason})")
        )
    try:
        contacts = parse_contacts(text)
    except ValueError as error:
        return Resources(DEFAULT_CONTACTS, target, _problem(target, str(error)))
    return Resources(contacts, target)


def _problem(path: Path, reason: str) -> str:
    return (
        f"Your contacts file {path} could not be used: {reason}. "
        "The default list is shown; fix the file, or delete it to start again."
    )
