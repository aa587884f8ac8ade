"""The dashboard card for conversation scripts."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from tinydb import TinyDB

from trusttui.tui.cards import Card


class ScriptsCard(Card):
    """The latest script and how far it got, or how to begin."""

    TITLE = "Scripts"
    TOOL = "scripts"
    KEY = "s"

    def load(self, db: TinyDB, now: datetime) -> Content:
        from trusttui.core.scripts import all_scripts

        scripts = all_scripts(db)
        if not scripts:
            return Content.assemble(
                "Prepare a calm, honest talk.\n",
                ("Press s to begin.", "$text-muted"),
            )
        latest = scripts[0]
        steps = len(latest.guide.steps)
        lines = [
            Content.styled(latest.title, "bold"),
            Content.styled(
                f"{latest.guide.title} · {latest.filled} of {steps} steps", "$text-muted"
            ),
        ]
        if latest.outcome:
            lines.append(Content.assemble("After: ", (latest.outcome.how, "italic")))
        elif latest.filled:
            lines.append(Content("Rehearse it once, out loud."))
        return Content("\n").join(lines)
