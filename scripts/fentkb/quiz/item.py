"""A quiz item as every consumer sees it: the quiz pages, the JSON bank and the exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..model import SKILL_TITLES, Bloom, Locator

ItemType = Literal["single", "multiple", "truefalse", "matching"]
# The skill quizzes, titled once here; every page, export and the CLI take their names from this table.
TOPICS: dict[str, str] = {str(skill): title for skill, title in SKILL_TITLES.items()}  # a bank's topics: the skills, in this order


def topics_in(items: list[Item]) -> list[str]:
    """The skills first, then any other topic an item carries."""
    return list(dict.fromkeys([*TOPICS, *(i.topic for i in items)]))


@dataclass(kw_only=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(kw_only=True)
class Item:
    id: str
    type: ItemType
    stem: str
    explanation: str
    at: list[Locator]
    page: str
    """The module page it draws on, as a docs path with anchor: 'claims/no-tempest.md#nt-x'."""
    topic: str
    """The skill quiz it belongs to (a key of model.SKILL_TITLES)."""
    paper: str | None = None
    """The paper it is mainly about; it may then also appear in that paper's short quiz."""
    bloom: Bloom = "remember"
    """What the item makes a student do: set from its family's declaration (families/__init__.py), or
    from the authored entry for hand-written questions."""
    template: str
    """The item family that made it (quiz/families), or `hand-written`."""
    sources: list[str]
    """The knowledge-base ids it was made from."""
    options: list[Option] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    """Matching: (prompt, answer), in key order."""
    extra: list[str] = field(default_factory=list)
    """Matching: surplus answers that fit no prompt."""
    also_right: list[str] = field(default_factory=list)
    """Texts the knowledge base records as right answers to this stem; no distractor may be one (linted)."""

    def answer_list(self) -> list[str]:
        """Matching: every answer a student chooses from, the surplus ones included, in a fixed order."""
        return sorted([a for _, a in self.pairs] + self.extra)

    @property
    def keys(self) -> list[int]:
        return [i for i, o in enumerate(self.options) if o.correct]

    def to_json(self) -> dict[str, Any]:
        # by hand rather than dataclasses.asdict, which deep-copies every string: 3x faster on a large bank
        return {"id": self.id, "type": self.type, "stem": self.stem, "explanation": self.explanation,
                "at": list(self.at), "page": self.page, "topic": self.topic, "paper": self.paper,
                "bloom": self.bloom, "template": self.template, "sources": list(self.sources),
                "options": [{"text": o.text, "correct": o.correct, "feedback": o.feedback} for o in self.options],
                "pairs": [list(p) for p in self.pairs], "extra": list(self.extra)}
