"""Load the knowledge base: read every YAML file, build the model, validate it.

`load_knowledge_base` either returns a complete, checked model or raises
`KnowledgeBaseError` carrying every problem found; nothing in between.
"""

from __future__ import annotations

from pathlib import Path

from .convert import Converter, is_invalid
from .model import KINDS, KnowledgeBase
from .papers import read_papers
from .problems import KnowledgeBaseError, Problems
from .validate import Located, Validator
from .yamlread import YamlDoc, read_yaml

LIST_KINDS = [k for k in KINDS if k != "paper"]


def yaml_files(quizzes_dir: Path) -> list[Path]:
    return sorted(p for p in quizzes_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _entries(doc: YamlDoc, problems: Problems) -> list[Located]:
    if not isinstance(doc.data, dict):
        problems.add(doc.file, 1, "", "expected a mapping whose keys are kinds of entries "
                     f"({', '.join(KINDS)}), found {type(doc.data).__name__}")
        return []
    located: list[Located] = []
    for kind, value in doc.data.items():
        if kind not in KINDS:
            problems.add(doc.file, doc.line((kind,)), str(kind),
                         f"unknown kind of entry '{kind}' (known: {', '.join(KINDS)})")
            continue
        converter = Converter(doc, problems)
        if kind == "paper":
            entry = converter.build(KINDS[kind], value, (kind,))
            if not is_invalid(entry):
                located.append(Located(entry, doc, (kind,), kind))
            continue
        if not isinstance(value, list):
            converter.fail((kind,), f"expected a list of {kind} entries (each starting with '- '), found "
                           f"{type(value).__name__ if value is not None else 'nothing'}")
            continue
        for i, item in enumerate(value):
            entry = converter.build(KINDS[kind], item, (kind, i))
            if not is_invalid(entry):
                located.append(Located(entry, doc, (kind, i), kind))
    return located


def load_knowledge_base(quizzes_dir: Path, papers_dir: Path) -> KnowledgeBase:
    problems = Problems()
    root = quizzes_dir.parent
    files = yaml_files(quizzes_dir)
    if not files:
        problems.add(str(quizzes_dir), 0, "", "no YAML files found; the knowledge base lives here")
    located: list[Located] = []
    unreadable = 0
    for path in files:
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        doc = read_yaml(path, shown, problems)
        if doc is None:
            unreadable += 1
        else:
            located.extend(_entries(doc, problems))
    paragraphs = read_papers(papers_dir)
    Validator(located, paragraphs, problems, complete=not unreadable).run()
    if problems:
        raise KnowledgeBaseError(problems)
    grouped = {kind: [i.entry for i in located if i.kind == kind] for kind in KINDS}
    return KnowledgeBase(
        papers=sorted(grouped["paper"], key=lambda p: (p.order, p.id)),
        **{kind: grouped[kind] for kind in LIST_KINDS},
        paragraphs=paragraphs,
    )
