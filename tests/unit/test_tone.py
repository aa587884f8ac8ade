"""The tone check: every rule flags what it should and leaves calm sentences alone."""

from __future__ import annotations

import time

import pytest

from trusttui.core.tone import check, sentences, tone_rules

RULES = tone_rules().rules
FLAG_CASES = [(rule.id, text) for rule in RULES for text in rule.flags]
CALM_CASES = [(rule.id, text) for rule in RULES for text in rule.calm]


def test_rules_load_with_cases_both_ways() -> None:
    assert len(RULES) >= 15
    assert len({rule.id for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert len(rule.flags) >= 3 and len(rule.calm) >= 3, rule.id
        assert rule.why and rule.rewrite, rule.id
        assert rule.kind in tone_rules().kinds, rule.id
    kinds = {rule.kind for rule in RULES}
    assert {"absolute", "blame", "contempt", "sarcasm", "mind-reading", "demand"} <= kinds
    assert "judgement" in kinds


@pytest.mark.parametrize(("rule_id", "text"), FLAG_CASES)
def test_rule_flags_its_cases(rule_id: str, text: str) -> None:
    flags = [flag for flag in check(text) if flag.rule == rule_id]
    assert flags, f"{rule_id} should flag {text!r}"
    for flag in flags:
        assert text[flag.start : flag.end] == flag.phrase
        assert flag.phrase.strip() == flag.phrase and flag.phrase


@pytest.mark.parametrize(("rule_id", "text"), CALM_CASES)
def test_calm_cases_read_calm(rule_id: str, text: str) -> None:
    assert check(text) == [], f"{text!r} (a calm case of {rule_id}) was flagged"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rewrites_read_calm(rule: object) -> None:
    assert check(rule.rewrite) == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "I never want to lose this.",
        "we always have fun on Sundays",
        "When you came home late on Tuesday, I felt scared and alone.",
        "Would you be willing to text me if you'll be late?",
        "",
        "   \n\n",
    ],
)
def test_calm_messages(text: str) -> None:
    assert check(text) == []


def test_each_flag_names_phrase_span_why_and_rewrite() -> None:
    text = "Fine.\nYou always say that. I feel betrayed and you never listen."
    flags = check(text)
    assert [flag.rule for flag in flags] == ["you-always", "faux-feeling", "you-never"]
    first = flags[0]
    assert first.phrase == "You always"
    assert first.position(text) == (2, 1)
    assert flags[1].phrase == "I feel betrayed" and flags[1].position(text) == (2, 22)
    assert all(flag.why and flag.rewrite for flag in flags)


def test_curly_apostrophes_keep_spans_on_the_original_text() -> None:
    text = "You’re never home."
    (flag,) = check(text)
    assert flag.phrase == "You’re never"


def test_sentences_keep_offsets() -> None:
    text = "  One. Two!\nThree"
    assert sentences(text) == [(2, "One."), (7, "Two!"), (12, "Three")]


def test_fast_enough_for_every_keystroke() -> None:
    text = "When you came home late I felt scared. You always do this and you never call. " * 25
    check(text)
    started = time.perf_counter()
    for extra in range(50):
        check(text + "x" * extra)
    per_keystroke = (time.perf_counter() - started) / 50
    assert per_keystroke < 0.01
