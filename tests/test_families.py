"""Item families on the tiny knowledge base: what each family makes of authored material, exactly.
Runs without building the site, in well under a second."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES
from fentkb.load import load_knowledge_base
from fentkb.quiz.bank import build_bank
from fentkb.quiz.item import Item


def tiny_bank(tmp_path: Path) -> dict[str, Item]:
    quizzes = tmp_path / "quizzes"
    shutil.copytree(FIXTURES / "kb" / "tiny", quizzes / "tiny")
    kb = load_knowledge_base(quizzes, FIXTURES / "papers")
    return {i.id: i for i in build_bank(kb)}


def keyed(item: Item) -> list[str]:
    return [o.text for o in item.options if o.correct]


def test_misreading_keys_the_signature_against_the_authored_misreadings(tmp_path: Path) -> None:
    item = tiny_bank(tmp_path)["misreading-tiny-clinics"]
    assert item.stem == "Which statement accurately reports what Tiny argues about what the town should do about overdoses?"
    assert keyed(item) == ["The town should open more clinics."]
    assert sorted(o.text for o in item.options if not o.correct) == [
        "The council should spend less on treatment.", "The town should close its clinics."]
    assert {o.feedback for o in item.options if not o.correct} == {
        "The author recommends more clinics, not fewer. (tiny ¶3)",
        "The paper reports the spending and does not ask to cut it. (tiny ¶2)"}
    assert item.bloom == "understand" and item.topic == "arguments" and item.paper == "tiny"
