"""The promise board: Overdue, Today, Upcoming and Done, with reliability beside the facts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from trusttui.core import promises as repo
from trusttui.core import sharing
from trusttui.core.errors import TrustError
from trusttui.core.places import Places
from trusttui.core.promise_words import MISSED, RELEASED, REOPENED, moved_words
from trusttui.core.promises import Change, Promise
from trusttui.core.when import describe_due
from trusttui.tui.screens.base import ToolScreen
from trusttui.tui.screens.promise_board import (
    COLUMNS,
    FRESH,
    Board,
    Entry,
    Words,
    counts_content,
    kept_saying,
    read_board,
    score_content,
    sparkline,
    status_line,
    with_next,
)
from trusttui.tui.screens.promise_dialogs import (
    ConfirmDelete,
    KeptAtForm,
    MissedPrompt,
    MoveForm,
    PromiseForm,
)
from trusttui.tui.widgets.promise_card import PromiseCard

__all__ = ["PromisesScreen", "at_home", "sparkline"]


def at_home(
    do: Callable[..., Any], promise_id: str, *args: Any, **kw: Any
) -> Callable[[Places], Any]:
    """`do(store, id, ...)` on the file holding the promise now: yours or the shared board."""
    return lambda places: do(*sharing.promise_home(places, promise_id), *args, **kw)


class PromisesScreen(ToolScreen):
    """Promises kept visibly: what is due, what was kept, and how steadily."""

    CSS_PATH = "promises.tcss"
    SUB_TITLE = "Promises"
    BINDINGS = [
        Binding("a,n", "add", "Add", tooltip="Make a new promise", id="promise-add"),
        Binding("left", "column(-1)", "Column left", show=False, id="column-left"),
        Binding("right", "column(1)", "Column right", show=False, id="column-right"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.board = Board()
        self._focus_next: tuple[str | None, str | None, int] = (None, None, 0)
        """(promise id to focus, else column key and index) after the next reload."""
        self._said = False
        self._loads = 0
        self._shown = 0
        self._showing = asyncio.Lock()

    def compose(self) -> ComposeResult:
        yield Header(icon="❀")
        with Vertical(id="summary"):
            yield Static(id="score")
            yield Static(id="counts")
        yield Static(id="note")
        with Horizontal(id="columns"):
            for key, title, _empty in COLUMNS:
                with Vertical(classes="column", id=f"column-{key}"):
                    yield Static(title, classes="column-title", id=f"title-{key}")
                    yield VerticalScroll(classes="cards", id=f"cards-{key}")
        yield Footer()

    # -- loading ------------------------------------------------------------------

    def reload(self) -> None:
        self._loads += 1
        self._load(self._loads)

    @work(thread=True, group="promises-load")
    def _load(self, generation: int) -> None:
        """Read and sort in a thread; loads may overlap, and only the newest is shown."""
        app = self.trust_app
        shown = self.board
        if (
            shown.version is not None
            and shown.version == app.places.version()
            and shown.now is not None
            and app.clock.now() - shown.now < FRESH
        ):
            return  # nothing changed since it was read, moments ago
        try:
            board = self.read_board()
        except TrustError as error:
            app.call_from_thread(self.say, str(error), "-problem")
            return
        app.call_from_thread(self._show, board, generation)

    def read_board(self) -> Board:
        """Read your file and the shared board, and work out the board (in a worker thread)."""
        return read_board(self.trust_app.places, self.trust_app.clock)

    async def _show(self, board: Board, generation: int = 0) -> None:
        async with self._showing:  # one at a time: mounting awaits
            if generation < self._shown:
                return  # a newer load has already been shown
            self._shown = generation
            await self._show_board(board)

    async def _show_board(self, board: Board) -> None:
        self.board = board
        self._show_summary(board)
        focused = self.focused.promise.id if isinstance(self.focused, PromiseCard) else None
        for key, title, empty in COLUMNS:
            entries = board.columns[key]
            label = f"{title} {len(entries)}" if entries else title
            self.query_one(f"#title-{key}", Static).update(label)
            await self._sync_column(key, entries, empty)
        self._restore_focus(focused)

    def _show_summary(self, board: Board) -> None:
        self.query_one("#score", Static).update(score_content(board.score))
        if board.score is not None:
            self.query_one("#counts", Static).update(counts_content(board.score))
        if not self._said:
            if board.problem:
                self.say(board.problem, "-problem")
            else:
                self.say(status_line(board))

    async def _sync_column(self, key: str, entries: list[Entry], empty: str) -> None:
        """Update a column in place: only new cards are mounted, only gone ones removed."""
        holder = self.query_one(f"#cards-{key}", VerticalScroll)
        overdue = key == "overdue"
        wanted = [promise.id for promise, _ in entries]
        cards = {card.promise.id: card for card in holder.query_children(PromiseCard)}
        gone = [card for promise_id, card in cards.items() if promise_id not in set(wanted)]
        placeholders = list(holder.query_children(".empty"))
        if gone or (entries and placeholders):
            await holder.remove_children([*gone, *(placeholders if entries else [])])
        if not entries:
            if not placeholders:
                await holder.mount(Static(empty, classes="empty"))
            return
        for index, (promise, words) in enumerate(entries):
            card = cards.get(promise.id)
            if card is not None:
                card.show(promise, words, overdue=overdue)
                continue
            card = PromiseCard(promise, words, overdue=overdue)
            children = list(holder.query_children(PromiseCard))
            if index < len(children):
                await holder.mount(card, before=children[index])
            else:
                await holder.mount(card)
        if [card.promise.id for card in holder.query_children(PromiseCard)] != wanted:
            await holder.remove_children()  # the order changed: build it again
            await holder.mount_all(PromiseCard(p, words, overdue=overdue) for p, words in entries)

    def _restore_focus(self, focused: str | None) -> None:
        wanted, column, index = self._focus_next
        self._focus_next = (None, None, 0)
        if wanted is None and column is None:
            wanted = focused
        card = self.card_for(wanted) if wanted else None
        if card is not None and (column is None or self.column_of(card) == column):
            card.focus(scroll_visible=True)
            return
        if column is not None:
            cards = self.cards_in(column)
            if cards:
                cards[min(index, len(cards) - 1)].focus(scroll_visible=True)
                return
        if not isinstance(self.focused, PromiseCard):
            first = next(iter(self.query(PromiseCard)), None)
            if first is not None:
                first.focus()

    # -- finding cards ---------------------------------------------------------------

    def cards_in(self, column: str) -> list[PromiseCard]:
        return list(self.query_one(f"#cards-{column}").query_children(PromiseCard))

    def card_for(self, promise_id: str) -> PromiseCard | None:
        return next((c for c in self.query(PromiseCard) if c.promise.id == promise_id), None)

    @staticmethod
    def column_of(card: PromiseCard) -> str:
        return str(card.parent.id if card.parent else "").removeprefix("cards-")

    # -- words for the person ----------------------------------------------------------

    def say(self, words: str, tone: str = "") -> None:
        """Show a line under the score: an acknowledgement, a prompt or a problem."""
        note = self.query_one("#note", Static)
        note.update(Content(words))
        for name in ("-victory", "-gentle", "-problem"):
            note.set_class(name == tone, name)

    def _said_by_action(self, words: str, tone: str = "") -> None:
        self._said = True
        self.say(words, tone)

    # -- changing promises ------------------------------------------------------------------

    def _keep_focus_near(self, card: PromiseCard) -> None:
        column = self.column_of(card)
        self._focus_next = (card.promise.id, column, self.cards_in(column).index(card))

    @work(thread=True, group="promises-write")
    def change(self, do: Callable[[Places], Any], words: Words) -> None:
        """Make a change in a worker thread, read the board again, then say what happened."""
        app = self.trust_app
        try:
            result = do(app.places)
            board = self.read_board()
            line, tone = words(result, board)
        except TrustError as error:
            app.call_from_thread(self._said_by_action, str(error), "-problem")
            return
        app.call_from_thread(self._changed, board, line, tone)

    async def _changed(self, board: Board, line: str, tone: str) -> None:
        self._said_by_action(line, tone)
        self._loads += 1
        await self._show(board, self._loads)

    @on(PromiseCard.Kept)
    def _kept(self, event: PromiseCard.Kept) -> None:
        self._keep_focus_near(event.card)
        promise_id = event.promise.id
        self.change(at_home(repo.keep, promise_id), kept_saying)

    @on(PromiseCard.KeptAt)
    @work(group="promises-dialog")
    async def _kept_at(self, event: PromiseCard.KeptAt) -> None:
        at = await self.app.push_screen_wait(KeptAtForm(self.trust_app.clock.now, event.promise))
        if at is not None:
            self._keep_focus_near(event.card)
            promise_id = event.promise.id
            self.change(at_home(repo.keep, promise_id, at=at), kept_saying)

    @on(PromiseCard.Missed)
    @work(group="promises-dialog")
    async def _missed(self, event: PromiseCard.Missed) -> None:
        choice = await self.app.push_screen_wait(MissedPrompt(event.promise))
        if choice is None:
            return
        if choice.action == "move":
            await self._ask_move(event.card, event.promise)
            return
        self._keep_focus_near(event.card)
        promise_id, reason = event.promise.id, choice.reason
        self.change(at_home(repo.miss, promise_id, reason), with_next(MISSED, "-gentle"))

    @on(PromiseCard.MoveAsked)
    @work(group="promises-dialog")
    async def _move(self, event: PromiseCard.MoveAsked) -> None:
        await self._ask_move(event.card, event.promise)

    async def _ask_move(self, card: PromiseCard, promise: Promise) -> None:
        clock = self.trust_app.clock
        draft = await self.app.push_screen_wait(MoveForm(clock.now, promise))
        if draft is None:
            return
        self._focus_next = (promise.id, None, 0)
        old_due = promise.due

        def words(change: Change, board: Board) -> tuple[str, str]:
            return moved_words(old_due, change.promise, board.now or old_due), "-gentle"

        self.change(at_home(repo.move, promise.id, draft.due, draft.reason), words)

    @on(PromiseCard.Released)
    def _released(self, event: PromiseCard.Released) -> None:
        self._keep_focus_near(event.card)
        promise_id = event.promise.id
        self.change(at_home(repo.release, promise_id), with_next(RELEASED, "-gentle"))

    @on(PromiseCard.Reopened)
    def _reopened(self, event: PromiseCard.Reopened) -> None:
        self._focus_next = (event.promise.id, None, 0)
        promise_id = event.promise.id
        self.change(at_home(repo.reopen, promise_id), lambda _c, _s: (REOPENED, ""))

    @on(PromiseCard.EditAsked)
    @work(group="promises-dialog")
    async def _edit(self, event: PromiseCard.EditAsked) -> None:
        promise = event.promise
        shared = promise.shared if self.board.linked else None
        form = PromiseForm(self.trust_app.clock.now, promise, self.board.default_to, shared)
        draft = await self.app.push_screen_wait(form)
        if draft is None:
            return
        self._focus_next = (promise.id, None, 0)

        def edit(places: Places) -> Change:
            home = sharing.promise_home(places, promise.id)
            change = repo.edit(
                *home, text=draft.text, to=draft.to, every=draft.every, notes=draft.notes
            )
            if draft.shared is None or draft.shared == change.promise.shared:
                return change
            return Change(sharing.share_promise(places, promise.id, draft.shared))

        def words(change: Change, _board: Board) -> tuple[str, str]:
            if draft.shared is None or draft.shared == promise.shared:
                return "Changed.", ""
            if change.promise.shared:
                return "Changed, and on the shared board now: your partner sees it too.", ""
            return "Changed, and back on your own board: only you see it now.", ""

        self.change(edit, words)

    @on(PromiseCard.DeleteAsked)
    @work(group="promises-dialog")
    async def _delete(self, event: PromiseCard.DeleteAsked) -> None:
        if not await self.app.push_screen_wait(ConfirmDelete(event.promise)):
            return
        self._keep_focus_near(event.card)
        promise_id = event.promise.id
        self.change(at_home(repo.delete, promise_id), lambda _p, _s: ("Deleted.", ""))

    @work(group="promises-dialog")
    async def action_add(self) -> None:
        """Make a new promise."""
        shared = False if self.board.linked else None
        form = PromiseForm(self.trust_app.clock.now, None, self.board.default_to, shared)
        draft = await self.app.push_screen_wait(form)
        if draft is None or draft.due is None:
            return
        due = draft.due

        def add(places: Places) -> Promise:
            promise = sharing.add_promise(
                places,
                draft.text,
                due,
                shared=bool(draft.shared),
                to=draft.to,
                every=draft.every,
                notes=draft.notes,
            )
            self._focus_next = (promise.id, None, 0)
            return promise

        def words(promise: Promise, board: Board) -> tuple[str, str]:
            when = describe_due(promise.due, board.now or promise.created)
            where = ", on the shared board" if promise.shared else ""
            return f"Promised{where}. Due {when}.", "-gentle"

        self.change(add, words)

    def action_column(self, step: int) -> None:
        """Move the focus to the next column that has cards."""
        keys = [key for key, _, _ in COLUMNS]
        current = self.column_of(self.focused) if isinstance(self.focused, PromiseCard) else None
        start = keys.index(current) if current in keys else (-1 if step > 0 else len(keys))
        index = start + step
        while 0 <= index < len(keys):
            cards = self.cards_in(keys[index])
            if cards:
                cards[0].focus(scroll_visible=True)
                return
            index += step
