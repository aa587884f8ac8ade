"""Data files of a chosen size, shaped like real use: the demo's records, scaled."""

from __future__ import annotations

import copy
import random
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from trusttui.core.clock import SystemClock
from trusttui.core.demo import build_demo
from trusttui.core.records import new_id, to_iso
from trusttui.core.store import Store

Doc = dict[str, Any]
SKIP_TABLES = ("meta", "settings")


@cache
def demo_pool(years: int = 20, seed: int = 2026) -> dict[str, tuple[Doc, ...]]:
    """Every record of a `years` demo, by table (tables the tools write, not meta)."""
    with tempfile.TemporaryDirectory(prefix="trusttui-bench-pool-") as folder:
        store = Store(Path(folder) / "pool.json")
        build_demo(store, now=SystemClock().now(), years=years, seed=seed)
        db = store.read()
        pool = {
            name: tuple(dict(doc) for doc in db.table(name).all())
            for name in db.tables()
            if name not in SKIP_TABLES
        }
    pool = {name: docs for name, docs in pool.items() if docs}
    return pool or {"promises": tuple(synthetic_promises(2000))}


def synthetic_promises(count: int, seed: int = 7) -> list[Doc]:
    """Promise-shaped records, for as long as no tool has a demo generator."""
    rng = random.Random(seed)
    now = SystemClock().now()
    from datetime import timedelta

    docs = []
    for index in range(count):
        made = now - timedelta(days=rng.uniform(0, 3650))
        due = made + timedelta(days=rng.randint(0, 14))
        status = rng.choice(["kept", "kept", "kept", "missed", "open"])
        docs.append(
            {
                "id": new_id(),
                "text": f"Call back about the plans for the weekend ({index})",
                "to": rng.choice(["Sam", "Alex", "Mum", "Jo"]),
                "made": to_iso(made),
                "due": to_iso(due),
                "status": status,
                "closed": None if status == "open" else to_iso(due),
            }
        )
    return docs


def scaled(records: int) -> dict[str, list[Doc]]:
    """`records` records in the demo's proportions; repeats get new ids."""
    pool = demo_pool(years=1 if records < 1000 else 20)  # a small pool for small stores
    total = sum(len(docs) for docs in pool.values())
    out: dict[str, list[Doc]] = {}
    left = records
    names = sorted(pool, key=lambda name: -len(pool[name]))
    for position, name in enumerate(names):
        docs = pool[name]
        share = left if position == len(names) - 1 else round(records * len(docs) / total)
        share = min(share, left)
        left -= share
        chosen = []
        for index in range(share):
            doc = copy.deepcopy(docs[index % len(docs)])
            if index >= len(docs):
                doc["id"] = new_id()
            chosen.append(doc)
        out[name] = chosen
    return out


def write_store(path: Path, records: int) -> Store:
    """A checked store at `path` holding `records` records (written in one transaction)."""
    store = Store.open(path)
    if records:
        with store.transaction() as db:
            for name, docs in scaled(records).items():
                db.table(name).insert_multiple(docs)
    return store
