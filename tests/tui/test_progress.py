"""The progress screen: the check-in, the journal, readings, and reloads that keep typing."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, OptionList, Static, TabbedContent

from tests.conftest import NOW
from tests.helpers import settle
from trusttui.core.checkins import all_checkins
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.journal import add_entry, all_entries
from trusttui.core.store import Store
from trusttui.tui.app import TrustApp
from trusttui.tui.messages import StoreChanged
from trusttui.tui.screens.journal_dialogs import ConfirmDialog, PromptsDialog
from trusttui.tui.screens.progress import ProgressScreen
from trusttui.tui.widgets.scale import ScaleInput

MakeApp = Callable[..., TrustApp]


def text_of(app: TrustApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).visual)


async def test_g_opens_progress_with_a_calm_reading_when_empty(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        assert "Nothing to read yet" in text_of(app, "#headline")
        await pilot.press("i")
        assert "Signs show up here" in text_of(app, "#signs-list")


async def test_check_in_with_the_keyboard(make_app: MakeApp, store: Store) -> None:
    app = make_app(start_mode="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        assert app.screen.query_one(TabbedContent).active == "checkin"
        assert "first check-in" in text_of(app, "#checkin-when")
        await pilot.press("5", "6", "7", "right", "left", "left", "0", "tab", "3", "tab")
        assert isinstance(app.focused, Input)
        await pilot.press(*"[b]calmer[/b]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = all_checkins(store.read())
        assert len(saved) == 1
        assert dict(saved[0].scores) == {"predictability": 5.5, "dependability": 7.0, "faith": 3.0}
        assert saved[0].note == "[b]calmer[/b]"
        assert app.screen.query_one(TabbedContent).active == "overview"
        assert all(scale.value is None for scale in app.screen.query(ScaleInput))
        assert "Last check-in: today" in text_of(app, "#checkin-when")


async def test_an_empty_check_in_saves_nothing(make_app: MakeApp, store: Store) -> None:
    app = make_app(start_mode="progress", mode_options={"tab": "checkin"})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(TabbedContent).active == "checkin"
        await pilot.click("#save-checkin")
        await settle(pilot)
    assert not store.path.exists()


async def test_a_reload_keeps_what_is_being_typed(make_app: MakeApp, store: Store) -> None:
    app = make_app(start_mode="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c", "4", "4")
        app.screen.query_one("#checkin-note", Input).value = "still typing"
        add_entry(store, "win", "from another terminal")
        app.screen.post_message(StoreChanged())
        await settle(pilot)
        assert app.screen.query_one("#q-match", ScaleInput).value == 4
        assert app.screen.query_one("#q-expect", ScaleInput).value == 4
        assert app.screen.query_one("#checkin-note", Input).value == "still typing"
        assert app.screen.query_one(OptionList).option_count == 1


async def test_a_setback_with_its_prompts(make_app: MakeApp, store: Store) -> None:
    app = make_app(start_mode="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, PromptsDialog)
        comfort = str(app.screen.query_one(".comfort", Static).visual)
        assert "don't have to forgive" in comfort
        await pilot.press(*"They were late", "enter")
        await pilot.press("enter")  # "what I needed" left empty
        await pilot.press(*"[@click=app.quit]ask", "enter")
        await settle(pilot)
        entries = all_entries(store.read())
        assert [(e.kind, e.text) for e in entries] == [
            ("setback", "What happened: They were late\nWhat I can try: [@click=app.quit]ask")
        ]
        assert app.is_running
        assert app.screen.query_one(TabbedContent).active == "journal"
        assert "[@click=app.quit]ask" in text_of(app, "#journal-detail")


async def test_a_reflection_offers_a_boundary(make_app: MakeApp, store: Store) -> None:
    app = make_app(start_mode="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        labels = [str(label.visual) for label in app.screen.query(".question")]
        assert any("boundary" in label for label in labels)
        await pilot.press("tab", *"No phone checks", "enter")
        await settle(pilot)
    assert all_entries(store.read())[0].text == "A boundary I want to keep: No phone checks"


async def test_delete_an_entry_after_confirming(make_app: MakeApp, store: Store) -> None:
    add_entry(store, "win", "keep me")
    add_entry(store, "win", "delete me", at=NOW.replace(hour=15))
    app = make_app(start_mode="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")  # not on the journal tab: nothing happens
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("j", "d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert len(all_entries(store.read())) == 2
        await pilot.press("d", "y")
        await settle(pilot)
    assert [e.text for e in all_entries(store.read())] == ["keep me"]


async def test_demo_history_reads_in_plain_words(make_app: MakeApp, store: Store) -> None:
    build_demo(store, now=NOW, years=1)
    app = make_app(start_mode="progress", clock=ManualClock(NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text_of(app, "#headline")
        for key in ("predictability", "dependability", "faith"):
            row = app.screen.query_one(f"#row-{key}")
            assert row.display
            assert "of 7" in str(row.query_one(".chart-value", Static).visual)
            assert "month" in str(row.query_one(".chart-reading", Static).visual) or "dip" in str(
                row.query_one(".chart-reading", Static).visual
            )
        assert "Nov" in text_of(app, "#axis")
        await pilot.press("i")
        assert "•" in text_of(app, "#signs-list")
        await pilot.press("j")
        assert app.screen.query_one(OptionList).option_count > 50


async def test_answers_typed_in_one_burst_land_in_order(make_app: MakeApp) -> None:
    """Over SSH a whole line of keys can arrive at once; each digit answers the next line."""
    from textual import events

    app = make_app(start_mode="progress", mode_options={"tab": "checkin"})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in "453435ok":
            app.post_message(events.Key(key, key))
        await pilot.pause(0.3)
        assert [scale.value for scale in app.screen.query(ScaleInput)] == [4, 5, 3, 4, 3, 5]
        assert app.screen.query_one("#checkin-note", Input).value == "ok"


async def test_setback_answers_typed_in_one_burst_land_in_order(
    make_app: MakeApp, store: Store
) -> None:
    from textual import events

    app = make_app(start_mode="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        for char in "late\rtime\rask\r":
            key = "enter" if char == "\r" else char
            app.post_message(events.Key(key, char))
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert all_entries(store.read())[0].text == (
        "What happened: late\nWhat I needed: time\nWhat I can try: ask"
    )
