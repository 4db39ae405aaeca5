"""Pages that use the screen, and the path through the module, in real Chromium: the ledger's filters (and the
whole ledger without JavaScript), table headers that stay in view on a laptop, the debate map's stance grid,
replies under objections, 'Start here', 'Test yourself' and 'Read first'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import chromium, serve
from conftest import PAPERS_DIR, ROOT
from fentkb import generate
from fentkb.model import KnowledgeBase
from fentkb.render.compare import STANCE_LABEL

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return generate.load(ROOT / "quizzes", PAPERS_DIR)


@pytest.fixture(scope="module")
def browser_and_base(site: Path) -> Iterator[tuple[object, str]]:
    with serve(site) as base, chromium() as browser:
        yield browser, base


def visible_rows(page) -> list[list[str]]:
    """The cells of every ledger row a reader can see."""
    return page.evaluate("""() => [...document.querySelectorAll('.fk-ledger tbody tr')]
        .filter(r => r.offsetParent !== null).map(r => [...r.cells].map(c => c.textContent.trim()))""")


def test_ledger_filters_by_paper_and_topic_with_a_live_count(browser_and_base, kb: KnowledgeBase) -> None:
    browser, base = browser_and_base
    page = browser.new_page(viewport=LAPTOP)
    page.goto(base + "evidence/")
    count = page.locator(".fk-filter-count")
    assert page.get_by_label("Paper", exact=True).is_visible() and page.get_by_label("Topic", exact=True).is_visible()
    assert count.get_attribute("aria-live") == "polite"
    assert len(visible_rows(page)) == len(kb.evidence)

    paper = kb.papers[-1]
    page.get_by_label("Paper", exact=True).select_option(paper.id)
    rows = visible_rows(page)
    assert len(rows) == sum(1 for e in kb.evidence if e.paper == paper.id)
    assert {r[2] for r in rows} == {paper.short}  # the Paper column
    assert count.text_content() == f"Showing {len(rows)} of {len(kb.evidence)} figures."

    topic = next(e.topic for e in kb.evidence if e.paper == paper.id)
    page.get_by_label("Topic", exact=True).select_option(topic)
    rows = visible_rows(page)
    assert len(rows) == sum(1 for e in kb.evidence if e.paper == paper.id and e.topic == topic)
    # only that topic's heading is left among the topics
    shown = page.evaluate("() => [...document.querySelectorAll('.fk-ledger')].filter(g => g.offsetParent !== null)"
                          ".map(g => g.dataset.topic)")
    assert shown == [topic]
    assert page.locator(f"h2#{topic}").is_visible()

    page.get_by_label("Paper", exact=True).select_option("")
    page.get_by_label("Topic", exact=True).select_option("")
    assert len(visible_rows(page)) == len(kb.evidence)
    assert count.text_content() == f"Showing all {len(kb.evidence)} figures."


def test_ledger_without_javascript_shows_every_row_and_no_dead_control(browser_and_base, kb: KnowledgeBase) -> None:
    browser, base = browser_and_base
    context = browser.new_context(java_script_enabled=False, viewport=LAPTOP)
    page = context.new_page()
    page.goto(base + "evidence/")
    assert len(visible_rows(page)) == len(kb.evidence)
    assert not page.locator(".fk-filter").is_visible()
    context.close()


def test_ledger_filter_works_after_instant_navigation_and_on_a_phone(browser_and_base, kb: KnowledgeBase) -> None:
    """Material swaps pages in place: the filter must start on a ledger reached by a link, not only on a reload;
    on a phone the rows stay cards and nothing scrolls sideways."""
    browser, base = browser_and_base
    page = browser.new_page(viewport=PHONE)
    page.goto(base)
    page.locator("article a[href$='evidence/']").first.click()
    page.wait_for_url("**/evidence/")
    paper = kb.papers[0]
    page.get_by_label("Paper", exact=True).select_option(paper.id)
    rows = visible_rows(page)
    assert rows and len(rows) == sum(1 for e in kb.evidence if e.paper == paper.id)
    assert page.evaluate("getComputedStyle(document.querySelector('.fk-ledger tbody tr')).display") == "block"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


# The tallest of a page's big tables.
BIGGEST = "() => [...document.querySelectorAll('.fk-wide table')].sort((a, b) => b.offsetHeight - a.offsetHeight)[0]"


@pytest.mark.parametrize("path", ["evidence/", "compare/"])
def test_big_table_keeps_its_header_in_view_on_a_laptop(browser_and_base, path: str) -> None:
    browser, base = browser_and_base
    page = browser.new_page(viewport=LAPTOP)
    page.goto(base + path)
    table = page.evaluate_handle(BIGGEST)
    # the page gives the table the width the empty table of contents took
    width = table.evaluate("t => t.getBoundingClientRect().width")
    assert width >= 0.7 * LAPTOP["width"], width
    table.evaluate("t => window.scrollTo(0, window.scrollY + t.getBoundingClientRect().top + t.offsetHeight / 2)")
    seen = table.evaluate("""t => {
        const th = t.querySelector('thead th').getBoundingClientRect();
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const hit = document.elementFromPoint(th.left + 4, th.top + th.height / 2);
        return {top: th.top, header: header, scrolled: window.scrollY, onTop: hit !== null && hit.closest('thead') !== null};
    }""")
    assert seen["scrolled"] > 500, seen  # the test really scrolled into the table
    assert abs(seen["top"] - seen["header"]) <= 2, seen  # right under Material's header, not scrolled away
    assert seen["onTop"], "the header row is covered by the rows scrolling under it"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_pages_without_a_big_table_keep_their_layout(browser_and_base) -> None:
    browser, base = browser_and_base
    page = browser.new_page(viewport=LAPTOP)
    page.goto(base + "papers/no-tempest/")
    assert page.locator(".md-sidebar--secondary").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset table')).position") == "static"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset th')).position") == "static"


def test_debate_map_opens_with_the_stance_grid(browser_and_base, kb: KnowledgeBase) -> None:
    browser, base = browser_and_base
    page = browser.new_page(viewport=LAPTOP)
    page.goto(base + "compare/debate-map/")
    grid = page.locator(".fk-grid table")
    assert page.locator("article h2").first.text_content().startswith("Stances at a glance")
    head = grid.locator("thead th").all_text_contents()
    assert head == ["Option", *(p.short for p in kb.papers)]
    rows = grid.locator("tbody tr")
    assert rows.count() == len(kb.options)
    for i, option in enumerate(kb.options):
        cells = [c.strip() for c in rows.nth(i).locator("td").all_inner_texts()]  # as shown, not the phone's labels
        stance = {pos.paper: pos.stance for pos in option.positions}
        assert cells == [option.label, *(STANCE_LABEL[stance[p.id]] for p in kb.papers)]
    # each option leads to its section
    rows.first.locator("a").click()
    assert page.evaluate("location.hash") == f"#{kb.options[0].id}"
    # on a phone the header row is gone, so each cell names its paper itself
    phone = browser.new_page(viewport=PHONE)
    phone.goto(base + "compare/debate-map/")
    assert not phone.locator(".fk-grid thead").is_visible()
    cell = phone.locator(".fk-grid tbody tr").first.locator("td").nth(1).inner_text()
    assert cell.startswith(f"{kb.papers[0].short}:"), cell


def test_claim_trees_give_the_papers_reply_under_each_objection_it_answers(site: Path, kb: KnowledgeBase) -> None:
    for p in kb.papers:
        html = (site / "claims" / p.id / "index.html").read_text(encoding="utf-8")
        own = {c.id for c in kb.claims if c.paper == p.id}
        answered = [c for c in kb.counterarguments if c.claim in own and c.response]
        # the reply is a list nested under its objection's item
        assert len(re.findall(rf"<ul>\s*<li><em>{re.escape(p.short)} answers:</em>", html)) == len(answered), p.id


def test_home_page_starts_here_and_reaches_a_quiz_in_one_click(browser_and_base) -> None:
    browser, base = browser_and_base
    page = browser.new_page(viewport=PHONE)
    page.goto(base)
    start = page.locator(".fk-start")
    assert start.locator("h2").text_content().startswith("Start here")
    steps = start.locator("ol > li")
    assert steps.count() == 4
    assert "Test yourself" in steps.nth(3).text_content()
    assert steps.first.is_visible()  # within the first screens of a phone, above the table of papers
    assert start.bounding_box()["y"] < page.locator("article table").bounding_box()["y"]
    steps.nth(3).locator("a").first.click()
    page.wait_for_url("**/quiz/**")
    page.wait_for_selector(".fk-q")
    assert page.locator(".fk-q").count() > 0


def test_paper_pages_and_claim_trees_end_with_test_yourself(browser_and_base, kb: KnowledgeBase) -> None:
    """The block names its quiz with the number of questions the quiz really holds, one click away."""
    browser, base = browser_and_base
    page = browser.new_page(viewport=LAPTOP)
    for folder in ("papers", "claims"):
        for p in kb.papers:
            page.goto(f"{base}{folder}/{p.id}/")
            last = page.locator("article h2").last
            assert last.text_content().startswith("Test yourself"), f"{folder}/{p.id}"
            link = page.locator(".fk-next a.md-button").first
            promised = int(re.search(r"(\d+) questions", link.text_content())[1])
            link.click()
            page.wait_for_url(f"**/quiz/{p.id}/")
            page.wait_for_selector(".fk-q")
            assert page.locator(".fk-q").count() == promised


def test_every_quiz_page_says_what_to_read_first(site: Path) -> None:
    # a quiz page holds one quiz of fixed questions (the practice page draws its own and is not one)
    quizzes = [p for p in (site / "quiz").glob("*/index.html") if 'class="fk-quiz"' in p.read_text(encoding="utf-8")]
    assert len(quizzes) >= 8
    for path in quizzes:
        html = path.read_text(encoding="utf-8")
        first = re.search(r'<p class="fk-read-first"><strong>Read first:</strong>(.*?)</p>', html, re.S)
        assert first and "<a href=" in first[1], path
        assert html.index("fk-read-first") < html.index('class="fk-quiz"'), path  # at the top, before the questions
