"""Feel: name what you feel on the emotion wheel, then save a check-in.

The wheel and the list beside it move together: arrows on the wheel, up and
down in the list, or type to search every word. Enter adds a word to the
check-in. Words that describe what someone did ("betrayed") come with a gentle
offer of what often sits underneath. History shows recent check-ins, frequent
words and a small chart per family (beside the wheel when the window is wide,
F2 otherwise).
"""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from trusttui.core.errors import TrustError
from trusttui.core.feelings import DEFAULT_INTENSITY, CheckIn, add_checkin
from trusttui.core.vocabulary import CORE, Feeling, vocabulary
from trusttui.tui.screens.base import ToolScreen
from trusttui.tui.screens.feel_history import (
    History,
    chart_content,
    frequent_content,
    load_history,
    recent_content,
)
from trusttui.tui.widgets.emotion_wheel import EmotionWheel
from trusttui.tui.widgets.intensity import IntensityScale

SEARCH_LIMIT = 40
NOTHING_CHOSEN = "No words yet: Enter adds one."


class SearchBox(Input):
    """The search field: up and down move through the words while you type."""

    BINDINGS = [
        Binding("down", "screen.list_cursor(1)", "Next word", show=False, id="search-next"),
        Binding("up", "screen.list_cursor(-1)", "Previous word", show=False, id="search-prev"),
    ]


class FeelScreen(ToolScreen):
    """The emotion wheel, the words beside it, the check-in form and history."""

    CSS_PATH = "feel.tcss"
    SUB_TITLE = "Feel"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (116, "-wide")]
    BINDINGS = [
        Binding("escape", "back", "Today", id="home"),
        Binding("ctrl+s", "save", "Save check-in", id="save"),
        Binding("f2", "toggle_history", "History", id="history"),
        Binding("backspace", "remove_last", "Remove last word", show=False, id="remove-last"),
        *(
            Binding(str(n % 10), f"intensity({n})", "Intensity 1-10", show=False, id=f"i{n}")
            for n in range(1, 11)
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.vocab = vocabulary()
        self.chosen: list[str] = []
        self._offer_for: str | None = None
        self._offer_shown: str | None = None
        self._listed_family: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="❀")
        with Horizontal(id="feel"):
            with Vertical(id="wheel-panel") as panel:
                panel.border_title = "How do you feel?"
                yield EmotionWheel(self.vocab, id="wheel")
                yield Static(id="caption")
            with Vertical(id="pick"):
                yield SearchBox(
                    placeholder="Type to find a word",
                    id="search",
                    compact=True,
                    select_on_focus=False,
                )
                yield OptionList(id="words")
                with Vertical(id="offer"):
                    yield Static(id="offer-text")
                    yield Horizontal(id="offer-words")
                    yield Static(id="offer-needs")
                with Vertical(id="checkin") as checkin:
                    checkin.border_title = "Check-in"
                    yield Static(NOTHING_CHOSEN, id="chosen")
                    yield IntensityScale(id="intensity")
                    yield Input(placeholder="What happened? (optional)", id="note", compact=True)
                    yield Input(
                        placeholder="Tags: partner, work (optional)", id="tags", compact=True
                    )
                    with Horizontal(id="checkin-buttons"):
                        yield Button("Save", id="save", variant="primary", compact=True)
                        yield Button("Clear", id="clear", compact=True)
            with VerticalScroll(id="history") as history:
                history.border_title = "History"
                yield Static(id="history-chart")
                yield Static(id="history-frequent")
                yield Static(id="history-recent")
        yield Footer()

    def on_mount(self) -> None:
        wheel = self.query_one(EmotionWheel)
        self._show_feeling(wheel.feeling)
        wheel.focus()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._load_history()

    @work(thread=True, exclusive=True, group="feel-history")
    def _load_history(self) -> None:
        app = self.trust_app
        try:
            history = load_history(app.store.read(), app.clock.now())
        except TrustError as error:
            app.report_error(error, severity="error", timeout=10)
            return
        app.call_from_thread(self._show_history, history)

    def _show_history(self, history: History) -> None:
        self.query_one("#history-recent", Static).update(recent_content(history))
        self.query_one("#history-frequent", Static).update(frequent_content(history))
        self.query_one("#history-chart", Static).update(chart_content(history, self.vocab))

    # -- the wheel and the list, kept in step ----------------------------------------------------

    @property
    def wheel(self) -> EmotionWheel:
        return self.query_one(EmotionWheel)

    @property
    def words(self) -> OptionList:
        return self.query_one("#words", OptionList)

    @property
    def search(self) -> SearchBox:
        return self.query_one(SearchBox)

    def _show_feeling(self, feeling: Feeling) -> None:
        """Put the list and caption on `feeling` (the list shows its family unless searching)."""
        if not self.search.value and self._listed_family != feeling.family:
            self._list_family(feeling.family)
        words = self.words
        for index, option in enumerate(words.options):
            if option.id == feeling.word:
                if words.highlighted != index:
                    words.highlighted = index
                break
        path = [feeling.word]
        parent = feeling.parent
        while parent is not None:
            path.insert(0, parent)
            found = self.vocab.get(parent)
            parent = found.parent if found else None
        caption = Content.assemble(
            (feeling.word, "bold"),
            ("   " + " › ".join(path[:-1]), "dim") if len(path) > 1 else "",
            "\n",
            feeling.meaning,
        )
        self.query_one("#caption", Static).update(caption)

    def _list_family(self, family: str) -> None:
        self._listed_family = family
        options = []
        for feeling in self.vocab.in_family(family):
            indent = "  " * (feeling.ring - 1)
            style = "bold" if feeling.ring == CORE else ""
            options.append(Option(Content.assemble(indent, (feeling.word, style)), id=feeling.word))
        self.words.set_options(options)

    def _list_results(self, query: str) -> None:
        self._listed_family = None
        found = self.vocab.search(query, SEARCH_LIMIT)
        options: list[Option] = [
            Option(Content.assemble(f.word, (f"  {f.family}", "dim")), id=f.word) for f in found
        ]
        if not options:
            options = [Option("No word matches yet. Try fewer letters.", disabled=True)]
        self.words.set_options(options)
        if found:
            self.words.highlighted = 0
            self.wheel.select(found[0].word)
            self._show_feeling(found[0])

    @on(EmotionWheel.Highlighted)
    def _wheel_moved(self, event: EmotionWheel.Highlighted) -> None:
        if self.search.value:
            self.search.value = ""  # moving on the wheel leaves the search
        self._show_feeling(event.feeling)

    @on(OptionList.OptionHighlighted, "#words")
    def _list_moved(self, event: OptionList.OptionHighlighted) -> None:
        feeling = self.vocab.get(event.option.id or "")
        if feeling is not None and feeling.word != self.wheel.selected:
            self.wheel.select(feeling.word)
            self._show_feeling(feeling)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self._list_results(event.value)
        else:
            self._listed_family = None
            self._show_feeling(self.wheel.feeling)

    def action_list_cursor(self, step: int) -> None:
        """Move through the list while typing in the search field."""
        if step > 0:
            self.words.action_cursor_down()
        else:
            self.words.action_cursor_up()

    def on_key(self, event: events.Key) -> None:
        """Letters typed anywhere but a text field start a search."""
        character = event.character
        if isinstance(self.focused, Input) or not character or not event.is_printable:
            return
        if character.isalpha():
            event.stop()
            event.prevent_default()
            self.search.focus()
            self.search.insert_text_at_cursor(character)

    # -- choosing words ------------------------------------------------------------------------

    @on(EmotionWheel.Chosen)
    def _wheel_chose(self, event: EmotionWheel.Chosen) -> None:
        self.add_word(event.feeling.word)

    @on(OptionList.OptionSelected, "#words")
    def _list_chose(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.add_word(event.option.id)

    @on(Input.Submitted, "#search")
    def _search_chose(self, event: Input.Submitted) -> None:
        option = self.words.highlighted_option
        if option is not None and option.id:
            self.add_word(option.id)
            self.search.value = ""

    def add_word(self, word: str) -> None:
        """Add a word to the check-in (once), and offer what may sit underneath it."""
        feeling = self.vocab.get(word)
        if feeling is None or feeling.word in self.chosen:
            return
        self.chosen.append(feeling.word)
        if self.vocab.underneath(feeling.word) is not None:
            self._offer_for = feeling.word
        self._show_chosen()

    def action_remove_last(self) -> None:
        """Take the last word back out of the check-in."""
        if self.chosen:
            self.chosen.pop()
            self._show_chosen()

    def _show_chosen(self) -> None:
        self.wheel.marked = frozenset(self.chosen)
        text = Content(" · ").join(Content.styled(w, "bold") for w in self.chosen)
        label = Content.assemble("You feel: ", text) if self.chosen else Content(NOTHING_CHOSEN)
        self.query_one("#chosen", Static).update(label)
        self._show_offer()

    def _show_offer(self) -> None:
        """The gentle offer for the last word that describes what someone did."""
        if self._offer_for not in self.chosen:
            self._offer_for = next(
                (w for w in reversed(self.chosen) if self.vocab.underneath(w)), None
            )
        under = self.vocab.underneath(self._offer_for) if self._offer_for else None
        left = [w for w in under.feelings if w not in self.chosen] if under else []
        self.query_one("#offer").set_class(bool(left), "-visible")
        if under is None:
            self._offer_shown = None
            return
        row = self.query_one("#offer-words", Horizontal)
        if self._offer_shown != under.word:
            self._offer_shown = under.word
            self.query_one("#offer-text", Static).update(
                Content.assemble("Often under ", (under.word, "bold"), ":")
            )
            self.query_one("#offer-needs", Static).update(
                Content(f"Needs: {', '.join(under.needs)}.")
            )
            row.remove_children()
            row.mount_all(
                Button(
                    f"+ {word}",
                    name=word,
                    classes="offer-word -taken" if word in self.chosen else "offer-word",
                    compact=True,
                )
                for word in under.feelings
            )
        else:
            for button in row.query(Button):
                button.set_class(button.name in self.chosen, "-taken")

    @on(Button.Pressed, ".offer-word")
    def _offer_taken(self, event: Button.Pressed) -> None:
        if not event.button.name:
            return
        self.add_word(event.button.name)
        left = [b for b in self.query(".offer-word").results(Button) if not b.has_class("-taken")]
        if left:
            left[0].focus()
        else:
            self.wheel.focus()

    # -- saving ------------------------------------------------------------------------------

    def action_intensity(self, value: int) -> None:
        """Set the intensity directly (1-9, 0 for 10)."""
        self.query_one(IntensityScale).value = value

    @on(Input.Submitted, "#note")
    def _note_done(self) -> None:
        self.query_one("#tags", Input).focus()

    @on(Input.Submitted, "#tags")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Save the check-in in the background."""
        if not self.chosen:
            self.notify("Choose a word first: Enter adds the one you are on.", title="Check-in")
            return
        self._save(
            list(self.chosen),
            self.query_one(IntensityScale).value,
            self.query_one("#note", Input).value,
            self.query_one("#tags", Input).value,
        )

    @work(thread=True, exclusive=True, group="feel-save")
    def _save(self, words: list[str], intensity: int, note: str, tags: str) -> None:
        app = self.trust_app
        try:
            saved = add_checkin(app.store, words, intensity, note=note, tags=[tags])
        except TrustError as error:
            app.report_error(error, severity="warning")
            return
        app.call_from_thread(self._saved, saved, note, tags)

    def _saved(self, saved: CheckIn, note: str, tags: str) -> None:
        self.chosen = [w for w in self.chosen if w not in saved.words]
        for selector, typed in (("#note", note), ("#tags", tags)):
            field = self.query_one(selector, Input)
            if field.value == typed:
                field.value = ""
        self.query_one(IntensityScale).value = DEFAULT_INTENSITY
        self._show_chosen()
        self.wheel.focus()
        self.notify("Saved. Thank you for checking in.", title="Check-in")
        self.reload()

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.chosen = []
        self._offer_for = None
        self.query_one("#note", Input).value = ""
        self.query_one("#tags", Input).value = ""
        self.query_one(IntensityScale).value = DEFAULT_INTENSITY
        self._show_chosen()

    # -- moving about ------------------------------------------------------------------------

    def action_toggle_history(self) -> None:
        """Show history instead of the words (in a narrow window)."""
        self.toggle_class("-history")

    def action_back(self) -> None:
        """Leave the search if you are in it; otherwise back to Today."""
        if self.search.value or self.focused is self.search:
            self.search.value = ""
            self.wheel.focus()
        elif self.has_class("-history") and self.has_class("-narrow"):
            self.remove_class("-history")
        else:
            self.trust_app.action_go_home()
