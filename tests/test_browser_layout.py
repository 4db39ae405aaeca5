"""Layout on a laptop, with scrollbars drawn as a laptop draws them (Playwright hides them by default)."""

from __future__ import annotations

from pathlib import Path

from browser import chromium, serve


def test_the_page_does_not_move_sideways_when_it_grows_past_the_window(site: Path) -> None:
    """A laptop may paint the header before the text arrives; the scrollbar that the text then brings must not
    shift the page (Lighthouse's desktop runs measured a layout shift of 0.16 on random pages)."""
    with serve(site) as base, chromium(scrollbars=True) as browser:
        page = browser.new_page(viewport={"width": 1350, "height": 940})
        page.goto(base + "glossary/")
        header = "document.querySelector('.md-header__inner').getBoundingClientRect().left"
        long_page = page.evaluate(header)
        page.evaluate("document.querySelector('.md-main').style.display = 'none'")  # as before the text arrives
        assert page.evaluate("document.documentElement.scrollHeight <= window.innerHeight")
        assert page.evaluate(header) == long_page
