"""Scripts: flows as data, the `scripts` table, and how a script reads back."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from trusttui.core.clock import ManualClock
from trusttui.core.errors import InputError, NotFoundError
from trusttui.core.flows import get_flow, guide
from trusttui.core.scripts import (
    Outcome,
    all_scripts,
    delete_script,
    duplicate_script,
    export_markdown,
    export_path,
    find_script,
    get_script,
    new_script,
    record_outcome,
    rehearsal_lines,
    rename_script,
    render_markdown,
    render_text,
    save_steps,
)
from trusttui.core.store import Store
from trusttui.core.tone import check


def test_hurt_flow_steps_in_order() -> None:
    assert [step.name for step in get_flow("hurt").steps] == [
        "happened",
        "felt",
        "need",
        "request",
        "questions",
        "listen",
        "closing",
    ]
    assert get_flow("hurt").promise_step.name == "request"  # type: ignore[union-attr]


def test_repair_flow_holds_the_six_components() -> None:
    names = [step.name for step in get_flow("repair").steps]
    for component in ("regret", "explanation", "responsibility", "repentance", "repair"):
        assert component in names
    assert names[-1] == "forgiveness"
    assert get_flow("repair").promise_step.name == "repair"  # type: ignore[union-attr]


def test_unknown_flow_is_a_calm_error() -> None:
    with pytest.raises(InputError, match="hurt or repair"):
        get_flow("shout")


def test_question_bank_has_25_open_questions_in_four_families() -> None:
    bank = guide()
    assert len(bank.questions) >= 25
    assert set(bank.question_families) == {"understanding", "prevention", "reassurance", "repair"}
    for family in bank.question_families:
        assert sum(1 for q in bank.questions if q.family == family) >= 5
    for question in bank.questions:
        assert question.text.endswith("?")
        first = question.text.split()[0].lower()
        assert first in {"how", "what", "is", "which"}, question.text
    assert {"honesty", "reliability", "reassurance", "respect", "closeness"} <= set(bank.needs)
    assert len(bank.reflections) >= 5


def test_every_suggestion_reads_calm() -> None:
    bank = guide()
    texts = [q.text for q in bank.questions] + list(bank.reflections)
    for flow in bank.flows:
        for step in flow.steps:
            texts += [step.explain, step.placeholder, *step.suggestions]
    for text in texts:
        assert check(text) == [], text


def test_new_script_is_stored_with_the_contract_fields(store: Store) -> None:
    script = new_script(store, "hurt")
    assert script.title == "I was hurt · 27 Nov"
    (doc,) = json.loads(store.path.read_text())["scripts"].values()
    assert set(doc) == {"id", "title", "flow", "steps", "created", "updated", "outcome"}
    assert doc["flow"] == "hurt" and doc["steps"] == {} and doc["outcome"] is None
    assert doc["created"] == "2026-11-27T14:30:00+01:00"


def test_steps_saved_and_reloaded(store: Store, clock: ManualClock) -> None:
    script = new_script(store, "repair", title="  Missed   recital ")
    assert script.title == "Missed recital"
    clock.advance(60)
    saved = save_steps(store, script, {"regret": "I'm sorry I missed it.", "explanation": " "})
    assert saved.steps == {"regret": "I'm sorry I missed it."}
    assert saved.updated > script.updated
    reloaded = get_script(Store.open(store.path).read(), script.id)
    assert reloaded == saved
    assert reloaded is not None and reloaded.filled == 1


def test_saving_unchanged_steps_writes_nothing(store: Store, clock: ManualClock) -> None:
    script = save_steps(store, new_script(store, "hurt"), {"happened": "x"})
    before = store.path.read_bytes()
    clock.advance(60)
    assert save_steps(store, script, {"happened": "x"}).updated == script.updated
    assert store.path.read_bytes() == before


def test_saving_keeps_a_rename_made_elsewhere(store: Store) -> None:
    script = new_script(store, "hurt")
    rename_script(store, script.id[:6], "Sunday talk")
    saved = save_steps(store, script, {"happened": "On Sunday…"})
    assert saved.title == "Sunday talk"


def test_saving_a_script_deleted_elsewhere_keeps_the_typing(store: Store) -> None:
    script = new_script(store, "hurt")
    delete_script(store, script.id)
    save_steps(store, script, {"happened": "still here"})
    assert get_script(store.read(), script.id).text("happened") == "still here"  # type: ignore[union-attr]


def test_rename_duplicate_delete(store: Store, clock: ManualClock) -> None:
    script = save_steps(store, new_script(store, "hurt"), {"happened": "late again"})
    record_outcome(store, script.id, Outcome("It went well"))
    with pytest.raises(InputError, match="short title"):
        rename_script(store, script.id, "   ")
    clock.advance(60)
    copy = duplicate_script(store, script.id[:5])
    assert copy.id != script.id and copy.title.endswith("(copy)")
    assert copy.steps == {"happened": "late again"} and copy.outcome is None
    assert [s.id for s in all_scripts(store.read())] == [copy.id, script.id]
    removed = delete_script(store, copy.id)
    assert removed.id == copy.id
    assert [s.id for s in all_scripts(store.read())] == [script.id]
    with pytest.raises(NotFoundError):
        find_script(store.read(), copy.id)


def test_outcome_needs_how_it_went(store: Store) -> None:
    script = new_script(store, "repair")
    with pytest.raises(InputError, match="how it went"):
        record_outcome(store, script.id, Outcome("  ", "talking slowly"))
    typed = Outcome(" Calmer than\nI feared ", "tea", "start earlier")
    done = record_outcome(store, script.id, typed)
    assert done.outcome == Outcome("Calmer than I feared", "tea", "start earlier")
    assert find_script(store.read(), script.id[:8]).outcome == done.outcome


def test_markdown_and_text(store: Store) -> None:
    script = save_steps(
        store,
        new_script(store, "hurt", "Late on Tuesday"),
        {"happened": "You came home at ten.", "request": "Would you text me?"},
    )
    script = record_outcome(store, script.id, Outcome("Good", "the question", ""))
    md = render_markdown(script)
    assert md.startswith("# Late on Tuesday\n\n*I was hurt* · prepared 27 November 2026\n")
    assert "## What happened\n\nYou came home at ten.\n" in md
    assert "## What I felt" not in md
    assert "- How it went: Good\n- What helped: the question\n" in md
    assert "Next time" not in md
    text = render_text(script)
    assert "WHAT HAPPENED\nYou came home at ten." in text


def test_rehearsal_lines_one_sentence_at_a_time(store: Store) -> None:
    script = save_steps(
        store,
        new_script(store, "hurt"),
        {"happened": "You came home at ten. I waited.\nI called twice…", "closing": "Thank you."},
    )
    assert rehearsal_lines(script) == [
        ("What happened", "You came home at ten."),
        ("What happened", "I waited."),
        ("What happened", "I called twice…"),
        ("Closing", "Thank you."),
    ]


def test_export_writes_a_private_new_file(store: Store, tmp_path: Path) -> None:
    script = new_script(store, "hurt", "Our Sunday talk!")
    target = export_path(script, tmp_path)
    assert target.name == "trusttui-our-sunday-talk.md"
    export_markdown(script, target)
    assert target.read_text().startswith("# Our Sunday talk!")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert export_path(script, tmp_path).name == "trusttui-our-sunday-talk-2.md"
    with pytest.raises(InputError, match="already exists"):
        export_markdown(script, target)
    with pytest.raises(InputError, match="not a folder"):
        export_markdown(script, tmp_path / "nope" / "x.md")
