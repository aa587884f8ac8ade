"""Crisis contacts: the shipped default, the editable file, and a safe fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from trusttui.core.paths import config_dir
from trusttui.core.resources import (
    DEFAULT_CONTACTS,
    DEFAULT_TEXT,
    load_resources,
    resources_path,
)


def test_default_list_has_the_shipped_contacts() -> None:
    reach = {(c.reach.split()[0], c.where) for c in DEFAULT_CONTACTS}
    assert reach >= {
        ("112", "EU"),
        ("911", "US"),
        ("988", "US"),
        ("116", "UK and Ireland"),
        ("1-800-799-7233", "US"),
        ("findahelpline.com", "other countries"),
    }


def test_file_is_created_in_the_config_dir_on_first_need(isolated_env: Path) -> None:
    path = resources_path()
    assert path.parent == config_dir() and not path.exists()
    found = load_resources()
    assert path.read_text() == DEFAULT_TEXT
    assert found.contacts == DEFAULT_CONTACTS and found.problem is None and found.path == path


def test_edits_are_shown() -> None:
    path = resources_path()
    path.parent.mkdir(parents=True)
    path.write_text('[[contact]]\nname = "My sister"\nreach = "0612 345 678"\nnote = "any time"\n')
    found = load_resources()
    assert [(c.name, c.reach, c.where, c.note) for c in found.contacts] == [
        ("My sister", "0612 345 678", "", "any time")
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[[contact]\nname = ", "not valid TOML"),
        ("", "lists no contacts"),
        ('contact = "x"', "should be a list"),
        ('[[contact]]\nname = "x"\n', "needs both a name and a reach"),
        ("[[contact]]\nname = 1\nreach = 2\n", "should be text"),
    ],
)
def test_a_broken_file_falls_back_to_the_default_with_a_note(text: str, reason: str) -> None:
    path = resources_path()
    path.parent.mkdir(parents=True)
    path.write_text(text)
    found = load_resources()
    assert found.contacts == DEFAULT_CONTACTS
    assert found.problem is not None and reason in found.problem and str(path) in found.problem
    assert path.read_text() == text  # the person's file is never overwritten


def test_an_unreadable_file_still_shows_help(tmp_path: Path) -> None:
    path = tmp_path / "resources.toml"
    path.write_bytes(b"\xff\xfe not utf-8")
    found = load_resources(path)
    assert found.contacts == DEFAULT_CONTACTS and found.problem
