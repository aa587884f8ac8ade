"""Help and resources: what trusttui is and is not, kinds of help, and crisis contacts.

Reachable from every screen (Ctrl+R, or h where no text box has focus) and from the
command palette ("Resources"). The contacts come from an editable file in the
config directory; if it cannot be read, the default list is shown with a note.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from trusttui.core.resources import Contact, Resources, load_resources
from trusttui.tui.screens.privacy import tilde

ABOUT = (
    "A quiet place to breathe, name feelings, keep promises and prepare honest "
    "conversations while trust is rebuilt after small hurts: a broken promise, a late "
    "arrival, a white lie. It is a companion, not therapy, and it cannot tell who is right."
)
NOT_FOR = (
    "trusttui is not meant for relationships with abuse or coercive control: being hurt "
    "or threatened, being watched or checked, being cut off from friends, family or money, "
    "or being afraid to say no. Rebuilding trust is not the task there; your safety is. "
    "Talk to a domestic violence service or someone you trust, from a phone or computer "
    "the other person cannot check. Ctrl+X leaves this app at once and clears the screen."
)
NOW_LINE = (
    "If you are in danger, or thinking of harming yourself or someone else, please reach out now:"
)
KINDS_OF_HELP: tuple[tuple[str, str], ...] = (
    (
        "Couples therapy",
        "when you both want to repair things, but the same hurt keeps coming back, or "
        "talking about it keeps turning into fights.",
    ),
    (
        "Individual therapy",
        "when the hurt stays heavy for weeks; when sleep, work or eating suffer; when "
        "old wounds wake up; or when you want help deciding what you need.",
    ),
    (
        "Your doctor",
        "a good first step if you don't know where to start; they can point you to help nearby.",
    ),
    (
        "Right now",
        "if you feel unsafe or in crisis, call a crisis line or an emergency number "
        "(at the top of this page). You deserve help today.",
    ),
)


def _heading(text: str) -> Content:
    return Content.styled(text, "bold $text-primary")


def contact_lines(resources: Resources) -> Content:
    """The contacts as plain text lines (never markup: the file is the person's)."""
    lines: list[Content] = []
    for contact in resources.contacts:
        lines.append(_contact_line(contact))
    if resources.problem:
        lines += [Content(""), Content.styled(resources.problem, "$text-warning")]
    else:
        lines += [
            Content(""),
            Content.styled(f"Add your local services in {tilde(resources.path)}", "$text-muted"),
        ]
    return Content("\n").join(lines)


def _contact_line(contact: Contact) -> Content:
    where = f" ({contact.where})" if contact.where else ""
    line = Content.assemble("• ", (contact.reach, "bold"), f"  {contact.name}{where}")
    if contact.note:
        line = Content.assemble(line, "\n  ", (contact.note, "$text-muted"))
    return line


class ResourcesScreen(ModalScreen[None]):
    """Help and resources, over whatever screen was showing."""

    CSS_PATH = "resources.tcss"
    BINDINGS = [Binding("escape,q,h", "dismiss", "Close", id="close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="resources-box") as box:
            box.border_title = "Help and resources"
            box.border_subtitle = "Esc to close · Ctrl+X quick exit"
            with VerticalScroll(id="resources-scroll"):
                yield Static(_heading("If you need help now"))
                yield Static(NOW_LINE, classes="now")
                yield Static("Loading…", id="contacts", classes="para")
                yield Static(_heading("What trusttui is"))
                yield Static(ABOUT, classes="para")
                yield Static(_heading("When it is not the right tool"))
                yield Static(NOT_FOR, classes="para")
                yield Static(_heading("Kinds of help, and when"))
                yield Static(
                    Content("\n").join(
                        Content.assemble("• ", (name, "bold"), f": {when}")
                        for name, when in KINDS_OF_HELP
                    ),
                    classes="para",
                )

    def on_mount(self) -> None:
        self.query_one("#resources-scroll").focus()
        self._load()

    @work(thread=True, exclusive=True, group="resources")
    def _load(self) -> None:
        resources = load_resources()
        self.app.call_from_thread(self._show, resources)

    def _show(self, resources: Resources) -> None:
        self.query_one("#contacts", Static).update(contact_lines(resources))
