"""The journal list: newest first, the highlighted entry shown in full below."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trusttui.core.journal import KIND_LABELS, JournalEntry

SHOWN = 300
"""The most recent entries listed (the export has them all)."""

KIND_STYLES = {"win": "$text-success", "setback": "$text-warning", "reflection": "$text-primary"}
HELP = "w small win · n setback · r reflection · d deletes the highlighted one"
EMPTY = "Nothing here yet. A small win counts, however small: press w."


def entry_prompt(entry: JournalEntry) -> Content:
    """One list line: the date, the kind and the first line of the text (never markup)."""
    return Content.assemble(
        (f"{entry.at:%a} {entry.at.day:>2} {entry.at:%b}", "dim"),  # readable when highlighted
        "  ",
        (f"{KIND_LABELS[entry.kind]:<10}", KIND_STYLES[entry.kind]),
        "  ",
        entry.first_line,
    )


def entry_detail(entry: JournalEntry) -> Content:
    return Content.assemble(
        (f"{entry.at:%A} {entry.at.day} {entry.at:%B %Y, %H:%M}", "$text-muted"),
        "\n",
        entry.text,
    )


class JournalPane(Vertical):
    """The journal list and the full text of the highlighted entry."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: dict[str, JournalEntry] = {}

    def compose(self) -> ComposeResult:
        yield Static(HELP, id="journal-help")
        yield Static(EMPTY, id="journal-empty")
        yield OptionList(id="journal-list")
        yield Static(id="journal-detail")

    def show_entries(self, entries: Sequence[JournalEntry]) -> None:
        """Show `entries` (newest first), keeping the highlighted one where it was."""
        listing = self.query_one(OptionList)
        keep = self.highlighted_id
        self.entries = {entry.id: entry for entry in entries}
        listing.set_options(Option(entry_prompt(entry), id=entry.id) for entry in entries)
        ids = [entry.id for entry in entries]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0
        self.query_one("#journal-empty").display = not ids
        listing.display = bool(ids)
        self._show_detail()

    @property
    def highlighted_id(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option
        return option.id if option is not None else None

    @on(OptionList.OptionHighlighted)
    def _show_detail(self) -> None:
        entry = self.entries.get(self.highlighted_id or "")
        detail = self.query_one("#journal-detail", Static)
        detail.update(entry_detail(entry) if entry else "")
        detail.display = entry is not None
