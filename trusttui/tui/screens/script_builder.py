"""The step-by-step builder: one step at a time, suggestions, live tone check.

What the person types lives in `draft` and is saved a moment after they stop
typing (and when they leave). A change to the data file from elsewhere updates
the title and, only while nothing typed is waiting to be saved, the text.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from trusttui.core.apology import check_apology
from trusttui.core.errors import TrustError
from trusttui.core.flows import (
    Step,
    Suggestion,
    feeling_words,
    guide,
    recent_feelings,
    underneath_note,
)
from trusttui.core.promises import add_promise
from trusttui.core.scripts import Script, rename_script, save_steps
from trusttui.core.sharing import get_script, script_home, script_store
from trusttui.core.tone import check
from trusttui.core.when import describe_due
from trusttui.tui.screens.script_dialogs import AskText, PromiseDialog
from trusttui.tui.screens.script_read import PreviewScreen, RehearseScreen, ScriptSubScreen
from trusttui.tui.widgets.tone import ApologyChecklist, ToneFlags

SAVE_DELAY = 0.8
"""Seconds after the last keystroke before the draft is saved."""

OWN_LINE_BANKS = ("questions", "reflections")

PROMISE_HINTS = {
    "hurt": "When they say yes, put it on the board so you can both see it kept.",
    "repair": "A promise you can keep, with a day: small and sure beats big.",
}
"""Suggestions from these banks go on a line of their own."""


def clean(steps: dict[str, str]) -> dict[str, str]:
    return {name: text for name, text in steps.items() if text.strip()}


class BuilderScreen(ScriptSubScreen):
    """Build a script step by step."""

    SUB_TITLE = "Builder"
    BINDINGS = [
        Binding("ctrl+n", "next_step", "Next step", id="builder-next"),
        Binding("ctrl+b", "previous_step", "Back a step", id="builder-previous"),
        Binding("ctrl+o", "promise", "Make it a promise", id="builder-promise"),
        Binding("ctrl+r", "preview", "Preview", id="builder-preview"),
        Binding("ctrl+t", "rename", "Title", id="builder-rename"),
        Binding("escape", "back", "Done", id="back"),
    ]

    def __init__(self, script: Script, step: int = 0) -> None:
        super().__init__(script)
        self.draft: dict[str, str] = dict(script.steps)
        self.step_index = step
        self._edit_gen = 0
        self._saved_gen = 0
        self._save_lock = threading.Lock()
        self._save_timer: Timer | None = None
        self._suggestions: list[str] = []
        self.recent_feelings: list[Suggestion] = []

    # -- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="❀")
        with Vertical(id="builder"):
            yield Static(id="step-where")
            yield Static(id="step-explain")
            with Horizontal(id="builder-work"):
                with Vertical(id="builder-write"):
                    yield TextArea(id="step-text", soft_wrap=True, tab_behavior="focus")
                    yield OptionList(id="suggestions", markup=False)
                with VerticalScroll(id="builder-aside"):
                    yield ApologyChecklist(id="apology")
                    yield ToneFlags(id="tone")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self._heading(self.script)
        self.query_one("#apology").display = self.script.flow == "repair"
        self._show_step()

    @staticmethod
    def _heading(script: Script) -> str:
        return f"{script.title} · shared" if script.shared else script.title

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.script.guide.steps

    @property
    def step(self) -> Step:
        return self.steps[self.step_index]

    @property
    def dirty(self) -> bool:
        """Whether something typed has not reached the data file yet."""
        return self._edit_gen != self._saved_gen

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#step-text", TextArea)

    def _show_step(self) -> None:
        step, count = self.step, len(self.steps)
        dots = "".join("●" if i <= self.step_index else "○" for i in range(count))
        self.query_one("#step-where", Static).update(
            Content.assemble(
                (f"Step {self.step_index + 1} of {count} · ", "$text-muted"),
                (step.title, "bold"),
                (f"  {dots}", "$text-primary"),
            )
        )
        self.query_one("#step-explain", Static).update(Content.styled(step.explain, "italic"))
        area = self.text_area
        area.placeholder = step.placeholder
        text = self.draft.get(step.name, "")
        if area.text != text:
            area.load_text(text)
        area.move_cursor(area.document.end)
        self._fill_suggestions(step)
        self._check(text)
        self.refresh_bindings()
        area.focus()

    def _fill_suggestions(self, step: Step, *, keep_place: bool = False) -> None:
        bank = guide()
        groups: list[tuple[str | None, list[Suggestion]]] = [
            (None, [Suggestion(text, text) for text in step.suggestions])
        ]
        if step.bank == "needs":
            groups.append(("Needs", [Suggestion(need, need) for need in bank.needs]))
        elif step.bank == "reflections":
            groups.append(("When they answer", [Suggestion(t, t) for t in bank.reflections]))
        elif step.bank == "questions":
            for family, label in bank.question_families.items():
                questions = [q.text for q in bank.questions if q.family == family]
                groups.append((label, [Suggestion(q, q) for q in questions]))
        elif step.bank == "feelings":
            groups.append(("From your check-ins", self.recent_feelings))
            groups.append(("Feeling words", list(feeling_words())))
        self._suggestions = []
        options: list[Option] = []
        for header, items in groups:
            if header is not None and items:
                options.append(Option(Content.styled(header, "bold $text-muted"), disabled=True))
            for item in items:
                prompt = Content(item.label)
                if item.note:
                    prompt = Content.assemble(prompt, (f"  {item.note}", "$text-muted"))
                options.append(Option(prompt, id=str(len(self._suggestions))))
                self._suggestions.append(item.text)
        suggestions = self.query_one("#suggestions", OptionList)
        highlighted = suggestions.highlighted
        suggestions.clear_options()
        suggestions.add_options(options)
        if keep_place and highlighted is not None and highlighted < len(options):
            suggestions.highlighted = highlighted
        suggestions.display = bool(options)

    # -- typing -----------------------------------------------------------------------

    @on(TextArea.Changed, "#step-text")
    def _typed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        name = self.step.name
        if text != self.draft.get(name, ""):
            self.draft[name] = text
            self._edit_gen += 1
            self._schedule_save()
        self._check(text)

    def _check(self, text: str) -> None:
        flags = check(text)
        notes = [underneath_note(f.phrase) if f.rule == "faux-feeling" else None for f in flags]
        self.query_one("#tone", ToneFlags).show(text, flags, notes)
        if self.script.flow == "repair":
            whole = "\n".join(self.draft.get(step.name, "") for step in self.steps)
            self.query_one("#apology", ApologyChecklist).show(check_apology(whole), self.step.name)

    @on(OptionList.OptionSelected, "#suggestions")
    def _suggested(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is None:
            return
        self.insert_suggestion(self._suggestions[int(event.option_id)])

    def insert_suggestion(self, text: str) -> None:
        """Put `text` at the cursor, with a space or a new line as needed."""
        area = self.text_area
        row, column = area.cursor_location
        before = area.document.get_line(row)[:column]
        if before.strip() and self.step.bank in OWN_LINE_BANKS:
            text = "\n" + text
        elif before and not before.endswith(" "):
            text = " " + text
        area.insert(text)
        area.focus()

    # -- saving -------------------------------------------------------------------------

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save)

    @work(thread=True, group="builder-save")
    def _save(self) -> None:
        app = self.trust_app
        with self._save_lock:
            generation = self._edit_gen
            try:
                store = script_store(app.places, self.script)
                saved = save_steps(store, self.script, clean(self.draft))
            except TrustError as error:
                app.report_error(error, severity="error")
                return
        app.call_from_thread(self._saved, saved, generation)

    def _saved(self, saved: Script, generation: int) -> None:
        self._saved_gen = max(self._saved_gen, generation)
        self._adopt(saved)

    def _save_now(self) -> None:
        """Save on the spot (when the screen goes away with typing not yet saved)."""
        if self._save_timer is not None:
            self._save_timer.stop()
        if not self.dirty:
            return
        with self._save_lock:
            try:
                store = script_store(self.trust_app.places, self.script)
                save_steps(store, self.script, clean(self.draft))
            except TrustError:
                return
        self._saved_gen = self._edit_gen

    def on_screen_suspend(self) -> None:
        if self.dirty:
            self._save()

    def on_unmount(self) -> None:
        self._save_now()

    # -- the data file changed ------------------------------------------------------------

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="builder-load")
    def _load(self) -> None:
        app = self.trust_app
        try:
            stored = get_script(app.places, self.script.id)
            recent = recent_feelings(app.store.read())
        except TrustError:
            return
        app.call_from_thread(self._loaded, stored, recent)

    def _loaded(self, stored: Script | None, recent: list[Suggestion]) -> None:
        if recent != self.recent_feelings:
            self.recent_feelings = recent
            if self.step.bank == "feelings":
                self._fill_suggestions(self.step, keep_place=True)
        if stored is not None:
            self._adopt(stored)

    def _adopt(self, stored: Script) -> None:
        """Show what is stored, but never replace typing that is not saved yet."""
        self.script = replace(stored, steps=self.script.steps) if self.dirty else stored
        self.sub_title = self._heading(stored)
        if self.dirty or dict(stored.steps) == clean(self.draft):
            return
        self.draft = dict(stored.steps)
        area = self.text_area
        text = self.draft.get(self.step.name, "")
        if area.text != text:
            area.load_text(text)
            area.move_cursor(area.document.end)
        self._check(text)

    # -- actions --------------------------------------------------------------------------

    def action_next_step(self) -> None:
        if self.step_index + 1 < len(self.steps):
            self.step_index += 1
            self._show_step()
        else:
            self.action_preview()

    def action_previous_step(self) -> None:
        if self.step_index > 0:
            self.step_index -= 1
            self._show_step()

    @property
    def current_script(self) -> Script:
        """The script with what is typed so far."""
        return replace(self.script, steps=clean(self.draft))

    def action_preview(self) -> None:
        self.app.push_screen(PreviewScreen(self.current_script, follow_store=False))

    def action_rehearse(self) -> None:
        self.app.push_screen(RehearseScreen(self.current_script))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "promise":
            return self.step.promise
        return True

    @work(exclusive=True, group="builder-dialog")
    async def action_promise(self) -> None:
        """Turn this step's request (or offer of repair) into a promise on the board."""
        step = self.step
        text = self.draft.get(step.name, "").strip()
        if not step.promise:
            return
        if not text:
            self.notify("Write it here first; then Ctrl+O puts it on your promise board.")
            return
        app = self.trust_app
        hint = PROMISE_HINTS.get(self.script.flow, "")
        when, error = "", ""
        while True:
            draft = await app.push_screen_wait(
                PromiseDialog(text, app.clock.now(), hint, error=error, when=when)
            )
            if draft is None:
                return
            try:
                promise = await asyncio.to_thread(
                    add_promise,
                    app.store,
                    draft.text,
                    draft.due,
                    to=draft.to,
                    notes=f"From your script “{self.script.title}”.",
                )
            except TrustError as problem:
                text, when, error = draft.text, draft.when, str(problem)
                continue
            due = describe_due(promise.due, app.clock.now())
            self.notify(f"On your promise board, due {due}: {promise.text}", markup=False)
            return

    @work(exclusive=True, group="builder-dialog")
    async def action_rename(self) -> None:
        title, error = self.script.title, ""
        while True:
            answer = await self.app.push_screen_wait(
                AskText("Title", "A short title you'll recognise:", title, error)
            )
            if answer is None:
                return
            try:
                renamed = await self._in_thread(rename_script, self.script.id, answer)
            except TrustError as problem:
                title, error = answer, str(problem)
                continue
            self.script = replace(self.script, title=renamed.title)
            self.sub_title = self._heading(renamed)
            return

    async def _in_thread(self, change: Callable[..., Script], script_id: str, *args: Any) -> Script:
        """`change(store, id, ...)` in a thread, on the file holding the script now."""
        places = self.trust_app.places
        return await asyncio.to_thread(lambda: change(*script_home(places, script_id), *args))
