"""Progress: trust over weeks in plain words, signs of progress, the check-in and the journal."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static, TabbedContent, TabPane

from trusttui.core import journal
from trusttui.core.checkins import add_checkin, latest_checkin
from trusttui.core.errors import TrustError
from trusttui.core.progress import Progress, Reading, Records, Series, progress_report
from trusttui.core.signs import NO_SIGNS, Sign, find_signs
from trusttui.tui.messages import StoreChanged
from trusttui.tui.screens.base import ToolScreen
from trusttui.tui.screens.checkin_form import CheckinForm, when_line
from trusttui.tui.screens.journal_dialogs import ConfirmDialog, PromptsDialog
from trusttui.tui.screens.journal_pane import SHOWN, JournalPane
from trusttui.tui.widgets.weekchart import WeekChart, month_axis

ROWS = ("predictability", "dependability", "faith", "reliability", "unpleasant")
"""The chart rows, in order; a series that is not available leaves its row hidden."""

SIGNS_INTRO = "From your own records. Facts, not grades: some weeks have fewer, and that's fine."


@dataclass(frozen=True)
class Loaded:
    """What one reload found, handed to the UI thread."""

    progress: Progress
    signs: list[Sign]
    when: Content
    entries: list[journal.JournalEntry]


def value_line(series: Series) -> Content:
    """The latest value on its scale, under the row's label."""
    value = series.latest
    if value is None:
        return Content.styled("–", "$text-muted")
    scale = "" if series.percent else f" of {series.high:.0f}"
    return Content.assemble((series.show(value), "bold"), (scale, "$text-muted"))


def reading_line(reading: Reading) -> Content:
    style = "$text-warning" if reading.dip else "$text-muted" if reading.trend == "none" else ""
    return Content.styled(reading.text[:1].upper() + reading.text[1:] + ".", style)


class ProgressScreen(ToolScreen):
    """Four panes: over time, signs of progress, the check-in, the journal."""

    CSS_PATH = "progress.tcss"
    SUB_TITLE = "Progress"
    BINDINGS = [
        Binding("o", "show_tab('overview')", "Over time", show=False, id="tab-overview"),
        Binding("i", "show_tab('signs')", "Signs", show=False, id="tab-signs"),
        Binding("c", "show_tab('checkin')", "Check in", id="tab-checkin"),
        Binding("j", "show_tab('journal')", "Journal", id="tab-journal"),
        Binding("n", "setback", "Setback", id="add-setback"),
        Binding("r", "reflect", "Reflect", id="add-reflection"),
        Binding("d", "delete_entry", "Delete", id="delete-entry"),
        Binding("ctrl+s", "save_checkin", "Save check-in", show=False, id="save-checkin"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="❀")
        with TabbedContent(initial="overview"):
            with TabPane("Over time", id="overview"), VerticalScroll(id="overview-scroll"):
                yield Static(id="headline")
                for key in ROWS:
                    with Horizontal(id=f"row-{key}", classes="chart-row"):
                        with Vertical(classes="chart-label"):
                            yield Static(classes="chart-name")
                            yield Static(classes="chart-value")
                        yield WeekChart(classes="chart")
                        yield Static(classes="chart-reading")
                with Horizontal(id="axis-row"):
                    yield Static("", classes="chart-label")
                    yield Static(id="axis")
            with TabPane("Signs of progress", id="signs"), VerticalScroll():
                yield Static(SIGNS_INTRO, id="signs-intro")
                yield Static(id="signs-list")
            with TabPane("Check in", id="checkin"):
                yield CheckinForm(id="checkin-form")
            with TabPane("Journal", id="journal"):
                yield JournalPane(id="journal-pane")
        yield Footer()

    def on_mount(self) -> None:
        tab = self.trust_app.mode_options.get("tab")
        if self.trust_app.start_mode == "progress" and tab in ("overview", "signs", "checkin"):
            self.action_show_tab(str(tab))

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="progress")
    def _load(self) -> None:
        app = self.trust_app
        try:
            db = app.store.read()
            now = app.clock.now()
            records = Records.load(db)
            loaded = Loaded(
                progress=progress_report(db, now, records=records),
                signs=find_signs(db, now, records),
                when=when_line(latest_checkin(db), now),
                entries=journal.all_entries(db)[::-1][:SHOWN],
            )
        except TrustError as error:
            app.report_error(error, severity="error", timeout=10)
            return
        app.call_from_thread(self._show, loaded)

    def _show(self, loaded: Loaded) -> None:
        progress = loaded.progress
        self.query_one("#headline", Static).update(progress.headline)
        by_key = {series.key: series for series in progress.series}
        readings = {reading.key: reading for reading in progress.readings}
        for key in ROWS:
            row = self.query_one(f"#row-{key}")
            series = by_key.get(key)
            row.display = series is not None
            if series is None:
                continue
            row.query_one(".chart-name", Static).update(Content.styled(series.label, "bold"))
            row.query_one(".chart-value", Static).update(value_line(series))
            row.query_one(WeekChart).show_values(series.values, series.low, series.high)
            row.query_one(".chart-reading", Static).update(reading_line(readings[key]))
        self.query_one("#axis", Static).update(
            Content.styled(month_axis(progress.starts), "$text-muted")
        )
        signs = [Content.assemble("• ", sign.text) for sign in loaded.signs]
        self.query_one("#signs-list", Static).update(
            Content("\n").join(signs) if signs else Content.styled(NO_SIGNS, "$text-muted")
        )
        self.query_one(CheckinForm).show_when(loaded.when)
        self.query_one(JournalPane).show_entries(loaded.entries)

    # -- tabs -------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        focus = {"checkin": "#q-match", "journal": "#journal-list"}.get(tab, "Tabs")
        self.query_one(focus).focus()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete_entry":
            on_journal = self.query_one(TabbedContent).active == "journal"
            return on_journal and self.query_one(JournalPane).highlighted_id is not None
        return True

    # -- the check-in -----------------------------------------------------------------

    @on(Button.Pressed, "#save-checkin")
    def action_save_checkin(self) -> None:
        form = self.query_one(CheckinForm)
        answers = form.answers()
        if all(value is None for value in answers.values()):
            self.notify("Answer any one statement first; the rest can wait.", timeout=4)
            return
        self._save_checkin(answers, form.note())

    @work(thread=True, exclusive=True, group="progress-write")
    def _save_checkin(self, answers: dict[str, int | None], note: str) -> None:
        app = self.trust_app
        try:
            add_checkin(app.store, answers, note)
        except TrustError as error:
            app.report_error(error, severity="warning")
            return
        app.call_from_thread(self._checkin_saved)

    def _checkin_saved(self) -> None:
        self.query_one(CheckinForm).clear()
        self.notify("Saved. Thank you for checking in with yourself.")
        self.action_show_tab("overview")
        self.post_message(StoreChanged())

    # -- the journal ------------------------------------------------------------------

    @work(exclusive=True, group="progress-dialog")
    async def action_setback(self) -> None:
        dialog = PromptsDialog("A setback", journal.SETBACK_COMFORT, journal.SETBACK_PROMPTS)
        text = await self.app.push_screen_wait(dialog)
        if text:
            self._add_entry("setback", text)

    @work(exclusive=True, group="progress-dialog")
    async def action_reflect(self) -> None:
        dialog = PromptsDialog(
            "A reflection", journal.REFLECTION_COMFORT, journal.REFLECTION_PROMPTS
        )
        text = await self.app.push_screen_wait(dialog)
        if text:
            self._add_entry("reflection", text)

    @work(thread=True, group="progress-write")
    def _add_entry(self, kind: str, text: str) -> None:
        app = self.trust_app
        try:
            journal.add_entry(app.store, kind, text)
        except TrustError as error:
            app.report_error(error, severity="warning")
            return
        app.call_from_thread(self._entry_saved, kind)

    def _entry_saved(self, kind: str) -> None:
        self.notify(journal.ACKNOWLEDGEMENTS[kind])
        self.action_show_tab("journal")
        self.post_message(StoreChanged())

    @work(exclusive=True, group="progress-dialog")
    async def action_delete_entry(self) -> None:
        pane = self.query_one(JournalPane)
        entry_id = pane.highlighted_id
        if entry_id is None:
            return
        if await self.app.push_screen_wait(ConfirmDialog("Delete this entry? It can't be undone.")):
            self._delete_entry(entry_id)

    @work(thread=True, group="progress-write")
    def _delete_entry(self, entry_id: str) -> None:
        app = self.trust_app
        try:
            journal.delete_entry(app.store, entry_id)
        except TrustError as error:
            app.report_error(error, severity="warning")
            return
        app.call_from_thread(self.post_message, StoreChanged())
