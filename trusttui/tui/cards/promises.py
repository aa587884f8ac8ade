"""The promises card on the dashboard: what is due, and reliability beside the counts."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from tinydb import TinyDB

from trusttui.tui.cards import Card


class PromisesCard(Card):
    """Due today and overdue, the next one, and how steadily promises are kept."""

    TITLE = "Promises"
    TOOL = "promises"
    KEY = "p"

    def load(self, db: TinyDB, now: datetime) -> Content:
        from trusttui.core.promise_summary import promise_summary
        from trusttui.core.when import describe_due

        summary = promise_summary(db, now)
        if not summary.total:
            return Content("Make one small promise you can surely keep. Press p to begin.")
        due_today, overdue, upcoming = summary.due_today, summary.overdue, summary.next
        head = f"{due_today} due today" if due_today else "Nothing more due today"
        if overdue:
            head += f" · {overdue} overdue"
        lines = [Content.styled(head, "bold")]
        if upcoming is not None:
            lines.append(
                Content.assemble("Next: ", upcoming.text, f" · {describe_due(upcoming.due, now)}")
            )
        score = summary.score
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
