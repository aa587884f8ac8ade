"""The store in-process: one durable write and the dashboard's queries, by size."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from benchmarks.common import Result, Workspace, median
from benchmarks.store_data import write_store
from trusttui.core.records import new_id, to_iso
from trusttui.core.store import Store

SIZES = (0, 1_000, 10_000, 25_000)
WRITE_LIMIT_MS = 60.0


def promise_writer() -> tuple[str, Callable[[Store], Any]]:
    """How a promise is added: the promises API when it exists, else a raw insert."""

    def raw_insert(store: Store) -> None:
        now = store.clock.now()
        with store.transaction() as db:
            db.table("promises").insert(
                {
                    "id": new_id(),
                    "text": "Call Sam back tonight",
                    "to": "Sam",
                    "made": to_iso(now),
                    "due": to_iso(now),
                    "status": "open",
                    "closed": None,
                }
            )

    try:
        from trusttui.core.promises import add_promise
    except ImportError:
        return "store.transaction() insert (no promises API yet)", raw_insert

    def api_add(store: Store) -> None:
        due = store.clock.now() + timedelta(days=1)
        add_promise(store, "Call Sam back tonight", due, to="Sam")

    return "promises.add_promise()", api_add


def dashboard_loader() -> Callable[[Store], None]:
    """What the dashboard's worker does: read a snapshot and let every card load."""
    from trusttui.tui.cards.welcome import WelcomeCard
    from trusttui.tui.screens.dashboard import CARDS

    cards = [card() for card in (WelcomeCard, *CARDS)]

    def load(store: Store) -> None:
        # As after a change on disk: read() decodes the whole file again.
        db = cold(store).read()
        now: datetime = store.clock.now()
        for card in cards:
            card.load(db, now)

    return load


def cold(store: Store) -> Store:
    """The same file through a new Store: nothing decoded is kept from before.

    The app reads before it writes, so its writes always decode the file afresh.
    """
    return Store(store.path, clock=store.clock)


def timed(action: Callable[[Store], Any], store: Store, reps: int) -> list[float]:
    action(store)  # warm up (the first write of the day also makes the daily backup)
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        action(store)
        times.append((time.perf_counter() - started) * 1000)
    return times


def run_store(ws: Workspace, reps: int, sizes: tuple[int, ...] = SIZES) -> list[Result]:
    how, write = promise_writer()
    load = dashboard_loader()
    writes: dict[int, list[float]] = {}
    reads: dict[int, list[float]] = {}
    for size in sizes:
        store = write_store(ws.fresh_path(f"store-{size}"), size)
        reads[size] = timed(load, store, reps)
        writes[size] = timed(lambda s: write(cold(s)), store, reps)
    results = []
    base_w, base_r = median(writes[sizes[0]]), median(reads[sizes[0]])
    for size in sizes:
        label = f"{size // 1000}k" if size else "0"
        last = size == max(sizes)
        results.append(
            Result(
                f"store: durable write, {label} records",
                "ms",
                figure=median(writes[size]),
                reference=base_w,
                reference_name=f"write at {sizes[0]} records",
                limit=WRITE_LIMIT_MS if last and size >= 25_000 else None,
                kind="max" if last and size >= 25_000 else "info",
                note=f"median of {reps}; {how}, file decoded afresh as in the app",
                samples={"write": writes[size]},
            ).judge()
        )
    for size in sizes:
        label = f"{size // 1000}k" if size else "0"
        results.append(
            Result(
                f"store: dashboard queries, {label} records",
                "ms",
                figure=median(reads[size]),
                reference=base_r,
                reference_name=f"queries at {sizes[0]} records",
                note=f"median of {reps}; read() of a changed file + every card's load()",
                samples={"read": reads[size]},
            ).judge()
        )
    return results
