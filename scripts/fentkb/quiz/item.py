"""A quiz item as every consumer sees it: the quiz pages, the JSON bank and the exports."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

ItemType = Literal["single", "multiple", "truefalse", "matching"]
TOPICS = {
    "opioid-challenge": "The Opioid Challenge",
    "no-tempest": "No Tempest in a Teacup",
    "military-options": "Military Options",
    "evidence": "Evidence and sources",
    "counterarguments": "Counterarguments",
    "comparison": "Comparing the papers",
    "concepts": "Concepts and timeline",
}


def topics_in(items: list[Item]) -> list[str]:
    """The known topics first, then any other an item carries (a new paper's id is a topic too)."""
    return list(dict.fromkeys([*TOPICS, *(i.topic for i in items)]))


@dataclass
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass
class Item:
    id: str
    type: ItemType
    stem: str
    explanation: str
    at: list[str]
    page: str  # the module page it draws on, as a docs path with anchor: 'claims/no-tempest.md#nt-x'
    topic: str
    bloom: str
    template: str
    sources: list[str]  # the knowledge-base ids it was made from
    options: list[Option] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # matching: (prompt, answer), in key order

    @property
    def keys(self) -> list[int]:
        return [i for i, o in enumerate(self.options) if o.correct]

    def to_json(self) -> dict[str, Any]:
        # by hand rather than dataclasses.asdict, which deep-copies every string: 3x faster on a large bank
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["options"] = [{"text": o.text, "correct": o.correct, "feedback": o.feedback} for o in self.options]
        data["pairs"] = [list(p) for p in self.pairs]
        data["at"], data["sources"] = list(self.at), list(self.sources)
        return data
