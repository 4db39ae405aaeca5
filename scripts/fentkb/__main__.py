"""Command line: `python -m fentkb check` and friends."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import QUIZZES_DIR
from .load import load_knowledge_base
from .papers import default_papers_dir
from .problems import KnowledgeBaseError


def _check(args: argparse.Namespace) -> int:
    kb = load_knowledge_base(args.quizzes, args.papers)
    counts = ", ".join(f"{len(getattr(kb, k))} {k}" for k in ("papers", "evidence", "claims", "counterarguments",
                                                             "glossary", "timeline", "questions"))
    note = "" if kb.paragraphs else " (papers folder not found: locators were not checked against the texts)"
    print(f"The knowledge base is sound: {counts}.{note}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fentkb", description=__doc__)
    parser.add_argument("--quizzes", type=Path, default=QUIZZES_DIR, help="knowledge base folder")
    parser.add_argument("--papers", type=Path, default=None, help="papers folder (default: ../shared/papers "
                        "or $PAPERS_DIR)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate the knowledge base and list every problem")
    args = parser.parse_args(argv)
    args.papers = args.papers or default_papers_dir(args.quizzes.resolve().parent)
    try:
        return {"check": _check}[args.command](args)
    except KnowledgeBaseError as err:
        print(err, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
