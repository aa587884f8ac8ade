"""Breathe: choose a pattern, breathe with a calm guide, see how it went.

Views: setup → (before: how tense?) → running → summary. Started from
`trusttui breathe`, it skips the setup and goes back to the shell at the end.
Only this screen talks to the store, always in thread workers (except one
last write if the app closes mid-session).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Footer, Header, Static

from trusttui.core.breath_log import Breath, count_breaths, log_breath, rate_after
from trusttui.core.breath_patterns import all_patterns
from trusttui.core.breath_prefs import (
    Choice,
    ask_tension,
    bell_on,
    last_choice,
    safety_seen,
    save_ask_tension,
    save_bell,
    save_choice,
    save_safety_seen,
)
from trusttui.core.breathing import (
    BUILTIN_PATTERNS,
    DEFAULT_PATTERN,
    BreathStats,
    Length,
    Pattern,
    breath_stats,
)
from trusttui.core.errors import TrustError
from trusttui.core.store import Store
from trusttui.tui.screens.base import ToolScreen
from trusttui.tui.screens.breathe_manage import PatternActions
from trusttui.tui.screens.breathe_session import BreathSession, SessionResult
from trusttui.tui.screens.breathe_words import (
    AFTER_QUESTION,
    BEFORE_QUESTION,
    SAFETY,
    SCALE_HINT,
    ended_words,
    stats_line,
    tension_words,
)
from trusttui.tui.widgets.tense_scale import TenseScale

if TYPE_CHECKING:
    from trusttui.tui.screens.breathe_setup import BreatheSetup

BUILTIN = {pattern.name: pattern for pattern in BUILTIN_PATTERNS}


@dataclass(frozen=True)
class Loaded:
    """What the screen reads from the store."""

    patterns: list[Pattern]
    stats: BreathStats
    sessions: int
    choice: Choice
    bell: bool
    ask: bool
    safety_seen: bool


def write_log(store: Store, result: SessionResult, before: int | None) -> Breath:
    """Save a session as it ended (in a worker, or as the app closes)."""
    return log_breath(
        store,
        pattern=result.pattern.name,
        started=result.started,
        ended=result.ended,
        seconds=result.seconds,
        cycles=result.cycles,
        completed=result.completed,
        before=before,
    )


class BreatheScreen(PatternActions, ToolScreen, inherit_bindings=False):
    """The breathing timer."""

    CSS_PATH = "breathe.tcss"
    AUTO_FOCUS = ""
    """Focus follows the view (`show_view`); never a hidden widget."""
    SUB_TITLE = "Breathe"
    BINDINGS = [
        Binding("escape", "home", "Today", id="home"),
        Binding("n", "new_pattern", "New pattern", id="breathe-new"),
        Binding("e", "edit_pattern", "Edit", id="breathe-edit"),
        Binding("d,delete", "delete_pattern", "Delete", id="breathe-delete"),
        Binding("space", "pause", "Pause / go on", id="breathe-pause"),
        Binding("q,escape", "stop", "Stop", id="breathe-stop"),
        Binding("q", "cancel", "Back", id="breathe-cancel"),
        Binding("q,escape,enter", "done", "Done", id="breathe-done"),
    ]
    VIEW_ACTIONS = {
        "setup": {"home", "new_pattern", "edit_pattern", "delete_pattern"},
        "before": {"cancel"},
        "running": {"pause", "stop"},
        "summary": {"done"},
    }

    def __init__(self) -> None:
        super().__init__()
        self.loaded: Loaded | None = None
        self.before: int | None = None
        self.result: SessionResult | None = None
        self.breath_id: str | None = None
        self.pending_after: int | None = None
        self.one_shot_options: dict[str, Any] | None = None
        self._starting: tuple[Pattern, Length, bool] | None = None
        self._session = BreathSession(id="running")
        self._await_load = False
        self._gone = False
        """Unmounted: results of workers still running are dropped."""
        """`trusttui breathe` named a custom pattern: start once the patterns are loaded."""

    def compose(self) -> ComposeResult:
        app = self.trust_app
        if app.start_mode == "breathe" and app.mode_options:
            self.one_shot_options = dict(app.mode_options)
        yield Header(icon="❀")
        yield Static(SAFETY, id="safety", markup=False)
        with ContentSwitcher(initial="running" if self.skips_setup else "setup", id="views"):
            if not self.skips_setup:
                # Imported here: `trusttui breathe` never shows the setup, and starts sooner.
                from trusttui.tui.screens.breathe_setup import BreatheSetup

                yield BreatheSetup(id="setup")
            with Vertical(id="before"):
                yield Static(BEFORE_QUESTION, classes="question")
                with Center(classes="scale-row"):
                    yield TenseScale(id="before-scale")
                yield Static(f"{SCALE_HINT} · Enter or Esc skips", classes="hint")
            yield self._session
            with Vertical(id="summary"):
                yield Static(id="summary-text", markup=False)
                yield Static(id="summary-tension", markup=False)
                yield Static(AFTER_QUESTION, id="after-question", classes="question")
                with Center(classes="scale-row", id="after-row"):
                    yield TenseScale(id="after-scale")
                yield Static(id="summary-hint", classes="hint")
                yield Static(id="summary-stats", classes="hint", markup=False)
        yield Footer()

    # -- views -----------------------------------------------------------------------

    @property
    def view(self) -> str:
        return self.query_one(ContentSwitcher).current or "setup"

    def show_view(self, view: str) -> None:
        self.query_one(ContentSwitcher).current = view
        focus = {"setup": "#pattern-list", "before": "#before-scale", "summary": "#after-scale"}
        if view in focus:
            self.query_one(focus[view]).focus()
        else:
            self.set_focus(None)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        for view, actions in self.VIEW_ACTIONS.items():
            if action in actions:
                if view != self.view:
                    return False
                if action in ("edit_pattern", "delete_pattern"):
                    return self.setup.selected_custom() is not None
        return True

    @property
    def skips_setup(self) -> bool:
        """Started by `trusttui breathe` for one session: there is no setup view."""
        return self.one_shot_options is not None and self.trust_app.one_shot

    @property
    def setup(self) -> BreatheSetup:
        return cast("BreatheSetup", self.query_one("#setup"))

    @property
    def session(self) -> BreathSession:
        return self._session

    # -- loading ---------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.one_shot_options is not None:
            self._start_from_options(self.one_shot_options)
        else:
            self.show_view("setup")

    def on_screen_resume(self) -> None:
        if self.view == "summary" and not self.skips_setup:
            self.show_view("setup")
        super().on_screen_resume()

    def on_screen_suspend(self) -> None:
        self.session.pause()

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="breathe-load")
    def _load(self) -> None:
        app = self.trust_app
        try:
            db = app.store.read()
            loaded = Loaded(
                patterns=all_patterns(db),
                stats=breath_stats(db, app.clock.now()),
                sessions=count_breaths(db),
                choice=last_choice(db),
                bell=bell_on(db),
                ask=ask_tension(db),
                safety_seen=safety_seen(db),
            )
        except TrustError as error:
            app.report_error(error, severity="error", timeout=10)
            return
        app.call_from_thread(self._apply, loaded)

    def _apply(self, loaded: Loaded) -> None:
        if self._gone:
            return
        first = self.loaded is None
        self.loaded = loaded
        if not self.skips_setup:
            self.setup.show(loaded, first=first)
        if first and not loaded.safety_seen:
            self.query_one("#safety").add_class("-shown")
            self._save(save_safety_seen)
        if self.view == "summary" and self.result is not None:
            self.query_one("#summary-stats", Static).update(Content(stats_line(loaded.stats)))
        if self._await_load and self.one_shot_options is not None:
            self._start_from_options(self.one_shot_options)

    # -- starting -------------------------------------------------------------------

    def _start_from_options(self, options: dict[str, Any]) -> None:
        """Begin the session `trusttui breathe` asked for (custom patterns wait for the load)."""
        name = str(options.get("pattern") or DEFAULT_PATTERN)
        pattern = BUILTIN.get(name)
        if pattern is None and self.loaded is not None:
            found = [p for p in self.loaded.patterns if p.name.casefold() == name.casefold()]
            pattern = found[0] if found else BUILTIN[DEFAULT_PATTERN]
        minutes, cycles = options.get("minutes"), options.get("cycles")
        length = Length(cycles=int(cycles)) if cycles else Length(minutes=float(minutes or 2))
        bell = bool(options.get("bell", True))
        self.query_one(ContentSwitcher).current = "running"
        self._await_load = pattern is None
        if pattern is None:
            return
        self._starting = (pattern, length, bell)
        if options.get("rate"):
            self.show_view("before")
        else:
            self._begin_running(None)

    def on_breathe_setup_begin(self, event: BreatheSetup.Begin) -> None:
        choice = Choice(event.pattern.name, event.length)
        self._save(save_choice, choice)
        self._starting = (event.pattern, event.length, event.bell)
        if event.ask:
            self.show_view("before")
        else:
            self._begin_running(None)

    def on_breathe_setup_toggled(self, event: BreatheSetup.Toggled) -> None:
        saver = save_bell if event.setting == "bell" else save_ask_tension
        self._save(saver, event.value)

    @on(TenseScale.Rated, "#before-scale")
    def _rated_before(self, event: TenseScale.Rated) -> None:
        if self.view == "before":
            self._begin_running(event.value)

    def _begin_running(self, before: int | None) -> None:
        assert self._starting is not None
        pattern, length, bell = self._starting
        self._starting = None
        self.before = before
        self.result = None
        self.breath_id = None
        self.pending_after = None
        self.show_view("running")
        self.session.begin(pattern, length, bell=bell)

    # -- running ----------------------------------------------------------------------

    def action_home(self) -> None:
        self.trust_app.action_go_home()

    def action_pause(self) -> None:
        self.session.toggle_pause()

    def action_stop(self) -> None:
        self.session.stop()

    def action_cancel(self) -> None:
        self._starting = None
        if self.skips_setup:
            self.trust_app.finish_tool()
        else:
            self.show_view("setup")

    @on(BreathSession.Ended)
    def _ended(self, event: BreathSession.Ended) -> None:
        result = event.result
        self.result = result
        leave = self.one_shot_options is not None and not result.completed
        self._log(result, self.before, leave=leave)
        if leave:
            return
        self.query_one("#summary-text", Static).update(
            Content(ended_words(result.pattern, result.seconds, result.cycles, result.completed))
        )
        self._show_tension(asking=True)
        self.show_view("summary")

    def _show_tension(self, *, asking: bool, after: int | None = None) -> None:
        self.query_one("#summary-tension", Static).update(
            Content(tension_words(self.before, after))
        )
        self.query_one("#after-question").display = asking
        self.query_one("#after-row").display = asking
        hint = f"{SCALE_HINT} · Esc or q: done" if asking else "Enter, Esc or q: done"
        self.query_one("#summary-hint", Static).update(Content(hint))
        if not asking:
            self.set_focus(None)

    @work(thread=True, group="breathe-log")
    def _log(self, result: SessionResult, before: int | None, *, leave: bool) -> None:
        app = self.trust_app
        try:
            breath = write_log(app.store, result, before)
            stats = breath_stats(app.store.read(), app.clock.now())
        except TrustError as error:
            app.report_error(error, severity="error", timeout=10)
            if leave:
                app.call_from_thread(app.finish_tool)
            return
        app.call_from_thread(self._logged, breath.id, stats, leave)

    def _logged(self, breath_id: str, stats: BreathStats, leave: bool) -> None:
        if self._gone:
            return
        self.breath_id = breath_id
        if leave:
            self.trust_app.finish_tool()
            return
        self._show_stats(stats)
        if self.pending_after is not None:
            self._rate(breath_id, self.pending_after)

    def on_unmount(self) -> None:
        """The app is closing mid-session: log it now, there will be no later."""
        self._gone = True
        session = self._session
        if not session.running:
            return
        result = session.stop(quiet=True)
        if result is not None:
            with contextlib.suppress(TrustError):
                write_log(self.trust_app.store, result, self.before)

    # -- summary ---------------------------------------------------------------------

    @on(TenseScale.Rated, "#after-scale")
    def _rated_after(self, event: TenseScale.Rated) -> None:
        if self.view != "summary":
            return
        if event.value is None:
            self.action_done()
            return
        self._show_tension(asking=False, after=event.value)
        if self.breath_id is None:
            self.pending_after = event.value
        else:
            self._rate(self.breath_id, event.value)

    @work(thread=True, group="breathe-log")
    def _rate(self, breath_id: str, after: int) -> None:
        app = self.trust_app
        try:
            rate_after(app.store, breath_id, after)
            stats = breath_stats(app.store.read(), app.clock.now())
        except TrustError as error:
            app.report_error(error, severity="error", timeout=10)
            return
        app.call_from_thread(self._show_stats, stats)

    def _show_stats(self, stats: BreathStats) -> None:
        if not self._gone:
            self.query_one("#summary-stats", Static).update(Content(stats_line(stats)))

    def action_done(self) -> None:
        self.trust_app.finish_tool()
        if not self.skips_setup:
            self.show_view("setup")

    # -- settings ----------------------------------------------------------------------

    @work(thread=True, group="breathe-save")
    def _save(self, saver: Any, *args: Any) -> None:
        app = self.trust_app
        try:
            saver(app.store, *args)
        except TrustError as error:
            app.report_error(error, severity="warning", timeout=10)
