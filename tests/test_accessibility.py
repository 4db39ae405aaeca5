"""WCAG 2.1 AA: axe-core (npm) with its default rules (WCAG A and AA and best practice) injected into real
Chromium on every built page, light and dark, and a keyboard-only walk from the home page to a finished quiz."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import answer_by_keyboard, axe_violations, chromium, require_axe, serve

PAGE_TYPES = {
    "home": "", "paper": "papers/no-tempest/", "papers overview": "papers/", "matrix": "compare/",
    "agree and differ": "compare/agree-differ/", "debate map": "compare/debate-map/", "ledger": "evidence/",
    "sources": "sources/", "claim tree": "claims/opioid-challenge/", "quiz": "quiz/comparison/",
    "practice": "quiz/practice/", "form": "quiz/form-a/", "answer key": "quiz/form-a-key/", "glossary": "glossary/",
    "timeline": "timeline/", "guide": "guide/", "role cards": "guide/controversy/", "downloads": "downloads/",
    "schema": "reference/schema/",
}


@pytest.fixture(scope="module")
def browser_base(site: Path) -> Iterator[tuple[object, str]]:
    require_axe()
    with serve(site) as base, chromium() as browser:
        yield browser, base


def every_page(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(site: Path, browser_base, scheme: str) -> None:
    browser, base = browser_base
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = []
    pages = every_page(site)
    assert set(PAGE_TYPES.values()) <= set(pages)  # every kind of page is among them
    for path in pages:
        page.goto(base + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        if path == PAGE_TYPES["practice"]:
            page.wait_for_selector(".fk-q")  # the practice set is rendered by the widget
        found += [f"{path or 'home'} ({scheme}): {v}" for v in axe_violations(page)]
    context.close()
    assert found == []


def test_keyboard_only_from_home_page_to_a_finished_quiz(browser_base) -> None:
    browser, base = browser_base
    page = browser.new_page()
    page.goto(base)

    def tab_to(selector: str) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("a.md-tabs__link[href$='quiz/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/quiz/")
    tab_to("article a[href$='military-options/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/quiz/military-options/")
    page.wait_for_selector(".fk-bar:not([hidden])")
    total = page.locator(".fk-q").count()
    for n in range(total):
        answer_by_keyboard(page, n, right=True)
    assert page.locator(".fk-score").text_content() == f"Answered {total} of {total}, {total} correct."
    # focus stays visible: the focused control has an outline
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
