"""The instructor kit: the offline zip opened from disk, printable forms, the teaching guide's place."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from browser import chromium, serve
from conftest import ROOT
from fentkb.quiz.forms import make_form
from fentkb.quiz.item import Item, Option
from fentkb.render.forms import key_line
from fentkb.render.text import h


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make zip`, unzipped where a student would: the site opened from disk."""
    result = subprocess.run(["make", "--no-print-directory", "zip"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(ROOT / "dist" / "fentanyl-module-offline.zip") as zf:
        zf.extractall(folder)
    return folder / "fentanyl-module"


def test_offline_copy_works_from_disk(offline: Path) -> None:
    with chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        foreign: list[str] = []
        page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto((offline / "index.html").as_uri())
        page.click("a.md-tabs__link:has-text('Quizzes')")
        page.click("article a:has-text('Comparing the papers')")
        assert page.url.startswith("file://") and page.url.endswith("quiz/comparison.html")
        page.wait_for_selector(".fk-bar:not([hidden])")
        question = page.locator(".fk-q[data-type='single']").first
        question.locator("input[data-k]").check()
        question.locator(".fk-check").click()
        assert question.locator(".fk-result").text_content().startswith("Correct.")
        question.locator(".fk-src a").click()  # the link to the module page works from disk too
        assert page.url.startswith("file://") and ".html" in page.url
        page.goto((offline / "index.html").as_uri())
        page.keyboard.press("/")  # Material's search shortcut
        page.keyboard.type("Merida")
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        assert page.locator(".md-search-result__item").count() > 0
        # practice loads its questions one script each, which must work from disk too, links included
        page.goto((offline / "quiz" / "practice.html").as_uri())
        page.wait_for_selector(".fk-list .fk-q")
        assert page.locator(".fk-list .fk-q").count() == 10
        href = str(page.locator(".fk-list .fk-src a").first.get_attribute("href"))
        assert href.startswith("file://") and ".html" in href
        page.goto(href)
        assert page.locator("article h1").count() == 1  # the module page the question draws on
        assert errors == []
        assert foreign == []


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
def test_forms_print_cleanly(site: Path, fmt: str) -> None:
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        for name in ("form-a", "form-a-key", "form-b", "form-b-key"):
            page.goto(f"{base}quiz/{name}/")
            page.emulate_media(media="print")
            assert not page.locator(".md-header").is_visible()
            assert not page.locator(".md-sidebar--primary").is_visible()
            pages = pdf_pages(page.pdf(format=fmt, print_background=False))
            # 20 questions fit on a few sheets; a broken print style (navigation, sidebars) would double it
            assert 1 <= pages <= (6 if "key" not in name else 4), f"{name} {fmt}: {pages} pages"


def test_form_pages_hold_the_seeded_forms(site: Path) -> None:
    from fentkb import generate
    from fentkb.render.forms import FORM_SIZE, FORMS

    bank = generate.bank(generate.load(ROOT / "quizzes", ROOT.parent / "shared" / "papers"))
    html = (site / "quiz" / "form-a" / "index.html").read_text(encoding="utf-8")
    stems = [i.stem for i in make_form(bank, FORMS["a"], FORM_SIZE)]
    positions = [html.find(h(s)) for s in stems]
    assert all(p > 0 for p in positions) and positions == sorted(positions)
    assert "data-k" not in html  # the form itself gives no answers away


def test_guide_is_linked_from_the_home_page(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="guide/"' in home


# --- Printing: what a PDF holds. No PDF text extractor is installed (no pypdf, pdfminer or pdftotext), so page
# breaks are read from the PDF's outline (each heading's page and height) and link annotations, and text is read
# from the page as Chromium lays it out for print.

A4_HEIGHT = 842  # points
TOP = 60  # a heading this close to the top of a sheet starts it (the page margin is 15 mm, 43 points)


def pdf_headings(pdf: bytes) -> dict[str, tuple[int, float]]:
    """Each heading of a PDF printed with an outline: its page (0-based) and its height from the page's foot."""
    nodes = {int(n): body for n, body in re.findall(rb"(\d+) 0 obj\s*<<\s*/Type /Pages(.*?)>>", pdf, re.S)}

    def pages_under(num: int) -> list[int]:
        if num not in nodes:
            return [num]
        kids = re.search(rb"/Kids \[([^\]]*)\]", nodes[num])
        return [p for k in re.findall(rb"(\d+) 0 R", kids.group(1) if kids else b"") for p in pages_under(int(k))]

    root = next(n for n, body in nodes.items() if b"/Parent" not in body)
    order = pages_under(root)
    found = {}
    for title, page, y in re.findall(rb"/Title \(((?:[^()\\]|\\.)*)\)\s*/Dest \[(\d+) 0 R /XYZ [\d.]+ ([\d.]+)", pdf):
        found[re.sub(rb"\\(.)", rb"\1", title).decode("latin-1")] = (order.index(int(page)), float(y))
    return found


def test_each_role_card_prints_on_pages_of_its_own(site: Path) -> None:
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}guide/controversy/")
        heads = pdf_headings(page.pdf(format="A4", outline=True, tagged=True))  # Chromium's outline needs tags
    cards = sorted(t for t in heads if t.startswith("Role card "))
    assert len(cards) == 4, heads
    after = [*cards, "After the controversy"]  # the heading after the last card starts a sheet too
    assert [t for t in after if heads[t][1] < A4_HEIGHT - TOP] == []  # every one at the top of a sheet
    sheets = [heads[t][0] for t in after]
    assert sheets == sorted(set(sheets)) and heads["Role cards"][0] < sheets[0]


@pytest.mark.parametrize("letter", ["a", "b"])
def test_student_form_prints_a_header_and_no_instructor_notes(site: Path, letter: str) -> None:
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}quiz/form-{letter}/")
        assert page.locator(f".fk-screen-only a[href*='form-{letter}-key']").is_visible()  # on screen, for you
        pdf = page.pdf(format="Letter")
        page.emulate_media(media="print")
        printed = page.evaluate("document.querySelector('article').innerText")
        first_stem = page.locator(".fk-form-stem").first.inner_text()
    assert f"form-{letter}-key".encode() not in pdf  # the note's link to the key would be a link in the PDF
    for note in ("python -m fentkb", "seed", "answer key", "Print this page", "instructor"):
        assert note.lower() not in printed.lower(), note
    for field in ("Name:", "Class:", "Date:", "Score:"):
        assert printed.index(field) < printed.index(first_stem), field


def test_answer_keys_are_for_instructors_and_out_of_search(site: Path) -> None:
    search = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in search["docs"]]
    assert locations and not [loc for loc in locations if loc.startswith("quiz/form-")]
    for letter in "ab":
        doc = lxml_html.fromstring((site / "quiz" / f"form-{letter}-key" / "index.html").read_bytes())
        assert doc.findtext(".//h1").strip() == f"Answer key, Form {letter.upper()} (for instructors)"
        form = lxml_html.fromstring((site / "quiz" / f"form-{letter}" / "index.html").read_bytes())
        nav = form.xpath(f"//nav//a[contains(@class, 'md-nav__link')][@href='../form-{letter}-key/']")
        assert nav and all("(for instructors)" in a.text_content() for a in nav)  # how the navigation names it


def test_key_lists_each_locator_once() -> None:
    item = Item(id="q", type="single", stem="Which?", explanation="Because.", topic="evidence", bloom="remember",
                template="test", sources=[], page="papers/no-tempest.md",
                at=["no-tempest ¶4", "military-options ¶29", "no-tempest ¶4", "military-options ¶29"],
                options=[Option(text="Yes", correct=True, feedback="Right."), Option(text="No", correct=False,
                                                                                    feedback="Wrong.")])
    assert "(no-tempest ¶4, military-options ¶29)" in key_line(item)


# --- The Downloads page and the hosting guide: one order, the file to use, the steps to import it.

OWN_FILES = ["questions.moodle.xml", "questions.gift.txt", "questions.canvas-qti.zip", "questions.apkg",
             "questions.csv", "questions.json"]


def test_downloads_table_is_whole_and_names_the_file_to_use(site: Path) -> None:
    doc = lxml_html.fromstring((site / "downloads" / "index.html").read_bytes())
    rows = doc.xpath("//article//table[1]//tbody/tr")
    assert rows and all(len(r.findall("td")) == 3 for r in rows)  # a stray '|' would add a cell
    by_file = {r.find("td").text_content().split()[0]: r.findall("td")[2] for r in rows}
    assert "separated by a vertical bar (|)" in by_file["questions.csv"].text_content()
    for file, lms in (("questions.moodle.xml", "moodle"), ("questions.canvas-qti.zip", "canvas")):
        cell = by_file[file]
        assert "use this one" in cell.text_content()
        assert [a.get("href") for a in cell.iter("a")] == [f"../guide/hosting/#{lms}"]
    assert "use this one" not in by_file["questions.gift.txt"].text_content()
    hosting = lxml_html.fromstring((site / "guide" / "hosting" / "index.html").read_bytes())
    assert hosting.get_element_by_id("moodle") is not None and hosting.get_element_by_id("canvas") is not None
    # the table and the guide take the files in one order: the order an instructor uses them
    table_order = [f for f in by_file if f in OWN_FILES]
    text = hosting.find(".//article").text_content()
    assert table_order == OWN_FILES == sorted(OWN_FILES, key=text.index)
