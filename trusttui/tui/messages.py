"""Messages the app sends to its screens."""

from textual.message import Message


class StoreChanged(Message):
    """A data file changed on disk: yours or the linked shared board (this session, another
    one, a shell command, or your partner)."""
