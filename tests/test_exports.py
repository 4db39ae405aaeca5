"""Every export, read back by a parser someone else wrote and maintains.

GIFT: gift-pegjs (npm). Moodle XML: lxml and moodle_xml_parser. QTI: qti-package-maker's check_package.
Anki: the `anki` package imports the .apkg into a fresh collection. A bank with hostile text checks escaping.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import html
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import PAPERS_DIR, ROOT
from fentkb import generate
from fentkb.export import anki, csv_export, gift, moodle_xml, qti
from fentkb.export.bundle import write_all
from fentkb.quiz.item import Item, Option, topics_in

_real_localtime = time.localtime
HOSTILE = 'Tricky <script>alert("x")</script> ~ = # { } : \\ ]]> & \'quotes\' -> =SUM(A1) 50% ¶20'


@pytest.fixture(scope="module")
def bank() -> list[Item]:
    return generate.bank(generate.load(ROOT / "quizzes", PAPERS_DIR))


@pytest.fixture(scope="module")
def out(bank, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    write_all(bank, folder)
    return folder


def hostile_bank() -> list[Item]:
    def item(kind: str, **kw) -> Item:
        base = dict(id=f"hostile-{kind}", type=kind, stem=f"{HOSTILE} which one?", explanation=HOSTILE,
                    at=["no-tempest ¶20"], page="papers/no-tempest.md#p20", topic="evidence", bloom="remember",
                    template="test", sources=["x"])
        return Item(**{**base, **kw})

    def o(text: str, correct: bool, feedback: str) -> Option:
        return Option(text=text, correct=correct, feedback=feedback)

    opts = [o(f"{HOSTILE} key", True, f"{HOSTILE} right"), o(f"{HOSTILE} other", False, f"{HOSTILE} no"),
            o(f"{HOSTILE} third", False, f"{HOSTILE} no")]
    return [item("single", options=opts),
            item("multiple", options=[*opts[:2], o(f"{HOSTILE} also", True, "fb")]),
            item("truefalse", stem=f"{HOSTILE}.", options=[o("True", True, HOSTILE), o("False", False, "no")]),
            item("matching", pairs=[(f"{HOSTILE} A", f"{HOSTILE} 1"), ("B", "2"), ("C", "3")],
                 extra=[f"{HOSTILE} none", "D"])]


# --- GIFT ------------------------------------------------------------------------------------------

def gift_parse(path: Path) -> dict:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "gift-pegjs").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("gift-pegjs is not installed: `make test` runs `npm ci`")
        pytest.skip("node or node_modules/gift-pegjs missing: run `make test` (it runs `npm ci`)")
    result = subprocess.run([node, str(ROOT / "tests" / "gift_count.js"), str(path)], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_gift_parses_with_every_question_but_matching(bank, out) -> None:
    """GIFT cannot hold a matching question's surplus answers, so matching goes by Moodle XML only."""
    parsed = gift_parse(out / "questions.gift.txt")
    kept = [i for i in bank if i.type != "matching"]
    assert parsed["count"] == len(kept)
    assert parsed["ids"] == [i.id for topic in dict.fromkeys(i.topic for i in kept) for i in kept if i.topic == topic]
    kinds = Counter(i.type for i in kept)
    assert parsed["types"] == {"MC": kinds["single"] + kinds["multiple"], "TF": kinds["truefalse"]}


def test_gift_keeps_hostile_text_intact(tmp_path) -> None:
    text, report = gift.export(hostile_bank())
    path = tmp_path / "h.gift.txt"
    path.write_text(text, encoding="utf-8")
    parsed = gift_parse(path)
    assert parsed["count"] == 3 and [qid for qid, _ in report.left_out] == ["hostile-matching"]
    stem = parsed["first"]["stem"]["text"]
    assert html.unescape(stem) == f"{HOSTILE} which one?"
    choices = parsed["first"]["choices"]
    assert [html.unescape(c["text"]["text"]) for c in choices] == [f"{HOSTILE} key", f"{HOSTILE} other",
                                                                  f"{HOSTILE} third"]
    assert [c["isCorrect"] for c in choices] == [True, False, False]
    assert html.unescape(choices[0]["feedback"]["text"]) == f"{HOSTILE} right"


# --- Moodle XML ------------------------------------------------------------------------------------

def moodle_questions(path: Path) -> list:
    from moodle_xml_parser.parser import parse_file

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        parsed = parse_file(str(path))
    assert "Error" not in printed.getvalue(), printed.getvalue()
    return parsed["multichoice"]


def strip_p(text: str) -> str:
    return html.unescape(text.removeprefix("<p>").removesuffix("</p>"))


def test_moodle_xml_item_by_item(bank, out) -> None:
    path = out / "questions.moodle.xml"
    root = etree.parse(str(path)).getroot()
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert [q.findtext("name/text") for q in questions] == [
        i.id for topic in dict.fromkeys(i.topic for i in bank) for i in bank if i.topic == topic]
    by_id = {i.id: i for i in bank}
    choice = moodle_questions(path)
    assert len(choice) == sum(1 for i in bank if i.type in ("single", "multiple"))
    for q in choice:
        item = by_id[q.name]
        assert q.single == (item.type == "single")
        assert [strip_p(o.answer) for o in q.options] == [o.text for o in item.options]
        assert [o.score_fraction > 0 for o in q.options] == [o.correct for o in item.options]
        assert abs(sum(o.score_fraction for o in q.options if o.score_fraction > 0) - 100) < 0.01
        assert all(o.feedback for o in q.options) and q.general_feedback
    for q in (q for q in questions if q.get("type") == "matching"):
        item = by_id[q.findtext("name/text")]
        got = [(strip_p(s.findtext("text")), s.findtext("answer/text")) for s in q.findall("subquestion")]
        assert got == [tuple(p) for p in item.pairs] + [("", a) for a in item.extra]


def test_moodle_xml_keeps_hostile_text_intact(tmp_path) -> None:
    text, _ = moodle_xml.export(hostile_bank())
    path = tmp_path / "h.xml"
    path.write_text(text, encoding="utf-8")
    q = moodle_questions(path)[0]
    assert strip_p(q.text_pre_parse) == f"{HOSTILE} which one?"
    assert strip_p(q.options[0].feedback) == f"{HOSTILE} right"


# --- QTI for Canvas --------------------------------------------------------------------------------

def test_qti_package_passes_check_package(bank, out) -> None:
    from qti_package_maker.common.package_integrity import check_package

    path = out / "questions.canvas-qti.zip"
    assert check_package(str(path)) == []
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert "imsmanifest.xml" in names
        assert sum(n.endswith("/assessment_meta.xml") for n in names) == len(topics_in(bank))  # a quiz per skill
        items = [el for n in names if n.endswith(".xml") and "meta" not in n and n != "imsmanifest.xml"
                 for el in etree.fromstring(zf.read(n)).iter("{*}item")]
    assert sorted(el.get("ident") for el in items) == sorted(i.id for i in bank)


def test_qti_keeps_hostile_text_intact(tmp_path) -> None:
    from qti_package_maker.common.package_integrity import check_package

    data, _ = qti.export(hostile_bank())
    path = tmp_path / "h.zip"
    path.write_bytes(data)
    assert check_package(str(path)) == []
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("fentkb_evidence/fentkb_evidence.xml")
    stems = [html.unescape(el.text) for el in etree.fromstring(xml).iter("{*}mattext")]
    assert f"{HOSTILE} which one?" in stems


ENTITY = re.compile(r"&(#x?[0-9a-fA-F]+|[a-zA-Z]+);")


def canvas_matching(xml: bytes) -> dict[str, list[tuple[str | None, str]]]:
    """Each matching question's prompts and choices as Canvas shows them: the mattext text after one XML parse,
    with its texttype. Canvas unescapes HTML in a matching question's right answer but not in its choices."""
    found = {}
    for item in etree.fromstring(xml).iter("{*}item"):
        if not any(e.text == "matching_question" for e in item.iter("{*}fieldentry")):
            continue
        texts = [el for lid in item.iter("{*}response_lid") for el in lid.iter("{*}mattext")]
        found[item.get("ident")] = [(el.get("texttype"), el.text or "") for el in texts]
    return found


def test_canvas_shows_matching_prompts_and_choices_as_written(bank, out) -> None:
    with zipfile.ZipFile(out / "questions.canvas-qti.zip") as zf:
        xmls = [zf.read(n) for n in zf.namelist() if n.endswith(".xml") and "meta" not in n and "/" in n]
    found = {qid: texts for xml in xmls for qid, texts in canvas_matching(xml).items()}
    matching = [i for i in bank if i.type == "matching"]
    assert matching and sorted(found) == sorted(i.id for i in matching)
    for item in matching:
        choices = [a for _, a in item.pairs] + item.extra
        expected = [t for prompt, _ in item.pairs for t in (prompt, *choices)]  # each prompt, then its dropdown
        assert found[item.id] == [("text/plain", " ".join(t.split())) for t in expected], item.id
    assert not [t for texts in found.values() for _, t in texts if ENTITY.search(t)]


def test_canvas_matching_keeps_hostile_text_as_plain_text() -> None:
    data, _ = qti.export(hostile_bank())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        found = canvas_matching(zf.read("fentkb_evidence/fentkb_evidence.xml"))
    texts = [t for _, t in found["hostile-matching"]]
    assert f"{HOSTILE} 1" in texts and f"{HOSTILE} none" in texts  # '<script>', '&' and quotes as written
    assert not any(ENTITY.search(t) for t in texts)


# --- Anki ------------------------------------------------------------------------------------------

def import_apkg(paths: list[Path], tmp_path: Path):
    from anki.collection import Collection, ImportAnkiPackageRequest

    col = Collection(str(tmp_path / "collection.anki2"))
    for p in paths:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(p)))
    return col


def test_anki_deck_imports_and_reimport_does_not_duplicate(bank, out, tmp_path) -> None:
    again = tmp_path / "again.apkg"
    again.write_bytes(anki.export(bank)[0])  # a fresh build of the same bank
    col = import_apkg([out / "questions.apkg", again], tmp_path)
    try:
        assert col.note_count() == len(bank)
        notes = [col.get_note(n) for n in col.find_notes("")]
        assert sorted(n.fields[5] for n in notes) == sorted(i.id for i in bank)
        by_id = {i.id: i for i in bank}
        with_feedback = [n for n in notes if by_id[n.fields[5]].type == "single"]
        assert with_feedback and all("<li>" in n.fields[6] for n in with_feedback)  # why each option is right or wrong
    finally:
        col.close()


def test_anki_keeps_hostile_text_intact(tmp_path) -> None:
    path = tmp_path / "h.apkg"
    path.write_bytes(anki.export(hostile_bank())[0])
    col = import_apkg([path], tmp_path)
    try:
        stems = {html.unescape(col.get_note(n).fields[0]) for n in col.find_notes("")}
        assert f"{HOSTILE} which one?" in stems
    finally:
        col.close()


def deck_rows(apkg: bytes, tmp_path: Path) -> dict[str, tuple[int, str, int]]:
    """Each note of a deck by question id: its note id, guid and card id, read from the package's database."""
    db = tmp_path / "collection.anki2"
    with zipfile.ZipFile(io.BytesIO(apkg)) as zf:
        db.write_bytes(zf.read("collection.anki2"))
    with contextlib.closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT n.flds, n.id, n.guid, c.id FROM notes n JOIN cards c ON c.nid = n.id").fetchall()
    db.unlink()
    return {flds.split("\x1f")[5]: (nid, guid, cid) for flds, nid, guid, cid in rows}


def test_anki_deck_is_byte_identical_across_builds_with_stable_ids(bank, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = anki.export(bank)[0]
    later = time.time() + 86400 * 3  # the same bank built three days later
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda secs=None: _real_localtime(later if secs is None else secs))
    assert anki.export(bank)[0] == first
    # a new question at the front of the bank moves no other note's id, guid or card id
    extra = dataclasses.replace(bank[0], id="zz-new-question")
    before, after = deck_rows(first, tmp_path), deck_rows(anki.export([extra, *bank])[0], tmp_path)
    assert len(before) == len(bank) and all(after[qid] == ids for qid, ids in before.items())


def test_anki_reimport_of_a_newer_changed_deck_updates_the_note(bank, tmp_path, monkeypatch) -> None:
    """What the hosting guide promises: a newer build updates the notes already imported, without copies."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1750000000")
    old = tmp_path / "old.apkg"
    old.write_bytes(anki.export(bank)[0])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760000000")  # a later commit, with one explanation reworded
    new = tmp_path / "new.apkg"
    new.write_bytes(anki.export([dataclasses.replace(bank[0], explanation="Reworded."), *bank[1:]])[0])
    col = import_apkg([old, new], tmp_path)
    try:
        assert col.note_count() == len(bank)
        notes = [col.get_note(n) for n in col.find_notes("")]
        assert [n.fields[3] for n in notes if n.fields[5] == bank[0].id] == ["Reworded."]
    finally:
        col.close()


# --- CSV and JSON ----------------------------------------------------------------------------------

def test_csv_has_a_row_per_question_and_defuses_formulas(bank, out, tmp_path) -> None:
    rows = list(csv.DictReader((out / "questions.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows] == [i.id for i in bank]
    assert all(r["feedback"] for r in rows if r["type"] == "single")
    text, _ = csv_export.export(hostile_bank())
    hostile = list(csv.DictReader(io.StringIO(text)))
    assert hostile[0]["stem"] == f"{HOSTILE} which one?"
    assert csv_export.safe("=SUM(A1)") == "'=SUM(A1)" and csv_export.safe("-1") == "'-1"


def test_json_bank_round_trips(bank, out) -> None:
    data = json.loads((out / "questions.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in data["questions"]] == [i.id for i in bank]


def test_every_export_is_published_by_the_build(site) -> None:
    for name in ("questions.gift.txt", "questions.moodle.xml", "questions.canvas-qti.zip", "questions.apkg",
                 "questions.csv", "questions.json"):
        assert (site / "downloads" / name).stat().st_size > 1000, name
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    gift = [line for line in page.splitlines() if "left out (" in line]
    assert len(gift) == 1 and "GIFT" in gift[0] and "Moodle XML" in gift[0]  # only GIFT, pointing at the XML file
