"""trusttui: a calm terminal companion for rebuilding trust after small betrayals."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("trusttui")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
