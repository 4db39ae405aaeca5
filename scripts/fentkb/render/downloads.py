"""The Downloads page: every export of the question bank, what it is for and how to import it."""

from __future__ import annotations

from ..export.common import Report
from .text import md

HOW = {
    "questions.gift.txt": "Moodle: Question bank → Import → GIFT format. Categories follow the skill quizzes. "
                          "Matching questions are not in it: take them from the Moodle XML file.",
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
    left = [r for r in reports if r.left_out]
    if left:
        out += ["Questions a format cannot hold were left out; every other format holds every question.", ""]
        for r in left:
            reasons = dict.fromkeys(why for _, why in r.left_out)
            out.append(f"- {md(r.format)}: {len(r.left_out)} left out ({md('; '.join(reasons))}): "
                       + ", ".join(f"`{qid}`" for qid, _ in r.left_out))
        out.append("")
    else:
        out += ["Every format holds every question type of this bank (single choice, multiple select, "
                "true/false, matching), so no question was left out.", ""]
    return "\n".join(out)
