"""trusttui: a calm terminal companion for rebuilding trust after small betrayals."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up only when asked for: importlib.metadata costs ~10 ms at every start.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("trusttui")
        except PackageNotFoundError:  # running from a source tree that is not installed
            return "0.0.0"
    raise AttributeError(f"module 'trusttui' has no attribute {name!r}")
