"""The emotion wheel, drawn in the terminal: move around it, in and out of its rings.

Each family is a slice in its own colour; each ring has its own shade, so the
wheel reads in 16 colours and without colour at all. The current feeling is
drawn solid and bold, the current family's name in reverse, and the rest of the
wheel is dimmed a little. Words already in the check-in carry a dot.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from trusttui.core.vocabulary import Feeling, Vocabulary, vocabulary
from trusttui.tui.widgets.wheel_layout import Cell, wheel_layout

SELECTED_GLYPH = "█"
MARK_GLYPH = "●"


def around(vocab: Vocabulary, word: str, step: int) -> str:
    """The word `step` places clockwise from `word` on the same ring."""
    feeling = vocab.get(word)
    if feeling is None:
        return word
    ring = vocab.ring(feeling.ring)
    index = ring.index(feeling)
    return ring[(index + step) % len(ring)].word


class EmotionWheel(Widget, can_focus=True):
    """A radial wheel of feelings, one slice per family, three rings deep."""

    DEFAULT_CSS = """
    EmotionWheel {
        width: 1fr;
        height: 1fr;
        min-height: 9;
    }
    """

    BINDINGS = [
        Binding("right", "around(1)", "Next around the wheel", show=False, id="wheel-next"),
        Binding("left", "around(-1)", "Back around the wheel", show=False, id="wheel-back"),
        Binding("down", "outward", "Ring out: more specific", show=False, id="wheel-out"),
        Binding("up", "inward", "Ring in: broader", show=False, id="wheel-in"),
        Binding("enter", "choose", "Add word", id="wheel-add"),
    ]

    selected: reactive[str] = reactive("", init=False)
    """The current feeling's word."""
    marked: reactive[frozenset[str]] = reactive(frozenset(), init=False)
    """Words already in the check-in."""

    @dataclass
    class Highlighted(Message):
        """The person moved to another feeling on the wheel."""

        wheel: EmotionWheel
        feeling: Feeling

    @dataclass
    class Chosen(Message):
        """The person asked to add a feeling (Enter or a double click)."""

        wheel: EmotionWheel
        feeling: Feeling

    def __init__(
        self,
        vocab: Vocabulary | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.vocab = vocab or vocabulary()
        self._outward_memory: dict[str, str] = {}
        self.set_reactive(EmotionWheel.selected, self.vocab.families[0].word)

    @property
    def feeling(self) -> Feeling:
        """The current feeling."""
        return self.vocab.get(self.selected) or self.vocab.feelings[0]

    # -- moving ------------------------------------------------------------------------

    def select(self, word: str) -> None:
        """Move to `word` without announcing it (for the screen keeping things in step)."""
        if word in self.vocab:
            feeling = self.vocab.get(word)
            assert feeling is not None
            self.selected = feeling.word

    def _move_to(self, word: str) -> None:
        if word != self.selected:
            self.selected = word
            self.post_message(self.Highlighted(self, self.feeling))

    def action_around(self, step: int) -> None:
        """Move clockwise (1) or anticlockwise (-1) on the current ring."""
        self._move_to(around(self.vocab, self.selected, step))

    def action_outward(self) -> None:
        """Move one ring out, to a more specific word (the one last visited, if any)."""
        children = [f.word for f in self.vocab.children(self.selected)]
        if children:
            remembered = self._outward_memory.get(self.selected)
            self._move_to(remembered if remembered in children else children[0])

    def action_inward(self) -> None:
        """Move one ring in, to the broader word this one belongs to."""
        parent = self.feeling.parent
        if parent is not None:
            self._outward_memory[parent] = self.selected
            self._move_to(parent)

    def action_choose(self) -> None:
        """Add the current feeling to the check-in."""
        self.post_message(self.Chosen(self, self.feeling))

    # -- keys and mouse ----------------------------------------------------------------------

    def _cell_at(self, event: events.MouseEvent) -> Cell | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return wheel_layout(self.size.width, self.size.height, self.vocab).at(*offset)

    def on_click(self, event: events.Click) -> None:
        cell = self._cell_at(event)
        if cell is None:
            return
        self._move_to(cell.word)
        if event.chain >= 2:
            self.action_choose()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        cell = self._cell_at(event)
        feeling = None if cell is None else self.vocab.get(cell.word)
        self.tooltip = None if feeling is None else Content(f"{feeling.word}: {feeling.meaning}")

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        base = self.rich_style
        if width <= 0 or height <= 0:
            return Strip.blank(width, base)
        layout = wheel_layout(width, height, self.vocab)
        colours = [
            base + Style(color=Color.parse(f.colour).rich_color) for f in self.vocab.families
        ]
        current = self.feeling
        family = self._family_index(current.word)
        specials = self._specials(layout.anchors)
        segments: list[Segment] = []
        for x, cell in enumerate(layout.rows[y]):
            special = specials.get((x, y))
            if special is not None and (cell is None or cell.ring):
                glyph, index, extra = special
                segments.append(Segment(glyph, colours[index] + extra))
            elif cell is None:
                segments.append(Segment(" ", base))
            elif cell.ring == 0:
                extra = Style(reverse=True, bold=True) if cell.family == family else Style()
                segments.append(Segment(cell.glyph, colours[cell.family] + extra))
            elif cell.word == current.word:
                segments.append(Segment(SELECTED_GLYPH, colours[cell.family] + Style(bold=True)))
            elif cell.family != family:
                segments.append(Segment(cell.glyph, colours[cell.family] + Style(dim=True)))
            else:
                segments.append(Segment(cell.glyph, colours[cell.family]))
        return Strip(Segment.simplify(segments), width)

    def _family_index(self, word: str) -> int:
        feeling = self.vocab.get(word)
        names = [family.name for family in self.vocab.families]
        return names.index(feeling.family) if feeling is not None else 0

    def _specials(
        self, anchors: dict[str, tuple[int, int]]
    ) -> dict[tuple[int, int], tuple[str, int, Style]]:
        """Cells drawn on top: a dot on each chosen word; the current word always shows."""
        found: dict[tuple[int, int], tuple[str, int, Style]] = {}
        for word in self.marked:
            if word in anchors:
                found[anchors[word]] = (MARK_GLYPH, self._family_index(word), Style(bold=True))
        anchor = anchors.get(self.selected)
        if anchor is not None:
            index = self._family_index(self.selected)
            if self.selected in self.marked:
                found[anchor] = (MARK_GLYPH, index, Style(bold=True, reverse=True))
            else:
                found[anchor] = (SELECTED_GLYPH, index, Style(bold=True))
        return found

    def watch_selected(self) -> None:
        self.refresh()

    def watch_marked(self) -> None:
        self.refresh()
