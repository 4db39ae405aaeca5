"""Reproducible forms: the same bank, seed, count and topics always give the same questions in the same order."""

from __future__ import annotations

import random

from .item import Item


def make_form(bank: list[Item], seed: int, count: int, topics: list[str] | None = None) -> list[Item]:
    """Draw `count` questions, spread over the chosen topics, in an order fixed by the seed."""
    pool = [i for i in bank if not topics or i.topic in topics]
    rng = random.Random(f"form:{seed}")
    by_topic: dict[str, list[Item]] = {}
    for item in sorted(pool, key=lambda i: i.id):
        by_topic.setdefault(item.topic, []).append(item)
    for items in by_topic.values():
        rng.shuffle(items)
    # take in turns from each topic so a short form still covers every topic asked for
    form: list[Item] = []
    while len(form) < min(count, len(pool)):
        for topic in sorted(by_topic):
            if by_topic[topic] and len(form) < count:
                form.append(by_topic[topic].pop())
    rng.shuffle(form)
    return form
