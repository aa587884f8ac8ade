"""A promise on the board: its text, to whom, and when, in words.

The card only shows and asks; the screen does the work. Keys on a focused card
post small messages (`PromiseCard.Kept`, `PromiseCard.Missed`, ...) that the
board handles. The promise's own words are shown literally, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from trusttui.core.promises import Promise


class PromiseCard(Widget, can_focus=True):
    """One promise. `when` is its due time (or what became of it) in a few words."""

    DEFAULT_CSS = """
    PromiseCard {
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
        background: $boost;
        border-left: outer $primary 60%;
        &.-overdue { border-left: outer $warning; }
        &.-done { border-left: outer $panel; color: $text-muted; }
        &:focus {
            background: $primary 25%;
            border-left: outer $accent;
        }
        &:hover { background: $primary 15%; }
    }
    """

    BINDINGS = [
        Binding("k", "kept", "Kept", tooltip="Mark it kept, now", id="promise-kept"),
        Binding(
            "K", "kept_at", "Kept at…", tooltip="Kept earlier: say when", show=False, id="kept-at"
        ),
        Binding("x", "missed", "Missed", tooltip="It did not happen", id="promise-missed"),
        Binding("m", "move", "Move", tooltip="Renegotiate when it is due", id="promise-move"),
        Binding("r", "release", "Release", tooltip="Let it go by agreement", id="release"),
        Binding("o", "reopen", "Reopen", tooltip="Open it again", id="promise-reopen"),
        Binding("e", "edit", "Edit", tooltip="Change the words, name or repeat", id="edit"),
        Binding(
            "d,delete", "delete", "Delete", tooltip="Remove it for good", show=False, id="delete"
        ),
        Binding("up", "step(-1)", "Up", show=False, id="card-up"),
        Binding("down", "step(1)", "Down", show=False, id="card-down"),
    ]

    OPEN_ONLY = frozenset({"kept", "kept_at", "missed", "move", "release"})

    @dataclass
    class Asked(Message):
        """Something was asked of a promise (the subclass says what)."""

        card: PromiseCard
        promise: Promise

    class Kept(Asked):
        """Mark it kept now."""

    class KeptAt(Asked):
        """Mark it kept at a time still to be given."""

    class Missed(Asked):
        """Mark it missed (the screen asks what got in the way)."""

    class MoveAsked(Asked):
        """Move it to another time."""

    class Released(Asked):
        """Release it by agreement."""

    class Reopened(Asked):
        """Open a resolved promise again."""

    class EditAsked(Asked):
        """Change its words, name, repeat or notes."""

    class DeleteAsked(Asked):
        """Remove it (the screen asks first)."""

    def __init__(self, promise: Promise, when: str, *, overdue: bool = False) -> None:
        super().__init__()
        self.promise = promise
        self.when = when
        self.set_class(overdue, "-overdue")
        self.set_class(not promise.is_open, "-done")

    def show(self, promise: Promise, when: str, *, overdue: bool = False) -> None:
        """Show a newer version of the same promise."""
        if (promise, when) != (self.promise, self.when):
            self.promise, self.when = promise, when
            self.refresh(layout=True, recompose=False)
            self.refresh_bindings()
        self.set_class(overdue, "-overdue")
        self.set_class(not promise.is_open, "-done")

    def render(self) -> Content:
        promise = self.promise
        details = [self.when, f"to {promise.to}"] if promise.to else [self.when]
        title = Content.styled(promise.text, "bold" if promise.is_open else "")
        repeat = "↻ " if promise.every else ""
        return Content("\n").join(
            [title, Content.styled(repeat + " · ".join(details), "$foreground-muted")]
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.OPEN_ONLY:
            return self.promise.is_open
        if action == "reopen":
            return not self.promise.is_open
        return True

    def _ask(self, message: type[Asked]) -> None:
        self.post_message(message(self, self.promise))

    def action_kept(self) -> None:
        self._ask(self.Kept)

    def action_kept_at(self) -> None:
        self._ask(self.KeptAt)

    def action_missed(self) -> None:
        self._ask(self.Missed)

    def action_move(self) -> None:
        self._ask(self.MoveAsked)

    def action_release(self) -> None:
        self._ask(self.Released)

    def action_reopen(self) -> None:
        self._ask(self.Reopened)

    def action_edit(self) -> None:
        self._ask(self.EditAsked)

    def action_delete(self) -> None:
        self._ask(self.DeleteAsked)

    def action_step(self, step: int) -> None:
        """Move the focus to the card above or below in the same column."""
        if self.parent is None:
            return
        cards = list(self.parent.query_children(PromiseCard))
        index = cards.index(self) + step
        if 0 <= index < len(cards):
            cards[index].focus()
