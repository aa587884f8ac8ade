"""Messages the app sends to its screens."""

from textual.message import Message


class StoreChanged(Message):
    """The data file changed on disk (this session, another one, or a shell command)."""
