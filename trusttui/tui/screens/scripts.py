"""Scripts: the saved conversation scripts, and the way into the builder."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from trusttui.core.errors import TrustError
from trusttui.core.flows import get_flow
from trusttui.core.scripts import (
    Script,
    all_scripts,
    delete_script,
    duplicate_script,
    new_script,
    record_outcome,
    rename_script,
)
from trusttui.tui.screens.base import ToolScreen
from trusttui.tui.screens.script_dialogs import AskText, ChooseFlow, ConfirmDelete, OutcomeDialog
from trusttui.tui.screens.script_read import (
    PreviewScreen,
    RehearseScreen,
    copy_script,
    export_script,
)

FLOW_LABELS = {"hurt": "I was hurt", "repair": "I broke a promise"}
COLUMNS = (("Title", 22), ("Talk", 17), ("Steps", 5), ("Updated", 9), ("After", 11))
"""Column widths that fit 80 columns; the detail line below shows the outcome in full."""


def when(moment: datetime, now: datetime) -> str:
    """A short, friendly date."""
    days = (now.date() - moment.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7:
        return f"{moment:%A}"
    if moment.year == now.year:
        return f"{moment:%-d %b}"
    return f"{moment:%b %Y}"


class ScriptsScreen(ToolScreen):
    """A list of saved scripts; n starts a new one, enter opens one in the builder."""

    CSS_PATH = "scripts.tcss"
    SUB_TITLE = "Scripts"
    BINDINGS = [
        Binding("n", "new", "New", id="scripts-new"),
        Binding("enter", "open", "Open", id="scripts-open"),
        Binding("v", "preview", "Preview", id="scripts-preview"),
        Binding("h", "rehearse", "Rehearse", id="scripts-rehearse"),
        Binding("o", "outcome", "After the talk", id="scripts-outcome"),
        Binding("e", "export", "Export", id="scripts-export"),
        Binding("c", "copy", "Copy", show=False, id="scripts-copy"),
        Binding("d", "duplicate", "Duplicate", show=False, id="scripts-duplicate"),
        Binding("r", "rename", "Rename", show=False, id="scripts-rename"),
        Binding("x,delete", "delete", "Delete", show=False, id="scripts-delete"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[Script] = []
        self._loaded = False
        self._start_handled = False
        self._opened: str | None = None
        """The script last opened in the builder: highlighted on coming back."""

    def compose(self) -> ComposeResult:
        yield Header(icon="❀")
        with Vertical(id="scripts-body"):
            yield Static(
                "Prepare a calm, honest talk: n for a new script, enter to open one.",
                id="scripts-intro",
            )
            table: DataTable[Text] = DataTable(id="scripts-table", cursor_type="row")
            for label, width in COLUMNS:
                table.add_column(label, width=width)
            yield table
            yield Static(id="scripts-detail")
        yield Footer()

    # -- loading ------------------------------------------------------------------

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="scripts-load")
    def _load(self) -> None:
        app = self.trust_app
        try:
            scripts = all_scripts(app.store.read())
        except TrustError as error:
            app.call_from_thread(app.notify, str(error), severity="error", timeout=10)
            return
        app.call_from_thread(self._show, scripts)

    def _show(self, scripts: list[Script]) -> None:
        table = self.query_one("#scripts-table", DataTable)
        keep = self._opened or (self.current.id if self.current else None)
        self._opened = None
        self.scripts = scripts
        now = self.trust_app.clock.now()
        table.clear()
        for script in scripts:
            steps = len(get_flow(script.flow).steps)
            table.add_row(
                Text(script.title, overflow="ellipsis", no_wrap=True),
                Text(FLOW_LABELS.get(script.flow, script.flow)),
                Text(f"{script.filled}/{steps}"),
                Text(when(script.updated, now)),
                Text(
                    script.outcome.how if script.outcome else "—",
                    style="italic",
                    overflow="ellipsis",
                    no_wrap=True,
                ),
                key=script.id,
            )
        rows = [script.id for script in scripts]
        if keep in rows:
            table.move_cursor(row=rows.index(keep), animate=False)
        table.display = bool(scripts)
        self._show_detail()
        if not self._loaded:
            self._loaded = True
            self._maybe_start()

    def _maybe_start(self) -> None:
        app = self.trust_app
        if self._start_handled or app.start_mode != "scripts":
            return
        self._start_handled = True
        if app.mode_options.get("scripts") == "new":
            self.action_new()

    @property
    def current(self) -> Script | None:
        table = self.query_one("#scripts-table", DataTable)
        if not self.scripts or not 0 <= table.cursor_row < len(self.scripts):
            return None
        return self.scripts[table.cursor_row]

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        detail = self.query_one("#scripts-detail", Static)
        script = self.current
        if script is None:
            detail.update(
                Content.assemble(
                    ("No scripts yet.", "bold"),
                    "\nPress n to prepare one: when you were hurt, or when you broke a promise. "
                    "It stays here, and only here.",
                )
            )
            return
        outcome = script.outcome
        if outcome is None:
            detail.update(
                Content.styled("After the talk, press o to note how it went.", "$text-muted")
            )
            return
        lines = [Content.assemble(("How it went  ", "bold"), outcome.how)]
        if outcome.helped:
            lines.append(Content.assemble(("What helped  ", "bold"), outcome.helped))
        if outcome.next_time:
            lines.append(Content.assemble(("Next time    ", "bold"), outcome.next_time))
        detail.update(Content("\n").join(lines))

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    # -- actions ------------------------------------------------------------------

    @work(exclusive=True, group="scripts-dialog")
    async def action_new(self) -> None:
        """Choose a flow, then start a script in the builder."""
        flow = await self.app.push_screen_wait(ChooseFlow())
        if flow is None:
            return
        script = await self._write(new_script, flow)
        if script is not None:
            self._open(script)

    def action_open(self) -> None:
        if self.current:
            self._open(self.current)

    def _open(self, script: Script) -> None:
        from trusttui.tui.screens.script_builder import BuilderScreen

        self._opened = script.id
        self.app.push_screen(BuilderScreen(script))

    def action_preview(self) -> None:
        if self.current:
            self.app.push_screen(PreviewScreen(self.current))

    def action_rehearse(self) -> None:
        if self.current:
            self.app.push_screen(RehearseScreen(self.current))

    def action_copy(self) -> None:
        if self.current:
            copy_script(self, self.current)

    def action_export(self) -> None:
        if self.current:
            export_script(self, self.current)

    @work(exclusive=True, group="scripts-dialog")
    async def action_outcome(self) -> None:
        """After the talk: how it went, what helped, what to try next time."""
        script = self.current
        if script is None:
            return
        outcome, error = script.outcome, ""
        while True:
            answer = await self.app.push_screen_wait(OutcomeDialog(outcome, error))
            if answer is None:
                return
            try:
                await self._change(record_outcome, script.id, answer)
            except TrustError as problem:
                outcome, error = answer, str(problem)
                continue
            self.notify("Noted. Thank you for looking back on it.")
            return

    @work(exclusive=True, group="scripts-dialog")
    async def action_rename(self) -> None:
        script = self.current
        if script is None:
            return
        title, error = script.title, ""
        while True:
            answer = await self.app.push_screen_wait(
                AskText("Rename script", "A short title you'll recognise:", title, error)
            )
            if answer is None:
                return
            try:
                await self._change(rename_script, script.id, answer)
            except TrustError as problem:
                title, error = answer, str(problem)
                continue
            return

    @work(exclusive=True, group="scripts-dialog")
    async def action_duplicate(self) -> None:
        script = self.current
        if script is None:
            return
        copy = await self._write(duplicate_script, script.id)
        if copy is not None:
            self.notify(f"Made a copy: {copy.title}", markup=False)

    @work(exclusive=True, group="scripts-dialog")
    async def action_delete(self) -> None:
        script = self.current
        if script is None:
            return
        if await self.app.push_screen_wait(ConfirmDelete(script.title)):
            await self._write(delete_script, script.id)

    async def _change(self, change: Callable[..., Script], *args: Any) -> Script:
        """Run a store change in a thread, then reload. Raises TrustError."""
        result = await asyncio.to_thread(change, self.trust_app.store, *args)
        self.reload()
        return result

    async def _write(self, change: Callable[..., Script], *args: Any) -> Script | None:
        """Like `_change`, telling any problem in a calm notification."""
        try:
            return await self._change(change, *args)
        except TrustError as error:
            self.notify(str(error), severity="error", markup=False)
            return None
