"""The wheel's geometry: every word has a place, names sit on their slices, sizes adapt."""

from __future__ import annotations

import pytest

from trusttui.core.vocabulary import CORE, OUTER, vocabulary
from trusttui.tui.widgets.emotion_wheel import around
from trusttui.tui.widgets.wheel_layout import RING_GLYPHS, wheel_layout


@pytest.mark.parametrize("size", [(30, 12), (40, 17), (52, 33), (90, 40)])
def test_every_word_has_an_anchor_on_the_grid_inside_its_own_slice_or_beside(
    size: tuple[int, int],
) -> None:
    vocab = vocabulary()
    layout = wheel_layout(*size, vocab)
    assert set(layout.anchors) == set(vocab.words)
    for x, y in layout.anchors.values():
        assert 0 <= x < size[0] and 0 <= y < size[1]


def test_at_a_comfortable_size_every_word_shows_and_rings_have_their_shades() -> None:
    vocab = vocabulary()
    layout = wheel_layout(90, 40, vocab)
    shown = {cell.word for row in layout.rows for cell in row if cell and cell.ring}
    assert len(shown) >= len(vocab.words) - 2
    x, y = layout.anchors["betrayed"]
    cell = layout.at(x, y)
    assert cell is not None and cell.word == "betrayed" and cell.glyph == RING_GLYPHS[OUTER]
    centre = layout.at(45, 20)
    assert centre is not None and centre.ring == CORE


def test_family_names_are_written_on_the_wheel() -> None:
    vocab = vocabulary()
    layout = wheel_layout(40, 17, vocab)
    text = "\n".join("".join(c.glyph if c else " " for c in row) for row in layout.rows)
    for family in vocab.families:
        assert f" {family.name} " in text
    name_cells = [c for row in layout.rows for c in row if c is not None and c.ring == 0]
    assert {c.word for c in name_cells} == {f.word for f in vocab.families}


def test_around_goes_round_the_ring_and_wraps() -> None:
    vocab = vocabulary()
    cores = [f.word for f in vocab.ring(CORE)]
    assert around(vocab, cores[-1], 1) == cores[0]
    assert around(vocab, cores[0], -1) == cores[-1]
    assert around(vocab, "heartbroken", 1) == "isolated"  # next outer word, next middle word
