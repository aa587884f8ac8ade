"""The emotion wheel's words: families, rings, meanings, search and what sits underneath.

The words live in `vocabulary.json` next to this module. A family is the core ring
(its own word, e.g. "sad"); each family has middle-ring feelings ("hurt"), and each
of those has more specific outer-ring feelings ("betrayed"). Some words describe
what someone did more than what you feel ("betrayed", "let down"); for those the
vocabulary knows the feelings and needs that often sit underneath.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from trusttui.core.errors import InputError

DATA_FILE = "vocabulary.json"

CORE, MIDDLE, OUTER = 1, 2, 3
RINGS = (CORE, MIDDLE, OUTER)
RING_NAMES = {CORE: "core", MIDDLE: "middle", OUTER: "outer"}

FUZZY_CUTOFF = 0.75
"""How alike (0-1, difflib ratio) a misspelling must be to count as a match."""

_SPACES = re.compile(r"\s+")


def normalise(word: str) -> str:
    """A word as the vocabulary keys it: lower case, single spaces, no stray punctuation."""
    return _SPACES.sub(" ", word.replace("_", " ").strip().strip(".,;:!?\"'").lower())


@dataclass(frozen=True)
class Family:
    """A core family of the wheel: its name, whether it is pleasant, its colour, its meaning."""

    name: str
    pleasant: bool
    colour: str = "#c0c0c0"
    """A hex colour; each family's is a different one of the 16 terminal colours when reduced."""
    meaning: str = ""

    @property
    def word(self) -> str:
        """The family's own feeling word, the core of its slice ("Sad" -> "sad")."""
        return self.name.lower()


@dataclass(frozen=True)
class Feeling:
    """One word on the wheel."""

    word: str
    family: str
    ring: int
    """1 core, 2 middle, 3 outer."""
    meaning: str
    parent: str | None = None
    """The word one ring in (None for a core word)."""


@dataclass(frozen=True)
class Underneath:
    """For a word that describes what someone did: what often sits under it."""

    word: str
    feelings: tuple[str, ...]
    needs: tuple[str, ...]

    def offer(self) -> str:
        """One gentle sentence: an offer to look underneath, never a correction."""
        return (
            f"“{self.word.capitalize()}” often says what someone did. Underneath, "
            f"you may also feel {_join(self.feelings, 'or')}, and need "
            f"{_join(self.needs, 'and')}. Add any that fit, or none."
        )


def _join(words: Sequence[str], last: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


class Vocabulary:
    """Every word on the wheel, in wheel order, with lookups and search."""

    def __init__(
        self,
        families: Sequence[Family],
        feelings: Sequence[Feeling],
        underneath: Iterable[Underneath],
    ) -> None:
        self.families: tuple[Family, ...] = tuple(families)
        self.feelings: tuple[Feeling, ...] = tuple(feelings)
        """Family by family: the core word, then each middle word followed by its outer words."""
        self._by_word = {feeling.word: feeling for feeling in self.feelings}
        self._families = {family.name: family for family in self.families}
        self._underneath = {item.word: item for item in underneath}
        self._words = tuple(feeling.word for feeling in self.feelings)

    # -- lookups -------------------------------------------------------------------

    def get(self, word: str) -> Feeling | None:
        """The feeling for `word` (any case, extra spaces ignored), or None."""
        return self._by_word.get(normalise(word))

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __len__(self) -> int:
        return len(self.feelings)

    @property
    def words(self) -> tuple[str, ...]:
        """Every word, in wheel order."""
        return self._words

    def family(self, name: str) -> Family:
        """The family called `name`."""
        return self._families[name]

    def family_of(self, word: str) -> Family | None:
        """The family `word` belongs to, or None for an unknown word."""
        feeling = self.get(word)
        return None if feeling is None else self._families[feeling.family]

    def ring(self, ring: int) -> tuple[Feeling, ...]:
        """Every feeling of one ring, in wheel order (around the circle)."""
        return tuple(feeling for feeling in self.feelings if feeling.ring == ring)

    def in_family(self, name: str) -> tuple[Feeling, ...]:
        """A family's feelings: core, then each middle word followed by its outer words."""
        return tuple(feeling for feeling in self.feelings if feeling.family == name)

    def children(self, word: str) -> tuple[Feeling, ...]:
        """The feelings one ring further out than `word`."""
        key = normalise(word)
        return tuple(feeling for feeling in self.feelings if feeling.parent == key)

    def underneath(self, word: str) -> Underneath | None:
        """What often sits under a word that describes what someone did, or None."""
        return self._underneath.get(normalise(word))

    @property
    def interpretations(self) -> tuple[Underneath, ...]:
        """Every word that comes with an offer of what sits underneath."""
        return tuple(self._underneath.values())

    # -- search ------------------------------------------------------------------------

    def search(self, query: str, limit: int | None = None) -> list[Feeling]:
        """Words matching `query`, best first.

        Order: the exact word, words starting with the query (shorter first), words
        with a later part starting with it ("down" finds "let down"), words containing
        it, close misspellings ("dissapointed", "anxous"), then words whose meaning
        mentions it. An empty query finds nothing.
        """
        query = normalise(query)
        if not query:
            return []
        ranked: list[tuple[tuple[int, float, int], Feeling]] = []
        for index, feeling in enumerate(self.feelings):
            score = _score(query, feeling)
            if score is not None:
                ranked.append(((*score, index), feeling))
        ranked.sort(key=lambda pair: pair[0])
        found = [feeling for _, feeling in ranked]
        return found if limit is None else found[:limit]

    def suggest(self, word: str, count: int = 3) -> list[str]:
        """The words closest to `word`, for "did you mean" lines."""
        found = [feeling.word for feeling in self.search(word)[:count]]
        if len(found) < count:
            for close in difflib.get_close_matches(normalise(word), self._words, count, 0.5):
                if close not in found:
                    found.append(close)
        return found[:count]

    def parse_words(self, tokens: Iterable[str]) -> list[str]:
        """Turn typed words into known feelings, in order, without repeats.

        Multi-word feelings can be one token ("let down") or several in a row
        (`let down`); commas also separate ("hurt, let down"). Raises InputError
        naming the closest words when something is not on the wheel.
        """
        pieces: list[str] = []
        for token in tokens:
            pieces.extend(part for part in (normalise(p) for p in token.split(",")) if part)
        words: list[str] = []
        position = 0
        while position < len(pieces):
            for span in (3, 2, 1):
                candidate = " ".join(pieces[position : position + span])
                if span <= len(pieces) - position and candidate in self._by_word:
                    if candidate not in words:
                        words.append(candidate)
                    position += span
                    break
            else:
                raise InputError(self.unknown_message(pieces[position]))
        return words

    def unknown_message(self, word: str) -> str:
        """One calm line for a word that is not on the wheel."""
        close = self.suggest(word)
        hint = f" Closest: {', '.join(close)}." if close else ""
        return f"“{word}” is not on the wheel.{hint} See every word with `trusttui feel --list`."


def _score(query: str, feeling: Feeling) -> tuple[int, float] | None:
    """How well `feeling` matches `query`: (rank, tie-break), lower is better, None if not."""
    word = feeling.word
    if word == query:
        return (0, 0.0)
    if word.startswith(query):
        return (1, float(len(word)))
    parts = re.split(r"[ -]", word)
    if any(part.startswith(query) for part in parts[1:]):
        return (2, float(len(word)))
    if query in word:
        return (3, float(len(word)))
    if len(query) >= 3:
        similarity = max(
            difflib.SequenceMatcher(None, query, word).ratio(),
            difflib.SequenceMatcher(None, query, word[: len(query)]).ratio(),
        )
        if similarity >= FUZZY_CUTOFF:
            return (4, -similarity)
    if len(query) >= 4 and re.search(rf"\b{re.escape(query)}", feeling.meaning.lower()):
        return (5, float(len(word)))
    return None


# -- loading ---------------------------------------------------------------------------


def load(data: dict[str, Any]) -> Vocabulary:
    """Build a Vocabulary from the decoded data file; ValueError if it is malformed."""
    families: list[Family] = []
    feelings: list[Feeling] = []
    for entry in data["families"]:
        family = Family(
            name=str(entry["name"]),
            pleasant=bool(entry["pleasant"]),
            colour=str(entry.get("colour", "#c0c0c0")),
            meaning=str(entry["meaning"]),
        )
        families.append(family)
        feelings.append(Feeling(family.word, family.name, CORE, family.meaning))
        for middle in entry["feelings"]:
            feelings.append(
                Feeling(
                    str(middle["word"]), family.name, MIDDLE, str(middle["meaning"]), family.word
                )
            )
            for outer in middle["outer"]:
                feelings.append(
                    Feeling(
                        str(outer["word"]),
                        family.name,
                        OUTER,
                        str(outer["meaning"]),
                        middle["word"],
                    )
                )
    for feeling in feelings:
        if feeling.word != normalise(feeling.word) or not feeling.meaning.strip():
            raise ValueError(f"vocabulary: bad word or meaning for {feeling.word!r}")
    seen: set[str] = set()
    for feeling in feelings:
        if feeling.word in seen:
            raise ValueError(f"vocabulary: {feeling.word!r} appears twice")
        seen.add(feeling.word)
    underneath = [
        Underneath(
            word=normalise(word),
            feelings=tuple(normalise(w) for w in item["feelings"]),
            needs=tuple(str(n) for n in item["needs"]),
        )
        for word, item in data.get("underneath", {}).items()
    ]
    for item in underneath:
        unknown = [w for w in (item.word, *item.feelings) if w not in seen]
        if unknown:
            raise ValueError(f"vocabulary: underneath {item.word!r} names unknown {unknown}")
    return Vocabulary(families, feelings, underneath)


@functools.cache
def vocabulary() -> Vocabulary:
    """The wheel's vocabulary, read once from the data file shipped with trusttui."""
    text = resources.files("trusttui.core").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return load(json.loads(text))
