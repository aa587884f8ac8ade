"""Keeps every test away from the developer's machine and gives it a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from trusttui.core.clock import ManualClock
from trusttui.core.store import Store

NOW = datetime(2026, 11, 27, 14, 30, tzinfo=timezone(timedelta(hours=1)))
"""A Friday afternoon in a UTC+1 zone: the "now" of every test."""


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp HOME and XDG dirs; no colour or theme settings leak in; no blinking."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(home / f".xdg-{name.lower()}"))
    for name in ("NO_COLOR", "TEXTUAL_THEME", "COLORTERM", "TRUSTTUI_DB"):
        monkeypatch.delenv(name, raising=False)
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)
    return home


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "trusttui.json"


@pytest.fixture
def store(db_path: Path, clock: ManualClock) -> Store:
    return Store.open(db_path, clock=clock)


@pytest.fixture
def make_app(store: Store, clock: ManualClock) -> Callable[..., Any]:
    """Build the app the way the CLI does, on the test store and clock."""

    def build(**kwargs: Any) -> Any:
        from trusttui.tui.app import TrustApp

        kwargs.setdefault("store", store)
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("privacy_note", False)  # the first-run note has its own tests
        return TrustApp(**kwargs)

    return build
