"""An input in a short series of questions: Enter moves on to the next one at once.

Keys that arrive in one burst (a fast typist, a paste, a laggy SSH link) are all
handed to the field that had the focus when they came in. Once Enter has moved
the focus on, this field passes the rest along, in order, instead of keeping them.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class StepInput(Input):
    """A one-line answer; Enter submits it and moves the focus to the next field."""

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        # Handled here rather than as bindings, so the focus moves before the next key.
        if event.key in ("enter", "tab", "shift+tab"):
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                await self.action_submit()
            elif event.key == "tab":
                self.screen.focus_next()
            else:
                self.screen.focus_previous()
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        self.screen.focus_next()
        await super().action_submit()
