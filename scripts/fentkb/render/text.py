"""Safe text for generated pages.

Everything that comes from YAML passes through `md()` (in Markdown) or `h()` (in
raw HTML) before it lands on a page, so that an instructor's '<' or '*' shows as
written and a stray '<script>' stays text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from ..papers import Place, parse_locator

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!~^=])")


def h(text: str) -> str:
    """Escape for HTML text and attribute values."""
    return html.escape(" ".join(str(text).split()), quote=True)


def md(text: str) -> str:
    """Escape for Markdown running text: HTML is neutralized, Markdown syntax shown literally."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def paper_page(paper_id: str) -> str:
    return f"papers/{paper_id}.md"


def rel(from_page: str, to_page: str) -> str:
    """Relative link between two generated pages, e.g. 'papers/x.md' -> '../glossary.md'."""
    depth = from_page.count("/")
    return "../" * depth + to_page


def loc(locator: str, page: str) -> str:
    """A locator as a small citation linking to its paper's page (MkDocs checks the link)."""
    place = parse_locator(locator)
    if place is None:
        return md(locator)
    return f"[{md(locator)}]({rel(page, target(place))}){{: .fk-loc }}"


def target(place: Place) -> str:
    """Where a locator leads: the section summary holding that paragraph, or the source's row."""
    key = place.first
    if key.startswith("¶"):
        return f"{paper_page(place.paper)}#p{key[1:]}"
    if key.startswith("c"):
        return f"{paper_page(place.paper)}#{key}"
    return f"sources.md#{place.paper}-{key}"


def locs(locators: Sequence[str], page: str) -> str:
    return " ".join(loc(x, page) for x in locators)


ANALYSIS = '<span class="fk-label fk-analysis">This module\'s analysis</span>'


def by_label(by: str, papers: Mapping[str, str]) -> str:
    """Whose critique this is: another paper (by its short name) or this module."""
    if by == "module":
        return ANALYSIS
    # inline HTML inside Markdown: its content is still Markdown, so escape for both
    return f'<span class="fk-label fk-paper">{md(papers.get(by, by))}</span>'
