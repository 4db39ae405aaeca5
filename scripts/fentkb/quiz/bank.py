"""The question bank: every family's items, options arranged.

Key positions are assigned in rotation across the bank rather than at random, so that no position
holds the key noticeably more often than another; everything else is ordered by generators
seeded with each item's id. The same knowledge base therefore always gives the same bank.
"""

from __future__ import annotations

from ..model import KnowledgeBase
from .draw import rng_for
from .families import FAMILIES
from .item import Item


def arrange(items: list[Item]) -> None:
    """Shuffle each item's options by its own seed, then rotate single-answer keys through the positions."""
    turn: dict[int, int] = {}
    for item in items:
        if item.type in ("truefalse", "matching"):
            continue  # True stays before False; matching answers are shuffled where they are shown
        rng_for(item.id).shuffle(item.options)
        if item.type == "single":
            n = len(item.options)
            want = turn.get(n, 0) % n
            turn[n] = turn.get(n, 0) + 1
            shift = (want - item.keys[0]) % n
            item.options[:] = item.options[-shift:] + item.options[:-shift] if shift else item.options


def build_bank(kb: KnowledgeBase) -> list[Item]:
    ix = kb.index
    items: list[Item] = []
    for family in FAMILIES:
        for item in family.generate(ix):
            if family.bloom is not None:
                item.bloom = family.bloom
            items.append(item)
    arrange(items)
    return items
