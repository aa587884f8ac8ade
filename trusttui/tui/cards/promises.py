"""The promises card on the dashboard: what is due, and reliability beside the counts."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from tinydb import TinyDB

from trusttui.core.promises import all_promises
from trusttui.core.reliability import reliability
from trusttui.core.when import describe_due, local_zone
from trusttui.tui.cards import Card


class PromisesCard(Card):
    """Due today and overdue, the next one, and how steadily promises are kept."""

    TITLE = "Promises"
    TOOL = "promises"
    KEY = "p"

    def load(self, db: TinyDB, now: datetime) -> Content:
        promises = all_promises(db)
        if not promises:
            return Content("Make one small promise you can surely keep. Press p to begin.")
        zone = local_zone(now)
        today = now.astimezone(zone).date()
        open_ = [p for p in promises if p.is_open]
        overdue = sum(1 for p in open_ if p.due < now)
        later = [p for p in open_ if p.due >= now]
        due_today = sum(1 for p in later if p.due.astimezone(zone).date() == today)
        head = f"{due_today} due today" if due_today else "Nothing more due today"
        if overdue:
            head += f" · {overdue} overdue"
        lines = [Content.styled(head, "bold")]
        if later:
            upcoming = later[0]
            lines.append(
                Content.assemble("Next: ", upcoming.text, f" · {describe_due(upcoming.due, now)}")
            )
        score = reliability(promises, now)
        if score.score is not None:
            rate = f" · {score.on_time_rate:.0%} on time" if score.on_time_rate is not None else ""
            lines.append(Content(f"Reliability {score.score:.0%}{rate}"))
        lines.append(
            Content.styled(
                f"{score.on_time} on time · {score.late} late · "
                f"{score.missed} missed · {score.released} released",
                "$foreground-muted",
            )
        )
        return Content("\n").join(lines)
