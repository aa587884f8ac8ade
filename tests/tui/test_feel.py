"""The emotion wheel screen, driven as a person would: keys, typing, mouse, saving."""

from __future__ import annotations

from collections.abc import Callable

from tests.helpers import settle
from trusttui.core.feelings import add_checkin, all_checkins
from trusttui.core.store import Store
from trusttui.tui.app import TrustApp
from trusttui.tui.screens.feel import FeelScreen
from trusttui.tui.widgets.emotion_wheel import EmotionWheel
from trusttui.tui.widgets.intensity import IntensityScale

MakeApp = Callable[..., TrustApp]


def screen_of(app: TrustApp) -> FeelScreen:
    assert isinstance(app.screen, FeelScreen)
    return app.screen


async def test_navigate_search_check_in_and_find_the_record_saved(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(start_mode="feel")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        wheel = screen.query_one(EmotionWheel)
        assert app.focused is wheel and wheel.selected == "joyful"
        # Around the wheel to Sad (bottom), then out to hurt and out again to betrayed.
        await pilot.press("right", "right", "right", "right")
        assert wheel.selected == "sad"
        await pilot.press("down")
        assert wheel.selected == "hurt"
        await pilot.press("down", "right")
        assert wheel.selected == "betrayed"
        assert screen.words.highlighted_option.id == "betrayed"  # type: ignore[union-attr]
        await pilot.press("up")
        assert wheel.selected == "hurt"
        await pilot.press("enter")
        assert screen.chosen == ["hurt"]
        # Typing searches every word at once, misspellings too.
        await pilot.press(*"anxous")
        assert screen.search.value == "anxous"
        assert screen.words.highlighted_option.id == "anxious"  # type: ignore[union-attr]
        assert wheel.selected == "anxious"
        await pilot.press("enter")
        assert screen.chosen == ["hurt", "anxious"] and screen.search.value == ""
        await pilot.press("escape")  # out of the (empty) search box, back to the wheel
        assert app.focused is wheel
        await pilot.press("7")
        assert screen.query_one(IntensityScale).value == 7
        screen.query_one("#note").focus()
        await pilot.press(*"They forgot [bold]again[/]", "enter")
        await pilot.press(*"partner, work")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.chosen == []
        [saved] = all_checkins(store.read())
        assert saved.words == ("hurt", "anxious")
        assert saved.intensity == 7
        assert saved.note == "They forgot [bold]again[/]"
        assert saved.tags == ("partner", "work")
        recent = str(screen.query_one("#history-recent").visual)
        assert "hurt, anxious" in recent and "They forgot [bold]again[/]" in recent


async def test_betrayed_gently_offers_what_sits_underneath(make_app: MakeApp) -> None:
    app = make_app(start_mode="feel")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        offer = screen.query_one("#offer")
        await pilot.press(*"betrayed", "enter")
        await pilot.pause()
        assert offer.has_class("-visible")
        assert "betrayed" in str(screen.query_one("#offer-text").visual)
        assert "honesty, reliability" in str(screen.query_one("#offer-needs").visual)
        buttons = [b.name for b in screen.query(".offer-word")]
        assert buttons == ["hurt", "scared", "angry"]
        await pilot.click("#offer-words Button")
        await pilot.pause()
        assert screen.chosen == ["betrayed", "hurt"]
        assert app.focused is not None and app.focused.name == "scared"
        await pilot.press("enter")  # scared; the focus moves on to angry
        assert app.focused.name == "angry"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.chosen == ["betrayed", "hurt", "scared", "angry"]
        assert not offer.has_class("-visible")  # everything offered was taken


async def test_plain_feelings_bring_no_offer(make_app: MakeApp) -> None:
    app = make_app(start_mode="feel")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"calm", "enter")
        await pilot.pause()
        screen = screen_of(app)
        assert screen.chosen == ["calm"]
        assert not screen.query_one("#offer").has_class("-visible")


async def test_mouse_selects_on_the_wheel_and_double_click_adds(make_app: MakeApp) -> None:
    app = make_app(start_mode="feel")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        wheel = screen.query_one(EmotionWheel)
        from trusttui.tui.widgets.wheel_layout import wheel_layout

        layout = wheel_layout(wheel.size.width, wheel.size.height, wheel.vocab)
        x, y = layout.anchors["lonely"]
        await pilot.click(wheel, offset=(x, y))
        assert wheel.selected == "lonely" and screen.chosen == []
        await pilot.click(wheel, offset=(x, y), times=2)
        assert screen.chosen == ["lonely"]
        # Clicking a word in the list adds it too.
        await pilot.click("#words", offset=(4, 0))
        await pilot.pause()
        assert screen.chosen == ["lonely", "sad"]


async def test_save_without_words_explains_and_writes_nothing(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(start_mode="feel")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Choose a word" in str(n.message) for n in app._notifications)
    assert all_checkins(store.read()) == []


async def test_letters_search_instead_of_switching_tools(make_app: MakeApp) -> None:
    app = make_app(start_mode="feel")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")  # "t" is Today elsewhere; here it starts a search
        assert isinstance(app.screen, FeelScreen)
        assert screen_of(app).search.value == "t"
        await pilot.press("escape")  # leaves the search
        assert screen_of(app).search.value == ""
        await pilot.press("escape")  # then back to Today
        assert app.current_mode == "dashboard"


async def test_history_updates_from_elsewhere_without_touching_the_draft(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(start_mode="feel", store_poll=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        await pilot.press(*"calm", "enter")
        screen.query_one("#note").focus()
        await pilot.press(*"half typed")
        add_checkin(store, ["relieved"], 3, note="From the shell")
        await pilot.pause(0.2)
        await settle(pilot)
        assert "From the shell" in str(screen.query_one("#history-recent").visual)
        assert screen.query_one("#note").value == "half typed"  # type: ignore[attr-defined]
        assert screen.chosen == ["calm"]


async def test_f2_shows_history_in_a_narrow_window(make_app: MakeApp, store: Store) -> None:
    add_checkin(store, ["hopeful"], 4)
    app = make_app(start_mode="feel")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        history = screen_of(app).query_one("#history")
        assert not history.display
        await pilot.press("f2")
        assert history.display and not screen_of(app).query_one("#pick").display
        assert "hopeful" in str(screen_of(app).query_one("#history-recent").visual)
        await pilot.press("escape")
        assert not history.display


async def test_dashboard_card_shows_the_latest_check_in(make_app: MakeApp, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        card = app.screen.query_one("FeelCard")
        assert "Press f" in str(card.visual)
    add_checkin(store, ["let down", "hopeful"], 6, note="[@click=app.quit]x")
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = str(again.screen.query_one("FeelCard").visual)
        assert "let down, hopeful" in text and "6/10" in text
        assert "[@click=app.quit]x" in text
