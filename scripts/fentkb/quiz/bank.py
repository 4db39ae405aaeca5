"""The question bank: every template's items plus the hand-written ones, options arranged.

Key positions are assigned in rotation across the bank rather than at random, so that no position
holds the key noticeably more often than another; everything else is ordered by generators
seeded with each item's id. The same knowledge base therefore always gives the same bank.
"""

from __future__ import annotations

from ..model import KnowledgeBase, Question
from .item import Item, Option
from .templates import TEMPLATES, rng_for


def from_question(qn: Question) -> Item:
    """A hand-written question from the YAML, as an item."""
    first = qn.at[0].split(" ")
    page = f"papers/{first[0]}.md#p{first[1][1:].split('-')[0]}" if first[1].startswith("¶") else "sources.md"
    return Item(qn.id, qn.type, qn.stem, qn.explanation, qn.at, page, qn.topic, qn.bloom, "hand-written", [qn.id],
                [Option(c.text, c.correct, c.feedback) for c in qn.choices])


def arrange(items: list[Item]) -> None:
    """Shuffle each item's options by its own seed, then rotate single-answer keys through the positions."""
    turn: dict[int, int] = {}
    for item in items:
        if item.type == "truefalse":
            continue
        rng = rng_for(item.id)
        if item.type == "matching":
            continue  # prompts stay in paper order; answers are shuffled where they are shown
        rng.shuffle(item.options)
        if item.type == "single":
            n = len(item.options)
            want = turn.get(n, 0) % n
            turn[n] = turn.get(n, 0) + 1
            key = item.keys[0]
            shift = (want - key) % n
            item.options[:] = item.options[-shift:] + item.options[:-shift] if shift else item.options


def build_bank(kb: KnowledgeBase) -> list[Item]:
    items = [item for template in TEMPLATES for item in template(kb)]
    items += [from_question(qn) for qn in kb.questions]
    arrange(items)
    return items
