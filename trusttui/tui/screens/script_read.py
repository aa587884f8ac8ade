"""Reading a script back: the preview card, rehearsal, export and copy."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from trusttui.core.errors import TrustError
from trusttui.core.scripts import (
    Script,
    export_markdown,
    export_path,
    get_script,
    rehearsal_lines,
    render_markdown,
)
from trusttui.tui.screens.base import ToolScreen
from trusttui.tui.screens.script_dialogs import AskText

CLIPBOARD_NOTE = (
    "Copied as Markdown through your terminal (OSC 52). Some terminals don't allow it; "
    "press e to save a file instead."
)


def copy_script(screen: Screen[Any], script: Script) -> None:
    """Copy the script as Markdown, best effort, and say so."""
    screen.app.copy_to_clipboard(render_markdown(script))
    screen.notify(CLIPBOARD_NOTE, timeout=8)


def export_script(screen: Screen[Any], script: Script) -> None:
    """Ask where to save the Markdown file, then save it (never over another file)."""
    screen.run_worker(_export(screen, script), exclusive=True, group="scripts-dialog")


async def _export(screen: Screen[Any], script: Script) -> None:
    suggested = await asyncio.to_thread(export_path, script, Path.home())
    path, error = str(suggested), ""
    while True:
        answer = await screen.app.push_screen_wait(
            AskText("Export as Markdown", "Save the script to this file:", path, error)
        )
        if answer is None:
            return
        try:
            saved = await asyncio.to_thread(export_markdown, script, Path(answer.strip()))
        except TrustError as problem:
            path, error = answer, str(problem)
            continue
        screen.notify(f"Saved to {saved}. Only you can read it.", markup=False, timeout=8)
        return


def script_card(script: Script) -> Content:
    """The whole script as a readable card: each written step under its title."""
    parts = []
    for step in script.guide.steps:
        text = script.text(step.name).strip()
        if text:
            parts.append(Content.assemble((step.title, "bold $text-primary"), "\n", text))
    if not parts:
        parts.append(
            Content.styled("Nothing written yet. Open it and take the first step.", "italic")
        )
    outcome = script.outcome
    if outcome:
        lines = [Content.assemble(("After the talk", "bold $text-primary"), "\n", outcome.how)]
        if outcome.helped:
            lines.append(Content.assemble(("What helped: ", "italic"), outcome.helped))
        if outcome.next_time:
            lines.append(Content.assemble(("Next time: ", "italic"), outcome.next_time))
        parts.append(Content("\n").join(lines))
    return Content("\n\n").join(parts)


class ScriptSubScreen(ToolScreen):
    """A screen opened from the scripts list; escape goes back to it."""

    CSS_PATH = "scripts.tcss"
    BINDINGS = [Binding("escape", "back", "Back", id="back")]

    def __init__(self, script: Script) -> None:
        super().__init__()
        self.script = script

    def action_back(self) -> None:
        self.dismiss()


class PreviewScreen(ScriptSubScreen):
    """The script as a calm, readable card."""

    SUB_TITLE = "Preview"
    BINDINGS = [
        Binding("h", "rehearse", "Rehearse", id="preview-rehearse"),
        Binding("e", "export", "Export", id="preview-export"),
        Binding("c", "copy", "Copy", id="preview-copy"),
    ]

    def __init__(self, script: Script, *, follow_store: bool = True) -> None:
        super().__init__(script)
        self.follow_store = follow_store

    def compose(self) -> ComposeResult:
        yield Header(icon="❀")
        with VerticalScroll(id="preview"), Center():
            yield Static(id="preview-card")
        yield Footer()

    def on_mount(self) -> None:
        self._show(self.script)

    def reload(self) -> None:
        if self.follow_store:
            self._load()

    @work(thread=True, exclusive=True, group="preview-load")
    def _load(self) -> None:
        app = self.trust_app
        try:
            script = get_script(app.store.read(), self.script.id)
        except TrustError:
            return
        if script is not None:
            app.call_from_thread(self._show, script)

    def _show(self, script: Script) -> None:
        self.script = script
        card = self.query_one("#preview-card", Static)
        card.border_title = Content(script.title)
        card.border_subtitle = Content(script.guide.title)
        card.update(script_card(script))

    def action_rehearse(self) -> None:
        self.app.push_screen(RehearseScreen(self.script))

    def action_export(self) -> None:
        export_script(self, self.script)

    def action_copy(self) -> None:
        copy_script(self, self.script)


class RehearseScreen(ScriptSubScreen):
    """One line at a time, large, with space to move on."""

    SUB_TITLE = "Rehearse"
    BINDINGS = [
        Binding("space,enter,right,j", "next", "Next line", id="rehearse-next"),
        Binding("backspace,left,k", "previous", "Back a line", id="rehearse-previous"),
    ]

    def __init__(self, script: Script) -> None:
        super().__init__(script)
        self.lines = rehearsal_lines(script)
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="❀")
        with Vertical(id="rehearse"):
            yield Static(id="rehearse-where")
            yield Static(id="rehearse-line")
            yield Static(id="rehearse-next")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        where = self.query_one("#rehearse-where", Static)
        line = self.query_one("#rehearse-line", Static)
        following = self.query_one("#rehearse-next", Static)
        total = len(self.lines)
        if not total:
            where.update("")
            line.update(Content("Nothing to rehearse yet. Write a step first."))
            following.update("")
            return
        if self.index >= total:
            where.update(Content.styled(f"All {total} lines", "$text-muted"))
            line.update(Content("That's all of it. Take a slow breath: you're ready."))
            following.update(Content.styled("space to start again · esc when done", "$text-muted"))
            return
        title, text = self.lines[self.index]
        where.update(Content.styled(f"{title} · {self.index + 1} of {total}", "$text-muted"))
        line.update(Content(text))
        if self.index + 1 < total:
            following.update(
                Content.styled(f"next: {self.lines[self.index + 1][1]}", "$text-muted")
            )
        else:
            following.update(Content.styled("last line", "$text-muted"))

    def action_next(self) -> None:
        self.index = 0 if self.index >= len(self.lines) else self.index + 1
        self._show()

    def action_previous(self) -> None:
        self.index = max(0, self.index - 1)
        self._show()
