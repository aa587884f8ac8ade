"""The promise board, driven as a person would: add, keep, move, miss, release, delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from textual.message import Message
from textual.widgets import Input, Static

from tests.helpers import settle
from trusttui.core import promises as repo
from trusttui.core.clock import ManualClock
from trusttui.core.store import Store
from trusttui.tui.app import TrustApp
from trusttui.tui.screens.promise_dialogs import (
    ConfirmDelete,
    KeptAtForm,
    MissedPrompt,
    MoveForm,
    PromiseForm,
)
from trusttui.tui.screens.promises import PromisesScreen, sparkline
from trusttui.tui.widgets.promise_card import PromiseCard
from trusttui.tui.widgets.when_field import UnderstoodField

MakeApp = Callable[..., TrustApp]
SIZE = (80, 24)


async def type_text(pilot: Any, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def note(app: TrustApp) -> str:
    return str(app.screen.query_one("#note", Static).visual)


def cards(app: TrustApp, column: str) -> list[PromiseCard]:
    screen = app.screen
    assert isinstance(screen, PromisesScreen)
    return screen.cards_in(column)


def add(store: Store, text: str = "Call Sam back", hours: float = 2, **kw: Any) -> repo.Promise:
    return repo.add_promise(store, text, store.clock.now() + timedelta(hours=hours), **kw)


async def open_board(app: TrustApp, pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(app.screen, PromisesScreen)


async def test_empty_board_says_how_to_begin(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        assert "Press a to make a small one" in note(app)
        assert "once a promise is kept or missed" in str(app.screen.query_one("#score").visual)
        await pilot.press("escape")
        assert app.current_mode == "dashboard"


async def test_add_shows_the_time_as_understood_then_saves(make_app: MakeApp, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PromiseForm)
        await type_text(pilot, "Call Sam back")
        await pilot.press("tab", "tab")
        await type_text(pilot, "tomorrow 7pm")
        await pilot.pause()
        field = app.screen.query_one("#due", UnderstoodField)
        understood = str(field.query_one(".understood", Static).visual)
        assert "Saturday 28 November, 19:00" in understood and "tomorrow 19:00" in understood
        await pilot.press("tab")
        await type_text(pilot, "every sat")
        await pilot.pause()
        assert "every Saturday" in str(app.screen.query_one("#every .understood").visual)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromisesScreen)
        (promise,) = repo.all_promises(store.read())
        assert (promise.text, promise.every) == ("Call Sam back", "FREQ=WEEKLY;BYDAY=SA")
        assert promise.due.isoformat() == "2026-11-28T19:00:00+01:00"
        (card,) = cards(app, "upcoming")
        assert card.promise.id == promise.id and app.focused is card
        assert "Promised. Due tomorrow 19:00." in note(app)


@pytest.mark.parametrize(
    ("text", "when", "problem"),
    [
        ("Call Sam", "soonish", "Could not read 'soonish'"),
        ("Call Sam", "", "Say it as you would"),
        ("   ", "tomorrow", "Write what you promise"),
    ],
)
async def test_add_refuses_what_it_cannot_read(
    make_app: MakeApp, store: Store, text: str, when: str, problem: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, text)
        await pilot.press("tab", "tab")
        await type_text(pilot, when)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromiseForm)  # still open, with the reason
        assert problem in str(app.screen.query_one("#problem", Static).visual)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PromisesScreen)
    assert repo.all_promises(store.read()) == []


async def test_keep_posts_a_message_acknowledges_and_moves_to_done(
    make_app: MakeApp, store: Store
) -> None:
    promise = add(store)
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await open_board(app, pilot)
        (card,) = cards(app, "today")
        assert app.focused is card
        await pilot.press("k")
        await settle(pilot)
        assert any(isinstance(m, PromiseCard.Kept) and m.promise.id == promise.id for m in seen)
        kept = repo.find_promise(store.read(), promise.id)
        assert kept.status == "kept" and kept.kept_at == store.clock.now()
        assert "Kept" in note(app) and "-victory" in app.screen.query_one("#note").classes
        assert cards(app, "today") == []
        (done,) = cards(app, "done")
        assert "kept on time" in done.render().plain


async def test_a_run_of_kept_promises_is_noticed(make_app: MakeApp, store: Store) -> None:
    for n in range(3):
        add(store, f"Promise {n}", hours=1 + n)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        for _ in range(3):
            await pilot.press("k")
            await settle(pilot)
        assert "3 kept on time in a row." in note(app)
        assert "3 in a row" in str(app.screen.query_one("#counts").visual)


async def test_kept_at_an_earlier_time(make_app: MakeApp, store: Store) -> None:
    promise = add(store, hours=-3)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        assert cards(app, "overdue")[0].promise.id == promise.id
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, KeptAtForm)
        await type_text(pilot, "in 2 hours")
        await pilot.press("enter")
        await pilot.pause()
        assert "still ahead" in str(app.screen.query_one("#problem").visual)
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "4 hours ago")
        await pilot.press("enter")
        await settle(pilot)
    kept = repo.find_promise(store.read(), promise.id)
    assert kept.kept_at == store.clock.now() - timedelta(hours=4)


async def test_move_with_a_reason(make_app: MakeApp, store: Store) -> None:
    promise = add(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MoveForm)
        await type_text(pilot, "sun noon")
        await pilot.pause()
        assert "Sunday 29 November, 12:00" in str(app.screen.query_one("#due .understood").visual)
        await pilot.press("tab")
        await type_text(pilot, "Sam is away")
        await pilot.press("enter")
        await settle(pilot)
        moved = repo.find_promise(store.read(), promise.id)
        assert moved.due.isoformat() == "2026-11-29T12:00:00+01:00"
        assert moved.history[-1].reason == "Sam is away"
        assert "Moved to Sunday 29 November, 12:00" in note(app)
        assert [c.promise.id for c in cards(app, "upcoming")] == [promise.id]
        assert app.focused is cards(app, "upcoming")[0]


async def test_missed_asks_gently_and_records_what_got_in_the_way(
    make_app: MakeApp, store: Store
) -> None:
    promise = add(store, hours=-1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, MissedPrompt)
        prompt = " ".join(str(s.visual) for s in app.screen.query(Static))
        assert "not a verdict" in prompt and "What got in the way?" in prompt
        await type_text(pilot, "work ran late")
        await pilot.press("enter")
        await settle(pilot)
        assert "not a verdict" in note(app)
    missed = repo.find_promise(store.read(), promise.id)
    assert missed.status == "missed" and missed.history[-1].reason == "work ran late"


async def test_missed_can_become_a_move_instead(make_app: MakeApp, store: Store) -> None:
    promise = add(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.click("#move")
        await pilot.pause()
        assert isinstance(app.screen, MoveForm)
        await type_text(pilot, "tomorrow 9am")
        await pilot.press("enter")
        await settle(pilot)
    moved = repo.find_promise(store.read(), promise.id)
    assert moved.status == "open" and moved.due.isoformat() == "2026-11-28T09:00:00+01:00"


async def test_release_then_reopen(make_app: MakeApp, store: Store) -> None:
    promise = add(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("r")
        await settle(pilot)
        assert "not held against anyone" in note(app)
        assert repo.find_promise(store.read(), promise.id).status == "released"
        await pilot.press("right", "right", "right")
        assert isinstance(app.focused, PromiseCard) and app.focused.promise.id == promise.id
        await pilot.press("o")
        await settle(pilot)
        assert repo.find_promise(store.read(), promise.id).status == "open"


async def test_delete_asks_first(make_app: MakeApp, store: Store) -> None:
    promise = add(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("enter")  # the focused button keeps it
        await settle(pilot)
        assert repo.all_promises(store.read()) == [repo.find_promise(store.read(), promise.id)]
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#confirm")
        await settle(pilot)
        assert repo.all_promises(store.read()) == []
        assert "Nothing" in str(app.screen.query_one("#cards-today .empty", Static).visual)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;BYDAY=MO,TH", "every Monday and Thursday"),
        ("FREQ=MONTHLY;BYDAY=1MO", "every month"),  # words cannot say it all: kept as it was
    ],
)
async def test_edit_changes_words_and_keeps_the_rest(
    make_app: MakeApp, store: Store, rule: str, words: str
) -> None:
    promise = add(store, to="Sam", every=rule)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PromiseForm)
        every = app.screen.query_one("#every Input", Input)
        assert every.value == words
        text = app.screen.query_one("#text", Input)
        text.value = "Call Sam back, kindly"
        await pilot.press("enter")
        await settle(pilot)
    edited = repo.find_promise(store.read(), promise.id)
    assert (edited.text, edited.to, edited.every, edited.due) == (
        "Call Sam back, kindly",
        "Sam",
        rule,
        promise.due,
    )


@pytest.mark.parametrize("text", ["[bold]x[/] [/]", "[@click=app.quit]x", "[red]$x[/red] \\["])
async def test_what_people_type_shows_literally(make_app: MakeApp, store: Store, text: str) -> None:
    add(store, text, to="[i]Sam[/i]")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        (card,) = cards(app, "today")
        plain = card.render().plain
        assert plain.splitlines()[0] == text and "to [i]Sam[/i]" in plain
        await pilot.press("m")
        await pilot.pause()
        assert text in [str(s.visual) for s in app.screen.query(".what")]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert app.is_running
        assert cards(app, "done")[0].render().plain.splitlines()[0] == text


async def test_a_change_elsewhere_appears_without_losing_what_is_typed(
    make_app: MakeApp, store: Store, clock: ManualClock
) -> None:
    app = make_app(store_poll=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Half typed")
        add(store, "From the shell")  # as `trusttui promise add` would
        await pilot.pause(0.2)
        assert app.screen.query_one("#text", Input).value == "Half typed"
        await pilot.press("escape")
        await settle(pilot)
        assert [c.promise.text for c in cards(app, "today")] == ["From the shell"]


def test_sparkline_is_calm_about_small_wobbles() -> None:
    assert sparkline((None, None)) == "  "
    assert sparkline((None, 0.5, 1.0)) == " ▁█"
    assert sparkline((0.95, 0.96)) == "▁▂"  # a 0.01 change is a small step, not the full height


async def test_the_board_works_without_colour(
    make_app: MakeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    add(store, "Plain", hours=-1)
    app = make_app(start_mode="promises")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert [c.promise.text for c in cards(app, "done")] == ["Plain"]
