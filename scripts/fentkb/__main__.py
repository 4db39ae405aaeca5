"""Command line for instructors:

  python -m fentkb check                         validate the knowledge base, listing every problem
  python -m fentkb quiz --seed 1 --count 20      a reproducible quiz form with its answer key
  python -m fentkb export --out downloads/       every export format (see the Downloads page)
  python -m fentkb scorm --mastery 80            SCORM 1.2 packages only, with your pass mark
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import QUIZZES_DIR, generate
from .export.scorm import DEFAULT_MASTERY, MIXED_COUNT, MIXED_SEED
from .papers import default_papers_dir
from .problems import KnowledgeBaseError
from .quiz.forms import make_form
from .quiz.item import TOPICS, Item
from .quiz.key import LETTERS, key_letters


def _check(args: argparse.Namespace) -> int:
    kb = generate.load(args.quizzes, args.papers)
    items = generate.bank(kb)
    counts = ", ".join(f"{len(getattr(kb, k))} {k}" for k in ("papers", "evidence", "claims", "counterarguments",
                                                             "glossary", "timeline", "questions", "scenarios",
                                                             "appraisals", "developments"))
    note = "" if kb.paragraphs else " (papers folder not found: locators were not checked against the texts)"
    print(f"The knowledge base is sound: {counts}; {len(items)} quiz questions pass the item linter.{note}")
    return 0


def form_text(items: list[Item], seed: int) -> str:
    out = [f"Quiz form (seed {seed}, {len(items)} questions)", ""]
    key = ["", "Answer key", ""]
    for n, item in enumerate(items, 1):
        out.append(f"{n}. {item.stem}")
        if item.type == "matching":
            answers = item.answer_list()
            out += [f"   {p}: ____" for p, _ in item.pairs] + [f"   {LETTERS[i]}. {a}" for i, a in enumerate(answers)]
        else:
            out += [f"   {LETTERS[i]}. {o.text}" for i, o in enumerate(item.options)]
        key.append(f"{n}. {key_letters(item)}  ({'; '.join(item.at)})")
        out.append("")
    return "\n".join(out + key) + "\n"


def _quiz(args: argparse.Namespace) -> int:
    unknown = [t for t in args.topic if t not in TOPICS]
    if unknown:
        print(f"unknown topic {', '.join(unknown)} (known: {', '.join(TOPICS)})", file=sys.stderr)
        return 2
    items = make_form(generate.bank(generate.load(args.quizzes, args.papers)), args.seed, args.count, args.topic)
    if args.json:
        print(json.dumps([i.to_json() for i in items], ensure_ascii=False, indent=1))
    else:
        print(form_text(items, args.seed), end="")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .export.bundle import write_all

    reports = write_all(generate.bank(generate.load(args.quizzes, args.papers)), args.out, args.mastery)
    for report in reports:
        print("\n".join(report.lines()))
    print(f"Written to {args.out}/")
    return 0


def _scorm(args: argparse.Namespace) -> int:
    from .export.bundle import write_files
    from .export.scorm import packages

    built = packages(generate.bank(generate.load(args.quizzes, args.papers)), args.mastery, args.mixed_seed,
                     args.mixed_count)
    write_files({report.file: data for data, report in built}, args.out)
    for _, report in built:
        print("\n".join(report.lines()))
    print(f"Written to {args.out}/ with a pass mark (mastery score) of {args.mastery}%")
    return 0


def percent(text: str) -> int:
    """--mastery: a whole percentage, said plainly when it is not one."""
    if not text.isdigit() or int(text) > 100:
        raise argparse.ArgumentTypeError(f"the pass mark is a whole percentage from 0 to 100, not {text!r}")
    return int(text)


def add_mastery(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mastery", type=percent, default=DEFAULT_MASTERY,
                        help=f"SCORM pass mark in percent, written as the manifest's masteryscore (default "
                             f"{DEFAULT_MASTERY})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fentkb", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quizzes", type=Path, default=QUIZZES_DIR, help="knowledge base folder")
    parser.add_argument("--papers", type=Path, default=None, help="papers folder (default: ../shared/papers "
                        "or $PAPERS_DIR)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate the knowledge base and list every problem")
    quiz = sub.add_parser("quiz", help="print a reproducible quiz form and its answer key")
    quiz.add_argument("--seed", type=int, default=1, help="the same seed gives the same form")
    quiz.add_argument("--count", type=int, default=20, help="number of questions")
    quiz.add_argument("--topic", action="append", default=[], help=f"limit to a topic ({', '.join(TOPICS)}); repeat "
                      "for several")
    quiz.add_argument("--json", action="store_true", help="print the questions as JSON")
    export = sub.add_parser("export", help="write every export format (GIFT, Moodle XML, QTI, Anki, CSV, JSON, "
                                           "SCORM)")
    export.add_argument("--out", type=Path, default=Path("build/downloads"), help="folder to write into")
    add_mastery(export)
    scorm = sub.add_parser("scorm", help="write the SCORM 1.2 packages: one per quiz topic and a mixed test")
    scorm.add_argument("--out", type=Path, default=Path("build/downloads"), help="folder to write into")
    add_mastery(scorm)
    scorm.add_argument("--mixed-seed", type=int, default=MIXED_SEED, help="seed of the mixed test's draw")
    scorm.add_argument("--mixed-count", type=int, default=MIXED_COUNT, help="questions in the mixed test")
    args = parser.parse_args(argv)
    args.papers = args.papers or default_papers_dir(args.quizzes.resolve().parent)
    try:
        return {"check": _check, "quiz": _quiz, "export": _export, "scorm": _scorm}[args.command](args)
    except (KnowledgeBaseError, generate.QuizLintError) as err:
        print(err, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
