"""Class mode: a quiz page opened with ?present, driven from the keyboard in real Chromium as an instructor
at a projector would: one question at a time, the answer on a key press, a typed show of hands, a summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import axe_violations, chromium, require_axe, serve

QUIZ = "quiz/comparison/"
DIALOG = "dialog.fk-present[open]"


@pytest.fixture(scope="module")
def browser_base(site: Path) -> Iterator[tuple[object, str]]:
    with serve(site) as base, chromium() as browser:
        yield browser, base


def present(browser, base: str, scheme: str = "light"):
    """A quiz page opened in class mode, as the link at its top opens it."""
    page = browser.new_page(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page.goto(base + QUIZ)
    page.click(".fk-present-link a")
    page.wait_for_selector(DIALOG)
    return page


def visible_text(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.filter(e => e.offsetParent !== null)"
                                               ".map(e => e.textContent.trim())")


def keyed(page, n: int) -> list[int]:
    """Indexes of the keyed options of the page's question n (0-based), from the quiz's own markup."""
    return page.evaluate("(n) => [...document.querySelectorAll('.fk-q')[n].querySelectorAll('input')]"
                         ".flatMap((i, k) => i.hasAttribute('data-k') ? [k] : [])", n)


def test_link_shows_on_quiz_pages_and_the_script_loads_only_in_class_mode(browser_base) -> None:
    browser, base = browser_base
    page = browser.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(base + QUIZ)
    assert page.locator(".fk-present-link").is_visible()
    page.goto(base)
    assert page.locator(".fk-present-link").count() == 0
    assert not [u for u in fetched if "present." in u]  # neither the quiz page nor the home page fetch it
    page.goto(base + QUIZ + "?present")
    page.wait_for_selector(DIALOG)
    assert [u for u in fetched if u.endswith("present.js")] and [u for u in fetched if u.endswith("present.css")]
    page.close()


def test_one_question_at_a_time_answer_only_on_a_key_press(browser_base) -> None:
    browser, base = browser_base
    page = present(browser, base)
    total = page.locator(".fk-q").count()
    assert page.locator(".fk-present-count").text_content() == f"Question 1 of {total}"
    first_stem = page.locator(".fk-q legend").first.evaluate(
        "l => { const c = l.cloneNode(true); c.querySelector('.fk-qn').remove(); return c.textContent.trim(); }")
    assert page.locator(".fk-present-stem").text_content() == first_stem
    assert visible_text(page, ".fk-present-mark") == [] and visible_text(page, ".fk-present-expl") == []
    assert page.locator(".fk-present-stem").evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 28

    page.keyboard.press("Space")
    assert visible_text(page, ".fk-present-mark") == ["✓ Answer"]
    rows = page.locator(".fk-present-opt")
    marked = [i for i in range(rows.count()) if rows.nth(i).locator(".fk-present-mark").count()]
    assert marked == keyed(page, 0)
    explanation = page.locator(".fk-q .fk-expl").first.text_content().strip()
    assert visible_text(page, ".fk-present-expl")[0].endswith(explanation)

    page.keyboard.press("n")  # Material binds N to 'next page' too: the view must keep it
    assert page.url.endswith(QUIZ + "?present")
    assert page.locator(".fk-present-count").text_content() == f"Question 2 of {total}"
    assert visible_text(page, ".fk-present-expl") == []  # the next question starts hidden again
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("p")
    assert page.locator(".fk-present-count").text_content() == f"Question 1 of {total}"
    page.close()


def test_typed_show_of_hands_reaches_the_summary_and_survives_a_reload(browser_base) -> None:
    browser, base = browser_base
    page = present(browser, base)
    key = keyed(page, 0)[0]
    page.keyboard.press("ArrowDown")  # into the first option's box
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Hands raised for option A"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus visible
    page.keyboard.type("12")
    page.keyboard.press("ArrowDown")
    page.keyboard.type("3x")  # a stray letter is not a count
    assert page.locator(".fk-present-tally input").nth(1).input_value() == "3"
    page.keyboard.press("Space")  # Space in a box shows the answer rather than typing a space
    assert visible_text(page, ".fk-present-mark") == ["✓ Answer"]

    page.keyboard.press("n")
    page.keyboard.press("7")  # a digit with the focus elsewhere goes to the first option's box
    assert page.locator(".fk-present-tally input").first.input_value() == "7"

    page.reload()
    page.wait_for_selector(DIALOG)
    assert page.locator(".fk-present-tally input").first.input_value() == "12"

    page.keyboard.press("End")
    assert page.locator(".fk-present-count").text_content() == "Summary"
    on = {0: 12, 1: 3}.get(key, 0)
    first = page.locator(".fk-present-summary tbody tr").first.locator("td")
    assert [first.nth(i).text_content() for i in range(3)] == [str(on), "15", f"{round(100 * on / 15)}%"]
    if on * 2 < 15:
        assert "1. " in page.locator(".fk-present-again").text_content()
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.fk-present", state="detached")  # gone once the view has been left
    assert page.evaluate("location.search") == ""
    assert page.evaluate("document.activeElement.closest('.fk-present-link') !== null")
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_class_mode_passes_axe(browser_base, scheme: str) -> None:
    require_axe()
    browser, base = browser_base
    page = present(browser, base, scheme)
    found = []
    matching = page.evaluate("[...document.querySelectorAll('.fk-q')].findIndex(q => q.dataset.type === 'matching')")
    for step in ("question", "answer", "matching", "summary"):
        if step == "answer":
            page.keyboard.press("Space")
        if step == "matching" and matching > 0:
            for _ in range(matching):
                page.keyboard.press("n")
            page.keyboard.press("Space")
        if step == "summary":
            page.keyboard.press("ArrowDown")
            page.keyboard.type("4")
            page.keyboard.press("End")
        found += [f"{step}: {v}" for v in axe_violations(page, "document.querySelector('dialog.fk-present')")]
    assert found == []
    page.close()
