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
from trusttui.core.places import Places
from trusttui.core.scripts import (
    Script,
    delete_script,
    duplicate_script,
    new_script,
    record_outcome,
    rename_script,
)
from trusttui.core.share import current_user
from trusttui.core.sharing import read_scripts, script_home, share_script
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
LINKED_COLUMNS = (("Title", 16), ("Board", 6), *COLUMNS[1:])
"""With a shared board: which board each script is on (a word, not a colour)."""


def board_content(script: Script) -> Content:
    """Which board a script is on, who made and changed it (when not you), and the key."""
    me = current_user()
    if not script.shared:
        return Content.styled(
            "Only you see this one. S puts it on the shared board.", "$text-muted"
        )
    parts = ["On the shared board"]
    if script.created_by and script.created_by != me:
        parts.append(f"made by {script.created_by}")
    if script.updated_by and script.updated_by != me:
        parts.append(f"last changed by {script.updated_by}")
    key = "" if script.created_by not in (None, me) else ". S keeps it to yourself"
    return Content.styled(" · ".join(parts) + key + ".", "$text-secondary")


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
        Binding(
            "S",
            "share",
            "Share or keep to yourself",
            show=False,
            tooltip="Put it on the shared board, or take it back to your own",
            id="scripts-share",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[Script] = []
        self.linked = False
        """Whether a shared board is connected (the table then shows each script's board)."""
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
        places = app.places
        try:
            scripts = read_scripts(places)
        except TrustError as error:
            app.report_error(error, severity="error", timeout=10)
            return
        app.call_from_thread(self._show, scripts, places.linked)

    def _columns(self, table: DataTable[Text], linked: bool) -> None:
        if linked == self.linked and table.columns:
            return
        self.linked = linked
        self.refresh_bindings()
        table.clear(columns=True)
        for label, width in LINKED_COLUMNS if linked else COLUMNS:
            table.add_column(label, width=width)

    def _show(self, scripts: list[Script], linked: bool = False) -> None:
        table = self.query_one("#scripts-table", DataTable)
        keep = self._opened or (self.current.id if self.current else None)
        self._opened = None
        self.scripts = scripts
        now = self.trust_app.clock.now()
        self._columns(table, linked)
        table.clear()
        for script in scripts:
            steps = len(get_flow(script.flow).steps)
            board = [Text("shared" if script.shared else "own")] if linked else []
            table.add_row(
                Text(script.title, overflow="ellipsis", no_wrap=True),
                *board,
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
        board = [board_content(script)] if self.linked else []
        outcome = script.outcome
        if outcome is None:
            after = Content.styled("After the talk, press o to note how it went.", "$text-muted")
            detail.update(Content("\n").join([*board, after]))
            return
        lines = [Content.assemble(("How it went  ", "bold"), outcome.how)]
        if outcome.helped:
            lines.append(Content.assemble(("What helped  ", "bold"), outcome.helped))
        if outcome.next_time:
            lines.append(Content.assemble(("Next time    ", "bold"), outcome.next_time))
        detail.update(Content("\n").join([*board, *lines]))

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
        script = await self._write_places(lambda places: new_script(places.private, flow))
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

    @work(exclusive=True, group="scripts-dialog")
    async def action_share(self) -> None:
        """Put the script on the shared board, or take it back to your own."""
        script = self.current
        if script is None:
            return
        share = not script.shared
        moved = await self._write_places(lambda places: share_script(places, script.id, share))
        if moved is None:
            return
        if moved.shared:
            self.notify("On the shared board now: your partner can read it and add to it.")
        else:
            self.notify("Back on your own board: only you see it now.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "share":
            return self.linked
        return True

    async def _change(self, change: Callable[..., Script], script_id: str, *args: Any) -> Script:
        """Run a change in a thread on the file holding the script, then reload.

        Raises TrustError.
        """

        def run(places: Places) -> Script:
            return change(*script_home(places, script_id), *args)

        return await self._change_places(run)

    async def _change_places(self, do: Callable[[Places], Script]) -> Script:
        result = await asyncio.to_thread(do, self.trust_app.places)
        self.reload()
        return result

    async def _write(self, change: Callable[..., Script], script_id: str) -> Script | None:
        """Like `_change`, telling any problem in a calm notification."""
        return await self._write_places(lambda places: change(*script_home(places, script_id)))

    async def _write_places(self, do: Callable[[Places], Script]) -> Script | None:
        try:
            return await self._change_places(do)
        except TrustError as error:
            self.notify(str(error), severity="error", markup=False)
            return None
