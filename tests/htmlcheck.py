"""Read the built site's HTML: links, anchors and anything that would load from another host."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# what a stylesheet would fetch from elsewhere: url(http...), url(//host...), @import "http..."
_CSS_REMOTE = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""")


@dataclass
class PageRefs:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # <a href>
    loads: list[str] = field(default_factory=list)  # what the browser fetches: src, <link href>


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs = PageRefs()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.refs.ids.add(a["id"] or "")
        if tag == "a" and a.get("name"):
            self.refs.ids.add(a["name"] or "")
        if tag == "a" and a.get("href"):
            self.refs.links.append(a["href"] or "")
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.refs.loads.append(a["href"] or "")  # a canonical address names the page; nothing fetches it
        if a.get("src"):
            self.refs.loads.append(a["src"] or "")


def read_page(path: Path) -> PageRefs:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.refs


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link points at; None for links to other hosts or schemes."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    pages = {p.resolve(): read_page(p) for p in site.rglob("*.html")}
    problems = []
    for page, refs in pages.items():
        if page.name == "404.html" and page.parent == site.resolve():
            continue  # served at any missing path, so MkDocs gives it root-absolute links on purpose
        for href in refs.links:
            resolved = resolve(site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.exists():
                problems.append(f"{page.relative_to(site.resolve())}: {href} -> missing file")
            elif fragment and target.suffix == ".html" and fragment not in pages[target].ids:
                problems.append(f"{page.relative_to(site.resolve())}: {href} -> missing anchor #{fragment}")
    return problems


def foreign_loads(site: Path) -> list[str]:
    found = []
    for page in site.rglob("*.html"):
        found += [f"{page.relative_to(site)}: {u}" for u in read_page(page).loads if urlsplit(u).netloc
                  or urlsplit(u).scheme in ("http", "https")]
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        found += [f"{css.relative_to(site)}: {m}" for m in _CSS_REMOTE.findall(text)]
    return found
