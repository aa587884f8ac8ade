"""Today: the dashboard. A card per tool, each with its latest figures."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header

from trusttui.core.errors import TrustError
from trusttui.tui.cards import Card
from trusttui.tui.cards.breathe import BreatheCard
from trusttui.tui.cards.feel import FeelCard
from trusttui.tui.cards.journal import CheckinCard, JournalCard
from trusttui.tui.cards.promises import PromisesCard
from trusttui.tui.cards.scripts import ScriptsCard
from trusttui.tui.cards.welcome import WelcomeCard
from trusttui.tui.screens.base import ToolScreen
from trusttui.tui.tools import TOOLS

CARDS: tuple[type[Card], ...] = (
    PromisesCard,
    FeelCard,
    BreatheCard,
    JournalCard,
    ScriptsCard,
    CheckinCard,
)
"""The tool cards, in the order they appear under the greeting."""


class DashboardScreen(ToolScreen, inherit_bindings=False):
    """The first screen: what matters today, and one key to each tool."""

    CSS_PATH = "dashboard.tcss"
    SUB_TITLE = "Today"
    BINDINGS = [
        Binding(tool.key, f"app.open_tool('{tool.mode}')", tool.title, id=f"open-{tool.mode}")
        for tool in TOOLS
        if tool.mode != "dashboard"
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="❀")
        with VerticalScroll(id="dashboard"):
            yield WelcomeCard(id="welcome")
            with Grid(id="cards"):
                for card in CARDS:
                    yield card()
        yield Footer()

    def reload(self) -> None:
        self._load(list(self.query(Card)))

    @work(thread=True, exclusive=True, group="dashboard")
    def _load(self, cards: list[Card]) -> None:
        app = self.trust_app
        try:
            db = app.places.read()  # yours, with the shared board's promises and scripts
        except TrustError as error:
            app.report_error(error, severity="error", timeout=10)
            return
        now = app.clock.now()
        shown: list[tuple[Card, Content]] = [(card, card.load(db, now)) for card in cards]
        app.call_from_thread(self._show, shown)

    def _show(self, shown: list[tuple[Card, Content]]) -> None:
        for card, content in shown:
            if card.visual != content:
                card.update(content)
