"""Small defaults the command line needs before any tool's module is loaded."""

from __future__ import annotations

DEFAULT_PATTERN = "calm"
"""The breathing pattern offered at first."""
DEFAULT_INTENSITY = 5
"""A feeling's strength when none is given (1 to 10)."""
