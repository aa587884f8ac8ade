"""The apology detector finds the six components and says which are missing."""

from __future__ import annotations

import pytest

from trusttui.core.apology import check_apology, components

COMPONENTS = components()


def test_six_components_in_order() -> None:
    assert [c.id for c in COMPONENTS] == [
        "regret",
        "explanation",
        "responsibility",
        "repentance",
        "repair",
        "forgiveness",
    ]


@pytest.mark.parametrize(
    ("component_id", "text"),
    [(c.id, text) for c in COMPONENTS for text in c.present],
)
def test_component_found(component_id: str, text: str) -> None:
    component = next(c for c in COMPONENTS if c.id == component_id)
    words = component.find(text)
    assert words is not None and words in text


@pytest.mark.parametrize(
    ("component_id", "text"),
    [(c.id, text) for c in COMPONENTS for text in c.absent],
)
def test_component_not_found(component_id: str, text: str) -> None:
    component = next(c for c in COMPONENTS if c.id == component_id)
    assert component.find(text) is None


def test_whole_apology_has_all_six() -> None:
    text = (
        "I’m so sorry I missed your recital. I lost track of the time at work. "
        "That was my fault, and there is no excuse. It won't happen again: from now on "
        "I'll put your dates in my calendar the day I hear them. I'd like to take you to "
        "dinner on Friday to hear all about it. I hope you can forgive me."
    )
    result = check_apology(text)
    assert result.missing == ()
    assert len(result.present) == 6


def test_partial_apology_lists_what_is_missing() -> None:
    result = check_apology("I'm sorry. I was tired.")
    assert result.present == ("regret", "explanation")
    assert result.missing == ("responsibility", "repentance", "repair", "forgiveness")


def test_empty_text_misses_everything() -> None:
    assert check_apology("").present == ()
