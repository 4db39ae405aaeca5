"""The real site, built strictly: every generated page is there and every link and anchor resolves."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

from conftest import PAPERS_DIR, ROOT, copy_project, mkdocs_build
from fentkb import generate
from htmlcheck import broken_links, foreign_loads


def built_path(site: Path, src_uri: str) -> Path:
    stem = src_uri.removesuffix(".md")
    return site / ("index.html" if stem == "index" else
                   f"{stem.removesuffix('/index')}/index.html" if stem.endswith("index") else f"{stem}/index.html")


def test_every_generated_page_is_built(site: Path) -> None:
    kb = generate.load(ROOT / "quizzes", PAPERS_DIR)
    expected = generate.site_pages(kb)
    missing = [uri for uri in expected if not built_path(site, uri).is_file()]
    assert not missing
    assert len(expected) >= 14


def test_a_clone_without_the_papers_builds_every_page(tmp_path: Path, site: Path) -> None:
    """An instructor's clone has no ../shared/papers: it builds strictly, says once that the text checks were
    skipped, and gives the same pages, every link resolving, with no canonical link to a local address."""
    project = copy_project(tmp_path / "clone")
    out = tmp_path / "site"
    env_free = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = mkdocs_build(project, out, papers=tmp_path / "no-papers-here", env=env_free)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("the checks against the papers' texts were skipped") == 1
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert pages == sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert broken_links(out) == []
    assert not [p for p in out.rglob("*.html") if 'rel="canonical" href="http://127.0.0.1' in p.read_text()]


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    assert foreign_loads(site) == []


def test_generated_pages_are_not_committed() -> None:
    tracked = subprocess.run(["git", "ls-files", "docs"], capture_output=True, text=True, cwd=ROOT).stdout.split()
    generated = set(generate.site_pages(generate.load(ROOT / "quizzes", PAPERS_DIR)))
    assert not [t for t in tracked if t.removeprefix("docs/") in generated]


def test_glossary_terms_become_tooltips(site: Path) -> None:
    kb = generate.load(ROOT / "quizzes", PAPERS_DIR)
    if not kb.glossary:
        return
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    terms = re.findall(r"<abbr( tabindex=\"0\")? title=", html)
    assert len(terms) >= len(kb.glossary) // 2
    assert all(terms), "every glossary term can be reached with Tab and a tap"


def test_no_glossary_term_sits_inside_a_link(site: Path) -> None:
    """A term inside a link would be a focusable control inside another, and would cut an address shown as a
    link's text (the sources of the Since the papers page) in two."""
    inside = [f"{page.relative_to(site)}: {m.group(0)[:120]}" for page in site.rglob("*.html")
              for m in re.finditer(r"<a\b[^>]*>(?:(?!</a>).)*<abbr\b", page.read_text(encoding="utf-8"), re.S)]
    assert inside == []


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + p.read_bytes())
    return h.hexdigest()


def test_broken_yaml_stops_the_build_and_leaves_the_old_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = _digest(site)
    (project / "quizzes" / "broken.yaml").write_text(
        "claims:\n  - id: x-claim\n    paper: nobody\n    type: guess\n")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "quizzes/broken.yaml:3: claims[0].paper: unknown paper id 'nobody'" in result.stderr
    assert "quizzes/broken.yaml:4: claims[0].type: expected one of" in result.stderr
    assert _digest(site) == before


def test_every_external_link_is_well_formed_and_listed_on_the_sources_page(site: Path) -> None:
    import re
    from urllib.parse import urlsplit

    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    found: set[str] = set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article"):html.find("</article>")]
        found |= set(re.findall(r'href="(https?://[^"]+)"', article))
    assert found, "the module links to at least the one paper that has a web address"
    for url in found:
        parts = urlsplit(url)
        assert parts.scheme in ("http", "https") and "." in parts.netloc and " " not in url, url
        assert f'href="{url}"' in sources, f"{url} is not listed on the sources page"


def test_quiz_pages_forms_and_keys_stay_out_of_the_search_index(site: Path) -> None:
    """Search results are not flooded with quiz answers, and a first visit does not download the bank."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if loc.startswith("quiz/")]
    # the course-running pages an instructor reaches from the Teach tab stay out too
    assert not [loc for loc in locations if loc.startswith(("guide/hosting/", "guide/lesson-plans/",
                                                            "guide/controversy/"))]
    assert any(loc.startswith("claims/") for loc in locations) and any(loc.startswith("since/") for loc in locations)


def test_first_visits_stay_light(site: Path) -> None:
    """Every first visit downloads the search index; no page may be heavy on a phone (sizes gzipped)."""
    index = gzip.compress((site / "search" / "search_index.json").read_bytes())
    assert len(index) <= 100_000, f"search index {len(index)} bytes gzipped"
    heavy = {p.relative_to(site).as_posix(): n for p in site.rglob("*.html")
             if (n := len(gzip.compress(p.read_bytes()))) > 60_000}
    assert heavy == {}
