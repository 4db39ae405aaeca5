"""From the validated knowledge base to every generated page.

The MkDocs hook calls `site_pages` and nothing else; the CLI and the tests
call the same function, so what they check is what the site shows.
"""

from __future__ import annotations

from pathlib import Path

from .load import load_knowledge_base
from .model import KnowledgeBase
from .render import claims, compare, evidence, glossary, papers, schema, sources


def site_pages(kb: KnowledgeBase) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/ (virtual: nothing is written there)."""
    pages: dict[str, str] = {}
    for family in (papers, compare, evidence, claims, sources, glossary):
        pages.update(family.pages(kb))
    pages.update(schema.pages())
    return pages


def tooltips(kb: KnowledgeBase) -> str:
    """Markdown to append to every page so glossary terms show their definition."""
    return glossary.abbreviations(kb)


def load(quizzes_dir: Path, papers_dir: Path) -> KnowledgeBase:
    return load_knowledge_base(quizzes_dir, papers_dir)
