"""Where each feeling of the wheel falls on a grid of terminal cells.

Pure geometry, no Textual: the wheel is a circle (cells are about twice as tall
as wide, so it is twice as many columns as rows across), cut into one slice per
family going clockwise, the first family centred at the top. Each slice has
three rings: the family's core word in the middle, its middle-ring words around
that, and their more specific words outside, each beyond its middle word.
Outside the core, a thin gap marks where one family meets the next; each
family's name sits on its slice's outer ring, like the numbers on a clock.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from trusttui.core.vocabulary import CORE, MIDDLE, OUTER, Vocabulary

RING_GLYPHS = {CORE: "▓", MIDDLE: "▒", OUTER: "░"}
"""Each ring has its own shade, so the rings read without colour."""

SPOKE_WIDTH = 0.3
"""Half-width, in rows, of the gap drawn where two families meet."""

ASPECT = 2.0
"""Columns per row for a round circle."""

NAME_RADIUS = 0.84
"""How far out (0 centre - 1 edge) the family names sit."""


@dataclass(frozen=True)
class Cell:
    """One painted cell: part of a feeling's slice, or a letter of a family's name."""

    word: str
    """The feeling this cell belongs to (for a name, the family's core word)."""
    family: int
    ring: int
    """1-3 for slices; 0 for a family name."""
    glyph: str


@dataclass(frozen=True)
class WheelLayout:
    width: int
    height: int
    rows: tuple[tuple[Cell | None, ...], ...]
    anchors: dict[str, tuple[int, int]]
    """For each word, the (x, y) cell nearest the middle of its slice (always on the grid)."""

    def at(self, x: int, y: int) -> Cell | None:
        """The cell at (x, y), or None for empty space or outside the grid."""
        if 0 <= y < self.height and 0 <= x < self.width:
            return self.rows[y][x]
        return None


def _slot(vocab: Vocabulary, family: int, ring: int, fraction: float) -> str:
    """The word at `fraction` (0-1) of the way across a family's slice, on `ring`."""
    name = vocab.families[family].name
    if ring == CORE:
        return vocab.families[family].word
    middles = [f for f in vocab.in_family(name) if f.ring == MIDDLE]
    index = min(int(fraction * len(middles)), len(middles) - 1)
    middle = middles[index]
    if ring == MIDDLE:
        return middle.word
    children = vocab.children(middle.word) or (middle,)
    within = fraction * len(middles) - index
    return children[min(int(within * len(children)), len(children) - 1)].word


def _spans(vocab: Vocabulary) -> dict[str, tuple[int, float, float, int]]:
    """Each word's family index, start and end fraction of its family's slice, and ring."""
    spans: dict[str, tuple[int, float, float, int]] = {}
    for index, family in enumerate(vocab.families):
        spans[family.word] = (index, 0.0, 1.0, CORE)
        middles = [f for f in vocab.in_family(family.name) if f.ring == MIDDLE]
        for m, middle in enumerate(middles):
            start, end = m / len(middles), (m + 1) / len(middles)
            spans[middle.word] = (index, start, end, MIDDLE)
            children = vocab.children(middle.word)
            for c, child in enumerate(children):
                step = (end - start) / len(children)
                spans[child.word] = (index, start + c * step, start + (c + 1) * step, OUTER)
    return spans


def radii(width: int, height: int) -> tuple[float, float]:
    """The wheel's horizontal and vertical radius (in cells) for a grid this size."""
    ry = max(2.0, min(height / 2 - 0.25, (width - 1) / (2 * ASPECT)))
    return ry * ASPECT, ry


@functools.lru_cache(maxsize=8)
def wheel_layout(width: int, height: int, vocab: Vocabulary) -> WheelLayout:
    """Paint the wheel onto a `width` x `height` grid."""
    families = len(vocab.families)
    span = 2 * math.pi / families
    rx, ry = radii(width, height)
    cx, cy = width / 2, height / 2
    grid: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    for y in range(height):
        for x in range(width):
            u, v = (x + 0.5 - cx) / rx, (y + 0.5 - cy) / ry
            r = math.hypot(u, v)
            if r > 1.0:
                continue
            theta = (math.atan2(u, -v) + span / 2) % (2 * math.pi)
            family = min(int(theta / span), families - 1)
            fraction = theta / span - family
            off_spoke = min(fraction, 1 - fraction) * span
            ring = CORE if r < 1 / 3 else MIDDLE if r < 2 / 3 else OUTER
            if ring != CORE and r * ry * math.sin(off_spoke) < SPOKE_WIDTH:
                continue
            word = _slot(vocab, family, ring, fraction)
            grid[y][x] = Cell(word, family, ring, RING_GLYPHS[ring])
    anchors: dict[str, tuple[int, int]] = {}
    radius_of = {CORE: 0.2, MIDDLE: 0.5, OUTER: 0.83}
    for word, (family, start, end, ring) in _spans(vocab).items():
        theta = (family - 0.5 + (start + end) / 2) * span
        r = radius_of[ring]
        x = int(cx + r * rx * math.sin(theta))
        y = int(cy - r * ry * math.cos(theta))
        anchors[word] = (min(max(x, 0), width - 1), min(max(y, 0), height - 1))
    _place_names(grid, vocab, span, rx, ry, cx, cy)
    return WheelLayout(width, height, tuple(tuple(row) for row in grid), anchors)


def _place_names(
    grid: list[list[Cell | None]],
    vocab: Vocabulary,
    span: float,
    rx: float,
    ry: float,
    cx: float,
    cy: float,
) -> None:
    """Write each family's name (with a space either side) on its slice's outer ring."""
    height = len(grid)
    for index, family in enumerate(vocab.families):
        theta = index * span
        y = min(max(int(cy - NAME_RADIUS * ry * math.cos(theta)), 0), height - 1)
        row = grid[y]
        painted = [x for x, cell in enumerate(row) if cell is not None]
        if not painted:
            continue
        name = f" {family.name} "
        start = round(cx + NAME_RADIUS * rx * math.sin(theta) - len(name) / 2)
        start = max(min(start, max(painted) + 1 - len(name)), min(painted), 0)
        for offset, letter in enumerate(name[: len(row) - start]):
            row[start + offset] = Cell(family.word, index, 0, letter)
