"""The exports, built in a second process while MkDocs renders the pages.

The export formats (GIFT, Moodle XML, QTI, Anki, CSV, SCORM) and the item-writing rules cost most of the hook's
time, and no page but the Downloads page depends on them (a broken rule still stops the build, before a page is
written). So on Linux the hook forks a child that writes them into a temporary folder
while MkDocs turns the Markdown into HTML on the other core; the Downloads page is read last and waits for it.
Where fork is unsafe (macOS) or absent (Windows) the same work runs inline, before the pages: slower, same files.
"""

from __future__ import annotations

import multiprocessing
import pickle
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from .export.common import Report
from .generate import QuizLintError, gc_paused, lint
from .model import KnowledgeBase
from .quiz.item import Item

FORKS = sys.platform == "linux"


def _write(kb: KnowledgeBase, items: list[Item], out: Path) -> None:
    """In the child (or inline): the item-writing rules checked, every export file written into out/, then the
    reports; or the rules broken, or the error that stopped it."""
    try:
        from .export.bundle import all_exports  # imported here: the parent never needs genanki and the rest
        try:
            lint(kb, items)
        except QuizLintError as err:
            (out / ".lint").write_text(str(err), encoding="utf-8")
            return
        with gc_paused():
            files, reports = all_exports(items)
        for name, data in files.items():
            (out / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        (out / ".reports").write_bytes(pickle.dumps(reports))
    except Exception:
        (out / ".error").write_text(traceback.format_exc(), encoding="utf-8")


class ExportError(Exception):
    """The exports could not be written; the message holds the child's traceback."""


class ExportJob:
    """Start with the bank; `wait` gives each export file's path by name, and the reports, or raises
    QuizLintError when the bank breaks an item-writing rule."""

    def __init__(self, kb: KnowledgeBase, items: list[Item]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="fentkb-exports-"))
        self._process: multiprocessing.process.BaseProcess | None = None
        if FORKS:
            self._process = multiprocessing.get_context("fork").Process(
                target=_write, args=(kb, items, self.folder), daemon=True)
            self._process.start()
        else:
            _write(kb, items, self.folder)

    def wait(self) -> tuple[dict[str, Path], list[Report]]:
        if self._process is not None:
            self._process.join()
            self._process = None
        if (self.folder / ".lint").exists():
            raise QuizLintError((self.folder / ".lint").read_text(encoding="utf-8"))
        error = self.folder / ".error"
        if error.exists() or not (self.folder / ".reports").exists():
            detail = error.read_text(encoding="utf-8") if error.exists() else "the export process stopped early"
            raise ExportError(f"The downloads could not be written:\n{detail}")
        reports: list[Report] = pickle.loads((self.folder / ".reports").read_bytes())
        files = {p.name: p for p in sorted(self.folder.iterdir()) if not p.name.startswith(".")}
        return files, reports

    def close(self) -> None:
        """Stop the child if it still runs (a failed build) and remove the folder."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._process = None
        shutil.rmtree(self.folder, ignore_errors=True)
