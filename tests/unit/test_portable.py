"""Export, import (twice), Markdown and calendar output, and forget."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import NOW
from trusttui.core.checkins import add_checkin
from trusttui.core.clock import ManualClock
from trusttui.core.demo import build_demo
from trusttui.core.errors import InputError
from trusttui.core.journal import add_entry
from trusttui.core.portable import export, export_json, forget, import_json, tables
from trusttui.core.records import new_id, to_iso
from trusttui.core.settings import save_setting
from trusttui.core.store import Store


def fill(store: Store, clock: ManualClock) -> None:
    add_entry(store, "win", "They called at six, as promised.")
    clock.advance(86400 * 40)
    add_entry(store, "setback", "What happened: late again\nWhat I needed: a text")
    add_checkin(store, {"match": 5, "promises": 4, "future": 3}, note="[bold]x[/] [/]")
    save_setting(store, "theme", "ansi-dark")
    with store.transaction() as db:
        db.table("promises").insert_multiple(
            [
                promise("Call mum", NOW + timedelta(days=41), every=None, to="Sam"),
                promise("Walk, together", NOW + timedelta(days=42), every="FREQ=WEEKLY;BYDAY=MO"),
                {**promise("Old one", NOW, every=None), "status": "kept", "kept_at": to_iso(NOW)},
            ]
        )


def promise(text: str, due: object, every: str | None, to: str | None = None) -> dict[str, object]:
    return {
        "id": new_id(),
        "text": text,
        "to": to,
        "due": to_iso(due),  # type: ignore[arg-type]
        "every": every,
        "status": "open",
        "kept_at": None,
        "created": to_iso(NOW),
        "updated": to_iso(NOW),
        "history": [],
    }


def test_export_then_import_twice_gives_identical_records(
    store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    fill(store, clock)
    exported = export_json(store.read(), clock.now())
    other = Store.open(tmp_path / "other" / "t.json", clock=clock)
    first = import_json(other, exported)
    assert first.added == 7 and first.unchanged == 0
    before = other.path.read_bytes()
    second = import_json(other, exported)
    assert second.added == 0 and second.updated == 0 and second.unchanged == 7
    assert "Nothing new" in second.summary()
    assert other.path.read_bytes() == before
    assert tables(other.read()) == tables(store.read())


def test_import_merges_by_id_and_keeps_newer_copies(store: Store, clock: ManualClock) -> None:
    fill(store, clock)
    payload = json.loads(export_json(store.read(), clock.now()))
    mine = payload["tables"]["promises"][0]
    newer = {**mine, "text": "Call mum (moved)", "updated": to_iso(NOW + timedelta(days=50))}
    older = {**payload["tables"]["promises"][1], "text": "stale", "updated": to_iso(NOW)}
    payload["tables"] = {
        "promises": [newer, older],
        "journal": [{"id": new_id(), "at": to_iso(NOW), "kind": "win", "text": "new"}],
        "settings": [{"id": new_id(), "key": "theme", "value": "nord"}],
    }
    result = import_json(store, json.dumps(payload))
    assert (result.added, result.updated, result.unchanged) == (1, 1, 2)
    texts = sorted(doc["text"] for doc in store.read().table("promises").all())
    assert texts == ["Call mum (moved)", "Old one", "Walk, together"]
    assert store.read().table("settings").all()[0]["value"] == "ansi-dark"


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ("not json", "not JSON"),
        ("[]", "not a trusttui JSON export"),
        ('{"format": "trusttui-export", "schema": 99, "tables": {}}', "newer trusttui"),
        ('{"format": "trusttui-export", "schema": 2}', "no tables"),
        ('{"format": "trusttui-export", "schema": 2, "tables": {"x": {}}}', "not a list"),
        ('{"format": "trusttui-export", "schema": 2, "tables": {"x": [{}]}}', "has no id"),
        (
            '{"format": "trusttui-export", "schema": 2, "tables": {"journal": '
            '[{"id": "a", "at": "2026-01-01T00:00:00+00:00", "kind": "gripe", "text": ""}]}}',
            "cannot be read",
        ),
    ],
)
def test_a_bad_import_writes_nothing(
    store: Store, clock: ManualClock, payload: str, words: str
) -> None:
    fill(store, clock)
    before = store.path.read_bytes()
    with pytest.raises(InputError, match=words):
        import_json(store, payload)
    assert store.path.read_bytes() == before


def test_markdown_reads_as_a_journal_by_month(store: Store, clock: ManualClock) -> None:
    fill(store, clock)
    text = export(store.read(), "md", clock.now())
    assert text.startswith("# My trusttui journal")
    assert text.index("## November 2026") < text.index("## January 2027")
    assert "Small win: They called at six, as promised." in text
    assert "  What I needed: a text" in text
    assert "Trust check-in" in text and "Predictability 5.0" in text
    assert "[bold]x[/] [/]" in text
    assert "Promise kept" in text and "Call mum (to Sam), due" in text


def test_exports_of_an_empty_store(store: Store) -> None:
    assert "Nothing written yet." in export(store.read(), "md", NOW)
    assert json.loads(export(store.read(), "json", NOW))["tables"] == {}
    assert "BEGIN:VCALENDAR" in export(store.read(), "ics", NOW)
    assert not store.path.exists()


def test_calendar_has_open_promises_with_repeats(store: Store, clock: ManualClock) -> None:
    fill(store, clock)
    text = export(store.read(), "ics", clock.now())
    calendar = Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Call mum", "Walk, together"]
    single, weekly = events
    assert single.decoded("dtstart").utcoffset() == timedelta(0)
    assert "A promise to Sam." in str(single["description"])
    assert weekly.decoded("dtstart").tzinfo is None
    assert weekly["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO"
    assert "\r\n" in text


def test_unknown_format_is_refused(store: Store) -> None:
    with pytest.raises(InputError, match="json, md, ics"):
        export(store.read(), "pdf", NOW)


def test_forget_leaves_nothing_behind(store: Store, clock: ManualClock) -> None:
    fill(store, clock)
    clock.advance(86400)
    add_entry(store, "win", "another day, another backup")
    store.path.with_name(store.path.name + ".broken-20260101T000000").write_text("{}")
    store.path.with_name(f".{store.path.name}.abc.tmp").write_text("")
    assert len(store.backups()) >= 1
    removed = forget(store)
    assert store.path in removed and store.lock_path in removed
    assert list(store.path.parent.iterdir()) == []
    assert forget(store) == []


def test_forget_removes_the_default_data_dir(clock: ManualClock) -> None:
    from trusttui.core.paths import default_db_path

    store = Store.open(default_db_path(), clock=clock)
    build_demo(store, now=NOW)
    add_entry(store, "win", "x")
    forget(store)
    assert not default_db_path().parent.exists()


def test_calendar_of_promises_made_by_the_promise_board(store: Store, clock: ManualClock) -> None:
    from trusttui.core import promises
    from trusttui.core.when import parse_every

    every = parse_every("weekdays", NOW)
    promises.add_promise(store, "Text when leaving work", NOW + timedelta(hours=3), every=every)
    kept = promises.add_promise(store, "Already done", NOW + timedelta(hours=1))
    promises.keep(store, kept.id)
    calendar = Calendar.from_ical(export(store.read(), "ics", NOW))
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Text when leaving work"
    assert event["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    assert event.decoded("dtstart").hour == 17


def test_rrule_part_reads_every_stored_form() -> None:
    from trusttui.core.export_ics import rrule_part

    assert rrule_part("FREQ=DAILY") == "FREQ=DAILY"
    assert rrule_part("RRULE:FREQ=WEEKLY;BYDAY=MO") == "FREQ=WEEKLY;BYDAY=MO"
    assert rrule_part("DTSTART:20261127T143000\nRRULE:FREQ=WEEKLY") == "FREQ=WEEKLY"
    with pytest.raises(ValueError):
        rrule_part("DTSTART:20261127T143000")


def test_every_table_of_the_demo_survives_export_and_two_imports(
    store: Store, tmp_path: Path, clock: ManualClock
) -> None:
    build_demo(store, now=NOW, years=1)
    exported = export_json(store.read(), NOW)
    assert {"breaths", "checkins", "feelings", "journal", "promises"} <= set(
        json.loads(exported)["tables"]
    )
    other = Store.open(tmp_path / "copy" / "t.json", clock=clock)
    import_json(other, exported)
    again = import_json(other, exported)
    assert again.added == 0 and again.updated == 0
    assert tables(other.read()) == tables(store.read())
