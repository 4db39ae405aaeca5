"""Item families: each module turns one kind of authored teaching material into quiz items.

A family is declared once here, with the skill quiz its items join, the Bloom level its items demand of a
student (what the item makes them do, not a label) and the heading its items get on a quiz page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...index import KbIndex
from ..item import Bloom, Item
from . import authored, claims, comparison, replies, tensions


@dataclass(frozen=True)
class Family:
    id: str
    """The `template` value of its items."""
    title: str
    """The heading its items get on a quiz page."""
    generate: Callable[[KbIndex], Iterator[Item]]
    bloom: Bloom | None
    """What its items make a student do; None where each authored item declares its own."""


FAMILIES: list[Family] = [
    Family("misreading", "What does the paper really argue?", claims.misreading, "understand"),
    Family("reply", "How would the paper answer?", replies.reply, "analyze"),
    Family("appraisal-premise", "The unstated premise", authored.appraisals("premise"), "analyze"),
    Family("appraisal-weakest-link", "The weakest link", authored.appraisals("weakest-link"), "evaluate"),
    Family("appraisal-reply", "Answering an objection", authored.appraisals("reply"), "analyze"),
    Family("appraisal-since", "The arguments since the papers", authored.appraisals("since"), "evaluate"),
    Family("appraisal-figure-limits", "What a figure cannot show", authored.appraisals("figure-limits"), "evaluate"),
    Family("tension", "When the numbers disagree", tensions.tension, "evaluate"),
    Family("scenario", "Apply the framework to a new case", authored.scenarios, "apply"),
    Family("finding", "Why do the papers part?", comparison.finding, "analyze"),
    Family("matching", "Match the papers to their positions", comparison.matching, "understand"),
    Family("stance", "Where do the papers stand?", comparison.stance, "understand"),
    Family("hand-written", "Weigh the arguments", authored.hand_written, None),
]
TITLES = {f.id: f.title for f in FAMILIES}
