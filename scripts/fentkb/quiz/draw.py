"""Seeded drawing: the same knowledge base always gives the same bank."""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")


def rng_for(item_id: str) -> random.Random:
    return random.Random(f"fentkb:{item_id}")


def group(items: Iterable[T], by: Callable[[T], Hashable]) -> dict[Hashable, list[T]]:
    groups: dict[Hashable, list[T]] = {}
    for item in items:
        groups.setdefault(by(item), []).append(item)
    return groups


def pick(rng: random.Random, pool: list[T], k: int, allowed: Callable[[T], bool] = lambda c: True) -> list[T]:
    """Choose up to k allowed entries of the pool, in random order. Only a window of a large pool is
    looked at first, so a bank of 100,000 entries is built in linear time."""
    window = rng.sample(pool, min(len(pool), 24))  # no copy of the pool: that alone would be quadratic
    chosen = [c for c in window if allowed(c)][:k]
    if len(chosen) < k and len(pool) > 24:  # rare: the window missed; walk the whole pool
        chosen += [c for c in pool if allowed(c) and c not in chosen][: k - len(chosen)]
    return chosen
