"""The quiz widget in real Chromium: keyboard only, feedback, score, saved progress, bad storage, practice."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from browser import answer_by_keyboard, chromium, free_port, quiz_ready, serve
from conftest import PAPERS_DIR, ROOT

QUIZ = "quiz/military-options/"
STORES = ["fk-quiz-v1", "fk-quiz-v2"]  # the old key is migrated, the current one read; both checked as foreign


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str]]:
    """The site built for the port it is served on, so Material's instant navigation is active."""
    port = free_port()
    out = tmp_path_factory.mktemp("quizsite")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAPERS_DIR": str(PAPERS_DIR),
           "SITE_URL": f"http://127.0.0.1:{port}/"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    with serve(out, port) as base, chromium() as browser:
        yield browser, base


@pytest.fixture
def page(served):
    browser, base = served
    context = browser.new_context()
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.base = base  # type: ignore[attr-defined]
    yield pg
    context.close()


def ready(pg, path: str = QUIZ) -> None:
    pg.goto(pg.base + path)
    quiz_ready(pg)


def score(pg) -> str:
    return pg.locator(".fk-score").text_content()


def test_whole_quiz_by_keyboard_with_feedback_and_score(page) -> None:
    ready(page)
    total = page.locator(".fk-q").count()
    assert total >= 10
    answer_by_keyboard(page, 0, right=True)
    first = page.locator(".fk-q").nth(0)
    assert first.locator(".fk-result").text_content().startswith("Correct.")
    answer_by_keyboard(page, 1, right=False)
    second = page.locator(".fk-q").nth(1)
    explanation = second.locator(".fk-expl").text_content()
    # the keyboard helper presses the first check button, "Check: I'm sure": a confident wrong answer is flagged
    verdict = "Not quite, and you were sure: review this one first."
    assert second.locator(".fk-result").text_content() == f"{verdict} {explanation}"
    assert second.locator(".fk-answer").get_attribute("open") is not None
    assert second.locator(".fk-answer .fk-src a").is_visible()
    for n in range(2, total):
        answer_by_keyboard(page, n, right=True)
    assert score(page) == f"Answered {total} of {total}, {total - 1} correct."
    assert page.errors == []


def test_progress_survives_a_reload(page) -> None:
    ready(page)
    answer_by_keyboard(page, 0, right=True)
    answer_by_keyboard(page, 2, right=False)
    chosen = page.locator(".fk-q").nth(0).locator("input:checked").get_attribute("value")
    page.reload()
    page.wait_for_selector(".fk-bar:not([hidden])")
    assert score(page).startswith("Answered 2 of") and score(page).endswith(", 1 correct.")
    assert page.locator(".fk-q").nth(0).locator("input:checked").get_attribute("value") == chosen
    assert page.locator(".fk-q").nth(2).get_attribute("class").split().count("fk-bad") == 1
    assert page.errors == []


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("stored", ["{not json", "[1, 2, 3]", '{"attribution-x": 5}', '"a string"', "null"])
def test_corrupt_or_foreign_storage_resets_cleanly(page, store: str, stored: str) -> None:
    ready(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [store, stored])
    page.reload()
    page.wait_for_selector(".fk-bar:not([hidden])")
    assert score(page).startswith("Answered 0 of")
    answer_by_keyboard(page, 0, right=True)
    assert score(page).startswith("Answered 1 of")
    assert page.errors == []


def test_review_my_mistakes_shows_only_wrong_answers(page) -> None:
    ready(page)
    answer_by_keyboard(page, 0, right=True)
    answer_by_keyboard(page, 1, right=False)
    page.click(".fk-mistakes")
    visible = page.locator(".fk-q:visible")
    assert visible.count() == 1
    assert visible.first.get_attribute("data-qid") == page.locator(".fk-q").nth(1).get_attribute("data-qid")
    assert page.get_attribute(".fk-mistakes", "aria-pressed") == "true"


def test_practice_draws_a_new_set_each_attempt(page) -> None:
    ready(page, "quiz/practice/")
    first = page.eval_on_selector_all(".fk-q:not([hidden])", "qs => qs.map(q => q.dataset.qid)")
    assert len(first) == 10
    page.click(".fk-draw")
    quiz_ready(page)
    second = page.eval_on_selector_all(".fk-q:not([hidden])", "qs => qs.map(q => q.dataset.qid)")
    assert len(second) == 10 and second != first
    assert page.locator(".fk-q:not([hidden]) .fk-num").first.text_content() == "1"


def test_widget_works_after_instant_navigation(page) -> None:
    page.goto(page.base)
    page.evaluate("window.__sameDocument = true")
    page.click("a.md-tabs__link:has-text('Quizzes')")
    page.wait_for_url("**/quiz/")
    page.click("article a:has-text('Military Options')")
    page.wait_for_selector(".fk-bar:not([hidden])")
    assert page.evaluate("window.__sameDocument") is True  # no full reload happened
    answer_by_keyboard(page, 0, right=True)
    assert score(page).startswith("Answered 1 of")
    assert page.errors == []


def test_style_sheets_are_not_reapplied_when_material_starts(page) -> None:
    """Instant navigation makes relative addresses absolute at start-up; on a style sheet's link that would
    restyle the whole page a second time, which a phone pays for on every first visit. The head's links are made
    absolute while the head is parsed (scripts/theme/main.html), so once the body exists none of them changes."""
    page.add_init_script("""
        window.__linkChanges = [];
        new MutationObserver(records => {
          for (const r of records) if (document.body) window.__linkChanges.push(r.target.getAttribute("href"));
        }).observe(document, {subtree: true, attributeFilter: ["href"]});
    """)
    page.goto(page.base + "papers/no-tempest/")
    page.wait_for_selector(".md-search__inner")
    sheets = page.eval_on_selector_all("head link[rel=stylesheet]", "ls => ls.map(l => l.getAttribute('href'))")
    assert len(sheets) >= 3 and all(href.startswith(page.base) for href in sheets)
    changed = page.evaluate("window.__linkChanges")
    assert not [href for href in changed if href in sheets], changed
    page.click("a.md-tabs__link:has-text('Quizzes')")  # instant navigation still keeps the same sheets
    page.wait_for_url("**/quiz/")
    assert page.eval_on_selector_all("head link[rel=stylesheet]", "ls => ls.map(l => l.href)") == sheets


def test_quiz_script_loads_only_on_quiz_pages(served) -> None:
    browser, base = served
    pg = browser.new_page()
    fetched: list[str] = []
    pg.on("request", lambda r: fetched.append(r.url))
    pg.goto(base + "papers/no-tempest/", wait_until="networkidle")
    assert not [u for u in fetched if u.endswith("quiz.js")]
    pg.goto(base + QUIZ, wait_until="networkidle")
    assert [u for u in fetched if u.endswith("quiz.js")]


def test_without_javascript_every_answer_is_readable(served) -> None:
    browser, base = served
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base + QUIZ)
    questions = pg.locator(".fk-q")
    assert questions.count() == pg.locator(".fk-q details.fk-answer").count() > 0
    assert not pg.locator(".fk-bar").is_visible()
    pg.locator(".fk-q").first.locator("summary").click()
    assert pg.locator(".fk-q").first.locator(".fk-key").is_visible()
    context.close()
