"""The tone check: local, rule-based and explainable.

Rules live in `tone_rules.json` beside this file. Each has a case-insensitive
pattern, an optional `unless` pattern that excuses a match it overlaps (so
"I hope you always feel safe" is not an absolute), one line on why the phrase
tends to escalate, a gentler rewrite, and sentences that must and must not
flag (the tests run every one of them).

Text is checked sentence by sentence so patterns can anchor on a whole
sentence ("Whatever."). Curly apostrophes count as straight ones. Checking a
page of text takes well under a millisecond, so it can run on every keystroke.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

RULES_FILE = "tone_rules.json"

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*|[.!?]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_EDGE = " \t\"'“”,.;:!?()-—–"


@dataclass(frozen=True)
class ToneRule:
    """One pattern the check looks for, with its explanation and tests."""

    id: str
    kind: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    why: str
    rewrite: str
    flags: tuple[str, ...]
    calm: tuple[str, ...]

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ToneRule:
        unless = doc.get("unless")
        return cls(
            id=doc["id"],
            kind=doc["kind"],
            pattern=re.compile(doc["pattern"], re.IGNORECASE),
            unless=re.compile(unless, re.IGNORECASE) if unless else None,
            why=doc["why"],
            rewrite=doc["rewrite"],
            flags=tuple(doc["flags"]),
            calm=tuple(doc["calm"]),
        )


@dataclass(frozen=True)
class Flag:
    """A phrase that may escalate: where it is, why, and what to try instead."""

    rule: str
    kind: str
    phrase: str
    start: int
    end: int
    why: str
    rewrite: str

    def position(self, text: str) -> tuple[int, int]:
        """1-based line and column of the phrase in `text`."""
        before = text[: self.start]
        line = before.count("\n") + 1
        column = self.start - (before.rfind("\n") + 1) + 1
        return line, column


@dataclass(frozen=True, eq=False)
class ToneRules:
    """Every rule, and the name of each kind of rule for people."""

    rules: tuple[ToneRule, ...]
    kinds: dict[str, str]

    def kind_label(self, kind: str) -> str:
        return self.kinds.get(kind, kind)


@cache
def tone_rules() -> ToneRules:
    """The rules from the data file (read once)."""
    raw = resources.files("trusttui.core").joinpath(RULES_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    return ToneRules(
        rules=tuple(ToneRule.from_doc(doc) for doc in data["rules"]),
        kinds=dict(data["kinds"]),
    )


def sentences(text: str) -> list[tuple[int, str]]:
    """Each sentence of `text` with where it starts (leading spaces dropped)."""
    found = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        stripped = sentence.lstrip()
        if stripped.strip():
            found.append((match.start() + len(sentence) - len(stripped), stripped))
    return found


def _trimmed(sentence: str, start: int, end: int) -> tuple[int, int]:
    while start < end and sentence[start] in _EDGE:
        start += 1
    while end > start and sentence[end - 1] in _EDGE:
        end -= 1
    return start, end


def _excused(rule: ToneRule, sentence: str, start: int, end: int) -> bool:
    if rule.unless is None:
        return False
    return any(m.start() < end and start < m.end() for m in rule.unless.finditer(sentence))


def check_sentence(rule: ToneRule, sentence: str) -> list[tuple[int, int]]:
    """Spans in `sentence` (already normalised) that `rule` flags."""
    spans = []
    for match in rule.pattern.finditer(sentence):
        start, end = _trimmed(sentence, match.start(), match.end())
        if start < end and not _excused(rule, sentence, match.start(), match.end()):
            spans.append((start, end))
    return spans


@lru_cache(maxsize=4096)
def _sentence_flags(sentence: str, rules: ToneRules) -> tuple[tuple[ToneRule, int, int], ...]:
    """Flags in one sentence; cached, so re-checking as someone types costs one sentence."""
    return tuple(
        (rule, start, end) for rule in rules.rules for start, end in check_sentence(rule, sentence)
    )


def check(text: str, rules: ToneRules | None = None) -> list[Flag]:
    """Every flag in `text`, in reading order."""
    rules = rules or tone_rules()
    normal = text.translate(_APOSTROPHES)
    flags = []
    for offset, sentence in sentences(normal):
        for rule, start, end in _sentence_flags(sentence, rules):
            flags.append(
                Flag(
                    rule=rule.id,
                    kind=rule.kind,
                    phrase=text[offset + start : offset + end],
                    start=offset + start,
                    end=offset + end,
                    why=rule.why,
                    rewrite=rule.rewrite,
                )
            )
    flags.sort(key=lambda flag: (flag.start, flag.end))
    return flags
