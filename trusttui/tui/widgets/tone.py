"""Live tone flags and the apology checklist, shown beside what the person writes."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from trusttui.core.apology import ApologyCheck
from trusttui.core.tone import Flag


class SidePanel(Static):
    """A quiet panel beside the text: a rule on top with its title."""

    DEFAULT_CSS = """
    SidePanel {
        height: auto;
        padding: 0 1;
        border-top: hkey $primary 40%;
        border-title-color: $text-muted;
        border-title-align: left;
    }
    """

    TITLE = ""

    def on_mount(self) -> None:
        self.border_title = self.TITLE


class ToneFlags(SidePanel):
    """The tone check of one text: each phrase, why it may escalate, a gentler way."""

    TITLE = "Tone"

    def show(self, text: str, flags: list[Flag], notes: Sequence[str | None] | None = None) -> None:
        """Show `flags` found in `text` (an empty text shows a short note).

        `notes`, one per flag, say more than the rule's rewrite can (what often sits
        under a word); a note shows in place of the rewrite.
        """
        count = len(flags)
        title = f"Tone · {count} to look at" if count else "Tone"
        if self.border_title != title:
            self.border_title = title
        content = self.describe(text, flags, notes)
        if self.visual != content:
            self.update(content)

    @staticmethod
    def describe(
        text: str, flags: list[Flag], notes: Sequence[str | None] | None = None
    ) -> Content:
        if not text.strip():
            return Content.styled("The tone check reads along as you write.", "$text-muted")
        if not flags:
            return Content.styled("Reads calm.", "$text-success")
        parts = []
        for index, flag in enumerate(flags):
            note = notes[index] if notes and index < len(notes) else None
            parts.append(
                Content.assemble(
                    (f"“{flag.phrase}”", "bold $text-warning"),
                    "\n",
                    (flag.why, "$text-muted"),
                    "\n",
                    (note, "italic") if note else Content.assemble(("Try: ", "bold"), flag.rewrite),
                )
            )
        return Content("\n\n").join(parts)


class ApologyChecklist(SidePanel):
    """Which of the six parts of an apology the script holds so far."""

    TITLE = "Apology"

    def show(self, result: ApologyCheck, current: str | None = None) -> None:
        """Tick what is there; `current` (a component id) is shown with its hint."""
        lines = []
        for component, words in result.found:
            if words is not None:
                line = Content.assemble(("✓ ", "bold $text-success"), component.title)
            else:
                line = Content.assemble(("○ ", "$text-muted"), (component.title, "$text-muted"))
            if component.id == current and words is None:
                line = Content.assemble(line, "\n  ", (component.hint, "italic $text-muted"))
            lines.append(line)
        content = Content("\n").join(lines)
        if self.visual != content:
            self.update(content)
