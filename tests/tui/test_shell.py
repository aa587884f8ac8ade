"""The app shell: navigation, keys dialog, palette, theme, quitting, small windows."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any

from trusttui.core.settings import get_setting
from trusttui.core.store import Store
from trusttui.tui.app import TrustApp
from trusttui.tui.screens.dashboard import DashboardScreen
from trusttui.tui.screens.help import HelpScreen, TooSmallScreen

MakeApp = Callable[..., TrustApp]


async def test_opens_on_the_dashboard_with_a_greeting(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        welcome = str(app.screen.query_one("#welcome").visual)
        assert "Good afternoon." in welcome and "Friday 27 November" in welcome


async def test_help_lists_keys_and_closes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {description: key for key, description in app.screen.keys}
        assert keys["Quit"] == "^q"
        assert "Quick exit" in keys
        assert not any("Scroll" in description for description in keys)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_command_palette_offers_tools_and_help(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Open Today" in titles and "Help" in titles and "Theme" in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"help")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_theme_is_saved_and_restored(make_app: MakeApp, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "ansi-dark"
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert get_setting(store.read(), "theme") == "ansi-dark"
    again = make_app()
    async with again.run_test(size=(80, 24)):
        assert again.theme == "ansi-dark"


async def test_ctrl_q_quits_with_status_0(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_quick_exit_leaves_at_once(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.press("ctrl+x")
    assert app.quick_exit and app.return_code == 0


async def test_sigterm_ends_the_app_cleanly(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        os.kill(os.getpid(), signal.SIGTERM)
        await pilot.pause(0.1)
    assert app.return_code == 0


async def test_too_small_window_shows_a_note_and_recovers(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for size in [(40, 12), (10, 3), (1, 1), (55, 30), (120, 15)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen), size
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_store_change_from_elsewhere_reaches_the_screen(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(store_poll=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen: list[str] = []
        original = app.screen.reload
        app.screen.reload = lambda: (seen.append("reload"), original())[1]  # type: ignore[method-assign]
        with store.transaction() as db:
            db.table("meta").update({"demo": True})
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen
        assert "sample data" in str(app.screen.query_one("#welcome").visual)


def test_start_mode_and_options_are_kept(make_app: MakeApp) -> None:
    app: Any = make_app(start_mode="dashboard", mode_options={"x": 1}, one_shot=True)
    assert app.mode_options == {"x": 1} and app.one_shot


async def test_a_write_by_another_process_is_shown_within_the_poll(
    make_app: MakeApp, store: Store
) -> None:
    import subprocess
    import sys

    app = make_app(store_poll=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert "sample data" not in str(app.screen.query_one("#welcome").visual)
        code = (
            "import sys\nfrom trusttui.core.store import Store\n"
            "with Store(sys.argv[1]).transaction() as db:\n"
            "    db.table('meta').update({'demo': True})\n"
        )
        subprocess.run([sys.executable, "-c", code, str(store.path)], check=True)
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "sample data" in str(app.screen.query_one("#welcome").visual)


async def test_a_problem_from_a_worker_is_shown_as_plain_text(make_app: MakeApp) -> None:
    from textual.widgets._toast import Toast

    from trusttui.core.errors import InputError

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        message = "No promise has an id starting with '[/]x[@click=app.quit]'."
        worker = app.run_worker(lambda: app.report_error(InputError(message)), thread=True)
        await worker.wait()
        await pilot.pause()
        (notification,) = list(app._notifications)
        assert Toast(notification).render().plain == message  # what the toast draws
