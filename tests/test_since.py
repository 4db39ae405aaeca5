"""The "Since the papers" page: every vetted outside source and nothing else, each fact with its "as of" date,
and each development linked from the claim trees it bears on."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, PAPERS_DIR, ROOT
from fentkb import generate
from fentkb.load import load_knowledge_base
from fentkb.model import KnowledgeBase
from fentkb.problems import KnowledgeBaseError
from fentkb.render import claims, papers, since

CONTEXT = ROOT.parent / "shared" / "context" / "since-the-papers.md"
OUTSIDE = re.compile(r"https?://[^\s\"'<>)\]]+")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return generate.load(ROOT / "quizzes", PAPERS_DIR)


@pytest.fixture(scope="module")
def vetted() -> dict[str, str]:
    """The context file's entries: id -> source line, exactly as written there."""
    if not CONTEXT.is_file():
        pytest.skip(f"the vetted context file {CONTEXT} is absent")
    entries: dict[str, str] = {}
    current = None
    for line in CONTEXT.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif current and line.startswith("- source: "):
            entries[current] = line.removeprefix("- source: ").strip()
    assert entries, "the context file lists no sources"
    return entries


def address(source: str) -> str:
    found = OUTSIDE.findall(source)
    assert len(found) == 1, source
    return found[0]


def pages_to_check(kb: KnowledgeBase) -> list[str]:
    """The page as the renderer makes it and, when a built site newer than the knowledge base exists, as built."""
    found = [since.page(kb)]
    built = ROOT / "site" / "since" / "index.html"
    newest = max(p.stat().st_mtime for p in (ROOT / "quizzes").rglob("*.yaml"))
    if built.is_file() and built.stat().st_mtime >= newest:
        html = built.read_text(encoding="utf-8")
        found.append(html[html.find("<article"):html.find("</article>")])
    return found


def test_every_entry_of_the_context_file_is_a_development_with_its_source_exactly(
        kb: KnowledgeBase, vetted: dict[str, str]) -> None:
    by_id = {d.id: d for d in kb.developments}
    assert set(by_id) == set(vetted)
    for dev_id, source in vetted.items():
        dev = by_id[dev_id]
        assert dev.source == source, dev_id
        assert dev.url == address(source), dev_id


def test_the_page_carries_every_vetted_source_and_links_no_other_address(
        kb: KnowledgeBase, vetted: dict[str, str]) -> None:
    allowed = {address(s) for s in vetted.values()}
    for page in pages_to_check(kb):
        for url in allowed:
            assert f'href="{url}"' in page, url
        assert set(OUTSIDE.findall(page)) <= allowed, set(OUTSIDE.findall(page)) - allowed


def test_every_fact_shows_its_as_of_date(kb: KnowledgeBase) -> None:
    page = since.page(kb)
    assert kb.developments
    blocks = re.split(r"^## ", page, flags=re.M)
    for dev in kb.developments:
        block = next(b for b in blocks if f"{{: #{dev.id} }}" in b.partition("\n")[0])
        assert f"As of {since.nice_date(dev.as_of)}" in block, dev.id
        assert dev.url in block, dev.id
    assert "2026" in page and "as of its source's date" in page  # the compile note


def test_every_development_is_linked_from_the_claim_tree_of_each_claim_it_bears_on(kb: KnowledgeBase) -> None:
    trees = claims.pages(kb)
    paper_of = {c.id: c.paper for c in kb.claims}
    for dev in kb.developments:
        for bearing in dev.bears_on:
            tree = trees[f"claims/{paper_of[bearing.claim]}.md"]
            start = tree.index(f'id="{bearing.claim}"')
            block = tree[start:tree.index("</details>", start)]
            assert f"../since.md#{dev.id}" in block, (dev.id, bearing.claim)
            assert since.EFFECT_LABEL[bearing.effect] in block, (dev.id, bearing.claim)


def test_paper_pages_open_with_the_thesis_and_link_the_developments(kb: KnowledgeBase) -> None:
    pages = papers.pages(kb)
    for paper in kb.papers:
        page = pages[f"papers/{paper.id}.md"]
        head = page.split("\n## ", 1)[0]
        assert head.index("**Thesis.**") < head.index('"About this paper"')
        for dev in since.for_paper(kb, paper.id):
            assert f"../since.md#{dev.id}" in head, (paper.id, dev.id)
    index = pages["papers/index.md"]
    assert "., " not in index and ".." not in index.replace("../", "")


def tiny_kb(tmp_path: Path) -> Path:
    quizzes = tmp_path / "quizzes"
    shutil.copytree(FIXTURES / "kb", quizzes)
    return quizzes


def test_a_development_without_a_source_is_refused_with_file_and_line(tmp_path: Path) -> None:
    quizzes = tiny_kb(tmp_path)
    (quizzes / "later.yaml").write_text(
        "developments:\n"
        "  - id: dev-clinics\n"
        "    date: \"2025-02-01\"\n"
        "    title: Clinics opened\n"
        "    fact: The town opened two clinics.\n"
        "    url: https://example.org/clinics\n"
        "    as_of: \"2025-02-02\"\n"
        "    bears_on: [{claim: tiny-clinics, effect: supported, how: As the paper recommends.}]\n"
        "    at: [tiny ¶3]\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base(quizzes, FIXTURES / "papers")
    mine = [str(p) for p in caught.value.problems.items if str(p).startswith("quizzes/later.yaml")]
    assert mine == ["quizzes/later.yaml:2: developments[0]: missing field 'source': expected text"]
