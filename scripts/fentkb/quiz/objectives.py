"""The teaching guide's learning objectives and the questions that check each one.

The guide (docs/guide/index.md) states the objectives for the instructor; this table ties each one to the
bank, so the 'My progress' page can count a student's answers per objective. An objective is checked by whole
item families (the quiz pages' headings), by whole skill quizzes, or by the papers' short quizzes; the
hand-written questions of a skill go with the objective their skill's families serve. A test checks that the
numbers and verbs here match the guide's table, and that every question in the bank serves some objective.
"""

from __future__ import annotations

from dataclasses import dataclass

from .item import Item


@dataclass(frozen=True)
class Objective:
    number: int
    verb: str
    """The bold verb that opens the objective in the guide: 'Identify', 'Distinguish'..."""
    text: str
    """The rest of the sentence, shortened for a table row."""
    families: tuple[str, ...] = ()
    """Item families (Item.template) whose questions check it."""
    topics: tuple[str, ...] = ()
    """Skill quizzes (Item.topic) all of whose questions check it."""
    hand_written_in: tuple[str, ...] = ()
    """Skill quizzes whose hand-written questions check it."""
    paper_quizzes: bool = False
    """Whether the papers' short quizzes check it."""
    assessed_by: str = ""
    """For an objective no quiz checks: what assesses it instead."""

    def checks(self, item: Item, in_paper_quiz: bool) -> bool:
        return (item.template in self.families or item.topic in self.topics
                or (item.template == "hand-written" and item.topic in self.hand_written_in)
                or (self.paper_quizzes and in_paper_quiz))


OBJECTIVES: list[Objective] = [
    Objective(1, "Identify", "each paper's thesis, method and recommended course, and use its key terms",
              topics=("concepts",), paper_quizzes=True),
    Objective(2, "Distinguish", "what a paper argues from near-miss readings of it", families=("misreading",)),
    Objective(3, "Explain", "what a figure measures and what it cannot show, and trace it to its source",
              families=("appraisal-figure-limits",), hand_written_in=("evidence",)),
    Objective(4, "Analyze", "why figures within and across the papers disagree", families=("tension",)),
    Objective(5, "Compare", "how the papers frame the threat and why they part where they do",
              families=("matching", "finding"), hand_written_in=("comparison",)),
    Objective(6, "Map", "each paper's stance on the four policy options", families=("stance",)),
    Objective(7, "Evaluate", "an argument: its unstated premise, its weakest link, the objections and replies",
              families=("reply", "appraisal-premise", "appraisal-weakest-link", "appraisal-reply", "appraisal-since"),
              hand_written_in=("arguments",)),
    Objective(8, "Apply", "one paper's framework to a new case", topics=("frameworks",)),
    Objective(9, "Construct", "and defend a position on one option, and restate the others fairly",
              assessed_by="the debate rubric"),
]


def questions_for(objective: Objective, bank: list[Item], paper_quiz_ids: set[str]) -> list[str]:
    """The ids of the questions that check an objective, in bank order."""
    return [i.id for i in bank if objective.checks(i, i.id in paper_quiz_ids)]


def unserved(bank: list[Item], paper_quiz_ids: set[str]) -> list[str]:
    """Questions no objective claims: a new family needs a line in OBJECTIVES (and the guide's table)."""
    return [i.id for i in bank if not any(o.checks(i, i.id in paper_quiz_ids) for o in OBJECTIVES)]
