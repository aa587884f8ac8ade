"""The demo check-ins: reproducible, plentiful, and telling a story of easing hurt."""

from __future__ import annotations

import random
from datetime import timedelta

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from tests.conftest import NOW
from trusttui.core.demo import DemoContext
from trusttui.core.demo.feelings import generate
from trusttui.core.feelings import all_checkins
from trusttui.core.vocabulary import vocabulary


def make(years: int, seed: int = 7) -> TinyDB:
    db = TinyDB(storage=MemoryStorage)
    generate(DemoContext(db=db, rng=random.Random(seed), now=NOW, years=years))
    return db


def unpleasant_share(checkins: list) -> float:  # type: ignore[type-arg]
    vocab = vocabulary()
    words = [w for c in checkins for w in c.words]
    hard = [w for w in words if not vocab.family(vocab.get(w).family).pleasant]  # type: ignore[union-attr]
    return len(hard) / len(words)


def test_about_a_thousand_checkins_a_year_all_valid_and_in_range() -> None:
    checkins = all_checkins(make(2))
    assert 1800 <= len(checkins) <= 2400
    vocab = vocabulary()
    start = NOW - timedelta(days=730)
    for checkin in checkins:
        assert start <= checkin.at <= NOW
        assert 1 <= checkin.intensity <= 10
        assert checkin.words and all(word in vocab for word in checkin.words)
    assert len({c.id for c in checkins}) == len(checkins)


def test_the_hurt_eases_over_the_first_months() -> None:
    checkins = all_checkins(make(1))
    first = checkins[0].at
    early = [c for c in checkins if c.at < first + timedelta(days=30)]
    later = [
        c for c in checkins if first + timedelta(days=150) <= c.at < first + timedelta(days=210)
    ]
    assert unpleasant_share(early) > 0.6 > 0.4 > unpleasant_share(later)
    early_words = {w for c in early for w in c.words}
    assert {"hurt", "betrayed", "let down"} <= early_words
    assert sum(c.intensity for c in early) / len(early) > sum(c.intensity for c in later) / len(
        later
    )


def test_the_same_seed_gives_the_same_history() -> None:
    assert make(1).table("feelings").all() == make(1).table("feelings").all()
    assert make(1).table("feelings").all() != make(1, seed=8).table("feelings").all()
