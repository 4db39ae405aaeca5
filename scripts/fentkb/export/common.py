"""What every export shares: which question types a format holds, and the report of what was left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..quiz.item import Item

TITLE = "Fentanyl and force: three papers side by side"


@dataclass
class Report:
    """One line per format: how many questions went in, and every question left out with the reason."""

    format: str
    file: str
    exported: int = 0
    left_out: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        head = f"{self.format} ({self.file}): {self.exported} questions"
        return [head, *(f"  left out {qid}: {why}" for qid, why in self.left_out)]


def supported(items: list[Item], types: dict[str, str], report: Report) -> list[Item]:
    """Keep the items whose type the format holds; record each other one with the format's reason."""
    kept = []
    for item in items:
        if item.type in types:
            kept.append(item)
        else:
            report.left_out.append((item.id, types.get("*", f"this format has no {item.type} question type")))
    report.exported = len(kept)
    return kept


def general_feedback(item: Item) -> str:
    return f"{item.explanation} (Where: {', '.join(item.at)}.)"
