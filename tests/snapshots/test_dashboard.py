"""Snapshots of the dashboard at 80x24, empty and on demo data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import NOW
from tests.helpers import settle
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.store import Store


def test_dashboard_empty(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=settle)


def test_dashboard_demo(snap_compare: Any, make_app: Callable[..., Any], store: Store) -> None:
    build_demo(store, now=NOW, years=1)
    app = make_app(clock=ManualClock(NOW))
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
