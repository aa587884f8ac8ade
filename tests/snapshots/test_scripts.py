"""Snapshots of the script builder at 80x24: a step with tone flags, the preview, the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import NOW
from tests.helpers import settle
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.scripts import Outcome, new_script, record_outcome, save_steps
from trusttui.core.store import Store

HURT_STEPS = {
    "happened": "On Tuesday we agreed you'd be home by seven. You came in after ten.",
    "felt": "I felt worried, and then hurt and a bit lonely.",
    "need": "I need to be able to count on what we agree.",
    "request": "Would you be willing to text me before seven if you'll be late?",
    "questions": "How did that evening look from your side?",
    "listen": "What I'm hearing is … Did I get that right?",
    "closing": "Thank you for hearing me.",
}


FLAGGED = "You always come home late and you never call. I feel betrayed."


async def open_first_and_type_flags(pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    area = pilot.app.screen.text_area
    area.insert((" " if area.text else "") + FLAGGED)
    await pilot.pause()


async def open_preview(pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)


def test_step_with_tone_flags(
    snap_compare: Any, make_app: Callable[..., Any], store: Store
) -> None:
    new_script(store, "hurt", "Late on Tuesday")
    app = make_app(start_mode="scripts")
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_first_and_type_flags)


def test_preview_card(snap_compare: Any, make_app: Callable[..., Any], store: Store) -> None:
    script = save_steps(store, new_script(store, "hurt", "Late on Tuesday"), HURT_STEPS)
    record_outcome(store, script.id, Outcome("Calmer than I feared", "Asking first", ""))
    app = make_app(start_mode="scripts")
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_preview)


def test_list_on_demo_data(snap_compare: Any, make_app: Callable[..., Any], store: Store) -> None:
    build_demo(store, now=NOW, years=1)
    app = make_app(start_mode="scripts", clock=ManualClock(NOW))
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_step_with_tone_flags_in_16_colours(
    snap_compare: Any, make_app: Callable[..., Any], store: Store
) -> None:
    save_steps(store, new_script(store, "repair", "Recital"), {"regret": "I'm sorry I missed it."})
    app = make_app(start_mode="scripts", theme="ansi-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_first_and_type_flags)
