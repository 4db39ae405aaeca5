"""The generated bank: templates, distractors, coverage, determinism, forms and the item linter."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from conftest import PAPERS_DIR, ROOT
from fentkb import generate
from fentkb.export.json_bank import FIELDS, bank_json
from fentkb.quiz.forms import make_form
from fentkb.quiz.item import Item, Option
from fentkb.quiz.lint import check_bank, check_item
from fentkb.quiz.templates import TEMPLATES


@pytest.fixture(scope="module")
def kb():
    return generate.load(ROOT / "quizzes", PAPERS_DIR)


@pytest.fixture(scope="module")
def bank(kb):
    return generate.bank(kb)


def test_every_template_contributes_questions(kb) -> None:
    produced = {t.__name__: len(list(t(kb))) for t in TEMPLATES}
    assert len(produced) >= 8
    assert all(n > 0 for n in produced.values()), produced


def test_bank_is_large_and_covers_every_evidence_claim_and_counterargument(kb, bank) -> None:
    assert len(bank) >= 150
    asked = {s for item in bank for s in item.sources}
    for kind in ("evidence", "claims", "counterarguments"):
        missing = [e.id for e in getattr(kb, kind) if e.id not in asked]
        assert missing == [], f"{kind} never asked about: {missing}"


def test_types_include_single_multiple_truefalse_and_matching(bank) -> None:
    assert set(Counter(i.type for i in bank)) == {"single", "multiple", "truefalse", "matching"}


def test_recall_distractors_are_other_figures_of_the_same_unit(kb, bank) -> None:
    by_measure = {e.measures: e for e in kb.evidence}
    for item in (i for i in bank if i.template == "evidence-recall"):
        key = by_measure[next(o.text for o in item.options if o.correct)]
        for o in (o for o in item.options if not o.correct):
            sibling = by_measure[o.text]
            assert sibling.figure != key.figure and o.text != key.measures
        same_unit = sum(by_measure[o.text].unit == key.unit for o in item.options if not o.correct)
        available = sum(1 for e in kb.evidence if e.unit == key.unit and e.figure != key.figure)
        assert same_unit == min(3, available), item.id


def test_attribution_offers_exactly_the_papers(kb, bank) -> None:
    shorts = sorted(p.short for p in kb.papers)
    for item in (i for i in bank if i.template == "attribution"):
        assert sorted(o.text for o in item.options) == shorts


def test_a_stem_never_names_its_own_answer(kb, bank) -> None:
    """'Who raises this objection' must not quote an objection that names the paper raising it."""
    for item in (i for i in bank if i.template == "who-objects"):
        key = next(o.text for o in item.options if o.correct)
        paper = next((p for p in kb.papers if p.short == key), None)
        quoted = item.stem.split(":", 1)[1].lower()
        if paper:
            assert paper.short.lower() not in quoted and paper.id not in quoted and \
                paper.id.replace("-", " ") not in quoted, item.id


def test_no_distractor_equals_the_key(bank) -> None:
    for item in bank:
        keys = {o.text.lower() for o in item.options if o.correct}
        assert not [o for o in item.options if not o.correct and o.text.lower() in keys], item.id


def test_same_knowledge_base_gives_byte_identical_bank(kb) -> None:
    assert bank_json(generate.bank(kb)) == bank_json(generate.bank(kb))
    script = ("import sys; from pathlib import Path; from fentkb import generate; "
              "from fentkb.export.json_bank import bank_json; "
              f"sys.stdout.write(bank_json(generate.bank(generate.load(Path({str(ROOT / 'quizzes')!r}), "
              f"Path({str(PAPERS_DIR)!r})))))")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "scripts")}).stdout
               for seed in ("1", "2")}
    assert len(outputs) == 1


def test_forms_are_reproducible_and_differ_by_seed(bank) -> None:
    a1 = [i.id for i in make_form(bank, 1, 20)]
    a2 = [i.id for i in make_form(bank, 1, 20)]
    b = [i.id for i in make_form(bank, 2, 20)]
    assert a1 == a2 and len(a1) == 20 and len(set(a1)) == 20
    assert a1 != b
    assert {i.topic for i in make_form(bank, 3, 6, ["evidence", "comparison"])} == {"evidence", "comparison"}


def test_cli_quiz_prints_the_same_form_twice() -> None:
    def run() -> str:
        return subprocess.run([sys.executable, "-m", "fentkb", "--papers", str(PAPERS_DIR), "quiz", "--seed", "7",
                               "--count", "5"], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")}).stdout
    first = run()
    assert first == run()
    questions, key = first.split("Answer key")
    assert questions.count("\n5. ") == 1 and key.count("\n5. ") == 1 and "\n6. " not in first


def test_json_fields_are_documented_exactly() -> None:
    assert set(FIELDS) == {f.name for f in dataclasses.fields(Item)}


def test_published_json_round_trips(bank) -> None:
    data = json.loads(bank_json(bank))
    assert data["count"] == len(bank) == len(data["questions"])
    first = data["questions"][0]
    assert set(first) == set(FIELDS)


def test_the_real_bank_passes_the_linter(bank) -> None:
    assert check_bank(bank) == []


# --- one bad item per linter rule ---------------------------------------------------------------

def good(**changes) -> Item:
    item = Item("q-good", "single", "Which paper argues for joint operations with Mexico's forces?",
                "Military Options recommends them.", ["military-options ¶27"], "papers/military-options.md#p27",
                "comparison", "remember", "test", ["x"],
                [Option("Military Options", True, "Right."), Option("No Tempest", False, "No."),
                 Option("Opioid Challenge", False, "No.")])
    return dataclasses.replace(item, **changes)


BAD = {
    "exactly one key": dict(options=[Option("A paper", True, ""), Option("Another paper", True, ""),
                                     Option("A third", False, "")]),
    "no empty option": dict(options=[Option("A paper", True, ""), Option(" ", False, ""), Option("B", False, "")]),
    "no duplicate option": dict(options=[Option("Same", True, ""), Option("same", False, ""), Option("B", False, "")]),
    "no 'all/none of the above'": dict(options=[Option("A paper", True, ""), Option("None of the above", False, ""),
                                                Option("B", False, "")]),
    "negative stem emphasized": dict(stem="Which paper does not argue for joint operations with Mexico?"),
    "explanation": dict(explanation=" "),
    "source": dict(at=[]),
    "stem stands alone": dict(stem="Which of the following?"),
    "true/false form": dict(type="truefalse", options=[Option("Yes", True, ""), Option("No", False, "")]),
    "matching form": dict(type="matching", options=[], pairs=[("a", "b")]),
    "keys and distractors": dict(type="multiple", options=[Option("A", True, ""), Option("B", True, "")]),
}


@pytest.mark.parametrize("rule", list(BAD))
def test_linter_names_the_item_and_rule(rule: str) -> None:
    assert check_item(good()) == []
    found = check_item(good(**BAD[rule]))
    assert rule in {v.rule for v in found}
    assert all(v.item == "q-good" for v in found)


def test_linter_catches_an_unbalanced_key_position() -> None:
    items = [good(id=f"q{i}", options=[Option(f"Key {i}", True, ""), *(Option(f"D{j} {i}", False, "")
                                                                        for j in range(3))]) for i in range(8)]
    rules = {v.rule for v in check_bank(items)}
    assert "key position balanced" in rules


def test_linter_catches_a_key_that_is_always_the_longest() -> None:
    items = [good(id=f"q{i}", options=[Option("A much longer correct answer", True, ""), Option("No", False, ""),
                                       Option("Nah", False, "")]) for i in range(5)]
    assert "key not the longest option" in {v.rule for v in check_bank(items)}


def test_linter_catches_duplicate_ids() -> None:
    assert "unique id" in {v.rule for v in check_bank([good(), good()])}


def test_a_lint_violation_stops_the_build(tmp_path) -> None:
    from conftest import copy_project, mkdocs_build
    project = copy_project(tmp_path / "project")
    (project / "quizzes" / "shared" / "bad-question.yaml").write_text(
        "questions:\n  - id: q-bad\n    type: single\n    stem: Which paper is not in favour of force here?\n"
        "    choices:\n      - {text: No Tempest, correct: true, feedback: x}\n"
        "      - {text: None of the above, feedback: y}\n"
        "    explanation: x\n    at: [no-tempest ¶36]\n    topic: comparison\n    bloom: evaluate\n",
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "question q-bad: negative stem emphasized" in result.stderr
    assert "question q-bad: no 'all/none of the above'" in result.stderr
