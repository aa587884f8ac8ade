"""Conversation scripts: the `scripts` table, and how a script reads as text.

A record: ``id``, ``title``, ``flow`` ("hurt" | "repair"), ``steps`` (step name
-> text), ``created``, ``updated`` (ISO 8601 with offset) and ``outcome``
(null until after the talk, then ``{"how", "helped", "next_time"}``). A script
on the shared board also holds ``created_by`` / ``updated_by``: the Unix users
who made it and last changed it (shown when it was not you).
Every TinyDB call for the table is in this module.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from trusttui.core.errors import InputError
from trusttui.core.flows import FLOW_NAMES, Flow, get_flow
from trusttui.core.records import from_iso, new_id, readable, resolve_id, to_iso
from trusttui.core.share import SharedStore, current_user
from trusttui.core.store import Store, raw_records

TABLE = "scripts"
TITLE_MAX = 80
EXPORT_MODE = 0o600


@dataclass(frozen=True)
class Outcome:
    """How the talk went, in the person's own few words."""

    how: str
    helped: str = ""
    next_time: str = ""

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Outcome:
        return cls(
            how=str(doc.get("how", "")),
            helped=str(doc.get("helped", "")),
            next_time=str(doc.get("next_time", "")),
        )

    def as_doc(self) -> dict[str, str]:
        return {"how": self.how, "helped": self.helped, "next_time": self.next_time}


@dataclass(frozen=True)
class Script:
    """A prepared conversation. `shared`: read from the shared board (never stored)."""

    id: str
    title: str
    flow: str
    steps: Mapping[str, str] = field(hash=False)
    created: datetime
    updated: datetime
    outcome: Outcome | None = None
    created_by: str | None = None
    updated_by: str | None = None
    shared: bool = False

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any], *, shared: bool = False) -> Script:
        steps = doc.get("steps") or {}
        outcome = doc.get("outcome")
        return cls(
            id=str(doc["id"]),
            title=str(doc.get("title", "")),
            flow=str(doc.get("flow", "hurt")),
            steps={str(k): str(v) for k, v in steps.items()},
            created=from_iso(doc["created"]),
            updated=from_iso(doc["updated"]),
            outcome=Outcome.from_doc(outcome) if isinstance(outcome, Mapping) else None,
            created_by=str(doc["created_by"]) if doc.get("created_by") else None,
            updated_by=str(doc["updated_by"]) if doc.get("updated_by") else None,
            shared=shared,
        )

    def as_doc(self) -> dict[str, Any]:
        doc = {
            "id": self.id,
            "title": self.title,
            "flow": self.flow,
            "steps": dict(self.steps),
            "created": to_iso(self.created),
            "updated": to_iso(self.updated),
            "outcome": self.outcome.as_doc() if self.outcome else None,
        }
        if self.created_by is not None:
            doc["created_by"] = self.created_by
        if self.updated_by is not None:
            doc["updated_by"] = self.updated_by
        return doc

    @property
    def guide(self) -> Flow:
        """The flow this script follows."""
        return get_flow(self.flow)

    def text(self, step: str) -> str:
        return self.steps.get(step, "")

    @property
    def filled(self) -> int:
        """How many steps have something written."""
        return sum(1 for step in self.guide.steps if self.text(step.name).strip())

    @property
    def whole_text(self) -> str:
        """Every step's text, in order: what the apology detector reads."""
        return "\n".join(self.text(step.name) for step in self.guide.steps)


def clean_title(title: str) -> str:
    """A title as stored: one line, not empty, not too long."""
    title = " ".join(title.split())
    if not title:
        raise InputError("Give the script a short title.")
    if len(title) > TITLE_MAX:
        raise InputError(f"Keep the title under {TITLE_MAX} characters.")
    return title


def default_title(flow: Flow, now: datetime) -> str:
    return f"{flow.title} · {now:%-d %b}"


# -- reading ------------------------------------------------------------------


def all_scripts(db: TinyDB, *, shared: bool = False) -> list[Script]:
    """Every script, most recently changed first (`shared`: `db` is the shared board)."""
    scripts = readable(raw_records(db, TABLE), lambda doc: Script.from_doc(doc, shared=shared))
    return sorted(scripts, key=lambda script: script.updated, reverse=True)


def get_script(db: TinyDB, script_id: str, *, shared: bool = False) -> Script | None:
    """The script with exactly this id, or None."""
    doc = db.table(TABLE).get(Query().id == script_id)
    return Script.from_doc(doc, shared=shared) if isinstance(doc, Mapping) else None


def find_script(db: TinyDB, prefix: str) -> Script:
    """The one script whose id starts with `prefix` (as shown by `script list`)."""
    return Script.from_doc(resolve_id(db.table(TABLE).all(), prefix, "script"))


def _is_shared(store: Store) -> bool:
    return isinstance(store, SharedStore)


def _who(store: Store) -> str | None:
    """Who to record as making a change: only the shared board keeps names."""
    return current_user() if _is_shared(store) else None


# -- writing ------------------------------------------------------------------


def new_script(store: Store, flow: str, title: str | None = None) -> Script:
    """Start a script following `flow`, with empty steps."""
    if flow not in FLOW_NAMES:
        raise InputError(f"There is no {flow!r} flow; choose hurt or repair.")
    now, me = store.clock.now(), _who(store)
    script = Script(
        id=new_id(),
        title=clean_title(title) if title else default_title(get_flow(flow), now),
        flow=flow,
        steps={},
        created=now,
        updated=now,
        created_by=me,
        updated_by=me,
        shared=_is_shared(store),
    )
    with store.transaction() as db:
        db.table(TABLE).insert(script.as_doc())
    return script


def save_steps(store: Store, script: Script, steps: Mapping[str, str]) -> Script:
    """Save what was typed in `script`'s steps; returns the script as stored.

    Only the steps and `updated` change, so a rename made elsewhere meanwhile is
    kept. If the script was deleted elsewhere, it is saved again: typing is never lost.
    """
    clean = {name: text for name, text in steps.items() if text.strip()}
    now, me, shared = store.clock.now(), _who(store), _is_shared(store)
    with store.transaction() as db:
        table = db.table(TABLE)
        doc = table.get(Query().id == script.id)
        if not isinstance(doc, Mapping):
            saved = replace(script, steps=clean, updated=now, updated_by=me, shared=shared)
            table.insert(saved.as_doc())
            return saved
        current = Script.from_doc(doc, shared=shared)
        if dict(current.steps) == clean:
            return current
        saved = replace(current, steps=clean, updated=now, updated_by=me or current.updated_by)
        changes: dict[str, Any] = {"steps": clean, "updated": to_iso(now)}
        if me:
            changes["updated_by"] = me
        table.update(changes, Query().id == script.id)
    return saved


def _change(store: Store, prefix: str, **changes: Any) -> Script:
    with store.transaction() as db:
        table = db.table(TABLE)
        script = Script.from_doc(
            resolve_id(table.all(), prefix, "script"), shared=_is_shared(store)
        )
        me = _who(store) or script.updated_by
        changed = replace(script, updated=store.clock.now(), updated_by=me, **changes)
        table.update(changed.as_doc(), Query().id == script.id)
    return changed


def rename_script(store: Store, prefix: str, title: str) -> Script:
    return _change(store, prefix, title=clean_title(title))


def record_outcome(store: Store, prefix: str, outcome: Outcome) -> Script:
    """Note how the talk went; `how` is needed, the rest may stay empty."""
    parts = (outcome.how, outcome.helped, outcome.next_time)
    clean = Outcome(*(" ".join(part.split()) for part in parts))
    if not clean.how:
        raise InputError("Say in a few words how it went.")
    return _change(store, prefix, outcome=clean)


def duplicate_script(store: Store, prefix: str) -> Script:
    """A fresh copy to prepare a similar talk (without the original's outcome)."""
    now, me = store.clock.now(), _who(store)
    with store.transaction() as db:
        table = db.table(TABLE)
        original = Script.from_doc(
            resolve_id(table.all(), prefix, "script"), shared=_is_shared(store)
        )
        title = original.title[: TITLE_MAX - 7].rstrip() + " (copy)"
        copy = replace(
            original,
            id=new_id(),
            title=title,
            created=now,
            updated=now,
            outcome=None,
            created_by=me,
            updated_by=me,
        )
        table.insert(copy.as_doc())
    return copy


def delete_script(store: Store, prefix: str) -> Script:
    """Remove a script for good; returns what was removed."""
    with store.transaction() as db:
        table = db.table(TABLE)
        script = Script.from_doc(
            resolve_id(table.all(), prefix, "script"), shared=_is_shared(store)
        )
        table.remove(Query().id == script.id)
    return script


# -- reading it back ------------------------------------------------------------


def render_markdown(script: Script) -> str:
    """The script as a Markdown document: title, each written step, the outcome."""
    flow = script.guide
    lines = [f"# {script.title}", "", f"*{flow.title}* · prepared {script.created:%-d %B %Y}", ""]
    for step in flow.steps:
        text = script.text(step.name).strip()
        if text:
            lines += [f"## {step.title}", "", text, ""]
    if script.outcome:
        lines += ["## After the talk", "", f"- How it went: {script.outcome.how}"]
        if script.outcome.helped:
            lines.append(f"- What helped: {script.outcome.helped}")
        if script.outcome.next_time:
            lines.append(f"- Next time: {script.outcome.next_time}")
        lines.append("")
    return "\n".join(lines)


def render_text(script: Script) -> str:
    """The script as plain text for the terminal."""
    flow = script.guide
    lines = [script.title, f"{flow.title} · prepared {script.created:%-d %B %Y}", ""]
    for step in flow.steps:
        text = script.text(step.name).strip()
        if text:
            lines += [step.title.upper(), text, ""]
    if script.outcome:
        lines += ["AFTER THE TALK", f"How it went: {script.outcome.how}"]
        if script.outcome.helped:
            lines.append(f"What helped: {script.outcome.helped}")
        if script.outcome.next_time:
            lines.append(f"Next time: {script.outcome.next_time}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_LINE_BREAK = re.compile(r"(?<=[.!?…])\s+|\n+")


def rehearsal_lines(script: Script) -> list[tuple[str, str]]:
    """(step title, line) pairs: each sentence of the script, one at a time."""
    lines = []
    for step in script.guide.steps:
        for line in _LINE_BREAK.split(script.text(step.name)):
            if line.strip():
                lines.append((step.title, line.strip()))
    return lines


def slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:40].strip("-") or "script"


def export_path(script: Script, folder: Path) -> Path:
    """A file name for the export in `folder` that is not taken yet."""
    base = f"trusttui-{slug(script.title)}"
    candidate = folder / f"{base}.md"
    count = 2
    while candidate.exists():
        candidate = folder / f"{base}-{count}.md"
        count += 1
    return candidate


def export_markdown(script: Script, path: Path) -> Path:
    """Write the script as Markdown to a new, private file (never over an existing one)."""
    path = path.expanduser()
    if not path.parent.is_dir():
        raise InputError(f"{path.parent} is not a folder; choose where to save the file.")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, EXPORT_MODE)
    except FileExistsError:
        raise InputError(f"{path} already exists; choose another name.") from None
    except OSError as error:
        raise InputError(f"{path} cannot be written ({error.strerror}).") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(render_markdown(script))
    return path
