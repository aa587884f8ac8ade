"""The two conversation flows, as data: steps, explanations and suggestion banks.

Everything lives in `script_flows.json` beside this file:

- flow "hurt" (I was hurt): what happened, what I felt, what I need, my request,
  questions for them, how I'll listen, closing;
- flow "repair" (I broke a promise): the six parts of an effective apology,
  with questions and listening before asking forgiveness;
- a bank of open questions in four families, a needs list and reflection starters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from tinydb import TinyDB

from trusttui.core.errors import InputError
from trusttui.core.feelings import all_checkins
from trusttui.core.tone import check
from trusttui.core.vocabulary import vocabulary

FLOWS_FILE = "script_flows.json"
FLOW_NAMES = ("hurt", "repair")


@dataclass(frozen=True)
class Step:
    """One step of a flow: a name (the key in a script's `steps`) and its guidance."""

    name: str
    title: str
    explain: str
    placeholder: str
    suggestions: tuple[str, ...]
    bank: str | None
    """Where more suggestions come from: feelings, needs, questions or reflections."""
    promise: bool
    """Whether this step's text can become a promise on the board."""

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Step:
        return cls(
            name=doc["name"],
            title=doc["title"],
            explain=doc["explain"],
            placeholder=doc["placeholder"],
            suggestions=tuple(doc["suggestions"]),
            bank=doc.get("bank"),
            promise=bool(doc.get("promise")),
        )


@dataclass(frozen=True)
class Flow:
    """A guided conversation: its name, how it is shown, and its steps in order."""

    name: str
    title: str
    summary: str
    steps: tuple[Step, ...]

    def step(self, name: str) -> Step | None:
        return next((step for step in self.steps if step.name == name), None)

    @property
    def promise_step(self) -> Step | None:
        """The step whose text can become a promise."""
        return next((step for step in self.steps if step.promise), None)


@dataclass(frozen=True)
class Question:
    family: str
    text: str


@dataclass(frozen=True, eq=False)
class Guide:
    """Both flows and the suggestion banks they draw on."""

    flows: tuple[Flow, ...]
    question_families: dict[str, str]
    questions: tuple[Question, ...]
    needs: tuple[str, ...]
    reflections: tuple[str, ...]

    def flow(self, name: str) -> Flow:
        for flow in self.flows:
            if flow.name == name:
                return flow
        raise InputError(f"There is no {name!r} flow; choose hurt or repair.")


@cache
def guide() -> Guide:
    """The flows and banks from the data file (read once)."""
    raw = resources.files("trusttui.core").joinpath(FLOWS_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    return Guide(
        flows=tuple(
            Flow(
                name=flow["name"],
                title=flow["title"],
                summary=flow["summary"],
                steps=tuple(Step.from_doc(step) for step in flow["steps"]),
            )
            for flow in data["flows"]
        ),
        question_families=dict(data["question_families"]),
        questions=tuple(Question(q["family"], q["text"]) for q in data["questions"]),
        needs=tuple(data["needs"]),
        reflections=tuple(data["reflections"]),
    )


def get_flow(name: str) -> Flow:
    """The flow called `name` ("hurt" or "repair")."""
    return guide().flow(name)


# -- feeling words for "what I felt" -------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """Something to insert (`text`), how it is listed (`label`), and a quiet note."""

    text: str
    label: str
    note: str = ""


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


@cache
def feeling_words() -> tuple[Suggestion, ...]:
    """Words from the emotion vocabulary that name a feeling in you.

    Unpleasant families first (all rings), then the middle ring of the pleasant
    ones. Words that describe what someone did ("betrayed") are left out: the
    tone check would flag them, and the vocabulary knows what often sits under them.
    """
    vocab = vocabulary()
    pleasant = {family.name: family.pleasant for family in vocab.families}
    picked = [f for f in vocab.feelings if not pleasant.get(f.family, False)]
    picked += [f for f in vocab.ring(2) if pleasant.get(f.family, False)]
    return tuple(
        Suggestion(feeling.word, feeling.word, feeling.family.lower())
        for feeling in picked
        if vocab.underneath(feeling.word) is None and not check(f"I felt {feeling.word}.")
    )


def recent_feelings(db: TinyDB, limit: int = 5) -> list[Suggestion]:
    """The words of the last few check-ins (newest first), each as "I felt … ."."""
    seen: set[tuple[str, ...]] = set()
    found = []
    for checkin in reversed(all_checkins(db)):
        if not checkin.words or checkin.words in seen:
            continue
        seen.add(checkin.words)
        found.append(
            Suggestion(
                f"I felt {_and(checkin.words)}.",
                ", ".join(checkin.words),
                f"{checkin.at:%a %-d %b}",
            )
        )
        if len(found) == limit:
            break
    return found


def underneath_note(phrase: str) -> str | None:
    """For a flagged phrase such as "I feel betrayed": the feelings and needs often under it."""
    lowered = phrase.lower()
    for item in vocabulary().interpretations:
        if re.search(rf"\b{re.escape(item.word)}\b", lowered):
            return item.offer()
    return None
