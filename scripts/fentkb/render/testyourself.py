"""'Test yourself': the block that ends each paper page and claim tree, leading to the quizzes that check it.

The question counts come from the bank the quiz pages are built from, so a link never promises a number of
questions its quiz does not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..quiz.item import Item, topics_in
from .quizzes import PRACTICE_DRAW, paper_quiz, parts
from .text import md


@dataclass(frozen=True)
class QuizSizes:
    """How many questions each quiz page holds."""

    papers: dict[str, int]  # a paper's id -> the size of its short quiz
    skills: dict[str, int]  # a skill quiz -> its questions, over all its parts
    practice: int = PRACTICE_DRAW  # questions in one practice set


def quiz_sizes(bank: list[Item], paper_ids: list[str]) -> QuizSizes:
    skills = {t: sum(map(len, parts([i for i in bank if i.topic == t]))) for t in topics_in(bank)}
    return QuizSizes(papers={p: len(paper_quiz(bank, p)) for p in paper_ids},
                     skills={t: n for t, n in skills.items() if n})


def questions(n: int) -> str:
    return f"{n} question" + ("" if n == 1 else "s")


def block(sizes: QuizSizes, paper_id: str, short: str, skill: str | None = None,
          skill_title: str = "") -> list[str]:
    """The block, for a page one folder below docs/ (papers/, claims/). It names the paper's quiz and, for a
    claim tree, the skill quiz that practises the same reading; then a practice set."""
    links = []
    if sizes.papers.get(paper_id):
        links.append(f"[Quiz on {md(short)}: {questions(sizes.papers[paper_id])}](../quiz/{paper_id}.md)"
                     "{ .md-button .md-button--primary }")
    if skill and sizes.skills.get(skill):
        links.append(f"[{md(skill_title)}: {questions(sizes.skills[skill])}](../quiz/{skill}.md){{ .md-button }}")
    links.append(f"[Practice: a random set of {sizes.practice}](../quiz/practice.md){{ .md-button }}")
    # kept out of the search index: the same links on six pages would only crowd the results
    return ['<div class="fk-next" data-search-exclude="" markdown>', "", "## Test yourself {: #test-yourself }", "",
            "Each question says why every option is right or wrong, and links back to the page it draws on.", "",
            " ".join(links), "", "</div>", ""]
