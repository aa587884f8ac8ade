"""`trusttui demo`: believable, reproducible sample data for every table.

Each tool adds a module here with `generate(ctx) -> int` (records written) and
lists it in `GENERATORS`. The same seed and "now" always give the same records,
and each generator has its own random stream.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tinydb import TinyDB

from trusttui.core.demo import breaths, feelings
from trusttui.core.demo import promises as promise_demo
from trusttui.core.demo import scripts as script_demo
from trusttui.core.store import Store


@dataclass
class DemoContext:
    """What a generator needs: the database, a seeded random source and the time span."""

    db: TinyDB
    rng: random.Random
    now: datetime
    years: int

    @property
    def start(self) -> datetime:
        """When the demo history begins."""
        return self.now - timedelta(days=365 * self.years)


Generator = Callable[[DemoContext], int]

GENERATORS: list[Generator] = [
    breaths.generate,
    feelings.generate,
    promise_demo.generate,
    script_demo.generate,
]


def build_demo(store: Store, *, now: datetime, years: int = 1, seed: int = 2026) -> int:
    """Fill `store` with sample history ending at `now`; returns the number of records."""
    if years < 1:
        raise ValueError("years must be at least 1")
    total = 0
    with store.transaction() as db:
        for generate in GENERATORS:
            # Each generator draws from its own stream, so adding one never changes another's.
            rng = random.Random(f"{seed}:{generate.__module__}")
            total += generate(DemoContext(db=db, rng=rng, now=now, years=years))
        db.table("meta").update({"demo": True})
    return total
