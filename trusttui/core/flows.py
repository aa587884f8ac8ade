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
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from trusttui.core.errors import InputError

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
