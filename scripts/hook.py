"""MkDocs hook: hands the build the pages generated from the knowledge base.

It only calls the generator (fentkb.generate); all logic lives there, so the
same pages would come out of any Material-compatible builder that can call it.
A knowledge-base problem stops the build before anything is written to site/.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).parent))

from fentkb import generate
from fentkb.papers import default_papers_dir
from fentkb.problems import KnowledgeBaseError

_state: dict[str, object] = {}
log = logging.getLogger("mkdocs.hooks.fentkb")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    papers = default_papers_dir(root)
    if not papers.is_dir():
        # A clone on its own: the papers are others' work and stay outside the module. Everything builds;
        # only the checks of figures and locators against their texts cannot run.
        log.info(f"Papers folder {papers} not found (set PAPERS_DIR): the checks against the papers' texts were "
                 "skipped.")
    try:
        kb = generate.load(root / "quizzes", papers)
        _state["files"] = generate.site_files(kb, dir_urls=config.use_directory_urls)
    except (KnowledgeBaseError, generate.QuizLintError) as err:
        raise PluginError(str(err)) from None
    _state["tooltips"] = generate.tooltips(kb)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    generated = cast(dict[str, str | bytes], _state["files"])
    for src_uri, content in generated.items():
        inclusion = InclusionLevel.NOT_IN_NAV if generate.in_nav(src_uri) is False else InclusionLevel.UNDEFINED
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return generate.with_tooltips(markdown, cast(dict[str, str], _state["tooltips"]), page.file.src_uri)
