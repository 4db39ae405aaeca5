"""MkDocs hook: hands the build the pages generated from the knowledge base.

It only calls the generator (fentkb.generate); all logic lives there, so the
same pages would come out of any Material-compatible builder that can call it.
A knowledge-base problem stops the build before anything is written to site/.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).parent))

from fentkb import generate
from fentkb.background import ExportError, ExportJob
from fentkb.papers import default_papers_dir
from fentkb.problems import KnowledgeBaseError
from fentkb.terms import Terms

log = logging.getLogger("mkdocs.hooks.fentkb")


@dataclass
class _Build:
    """What one build carries from hook to hook."""

    pages: dict[str, str | bytes]
    terms: Terms
    questions: int
    exports: ExportJob


_state: dict[str, _Build] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    papers = default_papers_dir(root)
    if not papers.is_dir():
        # A clone on its own: the papers are others' work and stay outside the module. Everything builds;
        # only the checks of figures and locators against their texts cannot run.
        log.info(f"Papers folder {papers} not found (set PAPERS_DIR): the checks against the papers' texts were "
                 "skipped.")
    _close()
    try:
        kb = generate.load(root / "quizzes", papers)
        items = generate.unlinted_bank(kb)
        pages = generate.page_files(kb, items, dir_urls=config.use_directory_urls)
    except (KnowledgeBaseError, generate.QuizLintError) as err:
        raise PluginError(str(err)) from None
    _state["build"] = _Build(pages, generate.terms(kb), len(items), ExportJob(kb, items))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _state["build"]
    for src_uri, content in build.pages.items():
        inclusion = InclusionLevel.NOT_IN_NAV if generate.in_nav(src_uri) is False else InclusionLevel.UNDEFINED
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    # Pages link to the JSON bank: it joins the site now, from where the export process will have written it by
    # the time MkDocs copies files (after every page is read, the Downloads page last).
    json_name = generate.JSON_BANK.removeprefix("downloads/")
    files.append(File.generated(config, generate.JSON_BANK, abs_src_path=str(build.exports.folder / json_name)))
    # Appended last, so MkDocs reads it last: by then the exports are (nearly always) written.
    placeholder = generate.downloads_page([], 0).partition("\n---\n")[0] + "\n---\n"
    files.append(File.generated(config, generate.DOWNLOADS_PAGE, content=placeholder))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _state["build"]
    if page.file.src_uri == generate.DOWNLOADS_PAGE:
        markdown = _downloads(build, config, files)
    if not generate.searchable(page.file.src_uri):
        page.meta.setdefault("search", {})["exclude"] = True  # hand-written pages too (generated ones say so)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if generate.has_terms(page.file.src_uri):
        html = _state["build"].terms.wrap(html)
    return generate.ready_tables(html)


def _downloads(build: _Build, config: MkDocsConfig, files: Files) -> str:
    """The Downloads page, once the export process is done; its files join the site here."""
    try:
        exports, reports = build.exports.wait()
    except (ExportError, generate.QuizLintError) as err:
        raise PluginError(str(err)) from None
    for name, path in exports.items():
        if f"downloads/{name}" not in files.src_uris:
            files.append(File.generated(config, f"downloads/{name}", abs_src_path=str(path)))
    page = generate.downloads_page(reports, build.questions)
    return page.partition("\n---\n\n")[2]  # the front matter was read from the placeholder


def on_post_build(config: MkDocsConfig) -> None:
    _close()


def on_build_error(error: Exception) -> None:
    _close()


def _close() -> None:
    build = _state.pop("build", None)
    if build is not None:
        build.exports.close()
