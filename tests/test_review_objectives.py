"""The learning objectives behind 'My progress': the same as the teaching guide's, and covering the whole bank."""

from __future__ import annotations

import json
import re

import pytest

from conftest import PAPERS_DIR, ROOT
from fentkb import generate
from fentkb.model import KnowledgeBase
from fentkb.quiz.item import Item
from fentkb.quiz.objectives import OBJECTIVES, unserved
from fentkb.render import review
from fentkb.render.quizzes import paper_quiz


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return generate.load(ROOT / "quizzes", PAPERS_DIR)


@pytest.fixture(scope="module")
def bank(kb: KnowledgeBase) -> list[Item]:
    return generate.bank(kb)


def test_the_objectives_are_the_teaching_guide_s() -> None:
    guide = (ROOT / "docs" / "guide" / "index.md").read_text()
    rows = re.findall(r"^\| (\d+)\. \*\*(\w+)\*\*", guide, flags=re.MULTILINE)
    assert rows, "the guide's objectives table was not found"
    assert [(int(n), verb) for n, verb in rows] == [(o.number, o.verb) for o in OBJECTIVES]


def test_every_question_checks_some_objective(kb: KnowledgeBase, bank: list[Item]) -> None:
    in_paper_quiz = {i.id for pid in kb.index.shorts for i in paper_quiz(bank, pid)}
    assert unserved(bank, in_paper_quiz) == []


def test_each_progress_row_counts_the_questions_its_quizzes_hold(kb: KnowledgeBase, bank: list[Item]) -> None:
    script = review.review_data(bank, kb.index.shorts)
    data = json.loads(script.removeprefix("window.fkReviewData = ").rstrip().removesuffix(";"))
    assert data["ids"] == [i.id for i in bank]
    sets = {key: {data["ids"][n] for n in ns} for key, ns in data["sets"].items()}
    assert sets["obj-2"] == {i.id for i in bank if i.template == "misreading"}
    assert sets["obj-8"] == sets["quiz-frameworks"] == {i.id for i in bank if i.topic == "frameworks"}
    assert sets["paper-no-tempest"] == {i.id for i in paper_quiz(bank, "no-tempest")} <= sets["obj-1"]
    page = review.progress_page(bank, kb.index.shorts)
    assert f"| {len(sets['obj-7'])} | " in next(line for line in page.splitlines() if "**Evaluate**" in line)
    assert "obj-9" not in sets and "No quiz: assessed with the debate rubric" in page
