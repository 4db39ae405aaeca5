"""Small pieces of English the item families share."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import NearMiss, Reason

NO_PAPER = "No paper"
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "twelve": "12", "twenty": "20", "hundred": "100"}


def poss(name: str) -> str:
    """'No Tempest' -> "No Tempest's"; 'Military Options' -> "Military Options'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def cap(text: str) -> str:
    """A clause as a sentence: first letter up, one final stop."""
    text = " ".join(text.split()).rstrip(".")
    return text[:1].upper() + text[1:] + "."


def clause(text: str) -> str:
    """Authored clause text (a signature, a misreading) without its final stop, to follow 'argues that'."""
    return " ".join(text.split()).rstrip(".")


def sentence(text: str) -> str:
    """Knowledge-base text as one sentence with a final stop."""
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!")) else text + "."


MULTIPLES = {"doubl": "2x", "tripl": "3x", "quadrupl": "4x"}


def number_key(figure: str) -> str:
    """A figure as a number to compare: '3' = 'three', '100,000' = '100.000' = '100000', 'tripled' =
    'tripling'."""
    text = figure.lower().strip()
    for stem, multiple in MULTIPLES.items():
        text = re.sub(rf"\b{stem}\w*", multiple, text)
    for word, digits in NUMBER_WORDS.items():
        text = re.sub(rf"\b{word}\b", digits, text)
    return re.sub(r"(?<=\d)[,.](?=\d{3}\b)", "", text)


def locs(at: Sequence[str]) -> str:
    return ", ".join(at)


def because(near: NearMiss | Reason) -> str:
    """An option's reason as its feedback, with the places that show it."""
    why = sentence(near.why.strip())
    return f"{why} ({locs(near.at)})" if near.at else why
