"""CSV, one question a row. Cells that a spreadsheet would run as a formula are defused with a leading quote."""

from __future__ import annotations

import csv
import io

from ..quiz.item import Item
from ..quiz.key import key_text
from .common import Report, supported

TYPES = {"single": "", "multiple": "", "truefalse": "", "matching": ""}
COLUMNS = ["id", "type", "topic", "bloom", "template", "stem", "options", "answer", "explanation", "feedback", "at",
           "page"]


def safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def row(item: Item) -> list[str]:
    options = (" | ".join([*(f"{p} → {a}" for p, a in item.pairs), *(f"(no paper) → {a}" for a in item.extra)])
               if item.type == "matching"
               else " | ".join(o.text for o in item.options))
    feedback = " | ".join(f"{o.text}: {o.feedback}" for o in item.options if o.feedback)
    cells = [item.id, item.type, item.topic, item.bloom, item.template, item.stem, options, key_text(item),
             item.explanation, feedback, "; ".join(item.at), item.page]
    return [safe(c) for c in cells]


def export(items: list[Item]) -> tuple[str, Report]:
    report = Report("CSV", "questions.csv")
    kept = supported(items, TYPES, report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row(i) for i in kept)
    return buffer.getvalue(), report
