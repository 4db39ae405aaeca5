"""Small pieces of English the item families share."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import NearMiss, Reason


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


def locs(at: Sequence[str]) -> str:
    return ", ".join(at)


def because(near: NearMiss | Reason) -> str:
    """An option's reason as its feedback, with the places that show it."""
    why = sentence(near.why.strip())
    return f"{why} ({locs(near.at)})" if near.at else why
