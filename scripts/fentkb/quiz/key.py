"""The answer key, written one way for every consumer: quiz pages, printed forms, the CLI and the exports."""

from __future__ import annotations

from .item import Item

LETTERS = "ABCDEFGHIJ"


def key_text(item: Item) -> str:
    """The keyed answers in words: 'Opioid Challenge → Cut it off; …' for matching."""
    if item.type == "matching":
        return "; ".join(f"{p} → {a}" for p, a in item.pairs)
    return "; ".join(o.text for o in item.options if o.correct)


def key_letters(item: Item) -> str:
    """The keyed answers as the letters a printed form shows: 'A, C', or 'Opioid Challenge = B; …' for matching,
    whose answers are lettered in `Item.answer_list` order."""
    if item.type == "matching":
        answers = item.answer_list()
        return "; ".join(f"{p} = {LETTERS[answers.index(a)]}" for p, a in item.pairs)
    return ", ".join(LETTERS[i] for i in item.keys)
