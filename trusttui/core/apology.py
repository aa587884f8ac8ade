"""Which of the six parts of an effective apology a text holds.

The six components (expression of regret, explanation, acknowledgement of
responsibility, declaration of repentance, offer of repair, request for
forgiveness) come from Lewicki, Polin and Lount (2016); acknowledging
responsibility and offering repair mattered most. Their cue patterns live in
`apology_cues.json` beside this file, each with sentences it must and must
not be found in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

CUES_FILE = "apology_cues.json"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Component:
    """One part of an apology: its name, a hint, and how to spot it."""

    id: str
    title: str
    hint: str
    cues: tuple[re.Pattern[str], ...]
    present: tuple[str, ...]
    absent: tuple[str, ...]

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Component:
        return cls(
            id=doc["id"],
            title=doc["title"],
            hint=doc["hint"],
            cues=tuple(re.compile(cue, re.IGNORECASE) for cue in doc["cues"]),
            present=tuple(doc["present"]),
            absent=tuple(doc["absent"]),
        )

    def find(self, text: str) -> str | None:
        """The first words in `text` that show this component, or None."""
        normal = text.translate(_APOSTROPHES)
        found = [match for cue in self.cues if (match := cue.search(normal))]
        if not found:
            return None
        first = min(found, key=lambda match: match.start())
        return text[first.start() : first.end()]


@dataclass(frozen=True)
class ApologyCheck:
    """For each component (in order), the words that show it, or None when missing."""

    found: tuple[tuple[Component, str | None], ...]

    @property
    def present(self) -> tuple[str, ...]:
        return tuple(component.id for component, words in self.found if words is not None)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(component.id for component, words in self.found if words is None)


@cache
def components() -> tuple[Component, ...]:
    """The six components, in the order an apology usually runs."""
    raw = resources.files("trusttui.core").joinpath(CUES_FILE).read_text(encoding="utf-8")
    return tuple(Component.from_doc(doc) for doc in json.loads(raw)["components"])


def check_apology(text: str) -> ApologyCheck:
    """Which components `text` holds and which are missing."""
    return ApologyCheck(tuple((component, component.find(text)) for component in components()))
