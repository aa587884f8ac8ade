"""The script builder, driven as a person would: every step, tone flags, a promise, saving."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from textual.widgets import OptionList, Static

from tests.conftest import NOW
from tests.helpers import settle
from trusttui.core.feelings import add_checkin
from trusttui.core.promises import all_promises
from trusttui.core.scripts import all_scripts, get_script, new_script, rename_script, save_steps
from trusttui.core.store import Store
from trusttui.tui.app import TrustApp
from trusttui.tui.screens.script_builder import BuilderScreen
from trusttui.tui.screens.script_dialogs import ChooseFlow, PromiseDialog

MakeApp = Callable[..., TrustApp]


def builder(app: TrustApp) -> BuilderScreen:
    assert isinstance(app.screen, BuilderScreen), app.screen
    return app.screen


def shown(widget: Any) -> str:
    return str(widget.visual)


async def open_new(pilot: Any, flow: str) -> BuilderScreen:
    """From the start of `trusttui script`: choose a flow in the dialog."""
    app = pilot.app
    for _ in range(20):
        await pilot.pause(0.05)
        if isinstance(app.screen, ChooseFlow):
            break
    assert isinstance(app.screen, ChooseFlow)
    if flow == "repair":
        await pilot.press("down")
    await pilot.press("enter")
    for _ in range(20):
        await pilot.pause(0.05)
        if isinstance(app.screen, BuilderScreen):
            break
    return builder(app)


async def test_build_a_hurt_script_through_every_step_and_make_its_request_a_promise(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(start_mode="scripts", mode_options={"scripts": "new"})
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_new(pilot, "hurt")
        assert screen.script.flow == "hurt"
        assert "Step 1 of 7 · What happened" in shown(screen.query_one("#step-where"))
        typed = {
            "happened": "At ten.",
            "felt": "Scared.",
            "need": "Trust.",
            "request": "Text me?",
            "questions": "",
            "listen": "",
            "closing": "Thanks.",
        }
        for index, (name, text) in enumerate(typed.items()):
            assert screen.step.name == name
            if text:
                await pilot.press(*text)
            elif name == "questions":  # pick the first open question
                await pilot.press("tab", "down", "enter")
            else:  # the first reflection starter
                await pilot.press("tab", "down", "enter")
            assert app.focused is screen.text_area
            if name == "request":
                await pilot.press("ctrl+o")
                await pilot.pause()
                dialog = app.screen
                assert isinstance(dialog, PromiseDialog)
                await pilot.press(*"friday 6pm")
                understood = shown(dialog.query_one("#promise-understood"))
                assert "Friday 27 November, 18:00" in understood
                await pilot.press("enter")
                await settle(pilot)
                assert app.screen is screen
            if index < len(typed) - 1:
                await pilot.press("ctrl+n")
        await pilot.press("escape")
        await settle(pilot)
        opened = screen.script.id
        assert app.screen.current.id == opened  # type: ignore[attr-defined]
    (script,) = all_scripts(store.read())
    assert script.steps["happened"] == "At ten."
    assert script.steps["questions"] == "How did that day look from your side?"
    assert script.steps["listen"] == "What I'm hearing is …"
    assert script.filled == 7
    (promise,) = all_promises(store.read())
    assert promise.text == "Text me?"
    assert promise.due == NOW.replace(hour=18, minute=0)
    assert script.title in promise.notes


async def test_tone_flags_appear_as_you_type(make_app: MakeApp, store: Store) -> None:
    script = new_script(store, "hurt")
    app = make_app(start_mode="scripts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        screen = builder(app)
        tone = screen.query_one("#tone")
        assert "reads along" in shown(tone)
        await pilot.press(*"We always have fun.")
        assert "Reads calm." in shown(tone)
        await pilot.press("space", *"You never call.")
        assert "“You never”" in shown(tone) and "Try:" in shown(tone)
        assert tone.border_title == "Tone · 1 to look at"
        assert script.id == screen.script.id


async def test_betrayed_shows_what_often_sits_underneath(make_app: MakeApp, store: Store) -> None:
    new_script(store, "hurt")
    app = make_app(start_mode="scripts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "ctrl+n")
        screen = builder(app)
        screen.text_area.insert("I feel betrayed.")
        await pilot.pause()
        text = shown(screen.query_one("#tone"))
        assert "“I feel betrayed”" in text and "hurt, scared or angry" in text


async def test_what_i_felt_offers_recent_check_ins_and_feeling_words(
    make_app: MakeApp, store: Store
) -> None:
    add_checkin(store, ["anxious", "hurt"], 6)
    new_script(store, "hurt")
    app = make_app(start_mode="scripts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+n")
        screen = builder(app)
        options = screen.query_one("#suggestions", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "From your check-ins" in prompts and "Feeling words" in prompts
        assert any(p.startswith("anxious, hurt") for p in prompts)
        assert any(p.startswith("lonely") for p in prompts)
        assert not any(p.startswith("betrayed") for p in prompts)
        check_in = next(i for i, p in enumerate(prompts) if p.startswith("anxious, hurt"))
        await pilot.press("tab")
        options.highlighted = check_in
        await pilot.press("enter")
        assert screen.text_area.text == "I felt anxious and hurt."


async def test_repair_flow_shows_which_apology_parts_are_there(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(start_mode="scripts", mode_options={"scripts": "new"})
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_new(pilot, "repair")
        checklist = screen.query_one("#apology")
        assert checklist.display
        assert "○ Regret" in shown(checklist) and "Say you are sorry" in shown(checklist)
        await pilot.press(*"I'm sorry.")
        assert "✓ Regret" in shown(checklist)
        await pilot.press("ctrl+n", "ctrl+n")
        assert screen.step.name == "responsibility"
        assert "Own it" in shown(checklist)
        await pilot.press(*"My fault.")
        text = shown(checklist)
        assert "✓ Responsibility" in text and "○ Explanation" in text
        await pilot.press("ctrl+n", "ctrl+n")
        assert screen.step.name == "repair"
        assert screen.check_action("promise", ()) is True
        await pilot.press("ctrl+b")
        assert screen.check_action("promise", ()) is False


async def test_typing_is_never_lost_when_the_file_changes_elsewhere(
    make_app: MakeApp, store: Store
) -> None:
    script = new_script(store, "hurt", "Sunday")
    app = make_app(start_mode="scripts", store_poll=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        screen = builder(app)
        await pilot.press(*"Still typing")
        assert screen.dirty
        rename_script(store, script.id, "Sunday evening")  # another terminal
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.sub_title == "Sunday evening"
        assert screen.text_area.text == "Still typing"
        await pilot.pause(1.0)  # the draft is saved once typing stops
        await app.workers.wait_for_complete()
        assert not screen.dirty
        stored = get_script(store.read(), script.id)
        assert stored is not None
        assert stored.title == "Sunday evening" and stored.steps == {"happened": "Still typing"}
        save_steps(store, stored, {"happened": "Written elsewhere"})  # nothing typed meanwhile
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.text_area.text == "Written elsewhere"


async def test_typing_is_saved_when_quitting_at_once(make_app: MakeApp, store: Store) -> None:
    script = new_script(store, "hurt")
    app = make_app(start_mode="scripts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", *"Last words", "ctrl+q")
    stored = get_script(store.read(), script.id)
    assert stored is not None and stored.steps == {"happened": "Last words"}


async def test_list_rename_duplicate_outcome_delete(make_app: MakeApp, store: Store) -> None:
    save_steps(store, new_script(store, "repair", "Recital"), {"regret": "I'm sorry."})
    app = make_app(start_mode="scripts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*" night", "enter")
        await settle(pilot)
        assert [s.title for s in all_scripts(store.read())] == ["Recital night"]
        await pilot.press("d")
        await settle(pilot)
        titles = sorted(s.title for s in all_scripts(store.read()))
        assert titles == ["Recital night", "Recital night (copy)"]
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"Gentle", "enter", *"tea", "enter", "enter")
        await settle(pilot)
        detail = shown(app.screen.query_one("#scripts-detail", Static))
        assert "How it went  Gentle" in detail and "What helped  tea" in detail
        first = app.screen.current  # type: ignore[attr-defined]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")  # keep it
        await settle(pilot)
        assert len(all_scripts(store.read())) == 2
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        remaining = all_scripts(store.read())
        assert [s.id for s in remaining] != [first.id] and len(remaining) == 1


async def test_user_text_is_never_markup(make_app: MakeApp, store: Store) -> None:
    tricky = "[bold]x[/] [/] [@click=app.quit]y"
    script = new_script(store, "hurt", tricky)
    save_steps(store, script, {"happened": tricky})
    app = make_app(start_mode="scripts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        card = app.screen.query_one("#preview-card", Static)
        assert tricky in shown(card)
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert builder(app).text_area.text == tricky
        assert builder(app).sub_title == tricky
        await pilot.press("escape")
        await settle(pilot)
    assert app.return_code is None or app.return_code == 0


async def test_export_to_a_file_and_copy(
    make_app: MakeApp, store: Store, isolated_env: Any
) -> None:
    save_steps(store, new_script(store, "hurt", "Late again"), {"happened": "At ten."})
    app = make_app(start_mode="scripts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        assert app.clipboard.startswith("# Late again")
        await pilot.press("e")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause(0.2)
        await settle(pilot)
    target = isolated_env / "trusttui-late-again.md"
    assert target.read_text().startswith("# Late again\n")


async def test_rehearse_one_line_at_a_time(make_app: MakeApp, store: Store) -> None:
    save_steps(store, new_script(store, "hurt"), {"happened": "One. Two.", "closing": "Three."})
    app = make_app(start_mode="scripts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        line = app.screen.query_one("#rehearse-line", Static)
        assert shown(line) == "One."
        assert "1 of 3" in shown(app.screen.query_one("#rehearse-where"))
        await pilot.press("space")
        assert shown(line) == "Two."
        await pilot.press("space", "space")
        assert "you're ready" in shown(line)
        await pilot.press("left")
        assert shown(line) == "Three."


async def test_dashboard_card(make_app: MakeApp, store: Store, clock: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        from trusttui.tui.cards.scripts import ScriptsCard

        card = app.screen.query_one(ScriptsCard)
        assert "Press s to begin" in shown(card)
        script = save_steps(store, new_script(store, "repair", "Recital"), {"regret": "Sorry."})
        clock.advance(timedelta(minutes=1).total_seconds())
        app.screen.reload()  # type: ignore[attr-defined]
        await settle(pilot)
        assert "Recital" in shown(card) and "1 of 8 steps" in shown(card)
        assert script.id


async def test_coming_back_from_a_new_script_highlights_it(
    make_app: MakeApp, store: Store, clock: Any
) -> None:
    new_script(store, "hurt", "Older")
    clock.advance(60)
    app = make_app(start_mode="scripts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.2)
        created = builder(app).script
        await pilot.press(*"Hi", "escape")
        await settle(pilot)
        assert app.screen.current.id == created.id  # type: ignore[attr-defined]
        assert app.screen.query_one("#scripts-table").cursor_row == 0
