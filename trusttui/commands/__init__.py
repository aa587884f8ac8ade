"""Subcommands. Each module here has `register(subparsers)`; none imports Textual at import time.

A command's handler takes `(args, ctx)` and returns an exit status.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from trusttui.core.clock import Clock, SystemClock
from trusttui.core.places import Places
from trusttui.core.store import Store


@dataclass
class Context:
    """What a command needs: where the data is, the clock and the output streams."""

    db_path: Path
    clock: Clock = field(default_factory=SystemClock)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    _store: Store | None = None
    _places: Places | None = None

    def store(self) -> Store:
        """The checked store (opened once)."""
        if self._store is None:
            self._store = Store.open(self.db_path, clock=self.clock)
        return self._store

    def places(self) -> Places:
        """The store, and the shared board it is linked to (looked up once).

        When the shared board is out of reach, says so once on stderr.
        """
        if self._places is None:
            self._places = Places.of(self.store())
            if self._places.problem:
                print(f"trusttui: {self._places.problem}", file=self.stderr)
        return self._places

    def say(self, line: str = "") -> None:
        """Print a line for the person."""
        print(line, file=self.stdout)


Handler = Callable[[argparse.Namespace, Context], int]
