"""The generated bank: item families, distractors, coverage, determinism, forms and the item linter."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import typing
from collections import Counter

import pytest

from conftest import PAPERS_DIR, ROOT
from fentkb import generate
from fentkb.export.json_bank import FIELDS, bank_json
from fentkb.model import SKILL_TITLES, Skill
from fentkb.quiz import lint
from fentkb.quiz.families import FAMILIES
from fentkb.quiz.forms import make_form
from fentkb.quiz.item import Item, Option
from fentkb.quiz.lint import Context, check_bank, check_item, context_for
from fentkb.quiz.wording import cap
from fentkb.render.quizzes import PAPER_QUIZ, paper_quiz


@pytest.fixture(scope="module")
def kb():
    return generate.load(ROOT / "quizzes", PAPERS_DIR)


@pytest.fixture(scope="module")
def bank(kb):
    return generate.bank(kb)


DROPPED = {"who-objects", "timeline", "no-source", "source-kind", "claim-type", "evidence-recall", "concept",
           "which-objection", "evidence-to-claim", "attribution", "figure"}


def test_every_family_contributes_questions(bank) -> None:
    made = Counter(i.template for i in bank)
    assert {f.id for f in FAMILIES} <= set(made), {f.id for f in FAMILIES} - set(made)
    assert not DROPPED & set(made), DROPPED & set(made)


def test_bank_is_large_enough_and_mostly_above_remember(bank) -> None:
    assert len(bank) >= 250
    above = sum(i.bloom != "remember" for i in bank)
    assert above / len(bank) >= 0.6, f"{above} of {len(bank)} above remember"


def test_bloom_comes_from_the_family(bank) -> None:
    declared = {f.id: f.bloom for f in FAMILIES if f.bloom}
    assert all(i.bloom == declared[i.template] for i in bank if i.template in declared)


def test_every_claim_is_asked_through_its_misreadings(kb, bank) -> None:
    asked = {(i.template, s) for i in bank for s in i.sources}
    for c in kb.claims:
        assert ("misreading", c.id) in asked, c.id


def test_types_include_single_multiple_truefalse_and_matching(bank) -> None:
    assert set(Counter(i.type for i in bank)) == {"single", "multiple", "truefalse", "matching"}


def test_tensions_key_every_recorded_explanation(kb, bank) -> None:
    for t in kb.tensions:
        item = next(i for i in bank if i.id == f"tension-{t.id}")
        assert sorted(o.text for o in item.options if o.correct) == sorted(cap(x.option) for x in t.explanations[:3])


def test_matching_has_real_questions_and_surplus_answers(kb, bank) -> None:
    items = [i for i in bank if i.type == "matching"]
    assert len(items) == sum(1 for d in kb.dimensions if d.asked) < len(kb.dimensions)
    for item in items:
        question, _, ask = item.stem.partition(" Match each paper")
        assert question.endswith("?") and ask, item.stem  # a real question, not 'on this question: Method?'

        assert len(item.extra) >= 2 and not set(item.extra) & {a for _, a in item.pairs}


REPLY_FRAME = re.compile(r"^(the (post|paper|article)|it) (replies|answers) that ")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9%']+", REPLY_FRAME.sub("", text.lower()))


def _opening(texts: list[str]) -> int:
    """How many words every one of texts begins with: an opening all options share cues nothing."""
    words = [_words(t) for t in texts]
    return next((i for i, column in enumerate(zip(*words, strict=False)) if len(set(column)) > 1),
                min(map(len, words)))


def _grams(text: str, skip: int = 0, n: int = 4) -> set[tuple[str, ...]]:
    """The runs of n words in a row of text, past its first `skip` words."""
    words = _words(text)[skip:]
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _shared_run(a: str, b: str, n: int = 5, skip: int = 0) -> str | None:
    """The first run of n words that a (past its first `skip` words) and b share, case and punctuation aside."""
    aw, runs = _words(a)[skip:], _grams(b, n=n)
    return next((" ".join(aw[i:i + n]) for i in range(len(aw) - n + 1) if tuple(aw[i:i + n]) in runs), None)


def _copied_key(item: Item, printed: str) -> str | None:
    """Words in a row that a key of the item shares with the sentence a page prints, past the options' shared
    opening."""
    skip = _opening([o.text for o in item.options])
    return next((run for o in item.options if o.correct if (run := _shared_run(o.text, printed, skip=skip))), None)


def test_keys_are_not_the_sentences_the_pages_print(kb, bank) -> None:
    """The claim page prints each claim and each reply, the compare page each matrix cell, the numbers page each
    explanation of a tension. A key worded the same way is picked by recognising the sentence, not by
    understanding it (paraphrase instructional language): the quiz words each its own way."""
    by_id = {i.id: i for i in bank}
    copied = []
    for claim in kb.claims:
        if (item := by_id.get(f"misreading-{claim.id}")) is not None and (run := _copied_key(item, claim.text)):
            copied.append((item.id, run))
    for ca in kb.counterarguments:
        if (item := by_id.get(f"reply-{ca.id}")) is not None and (run := _copied_key(item, ca.response.text)):
            copied.append((item.id, run))
    for t in kb.tensions:
        if (item := by_id.get(f"tension-{t.id}")) is not None:
            copied += [(item.id, run) for x in t.explanations if (run := _copied_key(item, x.text))]
    asked = 0
    for d in kb.dimensions:
        if (item := by_id.get(f"match-{d.id}")) is not None:
            asked += 1
            for (_, answer), paper in zip(item.pairs, kb.papers, strict=True):
                if run := _shared_run(answer, d.cells[paper.id].text):
                    copied.append((item.id, run))
    assert asked and sum(1 for i in bank if i.template in ("reply", "misreading")) >= 80
    assert copied == []


def test_the_key_is_not_where_the_options_converge(bank) -> None:
    """Distractors built by varying the key one part at a time leave the key as the one option that shares
    wording with most of the others: a test-wise student picks it unread (a convergence cue). Each part
    should appear in as many wrong options as in the key (a balanced two-by-two)."""
    converging = []
    for item in bank:
        if item.type != "single":
            continue
        skip = _opening([o.text for o in item.options])
        grams = [_grams(o.text, skip) for o in item.options]
        shares = [sum(1 for j, other in enumerate(grams) if j != i and mine & other) for i, mine in enumerate(grams)]
        key = next(i for i, o in enumerate(item.options) if o.correct)
        if shares[key] >= 2 and all(shares[key] > s for i, s in enumerate(shares) if i != key):
            converging.append((item.id, shares))
    assert converging == []


def test_multiple_select_key_counts_vary(bank) -> None:
    counts = Counter(len(i.keys) for i in bank if i.type == "multiple")
    assert len(counts) >= 2, counts


def test_paper_quizzes_are_short_and_sample_several_families(kb, bank) -> None:
    for p in kb.papers:
        items = paper_quiz(bank, p.id)
        assert 10 <= len(items) <= PAPER_QUIZ
        assert all(i.paper == p.id for i in items)
        assert len({i.template for i in items}) >= 4, p.id


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


def test_json_fields_are_documented_exactly(bank) -> None:
    assert set(FIELDS) == set(bank[0].to_json())


def test_published_json_round_trips(bank) -> None:
    data = json.loads(bank_json(bank))
    assert data["count"] == len(bank) == len(data["questions"])
    first = data["questions"][0]
    assert set(first) == set(FIELDS)


def test_the_real_bank_passes_the_linter(kb, bank) -> None:
    assert check_bank(bank, context_for([p.id for p in kb.papers], kb.paragraphs)) == []


# --- one bad item per linter rule ---------------------------------------------------------------

def opt(text: str, correct: bool = False, feedback: str = "") -> Option:
    return Option(text=text, correct=correct, feedback=feedback or f"Because {text.lower()} is as the papers say.")


GOOD_OPTIONS = [opt("Military Options", True), opt("No Tempest"), opt("Opioid Challenge")]


def good(**changes) -> Item:
    item = Item(id="q-good", type="single", stem="Which paper argues for joint operations with Mexico's forces?",
                explanation="Military Options recommends them.", at=["military-options ¶27"],
                page="papers/military-options.md#p27", topic="comparison", template="test", sources=["x"],
                options=GOOD_OPTIONS)
    return dataclasses.replace(item, **changes)


CTX = Context(paper_ids=frozenset({"military-options", "no-tempest", "opioid-challenge"}))
PAIRS = [("Opioid Challenge", "Cut it off"), ("No Tempest", "Engage it"), ("Military Options", "Silent on it")]
BAD = {
    lint.ONE_KEY: dict(options=[opt("A paper", True), opt("Another paper", True), opt("A third")]),
    lint.NO_EMPTY_OPTION: dict(options=[opt("A paper", True), opt(" "), opt("B")]),
    lint.NO_DUPLICATE_OPTION: dict(options=[opt("Same", True), opt("same"), opt("B")]),
    lint.NO_OF_THE_ABOVE: dict(options=[opt("A paper", True), opt("None of the above"), opt("B")]),
    lint.NEGATIVE_EMPHASIZED: dict(stem="Which paper does not argue for joint operations with Mexico?"),
    lint.EXPLANATION: dict(explanation=" "),
    lint.SOURCE: dict(at=[]),
    lint.STEM_STANDS_ALONE: dict(stem="Which of the following?"),
    lint.TRUE_FALSE_FORM: dict(type="truefalse", options=[opt("Yes", True), opt("No")]),
    lint.MATCHING_FORM: dict(type="matching", options=[], pairs=[("a", "b")], extra=["c", "d"]),
    lint.OPTIONS: dict(options=[opt("Military Options", True)]),
    lint.KEYS_AND_DISTRACTORS: dict(type="multiple", options=[opt("A", True), opt("B", True)]),
    lint.STEM_LENGTH: dict(stem="Which paper, " + "after weighing every option at length and " * 10 + "argues this?"),
    lint.PAPER_ID_IN_STEM: dict(stem="Which paper, besides no-tempest, argues for joint operations?"),
    lint.KEY_CUE: dict(stem="Which agency, US Customs and Border Protection, reports seizures at the border?",
                       options=[opt("CBP", True), opt("The DEA"), opt("NIDA")]),
    lint.WORD_OVERLAP: dict(stem="Which paper warns that cartel retaliation against border cities would follow?",
                            options=[opt("The one warning of cartel retaliation against border cities", True),
                                     opt("No Tempest"), opt("Opioid Challenge")]),
    lint.FEEDBACK_SAYS_WHY: dict(options=[opt("Military Options", True), Option(text="No Tempest", correct=False,
                                                                                   feedback=""), opt("B")]),
    lint.MATCHING_SURPLUS: dict(type="matching", stem="What role does each paper give China? Match each paper to "
                                "its position.", options=[], pairs=PAIRS, extra=["Ignore it"]),
    lint.DISTRACTOR_ALSO_RIGHT: dict(also_right=["No Tempest"]),
    lint.HEDGE_ALONE: dict(options=[opt("Military Options could favour it", True), opt("No Tempest favours it"),
                                    opt("Opioid Challenge favours it")]),
    lint.ABSOLUTE_TELL: dict(options=[opt("Military Options", True), opt("No Tempest, which always favours it"),
                                      opt("Opioid Challenge, which proves it")]),
    lint.FAKE_QUOTE: dict(stem="Which paper says the cartels are “a danger we must meet with every tool the nation "
                               "has at hand”?"),
}
BANK_RULES = {lint.FEEDBACK_REPEATED, lint.DUPLICATE_STEM, lint.KEY_COUNT_VARIES, lint.KEY_POSITION,
              lint.KEY_NOT_LONGEST, lint.UNIQUE_ID}


def test_every_rule_has_a_bad_item() -> None:
    rules = {v for k, v in vars(lint).items() if k.isupper() and isinstance(v, str)}
    assert rules == set(BAD) | BANK_RULES


@pytest.mark.parametrize("rule", list(BAD))
def test_linter_names_the_item_and_rule(rule: str) -> None:
    assert check_item(good(), CTX) == []
    found = check_item(good(**BAD[rule]), CTX)
    assert rule in {v.rule for v in found}
    assert all(v.item == "q-good" for v in found)


def test_quotations_are_checked_against_the_papers_when_they_are_there() -> None:
    ctx = context_for(["t"], {"t": {"¶1": "The cartels are a clear and present danger to us."}})
    assert check_item(good(stem="Which paper calls the cartels “a clear and present danger”?"), ctx) == []
    found = check_item(good(stem="Which paper calls the cartels “a grave and present danger”?"), ctx)
    assert lint.FAKE_QUOTE in {v.rule for v in found}


def test_linter_catches_an_unbalanced_key_position() -> None:
    items = [good(id=f"q{i}", stem=f"Which paper number {i} argues this?", options=[
        opt(f"Key {i}", True), *(opt(f"D{j} {i}") for j in range(3))]) for i in range(8)]
    assert lint.KEY_POSITION in {v.rule for v in check_bank(items)}


def test_linter_catches_a_key_that_is_always_the_longest() -> None:
    items = [good(id=f"q{i}", stem=f"Which paper number {i} argues this?", options=[
        opt("A much longer correct answer", True), opt("No"), opt("Nah")]) for i in range(5)]
    assert lint.KEY_NOT_LONGEST in {v.rule for v in check_bank(items)}


def test_linter_catches_duplicate_ids_and_stems() -> None:
    rules = {v.rule for v in check_bank([good(), good()])}
    assert lint.UNIQUE_ID in rules and lint.DUPLICATE_STEM in rules


def test_linter_catches_boilerplate_feedback() -> None:
    same = [opt("Military Options", True, "Right."), opt("No Tempest", False, "No."), opt("Opioid Challenge",
                                                                                         False, "No.")]
    items = [good(id=f"q{i}", stem=f"Which paper number {i} argues this?", options=same) for i in range(4)]
    assert lint.FEEDBACK_REPEATED in {v.rule for v in check_bank(items)}


def test_linter_catches_multiple_select_key_counts_that_never_vary() -> None:
    items = [good(id=f"q{i}", type="multiple", stem=f"Which papers number {i} argue this? Select all that apply.",
                  options=[opt(f"A{i}", True), opt(f"B{i}", True), opt(f"C{i}"), opt(f"D{i}")]) for i in range(3)]
    assert lint.KEY_COUNT_VARIES in {v.rule for v in check_bank(items)}
    items[0].options[2] = opt("C0", True)
    assert lint.KEY_COUNT_VARIES not in {v.rule for v in check_bank(items)}


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


def test_every_skill_has_a_title_and_every_title_a_skill() -> None:
    assert list(SKILL_TITLES) == list(typing.get_args(Skill))
