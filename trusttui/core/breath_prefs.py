"""Breathing preferences, kept in the `settings` table: bell, safety note, last choice."""

from __future__ import annotations

from dataclasses import dataclass

from tinydb import TinyDB

from trusttui.core.breathing import DEFAULT_PATTERN, Length
from trusttui.core.settings import get_setting, save_setting
from trusttui.core.store import Store

BELL = "breathe.bell"
SAFETY_SEEN = "breathe.safety_seen"
ASK_TENSION = "breathe.ask"
CHOICE = "breathe.choice"

DEFAULT_LENGTH = Length(minutes=2)


@dataclass(frozen=True)
class Choice:
    """The pattern and length last chosen, offered again next time."""

    pattern: str = DEFAULT_PATTERN
    length: Length = DEFAULT_LENGTH


def bell_on(db: TinyDB) -> bool:
    """Whether the bell cues are on (they are, until turned off)."""
    return get_setting(db, BELL, True) is not False


def safety_seen(db: TinyDB) -> bool:
    """Whether the one-line safety note has been shown."""
    return get_setting(db, SAFETY_SEEN, False) is True


def ask_tension(db: TinyDB) -> bool:
    """Whether to ask "How tense do you feel?" before a session started in the app."""
    return get_setting(db, ASK_TENSION, True) is not False


def last_choice(db: TinyDB) -> Choice:
    """The last pattern and length chosen, or calm for 2 minutes."""
    saved = get_setting(db, CHOICE)
    if not isinstance(saved, dict):
        return Choice()
    pattern = saved.get("pattern")
    minutes, cycles = saved.get("minutes"), saved.get("cycles")
    try:
        if isinstance(cycles, int) and not isinstance(cycles, bool) and cycles > 0:
            length = Length(cycles=cycles)
        elif isinstance(minutes, int | float) and not isinstance(minutes, bool) and minutes > 0:
            length = Length(minutes=float(minutes))
        else:
            length = DEFAULT_LENGTH
    except ValueError:
        length = DEFAULT_LENGTH
    return Choice(pattern if isinstance(pattern, str) and pattern else DEFAULT_PATTERN, length)


def save_bell(store: Store, on: bool) -> None:
    save_setting(store, BELL, on)


def save_safety_seen(store: Store) -> None:
    save_setting(store, SAFETY_SEEN, True)


def save_ask_tension(store: Store, on: bool) -> None:
    save_setting(store, ASK_TENSION, on)


def save_choice(store: Store, choice: Choice) -> None:
    save_setting(
        store,
        CHOICE,
        {
            "pattern": choice.pattern,
            "minutes": choice.length.minutes,
            "cycles": choice.length.cycles,
        },
    )
