"""The built site in real Chromium: no console error and no request to any other host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser import chromium, serve

PAGES = ["", "papers/", "papers/no-tempest/", "compare/", "compare/debate-map/", "evidence/", "sources/",
         "claims/opioid-challenge/", "glossary/", "timeline/", "reference/schema/"]


@pytest.fixture(scope="module")
def browser_and_base(site: Path) -> Iterator[tuple[object, str]]:
    with serve(site) as base, chromium() as browser:
        yield browser, base


def test_pages_load_without_console_errors_or_foreign_requests(browser_and_base: tuple[object, str]) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).hostname not in ("127.0.0.1", None)
            and not r.url.startswith("data:") else None)
    for path in PAGES:
        response = page.goto(base + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        assert page.locator("h1").count() >= 1, path
    assert errors == []
    assert foreign == []


def test_matrix_becomes_cards_on_a_phone(browser_and_base: tuple[object, str]) -> None:
    browser, base = browser_and_base
    phone = browser.new_page(viewport={"width": 375, "height": 800})
    phone.goto(base + "compare/")
    assert phone.locator(".fk-matrix-cards").is_visible()
    assert not phone.locator(".fk-matrix-table").is_visible()
    # nothing on the page is wider than the phone
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    desktop = browser.new_page(viewport={"width": 1280, "height": 800})
    desktop.goto(base + "compare/")
    assert desktop.locator(".fk-matrix-table table").is_visible()


def test_claim_tree_opens_by_keyboard(browser_and_base: tuple[object, str]) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    page.goto(base + "claims/no-tempest/")
    first = page.locator("details.fk-claim").first
    assert first.get_attribute("open") is None
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    assert first.get_attribute("open") is not None
    assert first.locator(".fk-con li").first.is_visible()
