"""Snapshots with a shared board at 80x24: shared and private cards together, the form's switch."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest

from tests.helpers import settle
from tests.sharing import linked, traversable_dir
from trusttui.core import sharing
from trusttui.core.places import Places
from trusttui.core.store import Store

SIZE = (80, 24)


@pytest.fixture
def places(store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[Places]:
    """Alex's account, linked; Sam (the partner) made two of the shared promises."""
    monkeypatch.setattr("trusttui.tui.widgets.promise_card.me", lambda: "alex")
    with traversable_dir() as parent:
        places = linked(store, parent / "board")
        now = store.clock.now()
        made = [
            ("alex", "Water the plants", timedelta(hours=3), False),
            ("alex", "Dinner with your parents", timedelta(days=1, hours=4), True),
            ("sam", "Pick up the kids at five", timedelta(hours=2, minutes=30), True),
            ("sam", "[bold]Call[/] the landlord", timedelta(hours=-1), True),
        ]
        for who, text, after, shared in made:
            monkeypatch.setattr("trusttui.core.promises.current_user", lambda who=who: who)
            sharing.add_promise(places, text, now + after, shared=shared)
        yield places


def test_board_with_shared_and_private_promises(
    snap_compare: Any, make_app: Callable[..., Any], places: Places
) -> None:
    app = make_app(start_mode="promises")
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_add_form_with_the_shared_switch(
    snap_compare: Any, make_app: Callable[..., Any], places: Places
) -> None:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        for key in [*"Call Sam back", "tab", "tab", *"fri 9am", "tab", "tab", "tab", "space"]:
            await pilot.press("space" if key == " " else key)
        await pilot.pause()

    app = make_app(start_mode="promises", theme="ansi-dark")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
