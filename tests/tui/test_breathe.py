"""The breathing screen, driven as a person would, with a clock that only moves when told."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import settle
from trusttui.core.breath_log import all_breaths
from trusttui.core.breath_patterns import custom_patterns, save_pattern
from trusttui.core.breath_prefs import bell_on, safety_seen
from trusttui.core.clock import ManualClock
from trusttui.core.store import Store
from trusttui.tui.app import TrustApp
from trusttui.tui.screens import breathe_session
from trusttui.tui.screens.breathe import BreatheScreen
from trusttui.tui.screens.breathe_dialogs import ConfirmDelete, PatternForm
from trusttui.tui.screens.dashboard import DashboardScreen

MakeApp = Callable[..., TrustApp]
BOX_ONCE = {"pattern": "box", "cycles": 1, "minutes": None, "bell": True, "rate": False}


def screen(app: TrustApp) -> BreatheScreen:
    assert isinstance(app.screen, BreatheScreen)
    return app.screen


def shown(app: TrustApp) -> dict[str, str]:
    """What the running view says."""
    return {
        name: str(app.screen.query_one(f"#breath-{name}").text)  # type: ignore[attr-defined]
        for name in ("words", "count", "cycle", "left")
    }


async def advance(pilot: Any, clock: ManualClock, seconds: float) -> None:
    clock.advance(seconds)
    screen(pilot.app).session.tick()
    await pilot.pause()


def text_of(app: TrustApp, selector: str) -> str:
    return str(app.screen.query_one(selector).visual)


@pytest.fixture
def bells(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every bell rung (the second out-breath bell comes at once)."""
    rung: list[float] = []
    monkeypatch.setattr(TrustApp, "bell", lambda self: rung.append(self.clock.monotonic()))
    monkeypatch.setattr(breathe_session, "SECOND_BELL_DELAY", 0.01)
    return rung


async def test_a_short_session_from_the_shell_logs_one_record(
    make_app: MakeApp, store: Store, clock: ManualClock, bells: list[float]
) -> None:
    app = make_app(start_mode="breathe", mode_options=BOX_ONCE, one_shot=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert screen(app).view == "running"
        assert shown(app) == {
            "words": "Breathe in",
            "count": "4",
            "cycle": "cycle 1 of 1",
            "left": "0:16 left",
        }
        assert len(bells) == 1  # one bell: breathe in
        await advance(pilot, clock, 4)
        assert shown(app)["words"] == "Hold" and len(bells) == 1  # none on holds
        await advance(pilot, clock, 4.5)
        await pilot.pause(0.05)
        assert shown(app)["words"] == "Breathe out" and shown(app)["count"] == "4"
        assert len(bells) == 3  # two: breathe out
        await advance(pilot, clock, 7.5)
        assert shown(app)["left"] == "0:00 left" or screen(app).view == "summary"
        await settle(pilot)
        assert screen(app).view == "summary"
        assert "You breathed for 16 seconds: 1 cycle of box." in text_of(app, "#summary-text")
        [breath] = all_breaths(store.read())
        assert (breath.pattern, breath.seconds, breath.cycles, breath.completed) == (
            "box",
            16.0,
            1,
            True,
        )
        assert (breath.ended - breath.started).total_seconds() == 16
        assert breath.before is None and breath.after is None
        await pilot.press("3")
        await settle(pilot)
        assert "Tension now: 3." in text_of(app, "#summary-tension")
        await pilot.press("escape")
    assert app.return_code == 0
    [breath] = all_breaths(store.read())
    assert breath.after == 3


async def test_q_from_the_shell_stops_logs_not_completed_and_leaves(
    make_app: MakeApp, store: Store, clock: ManualClock
) -> None:
    options = {**BOX_ONCE, "cycles": 3, "rate": True}
    app = make_app(start_mode="breathe", mode_options=options, one_shot=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert screen(app).view == "before"
        await pilot.press("1", "0")  # 10
        assert screen(app).view == "running"
        await advance(pilot, clock, 20)
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0 and not app.is_running
    [breath] = all_breaths(store.read())
    assert (breath.completed, breath.cycles, breath.seconds, breath.before) == (False, 1, 20, 10)


async def test_pause_and_resume_in_the_app_then_stop_shows_the_summary(
    make_app: MakeApp, store: Store, clock: ManualClock
) -> None:
    app = make_app(start_mode="breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert screen(app).view == "setup"
        await pilot.press("enter")  # calm, 2 minutes; asks first
        assert screen(app).view == "before"
        await pilot.press("escape")  # skips the question, in one key
        assert screen(app).view == "running"
        await advance(pilot, clock, 5)
        assert shown(app)["words"] == "Breathe out" and shown(app)["left"] == "1:55 left"
        await pilot.press("space")
        await advance(pilot, clock, 300)
        assert shown(app)["words"] == "Paused · space to go on"
        assert shown(app)["left"] == "1:55 left"
        await pilot.press("space")
        await advance(pilot, clock, 6)
        assert shown(app) == {
            "words": "Breathe in",
            "count": "3",
            "cycle": "cycle 2 of 12",
            "left": "1:49 left",
        }
        await pilot.press("escape")
        await settle(pilot)
        assert screen(app).view == "summary"
        assert "You stopped after 11 seconds (1 cycle)." in text_of(app, "#summary-text")
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        [breath] = all_breaths(store.read())
        assert (breath.completed, breath.seconds) == (False, 11.0)
        await pilot.press("b")
        await settle(pilot)
        assert screen(app).view == "setup"


async def test_first_use_shows_the_safety_line_once(make_app: MakeApp, store: Store) -> None:
    app = make_app(start_mode="breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        safety = app.screen.query_one("#safety")
        assert safety.display and "light-headed" in str(safety.visual)
    assert safety_seen(store.read())
    again = make_app(start_mode="breathe")
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not again.screen.query_one("#safety").display


async def test_bell_setting_is_saved_and_silences_the_cues(
    make_app: MakeApp, store: Store, bells: list[float]
) -> None:
    app = make_app(start_mode="breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.click("#bell")
        await settle(pilot)
        assert not bell_on(store.read())
        await pilot.click("#ask")
        await pilot.click("#begin")
        await settle(pilot)
        assert screen(app).view == "running" and bells == []


async def test_a_bad_length_is_refused_with_a_message(make_app: MakeApp) -> None:
    app = make_app(start_mode="breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#length").value = "0"  # type: ignore[attr-defined]
        await pilot.click("#begin")
        assert screen(app).view == "setup"
        assert "more than 0 and at most 60 minutes" in text_of(app, "#setup-message")


async def test_custom_pattern_form_refuses_bad_values_then_saves(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(start_mode="breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, PatternForm)
        await pilot.press(*"[bold]x[/]", "enter")
        await pilot.press("backspace", "0", "enter")  # breathe in: 0
        await pilot.press("enter", "enter", "enter")  # keep the rest; saves
        assert isinstance(app.screen, PatternForm)
        assert "Breathe in: needs a moment, more than 0 seconds." in text_of(app, "#form-message")
        app.screen.query_one("#form-phase-0").value = "5"  # type: ignore[attr-defined]
        await pilot.click("#form-save")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, BreatheScreen)
        [mine] = custom_patterns(store.read())
        assert (mine.name, mine.breathe_in, mine.breathe_out) == ("[bold]x[/]", 5, 6)
        options = app.screen.query_one("#pattern-list")
        highlighted = options.get_option_at_index(options.highlighted)  # type: ignore[attr-defined]
        assert str(highlighted.prompt).startswith("[bold]x[/]  in 5 · out 6")


async def test_edit_and_delete_a_custom_pattern(
    make_app: MakeApp, store: Store, clock: ManualClock
) -> None:
    save_pattern(store, "evening", "4", "2", "7", "0")
    app = make_app(start_mode="breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.check_action("edit_pattern", ())  # calm is highlighted
        await pilot.press("end")
        assert app.screen.check_action("edit_pattern", ())
        await pilot.press("e")
        assert isinstance(app.screen, PatternForm)
        app.screen.query_one("#form-phase-1").value = "3"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert custom_patterns(store.read())[0].hold_in == 3
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("y")
        await settle(pilot)
        assert custom_patterns(store.read()) == []


async def test_no_animations_shows_words_and_countdown_without_the_visual(
    make_app: MakeApp,
) -> None:
    app = make_app(start_mode="breathe", mode_options=BOX_ONCE, one_shot=True)
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#breath-visual").display
        assert shown(app)["words"] == "Breathe in" and shown(app)["count"] == "4"


async def test_quitting_mid_session_still_logs_it(
    make_app: MakeApp, store: Store, clock: ManualClock
) -> None:
    app = make_app(start_mode="breathe", mode_options={**BOX_ONCE, "cycles": 4}, one_shot=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await advance(pilot, clock, 33)
        await pilot.press("ctrl+q")
    [breath] = all_breaths(store.read())
    assert (breath.completed, breath.cycles, breath.seconds) == (False, 2, 33.0)


async def test_leaving_for_another_tool_pauses_the_session(
    make_app: MakeApp, clock: ManualClock
) -> None:
    app = make_app(start_mode="breathe", mode_options={**BOX_ONCE, "cycles": 4})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        breathe = screen(app)
        await pilot.press("t")
        await pilot.pause()
        clock.advance(100)
        assert breathe.session.paused
        assert breathe.session.timeline is not None
        assert breathe.session.timeline.elapsed(clock.monotonic()) == 0


async def test_the_visual_repaints_only_when_its_size_changes(
    make_app: MakeApp, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trusttui.tui.widgets.breath_visual import BreathVisual

    app = make_app(start_mode="breathe", mode_options=BOX_ONCE, one_shot=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        visual = app.screen.query_one(BreathVisual)
        renders: list[int] = []
        original = BreathVisual.render
        monkeypatch.setattr(
            BreathVisual, "render", lambda self: (renders.append(self.fill), original(self))[1]
        )
        for _ in range(10):  # the clock stands still: nothing to draw
            screen(app).session.tick()
            await pilot.pause()
        assert renders == []
        fills = []
        for _ in range(40):  # the whole in-breath, a tenth of a second at a time
            await advance(pilot, clock, 0.1)
            fills.append(visual.fill)
        assert fills == sorted(fills) and fills[-1] == visual.steps
        assert len(renders) == len(set(fills)) - (fills[0] == 1)
        await advance(pilot, clock, 3.9)  # holding: the bar rests, full
        assert visual.fill == visual.steps and len(renders) == len(set(fills)) - (fills[0] == 1)
        assert str(visual.render()).strip() == "" and "reverse" in str(visual.render().spans)


async def test_rating_one_waits_for_a_zero_or_enter(make_app: MakeApp, store: Store) -> None:
    app = make_app(start_mode="breathe", mode_options={**BOX_ONCE, "rate": True}, one_shot=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        assert screen(app).view == "before"
        await pilot.press("enter")
        assert screen(app).view == "running" and screen(app).before == 1


async def test_a_custom_pattern_from_the_shell_starts_once_loaded(
    make_app: MakeApp, store: Store
) -> None:
    save_pattern(store, "[@click=app.quit]x", "3", "0", "5", "0")
    options = {**BOX_ONCE, "pattern": "[@click=app.quit]X"}
    app = make_app(start_mode="breathe", mode_options=options, one_shot=True, theme="ansi-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        session = screen(app).session
        assert session.schedule is not None
        assert session.schedule.pattern.name == "[@click=app.quit]x"
        assert shown(app)["count"] == "3" and shown(app)["left"] == "0:08 left"
        await pilot.press("q")
        await settle(pilot)
    [breath] = all_breaths(store.read())
    assert breath.pattern == "[@click=app.quit]x" and not breath.completed
