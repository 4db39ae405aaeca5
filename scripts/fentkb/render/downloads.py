"""The Downloads page: every export of the question bank, what it is for and how to import it."""

from __future__ import annotations

from ..export import scorm
from ..export.common import Report
from .text import md

STEPS = "../guide/hosting.md"
# Rows in the order an instructor reaches for the files: the learning platform before the course, then what
# students take home, then the raw data. The recommended file for each platform comes first and says so.
HOW = {
    "questions.moodle.xml": "**Moodle: use this one.** Question bank → Import → Moodle XML format. Holds every "
                            "question, matching included, with feedback on each option. "
                            f"[Import steps]({STEPS}#moodle)",
    "questions.gift.txt": "Moodle, only if you want a text file to edit first: Question bank → Import → GIFT format. "
                          "Keeps feedback on each option but has no matching questions. "
                          f"[Import steps]({STEPS}#moodle)",
    "questions.canvas-qti.zip": "**Canvas: use this one.** Settings → Import Course Content → QTI .zip file. One quiz "
                                f"per topic. [Import steps]({STEPS}#canvas)",
    scorm.FILES[0]: f"A graded test as a SCORM 1.2 package, for Moodle (Add an activity → SCORM package) or Canvas "
                    "(its SCORM tool, where your institution enabled it): runs offline inside the platform, reports "
                    f"the score and pass or fail (pass mark {scorm.DEFAULT_MASTERY}%), resumes where the student "
                    f"stopped. [Steps and pass mark]({STEPS}#scorm-packages)",
    **{name: "The same kind of SCORM package, holding every question of one topic." for name in scorm.FILES[1:]},
    "questions.apkg": "For students who revise with Anki: File → Import. Re-importing a newer deck updates the same "
                      f"notes. [Import steps]({STEPS}#anki-spreadsheets-and-scripts)",
    # '&#124;' rather than a raw vertical bar, which would end the table cell
    "questions.csv": "Any spreadsheet. One question a row; options separated by a vertical bar (&#124;).",
    "questions.json": "Scripts and other tools; its fields are described on the "
                      "[question bank as JSON](../reference/questions-json.md) page.",
}


def in_order_of_use(reports: list[Report]) -> list[Report]:
    """The reports in HOW's order; a file HOW does not list keeps its place after them."""
    rank = {name: n for n, name in enumerate(HOW)}
    return sorted(reports, key=lambda r: rank.get(r.file, len(rank)))


def page(reports: list[Report], total: int) -> str:
    out = ["# Downloads", "",
           f"The whole bank of {total} questions, generated from the knowledge base at build time, in every "
           "format the module exports. Each question keeps its explanation and, where the format allows, "
           "feedback on each option. The files are listed in the order an instructor usually needs them; the "
           f"[hosting guide]({STEPS}#import-the-quizzes-into-your-learning-platform) has the import steps for each.",
           "",
           "| File | Questions | How to use it |", "| --- | --- | --- |"]
    for r in in_order_of_use(reports):
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
