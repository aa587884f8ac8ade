"""Demo history for the trust check-ins and the journal.

Weekly check-ins start low after a hurt and climb slowly, with noise, a few
skipped weeks and dips that come with a setback in the journal; faith lags
behind the other two. The journal has small wins most weeks, a setback now
and then (written with the three prompts) and a monthly reflection.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from trusttui.core import checkins, journal
from trusttui.core.records import new_id, to_iso

if TYPE_CHECKING:
    from trusttui.core.demo import DemoContext

WINS = (
    "They called when they said they would.",
    "We talked about the weekend without it turning into a fight.",
    "I said what I needed, calmly, and they listened.",
    "They told me about the late meeting before I had to ask.",
    "A quiet evening together that felt easy.",
    "They remembered the appointment and came along.",
    "I noticed the hurt, named it, and let it pass.",
    "They showed me the messages without my asking.",
    "We laughed about something small, like before.",
    "I kept my own promise to go for a walk.",
    "They apologised for the tone, without a 'but'.",
    "Dinner at seven, as planned. It mattered.",
    "I asked for reassurance instead of going silent.",
    "They followed through on the thing from last week.",
)
SETBACKS = (
    (
        "They were an hour late and didn't text.",
        "To know I matter enough for a message.",
        "Ask for a text when plans shift.",
    ),
    (
        "I found out about the plan from someone else.",
        "To hear things from them first.",
        "Say that calmly, once, this weekend.",
    ),
    (
        "A promise slipped again and I went quiet.",
        "Honesty, even when it's awkward.",
        "Tell them how it landed instead of going silent.",
    ),
    (
        "An old argument came back out of nowhere.",
        "Some space, then a calmer talk.",
        "Take a breathing pause before answering.",
    ),
    (
        "They forgot the call we'd planned.",
        "Reliability on small things.",
        "Put it on the promise board together.",
    ),
)
REFLECTIONS = (
    ("I trust the small things more than I did.", ""),
    ("Some days the doubt is loud, some days it's quiet.", "I'll say when I need a day to myself."),
    ("I'm not ready to forgive all of it, and that's allowed.", "No checking my phone, please."),
    ("The steadiness is real, even if it's slow.", ""),
    ("I expect the worst less often than I did.", "Plans change by message, not silence."),
)
NOTES = (
    "",
    "",
    "",
    "A calmer week.",
    "Hard to say. Tired.",
    "Better than I expected.",
    "The talk on Sunday helped.",
    "Still wary, but less.",
)


def _level(week: int, lag: float) -> float:
    """The underlying trust level: a slow rise from about 2.5 over the first year, then
    a plateau near 5.8."""
    return 2.5 + 3.3 * (1 - math.exp(-max(week - lag, 0) / 30))


def _answer(ctx: DemoContext, level: float) -> int:
    return max(1, min(7, round(level + ctx.rng.gauss(0, 0.6))))


LAGS = {"predictability": 0.0, "dependability": 2.0, "faith": 8.0}
"""Weeks each dimension trails the first: faith comes back last."""


def _checkin(ctx: DemoContext, week: int, when: datetime, dip: float) -> dict[str, object]:
    answers: dict[str, int | None] = {
        s.key: _answer(ctx, _level(week, LAGS[s.dimension]) - dip) for s in checkins.STATEMENTS
    }
    note = ctx.rng.choice(NOTES) if not dip else "A wobbly week."
    return {
        "id": new_id(),
        "at": to_iso(when),
        "scores": checkins.score_answers(answers),
        "note": note,
    }


def generate(ctx: DemoContext) -> int:
    checkin_docs: list[dict[str, object]] = []
    journal_docs: list[dict[str, object]] = []

    def add(kind: str, when: datetime, text: str) -> None:
        if when <= ctx.now:
            journal_docs.append({"id": new_id(), "at": to_iso(when), "kind": kind, "text": text})

    start = ctx.start.replace(hour=0, minute=0, second=0, microsecond=0)
    monday = start - timedelta(days=start.weekday())
    week = 0
    dip_until = -1
    next_dip = ctx.rng.randint(4, 10)  # a harder week every couple of months
    while monday <= ctx.now:
        recent = ctx.now - monday < timedelta(weeks=2)
        if week == next_dip:
            dip_until = week + ctx.rng.choice((0, 0, 1))
            next_dip = week + ctx.rng.randint(6, 12)
            happened, needed, try_ = ctx.rng.choice(SETBACKS)
            prompts = {"happened": happened, "needed": needed, "try": try_}
            when = monday + timedelta(days=ctx.rng.randint(0, 4), hours=ctx.rng.randint(18, 22))
            add("setback", when, journal.compose(journal.SETBACK_PROMPTS, prompts))
        dip = 1.3 if week <= dip_until else 0.0
        when = min(
            monday + timedelta(days=6, hours=ctx.rng.randint(9, 20)), ctx.now - timedelta(hours=2)
        )
        if when >= monday and (recent or ctx.rng.random() > 0.15):  # some weeks are skipped
            checkin_docs.append(_checkin(ctx, week, when, dip))
        for _ in range(ctx.rng.choice((0, 1, 1, 2, 2, 3))):
            when = monday + timedelta(days=ctx.rng.randint(0, 6), hours=ctx.rng.randint(8, 21))
            add("win", when, ctx.rng.choice(WINS))
        if week % 4 == 2:
            noticing, boundary = ctx.rng.choice(REFLECTIONS)
            prompts = {"noticing": noticing, "boundary": boundary}
            add(
                "reflection",
                monday + timedelta(days=5, hours=21),
                journal.compose(journal.REFLECTION_PROMPTS, prompts),
            )
        monday += timedelta(weeks=1)
        week += 1

    ctx.db.table(checkins.TABLE).insert_multiple(checkin_docs)
    ctx.db.table(journal.TABLE).insert_multiple(journal_docs)
    return len(checkin_docs) + len(journal_docs)
