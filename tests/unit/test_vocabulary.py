"""The emotion wheel's vocabulary: complete, consistent, searchable, gentle."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from trusttui.core.errors import InputError
from trusttui.core.vocabulary import CORE, MIDDLE, OUTER, load, vocabulary

BETRAYAL_WORDS = [
    *["hurt", "betrayed", "disappointed", "insecure", "jealous", "resentful", "anxious", "lonely"],
    *["embarrassed", "guilty", "ashamed", "confused", "numb", "let down"],
]
REPAIR_WORDS = ["relieved", "hopeful", "reassured", "trusting", "grateful", "calm", "safe", "close"]
INTERPRETATIONS = ["betrayed", "let down", "ignored", "abandoned", "manipulated", "used"]


def test_at_least_110_distinct_words_and_no_duplicates() -> None:
    words = vocabulary().words
    assert len(words) >= 110
    assert len(set(words)) == len(words)


def test_six_to_eight_families_balanced_between_pleasant_and_unpleasant() -> None:
    families = vocabulary().families
    assert 6 <= len(families) <= 8
    pleasant = sum(family.pleasant for family in families)
    assert abs(pleasant - (len(families) - pleasant)) <= 1


def test_every_word_has_a_family_a_ring_a_meaning_and_a_parent_one_ring_in() -> None:
    vocab = vocabulary()
    names = {family.name for family in vocab.families}
    for feeling in vocab.feelings:
        assert feeling.family in names, feeling
        assert feeling.ring in (CORE, MIDDLE, OUTER), feeling
        assert feeling.meaning.strip() and len(feeling.meaning) <= 70, feeling
        if feeling.ring == CORE:
            assert feeling.parent is None and feeling.word == feeling.family.lower()
        else:
            parent = vocab.get(feeling.parent or "")
            assert parent is not None and parent.ring == feeling.ring - 1
            assert parent.family == feeling.family


def test_every_family_has_all_three_rings() -> None:
    vocab = vocabulary()
    for family in vocab.families:
        rings = {feeling.ring for feeling in vocab.in_family(family.name)}
        assert rings == {CORE, MIDDLE, OUTER}
        assert family.meaning and family.colour.startswith("#")


def test_family_colours_stay_apart_in_16_colours() -> None:
    from rich.color import Color, ColorSystem

    reduced = [
        Color.parse(f.colour).downgrade(ColorSystem.STANDARD).number for f in vocabulary().families
    ]
    assert len(set(reduced)) == len(reduced)


@pytest.mark.parametrize("word", BETRAYAL_WORDS + REPAIR_WORDS)
def test_the_words_people_reach_for_are_there(word: str) -> None:
    assert word in vocabulary()


def test_get_ignores_case_and_spaces() -> None:
    vocab = vocabulary()
    feeling = vocab.get("  Let   Down ")
    assert feeling is not None and feeling.word == "let down" and feeling.ring == OUTER
    assert vocab.get("not a feeling") is None


def test_rings_go_around_the_wheel_family_by_family() -> None:
    vocab = vocabulary()
    assert [f.word for f in vocab.ring(CORE)] == [family.word for family in vocab.families]
    middle = vocab.ring(MIDDLE)
    order = [family.name for family in vocab.families]
    assert [order.index(f.family) for f in middle] == sorted(order.index(f.family) for f in middle)
    assert [f.word for f in vocab.children("hurt")] == ["wounded", "betrayed", "heartbroken"]


def test_the_data_file_is_plain_json_shipped_with_the_package() -> None:
    text = resources.files("trusttui.core").joinpath("vocabulary.json").read_text()
    assert len(load(json.loads(text))) == len(vocabulary())


def test_a_duplicate_word_in_the_data_is_refused() -> None:
    data = json.loads(resources.files("trusttui.core").joinpath("vocabulary.json").read_text())
    data["families"][0]["feelings"][0]["outer"][0]["word"] = "hurt"
    with pytest.raises(ValueError, match="twice"):
        load(data)


# -- search ------------------------------------------------------------------------------


def words(query: str, limit: int | None = None) -> list[str]:
    return [feeling.word for feeling in vocabulary().search(query, limit)]


def test_search_puts_prefix_before_substring() -> None:
    found = words("trust")
    assert found[0] == "trusting"
    assert found.index("trusting") < found.index("frustrated")


def test_search_exact_word_comes_first() -> None:
    assert words("sad")[0] == "sad"
    assert words("sa")[:3] == ["sad", "safe", "satisfied"]


def test_search_finds_a_later_part_of_a_multi_word_feeling() -> None:
    assert words("down")[0] == "let down"
    assert words("edge")[0] == "on edge"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("dissapointed", "disappointed"),
        ("anxous", "anxious"),
        ("jelous", "jealous"),
        ("embarassed", "embarrassed"),
        ("betrayd", "betrayed"),
        ("greatful", "grateful"),
        ("dissap", "disappointed"),
    ],
)
def test_search_finds_close_misspellings(typed: str, meant: str) -> None:
    assert words(typed)[0] == meant


def test_search_reaches_meanings_last() -> None:
    found = words("alone")
    assert "lonely" in found


def test_search_for_nothing_finds_nothing_and_limit_applies() -> None:
    assert words("   ") == []
    assert words("xqzv") == []
    assert len(words("e", 5)) == 5


# -- typed words --------------------------------------------------------------------------


def test_parse_words_joins_multi_word_feelings_and_drops_repeats() -> None:
    vocab = vocabulary()
    assert vocab.parse_words(["let", "down", "hurt, betrayed", "Let Down"]) == [
        "let down",
        "hurt",
        "betrayed",
    ]
    assert vocab.parse_words(["not good enough", "on", "edge"]) == ["not good enough", "on edge"]


def test_parse_words_names_the_closest_words_for_an_unknown_one() -> None:
    with pytest.raises(InputError, match="Closest: hurt") as caught:
        vocabulary().parse_words(["hurtt"])
    assert "\n" not in str(caught.value)


# -- what sits underneath ---------------------------------------------------------------------


@pytest.mark.parametrize("word", INTERPRETATIONS)
def test_interpretations_offer_feelings_and_needs(word: str) -> None:
    vocab = vocabulary()
    under = vocab.underneath(word)
    assert under is not None
    assert under.feelings and under.needs
    assert all(feeling in vocab for feeling in under.feelings)


def test_betrayed_offers_hurt_scared_angry_honesty_reliability() -> None:
    under = vocabulary().underneath("Betrayed")
    assert under is not None
    assert under.feelings == ("hurt", "scared", "angry")
    assert under.needs == ("honesty", "reliability")
    offer = under.offer()
    assert "hurt, scared or angry" in offer and "honesty and reliability" in offer
    assert "!" not in offer and "should" not in offer and "wrong" not in offer


def test_plain_feelings_come_with_no_offer() -> None:
    assert vocabulary().underneath("hurt") is None
    assert vocabulary().underneath("calm") is None
