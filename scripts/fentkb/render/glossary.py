"""The glossary page, the timeline page, and the glossary as tooltips on every page."""

from __future__ import annotations

from ..model import KnowledgeBase
from .text import locs, md

KIND_TITLES = {
    "concept": "Concepts",
    "organization": "Organizations",
    "group": "Cartels and groups",
    "law": "Laws and agreements",
    "program": "Programs and operations",
    "drug": "Drugs and medicines",
    "place": "Places",
}


def glossary(kb: KnowledgeBase) -> str:
    page = "glossary.md"
    out = ["# Glossary", "",
           f"{len(kb.glossary)} terms as the papers use them. Wherever a term appears on this site it is "
           "underlined with a dotted line: point at it, tap it, or reach it with the Tab key to read its definition "
           "(Escape closes it).", ""]
    for kind, title in KIND_TITLES.items():
        terms = sorted((t for t in kb.glossary if t.kind == kind), key=lambda t: t.term.lower())
        if not terms:
            continue
        out += [f"## {title}", ""]
        for t in terms:
            out += [f"{md(t.term)} {{: #{t.id} }}", f":   {md(t.definition)} {locs(t.at, page)}".rstrip()]
            if t.context:
                out.append(f"    *Context from outside the papers ({md(t.context.source)}):* {md(t.context.text)}")
            out.append("")
    return "\n".join(out)


def timeline(kb: KnowledgeBase) -> str:
    page = "timeline.md"
    out = ["# Timeline", "", f"{len(kb.timeline)} dated events that the papers name, oldest first.", "",
           "| Date | Event | Where |", "| --- | --- | --- |"]
    for e in sorted(kb.timeline, key=lambda e: e.date):
        out.append(f'| <time datetime="{e.date}">{e.date}</time> {{: #{e.id} }} | {md(e.event)} | {locs(e.at, page)} |')
    return "\n".join([*out, ""])


def definitions(kb: KnowledgeBase) -> dict[str, str]:
    """Each glossary term's definition, as its tooltip shows it."""
    return {t.term: " ".join(t.definition.split()) for t in kb.glossary}


def pages(kb: KnowledgeBase) -> dict[str, str]:
    return {"glossary.md": glossary(kb), "timeline.md": timeline(kb)}
