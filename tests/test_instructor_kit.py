"""The instructor kit: the offline zip opened from disk, printable forms, the teaching guide's place."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from browser import chromium
from conftest import ROOT
from fentkb.quiz.forms import make_form
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
        assert errors == []
        assert foreign == []


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
def test_forms_print_cleanly(site: Path, fmt: str) -> None:
    from browser import serve

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
