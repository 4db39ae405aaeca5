"""From the validated knowledge base to every generated page and download.

The MkDocs hook calls `site_files` and `tooltips` and nothing else; the CLI and the tests call the
same functions, so what they check is what the site shows.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .export import json_bank
from .export.common import Report
from .load import load_knowledge_base
from .model import KnowledgeBase
from .quiz.bank import build_bank
from .quiz.item import Item
from .quiz.lint import check_bank, context_for
from .render import (
    claims,
    compare,
    downloads,
    evidence,
    forms,
    glossary,
    papers,
    quizzes,
    review,
    schema,
    since,
    sources,
    testyourself,
)
from .terms import Terms


class QuizLintError(Exception):
    """The generated bank breaks an item-writing rule; the message lists every violation."""


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large trees of short-lived, acyclic objects:
    on a 100k-entry base its repeated full scans made the run grow faster than the input."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def unlinted_bank(kb: KnowledgeBase) -> list[Item]:
    """The question bank before the item-writing rules are checked (the hook checks them beside MkDocs)."""
    with gc_paused():
        return build_bank(kb)


def lint(kb: KnowledgeBase, items: list[Item]) -> None:
    """Raise QuizLintError listing every item-writing rule the bank breaks."""
    with gc_paused():
        violations = check_bank(items, context_for([p.id for p in kb.papers], kb.paragraphs))
    if violations:
        head = f"The question bank breaks {len(violations)} item-writing rule(s):"
        raise QuizLintError("\n".join([head, *map(str, violations)]))


def bank(kb: KnowledgeBase) -> list[Item]:
    """The linted question bank; raises QuizLintError listing every violation."""
    items = unlinted_bank(kb)
    lint(kb, items)
    return items


def site_pages(kb: KnowledgeBase, items: list[Item] | None = None, dir_urls: bool = True) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/ (virtual: nothing is written there)."""
    items = bank(kb) if items is None else items
    pages: dict[str, str] = {}
    for family in (since, compare, evidence, sources, glossary):
        pages.update(family.pages(kb))
    sizes = testyourself.quiz_sizes(items, [p.id for p in kb.papers])  # the counts the 'Test yourself' links give
    pages.update(papers.pages(kb, sizes))
    pages.update(claims.pages(kb, sizes))
    pages.update(schema.pages())
    pages.update(quizzes.pages(items, kb.index.shorts, dir_urls))
    pages.update(forms.pages(items))
    pages.update(review.pages(items, kb.index.shorts))
    pages["reference/questions-json.md"] = json_bank.reference_page()
    return pages


def with_safe_title(markdown: str, searchable: bool = True) -> str:
    """Give a page an explicit, HTML-escaped title. MkDocs would otherwise lift the H1's text into <title>
    and the navigation unescaped, where knowledge-base text could break out of the element. A page that is
    not `searchable` is kept out of the search index (Material's `search.exclude`)."""
    first = markdown.partition("\n")[0]
    if not first.startswith("# "):
        return markdown
    title = re.sub(r"\\([\\`*_\[\]{}|#!~^=])", r"\1", first[2:])  # md()'s escapes, undone; HTML stays escaped
    # Material prints the title raw in text (so it stays HTML-escaped here) and escapes it itself in the one
    # attribute it goes into (the footer's aria-label): escaped quotes there would be read aloud as '&#x27;'.
    title = title.replace("&#x27;", "'").replace("&quot;", '"')
    exclude = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {json.dumps(title)}\n{exclude}---\n\n{markdown}"


def in_nav(src_uri: str) -> bool | None:
    """False for a generated page that is linked from other pages but left out of the navigation on purpose;
    None where mkdocs.yml decides."""
    return False if quizzes.is_later_part(src_uri) else None


AUTHORS_ONLY = ("reference/schema.md", "reference/questions-json.md", "downloads/index.md")
# Hand-written pages for running a course (setting up, timing a class, the role-play cards): long, and they
# match a student's topic searches ("fentanyl potency" found role cards) without answering them. An instructor
# reaches them from the Teach tab. Every first visit downloads the index, so what is in it is paid for.
INSTRUCTORS_ONLY = ("guide/hosting.md", "guide/lesson-plans.md", "guide/controversy.md")


def searchable(src_uri: str) -> bool:
    """Quiz pages, printable forms and answer keys stay out of the search index: they would flood the results
    with answers and make every first visit download the whole bank. So do the pages for those who edit or
    import the bank (the YAML schema, the JSON fields, the rubric, the downloads), whose field names and file
    formats would answer every common word a student searches for."""
    return not src_uri.startswith("quiz/") and src_uri not in AUTHORS_ONLY + INSTRUCTORS_ONLY


DOWNLOADS_PAGE = "downloads/index.md"
JSON_BANK = "downloads/questions.json"


def page_files(kb: KnowledgeBase, items: list[Item], dir_urls: bool = True) -> dict[str, str | bytes]:
    """Every page but the Downloads page, with the question scripts the practice and review pages load."""
    files: dict[str, str | bytes] = {uri: with_safe_title(md, searchable(uri))
                                     for uri, md in site_pages(kb, items, dir_urls).items()}
    files[quizzes.PRACTICE_INDEX] = quizzes.practice_index(items)
    files.update(quizzes.question_scripts(items, dir_urls))
    files[review.REVIEW_DATA] = review.review_data(items, kb.index.shorts)
    return files  # the JSON bank (JSON_BANK) is one of the exports: written once, beside the other downloads


def downloads_page(reports: list[Report], total: int) -> str:
    return with_safe_title(downloads.page(reports, total), searchable(DOWNLOADS_PAGE))


def site_files(kb: KnowledgeBase, dir_urls: bool = True) -> dict[str, str | bytes]:
    """Pages and downloads together, built in this process (the CLI and the tests; the hook builds the
    exports beside MkDocs instead, see background.py)."""
    from .export.bundle import all_exports  # the hook's parent process never loads the exporters

    items = bank(kb)
    files = page_files(kb, items, dir_urls)
    with gc_paused():
        exports, reports = all_exports(items)
    files.update({f"downloads/{name}": data for name, data in exports.items()})
    files[DOWNLOADS_PAGE] = downloads_page(reports, len(items))
    return files


def terms(kb: KnowledgeBase) -> Terms:
    """The glossary's terms, to be marked as tooltips in each finished page (see terms.py)."""
    return Terms(glossary.definitions(kb))


def has_terms(src_uri: str) -> bool:
    """Quiz pages keep no tooltips: a term in a question would add a Tab stop between its options."""
    return not src_uri.startswith("quiz/")


TABLE = re.compile(r"<table>(.*?)</table>", re.S)


def ready_tables(html: str) -> str:
    """Every table as Material's script would leave it: in its scroll wrapper, with a class that tells the
    script it is done (it wraps `table:not([class])` only; module.css gives `fk-table` Material's table style).
    Material moves each table into its wrapper at start-up, which made a phone restyle the ledger's tables
    once more: about a quarter of the ledger's blocking time."""
    return TABLE.sub(r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                     r'<table class="fk-table">\1</table></div></div>', html)


def load(quizzes_dir: Path, papers_dir: Path) -> KnowledgeBase:
    with gc_paused():
        return load_knowledge_base(quizzes_dir, papers_dir)
