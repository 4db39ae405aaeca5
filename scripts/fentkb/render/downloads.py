"""The Downloads page: every export of the question bank, what it is for and how to import it."""

from __future__ import annotations

from ..export.common import Report
from .text import md

HOW = {
    "questions.gift.txt": "Moodle: Question bank → Import → GIFT format. Categories follow the quiz topics.",
    "questions.moodle.xml": "Moodle: Question bank → Import → Moodle XML format. Keeps per-option feedback.",
    "questions.canvas-qti.zip": "Canvas: Settings → Import Course Content → QTI .zip file. One quiz per topic.",
    "questions.apkg": "Anki: File → Import. Re-importing a newer deck updates the same notes.",
    "questions.csv": "Any spreadsheet. One question a row; options separated by ' | '.",
    "questions.json": "Scripts and other tools; its fields are described on the "
                      "[question bank as JSON](../reference/questions-json.md) page.",
}


def page(reports: list[Report], total: int) -> str:
    out = ["# Downloads", "",
           f"The whole bank of {total} questions, generated from the knowledge base at build time, in every "
           "format the module exports. Each question keeps its explanation and, where the format allows, "
           "feedback on each option.", "",
           "| File | Questions | How to use it |", "| --- | --- | --- |"]
    for r in reports:
        out.append(f"| [{r.file}]({r.file}) ({md(r.format)}) | {r.exported} | {HOW.get(r.file, '')} |")
    out += ["", "## Export report", ""]
    left = [line for r in reports for line in r.lines()[1:]]
    if left:
        out += ["Questions a format cannot hold were left out:", "", *(f"- {md(x.strip())}" for x in left), ""]
    else:
        out += ["Every format holds every question type of this bank (single choice, multiple select, "
                "true/false, matching), so no question was left out.", ""]
    return "\n".join(out)
