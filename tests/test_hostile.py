"""Hostile text in every free-text field of the knowledge base: pages, widget and exports keep it as text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from browser import chromium, serve
from conftest import PAPERS_DIR, copy_project, mkdocs_build
from fentkb import generate
from fentkb.export.bundle import all_exports

# One "word" with no quotation marks, joined to the text it poisons: the item linter counts words and checks
# quotations, and this keeps every question within its limits while the markup still tries every way out.
PAYLOAD = "<script>alert(1)</script><img/src=x/onerror=alert(2)>*bold*[link](javascript:alert(3))&|`x`"
# Free text only: ids, locators, figures (checked verbatim against the papers) and enum values stay valid.
FREE_TEXT = {"title", "short", "venue", "text", "summary", "reason", "cite", "measures", "note", "label", "question",
             "event", "definition", "stem", "explanation", "feedback", "context", "audience", "source", "unit",
             "why", "signature", "about", "situation", "answer", "fact", "how"}


LISTS_OF_TEXT = {"explanations", "discussion", "authors"}


def poison(value, key: str | None = None):
    """Append the payload to every free-text value, wherever it stands in the YAML."""
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [PAYLOAD + v if key in LISTS_OF_TEXT and isinstance(v, str) else poison(v) for v in value]
    if isinstance(value, str) and key in FREE_TEXT and value not in ("True", "False"):
        return PAYLOAD + value  # in front, so a question still ends with its question mark
    return value


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    for path in (project / "quizzes").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poison(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def hostile_site(hostile_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("hostile-site")
    result = mkdocs_build(hostile_project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_payload_reaches_the_pages_only_as_text(hostile_site: Path) -> None:
    pages = list(hostile_site.rglob("*.html"))
    shown = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert "<img/src=x/onerror" not in html, page
        assert 'href="javascript:' not in html, page
        shown += html.count("&lt;script&gt;alert(")
    assert shown > 500  # the text is there, escaped, on many pages


def test_no_script_runs_in_the_browser(hostile_site: Path) -> None:
    with serve(hostile_site) as base, chromium() as browser:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("papers/no-tempest/", "compare/", "evidence/", "claims/opioid-challenge/", "glossary/",
                     "quiz/comparison/", "quiz/form-a/"):
            page.goto(base + path, wait_until="networkidle")
        page.goto(base + "quiz/evidence/")
        page.wait_for_selector(".fk-bar:not([hidden])")
        q = page.locator(".fk-q[data-type='single']").first
        q.locator("input:not([data-k])").first.check()
        q.locator(".fk-check").click()
        assert "<script>" in q.locator(".fk-result").text_content()  # shown as text by the widget
        assert dialogs == []


def test_exports_carry_the_payload_as_text(hostile_project: Path) -> None:
    bank = generate.bank(generate.load(hostile_project / "quizzes", PAPERS_DIR))
    files, _ = all_exports(bank)
    assert "<script>alert(1)" not in files["questions.moodle.xml"].split("CDATA")[0]
    assert "&lt;script&gt;" in files["questions.moodle.xml"]
    assert "<script>alert(1)</script>" in files["questions.json"]  # JSON text, for a consumer to escape
