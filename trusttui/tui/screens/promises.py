"""The promise board: Overdue, Today, Upcoming and Done, with reliability beside the facts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from trusttui.core import promises as repo
from trusttui.core.errors import TrustError
from trusttui.core.promise_words import (
    MISSED,
    RELEASED,
    REOPENED,
    kept_words,
    moved_words,
    next_words,
    outcome_words,
    run_words,
)
from trusttui.core.promises import Change, Promise
from trusttui.core.reliability import Reliability, reliability
from trusttui.core.store import Store, StoreVersion
from trusttui.core.when import describe_due, local_zone
from trusttui.tui.screens.base import ToolScreen
from trusttui.tui.screens.promise_dialogs import (
    ConfirmDelete,
    KeptAtForm,
    MissedPrompt,
    MoveForm,
    PromiseForm,
)
from trusttui.tui.widgets.promise_card import PromiseCard

COLUMNS = (
    ("overdue", "Overdue", "Nothing overdue."),
    ("today", "Today", "Nothing more today."),
    ("upcoming", "Upcoming", "Nothing planned. Press a to add a promise."),
    ("done", "Done", "Kept promises gather here."),
)
FRESH = timedelta(seconds=20)
"""A board read this recently from an unchanged file is not read again."""
DONE_DAYS = 7
DONE_MAX = 20
SPARK = "▁▂▃▄▅▆▇█"

Entry = tuple[Promise, str]
Words = Callable[[Any, "Board"], tuple[str, str]]
"""What to say after a change: (the change's result, the board after it) -> (line, tone)."""


@dataclass
class Board:
    """Everything the board shows, worked out off the UI thread."""

    columns: dict[str, list[Entry]] = field(default_factory=dict)
    score: Reliability | None = None
    default_to: str = ""
    total: int = 0
    now: datetime | None = None
    version: StoreVersion | None = None
    """The data file this was read from, to skip reading it again unchanged."""


def sparkline(values: tuple[float | None, ...]) -> str:
    """Scores as block characters, lowest to highest of those shown (a blank where none yet).

    The scale spans at least 0.1, so small wobbles stay small.
    """
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    low = min(known)
    high = max(max(known), low + 0.1)
    top = len(SPARK) - 1
    return "".join(
        " " if v is None else SPARK[min(top, round((v - low) / (high - low) * top))] for v in values
    )


def build_board(promises: list[Promise], now: datetime) -> Board:
    """Sort promises into the four columns, with their times in words."""
    zone = local_zone(now)
    today = now.astimezone(zone).date()
    board = Board(columns={key: [] for key, _, _ in COLUMNS}, total=len(promises))
    done: list[tuple[datetime, Promise]] = []
    for promise in promises:
        if promise.is_open:
            if promise.due < now:
                key = "overdue"
            elif promise.due.astimezone(zone).date() == today:
                key = "today"
            else:
                key = "upcoming"
            board.columns[key].append((promise, describe_due(promise.due, now)))
        else:
            resolved = promise.resolved_at or promise.updated
            if resolved >= now - timedelta(days=DONE_DAYS):
                done.append((resolved, promise))
    done.sort(key=lambda item: item[0], reverse=True)
    board.columns["done"] = [(p, outcome_words(p)) for _, p in done[:DONE_MAX]]
    board.score = reliability(promises, now)
    return board


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
            and shown.version == app.store.version()
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
        """Read the store and work out the board (in a worker thread)."""
        app = self.trust_app
        version = app.store.version()
        db = app.store.read()
        now = app.clock.now()
        board = build_board(repo.all_promises(db), now)
        board.default_to = repo.default_to(db) or ""
        board.now, board.version = now, version
        return board

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
        score = board.score
        if score is None or score.score is None:
            self.query_one("#score", Static).update(
                "Reliability shows here once a promise is kept or missed."
            )
        else:
            rate = f" · {score.on_time_rate:.0%} on time" if score.on_time_rate is not None else ""
            self.query_one("#score", Static).update(
                Content.assemble(
                    (f"Reliability {score.score:.0%}", "bold"),
                    rate,
                    "   ",
                    (sparkline(score.weekly), "$text-success"),
                    (f" last {len(score.weekly)} weeks", "$foreground-muted"),
                )
            )
        if score is not None:
            run = f" · {score.run} in a row" if score.run > 1 else ""
            self.query_one("#counts", Static).update(
                Content.styled(
                    f"{score.on_time} on time · {score.late} late · {score.missed} missed · "
                    f"{score.released} released{run}",
                    "$foreground-muted",
                )
            )
        if not self._said:
            self.say(self._status_line(board))

    def _status_line(self, board: Board) -> str:
        if board.total == 0:
            return "No promises yet. Press a to make a small one you can surely keep."
        overdue, today = len(board.columns["overdue"]), len(board.columns["today"])
        later = f"{today} more due today." if today else "Nothing more due today."
        if overdue:
            return f"{overdue} overdue · {later} One small step at a time."
        return later

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
    def change(self, do: Callable[[Store], Any], words: Words) -> None:
        """Make a change in a worker thread, read the board again, then say what happened."""
        app = self.trust_app
        try:
            result = do(app.store)
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

    @staticmethod
    def _kept_words(change: Change, board: Board) -> tuple[str, str]:
        lines = [
            kept_words(change.promise),
            next_words(change.next, board.now or change.promise.updated),
        ]
        if board.score is not None:
            lines.insert(1, run_words(board.score))
        return " ".join(line for line in lines if line), "-victory"

    @staticmethod
    def _with_next(words: str, tone: str) -> Words:
        def say(change: Change, board: Board) -> tuple[str, str]:
            following = next_words(change.next, board.now or change.promise.updated)
            return (f"{words} {following}" if following else words), tone

        return say

    @on(PromiseCard.Kept)
    def _kept(self, event: PromiseCard.Kept) -> None:
        self._keep_focus_near(event.card)
        promise_id = event.promise.id
        self.change(lambda store: repo.keep(store, promise_id), self._kept_words)

    @on(PromiseCard.KeptAt)
    @work(group="promises-dialog")
    async def _kept_at(self, event: PromiseCard.KeptAt) -> None:
        at = await self.app.push_screen_wait(KeptAtForm(self.trust_app.clock.now, event.promise))
        if at is not None:
            self._keep_focus_near(event.card)
            promise_id = event.promise.id
            self.change(lambda store: repo.keep(store, promise_id, at=at), self._kept_words)

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
        self.change(
            lambda store: repo.miss(store, promise_id, reason), self._with_next(MISSED, "-gentle")
        )

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

        self.change(lambda store: repo.move(store, promise.id, draft.due, draft.reason), words)

    @on(PromiseCard.Released)
    def _released(self, event: PromiseCard.Released) -> None:
        self._keep_focus_near(event.card)
        promise_id = event.promise.id
        self.change(
            lambda store: repo.release(store, promise_id), self._with_next(RELEASED, "-gentle")
        )

    @on(PromiseCard.Reopened)
    def _reopened(self, event: PromiseCard.Reopened) -> None:
        self._focus_next = (event.promise.id, None, 0)
        promise_id = event.promise.id
        self.change(lambda store: repo.reopen(store, promise_id), lambda _c, _s: (REOPENED, ""))

    @on(PromiseCard.EditAsked)
    @work(group="promises-dialog")
    async def _edit(self, event: PromiseCard.EditAsked) -> None:
        promise = event.promise
        form = PromiseForm(self.trust_app.clock.now, promise, self.board.default_to)
        draft = await self.app.push_screen_wait(form)
        if draft is None:
            return
        self._focus_next = (promise.id, None, 0)
        self.change(
            lambda store: repo.edit(
                store,
                promise.id,
                text=draft.text,
                to=draft.to,
                every=draft.every,
                notes=draft.notes,
            ),
            lambda _c, _s: ("Changed.", ""),
        )

    @on(PromiseCard.DeleteAsked)
    @work(group="promises-dialog")
    async def _delete(self, event: PromiseCard.DeleteAsked) -> None:
        if not await self.app.push_screen_wait(ConfirmDelete(event.promise)):
            return
        self._keep_focus_near(event.card)
        promise_id = event.promise.id
        self.change(lambda store: repo.delete(store, promise_id), lambda _p, _s: ("Deleted.", ""))

    @work(group="promises-dialog")
    async def action_add(self) -> None:
        """Make a new promise."""
        form = PromiseForm(self.trust_app.clock.now, default_to=self.board.default_to)
        draft = await self.app.push_screen_wait(form)
        if draft is None or draft.due is None:
            return

        def add(store: Store) -> Promise:
            promise = repo.add_promise(
                store, draft.text, draft.due, to=draft.to, every=draft.every, notes=draft.notes
            )
            self._focus_next = (promise.id, None, 0)
            return promise

        def words(promise: Promise, board: Board) -> tuple[str, str]:
            when = describe_due(promise.due, board.now or promise.created)
            return f"Promised. Due {when}.", "-gentle"

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
