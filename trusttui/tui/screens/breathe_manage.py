"""The breathing screen's pattern keys: make (n), change (e) and delete (d) your own patterns.

A mixin of `BreatheScreen`: the dialogs ask, thread workers write, then the screen reloads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work

from trusttui.core.breath_patterns import delete_pattern, save_pattern
from trusttui.core.breathing import BUILTIN_PATTERNS, Pattern
from trusttui.core.errors import TrustError

if TYPE_CHECKING:
    from trusttui.tui.app import TrustApp
    from trusttui.tui.screens.breathe import Loaded
    from trusttui.tui.screens.breathe_setup import BreatheSetup


class PatternActions:
    """Pattern management for a screen that has a `setup` view and `loaded` patterns.

    The dialogs are imported when first used: `trusttui breathe` never needs them.
    """

    loaded: Loaded | None
    trust_app: TrustApp
    app: Any
    setup: BreatheSetup
    reload: Any

    def action_new_pattern(self) -> None:
        self._edit_pattern(None)

    def action_edit_pattern(self) -> None:
        pattern = self.setup.selected_custom()
        if pattern is not None:
            self._edit_pattern(pattern)

    @work(group="breathe-dialog")
    async def _edit_pattern(self, pattern: Pattern | None) -> None:
        patterns = self.loaded.patterns if self.loaded else BUILTIN_PATTERNS
        taken = [p.name for p in patterns]
        from trusttui.tui.screens.breathe_dialogs import PatternForm

        made = await self.app.push_screen_wait(PatternForm(pattern, taken))
        if made is not None:
            self.setup.want_highlight(made.name)
            self._save_pattern(made, pattern is not None)

    @work(thread=True, group="breathe-save")
    def _save_pattern(self, pattern: Pattern, existing: bool) -> None:
        app = self.trust_app
        try:
            save_pattern(
                app.store,
                pattern.name,
                pattern.breathe_in,
                pattern.hold_in,
                pattern.breathe_out,
                pattern.hold_out,
                pattern_id=pattern.id if existing else None,
            )
        except TrustError as error:
            app.report_error(error, severity="warning", timeout=10)
        app.call_from_thread(self.reload)

    @work(group="breathe-dialog")
    async def action_delete_pattern(self) -> None:
        pattern = self.setup.selected_custom()
        if pattern is None or pattern.id is None:
            return
        from trusttui.tui.screens.breathe_dialogs import ConfirmDelete

        if await self.app.push_screen_wait(ConfirmDelete(pattern.name)):
            self._delete_pattern(pattern.id)

    @work(thread=True, group="breathe-save")
    def _delete_pattern(self, pattern_id: str) -> None:
        app = self.trust_app
        try:
            delete_pattern(app.store, pattern_id)
        except TrustError as error:
            app.report_error(error, severity="warning", timeout=10)
        app.call_from_thread(self.reload)
