"""Accuracy: figures are found verbatim where they are cited, locators exist, and no paper is copied.

These tests read the papers on their own (not through the validator), so a bug in the validator
cannot hide an inaccuracy.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from conftest import ROOT

LOCATOR = re.compile(r"\b([a-z]+(?:-[a-z]+)+) (?:¶(\d+)(?:-(\d+))?|\[(c?\d+)\])")
RUN = 12  # words in a row that would count as copying


def paper_places(papers_dir: Path) -> dict[str, dict[str, str]]:
    places: dict[str, dict[str, str]] = {}
    for path in papers_dir.glob("*.md"):
        if path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8")
        places[path.stem] = {m[1]: m[2] for m in re.finditer(r"^\[(¶\d+|c?\d+)\] (.*)$", text, re.M)}
    return places


def kb_entries(kind: str) -> list[dict]:
    found = []
    for path in sorted((ROOT / "quizzes").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found += data.get(kind, [])
    return found


def test_every_figure_is_written_in_its_paragraph(papers_dir: Path) -> None:
    places = paper_places(papers_dir)
    evidence = kb_entries("evidence")
    assert len(evidence) >= 60
    missing = []
    for e in evidence:
        m = LOCATOR.fullmatch(e["at"])
        assert m, e["at"]
        keys = [f"¶{n}" for n in range(int(m[2]), int(m[3] or m[2]) + 1)] if m[2] else [m[4]]
        text = " ".join(places[m[1]].get(k, "") for k in keys)
        if e["figure"] not in text:
            missing.append(f"{e['id']}: {e['figure']!r} not in {e['at']}")
    assert missing == []


def test_every_locator_in_the_knowledge_base_exists(papers_dir: Path) -> None:
    places = paper_places(papers_dir)
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "quizzes").rglob("*.yaml"))
    found = list(LOCATOR.finditer(text))
    assert len(found) > 300
    bad = []
    for m in found:
        if m[1] not in places:
            continue  # a hyphenated phrase that is not a paper id
        keys = [f"¶{n}" for n in range(int(m[2]), int(m[3] or m[2]) + 1)] if m[2] else [m[4]]
        bad += [m[0] for k in keys if k not in places[m[1]]]
    assert bad == []


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def test_no_run_of_twelve_words_is_copied_from_a_paper(papers_dir: Path) -> None:
    # The papers' prose: numbered paragraphs, notes and the comment. Titles are left out on purpose:
    # a citation must give a paper's or section's title as published.
    shingles: set[tuple[str, ...]] = set()
    for places in paper_places(papers_dir).values():
        for text in places.values():
            w = words(text)
            shingles.update(tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1))
    tracked = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=ROOT).stdout.split()
    copied = []
    for name in tracked:
        path = ROOT / name
        if path.suffix not in {".md", ".yaml", ".yml", ".py", ".js", ".html", ".json", ".txt"} or not path.is_file():
            continue
        w = words(path.read_text(encoding="utf-8", errors="ignore"))
        copied += [f"{name}: {' '.join(w[i:i + RUN])}" for i in range(len(w) - RUN + 1)
                   if tuple(w[i:i + RUN]) in shingles]
    assert copied == []


QUOTE = re.compile(r'"([^"]+)"')
TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-"})


def flat(text: str) -> str:
    return " ".join(text.translate(TYPOGRAPHY).lower().split())


def kb_strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in kb_strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in kb_strings(value)]
    return [node] if isinstance(node, str) else []


def test_every_quotation_is_word_for_word(papers_dir: Path) -> None:
    """Words in double quotes are a quotation: they stand word for word in a paper or, for what happened after
    the papers, in the context sources beside them. A quotation a student repeats must not be a paraphrase."""
    sources = [p for p in papers_dir.glob("*.md") if p.name != "README.md"]
    sources += sorted((papers_dir.parent / "context").rglob("*.md"))
    corpus = flat(" ".join(p.read_text(encoding="utf-8") for p in sources))
    misquoted = []
    for path in sorted((ROOT / "quizzes").rglob("*.yaml")):
        for text in kb_strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            misquoted += [f"{path.relative_to(ROOT)}: \"{q}\"" for q in QUOTE.findall(text)
                          if flat(q).strip(" .,;:") not in corpus]
    assert misquoted == []


def test_no_paper_url_is_invented(papers_dir: Path) -> None:
    """A paper's url must be one its text states; the others have none."""
    papers = [yaml.safe_load(p.read_text(encoding="utf-8"))["paper"] for p in (ROOT / "quizzes").glob("*/paper.yaml")]
    for paper in papers:
        if paper.get("url"):
            text = (papers_dir / f"{paper['id']}.md").read_text(encoding="utf-8")
            assert f"url: {paper['url']}" in text, paper["id"]


def test_the_content_is_complete_enough_to_teach_from() -> None:
    """The Content issue's floor: what a student needs from the module alone."""
    from fentkb import generate

    kb = generate.load(ROOT / "quizzes", ROOT.parent / "shared" / "papers")
    claims = {p.id: sum(1 for c in kb.claims if c.paper == p.id) for p in kb.papers}
    assert claims["opioid-challenge"] >= 8 and claims["no-tempest"] >= 8 and claims["military-options"] >= 6
    for p in kb.papers:
        assert 4 <= len(p.discussion) <= 6, p.id
        assert p.strengths and p.weaknesses and p.recommendations, p.id
    types = {c.type for c in kb.claims}
    assert types == {"diagnosis", "causal", "recommendation", "prediction", "value"}
    assert len(kb.evidence) >= 60 and len(kb.glossary) >= 30 and len(kb.timeline) >= 20
    assert len(kb.dimensions) >= 12 and len(kb.options) == 4 and kb.tensions
    by_paper = {c.id: c.paper for c in kb.claims}
    answered_by_another_paper = [ca for ca in kb.counterarguments if ca.by not in ("module", by_paper[ca.claim])]
    assert len(answered_by_another_paper) >= 20  # the papers answer each other, with their paragraphs
