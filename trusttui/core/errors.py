"""Errors that carry a message meant for the person using trusttui.

Each one reads as a single calm line: what happened and what to do next.
The command line prints it on stderr and exits with status 2.
"""


class TrustError(Exception):
    """A problem the person can act on. `str(error)` is the one-line message."""


class InputError(TrustError):
    """Something typed could not be understood; nothing was saved."""


class NotFoundError(InputError):
    """No record matches an id or a name."""


class StoreError(TrustError):
    """The data file cannot be used as it is."""


class StoreCorrupt(StoreError):
    """The data file is not valid JSON or not a trusttui layout. It is left untouched."""


class StoreTooNew(StoreError):
    """The data file was written by a newer trusttui."""


class StoreBusy(StoreError):
    """Another trusttui process held the lock for too long."""
