"""Every export of the bank at once, for the build's Downloads page and for `python -m fentkb export`."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..quiz.item import Item
from . import anki, csv_export, gift, json_bank, moodle_xml, qti, scorm
from .common import Report

FORMATS = [gift, moodle_xml, qti, anki, csv_export]


def all_exports(items: list[Item], mastery: int = scorm.DEFAULT_MASTERY) -> tuple[dict[str, str | bytes], list[Report]]:
    files: dict[str, str | bytes] = {}
    reports: list[Report] = []
    for module in FORMATS:
        data, report = module.export(items)
        files[report.file] = data
        reports.append(report)
    json_report = Report("JSON bank", "questions.json", exported=len(items))
    files[json_report.file] = json_bank.bank_json(items)
    reports.append(json_report)
    for package, report in scorm.packages(items, mastery):
        files[report.file] = package
        reports.append(report)
    return files, reports


def write_all(items: list[Item], out: Path, mastery: int = scorm.DEFAULT_MASTERY) -> list[Report]:
    files, reports = all_exports(items, mastery)
    write_files(files, out)
    return reports


def write_files(files: dict[str, str | bytes], out: Path) -> None:
    """Write every file next to its final name first, then move it into place: no half-written export."""
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{name}.")
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out / name)
