"""Seeded drawing: the same knowledge base always gives the same bank."""

from __future__ import annotations

import random


def rng_for(item_id: str) -> random.Random:
    return random.Random(f"fentkb:{item_id}")
