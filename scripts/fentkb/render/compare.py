"""Side by side: the matrix, where the papers agree and differ, and the debate map."""

from __future__ import annotations

from ..model import KnowledgeBase
from .text import h, locs, md

STANCE_LABEL = {"for": "Argues for", "against": "Argues against", "mixed": "Mixed", "not-discussed": "Not discussed"}


def matrix(kb: KnowledgeBase) -> str:
    page = "compare/index.md"
    out = ["# Side by side", "",
           "Each row asks one question of all three papers. Every cell is this module's one-sentence "
           "reading, with the paragraphs it rests on. On a narrow screen the table turns into one card per "
           "question.", ""]
    # The wide table, for desktop; CSS hides it on narrow screens and shows the cards instead.
    head = " | ".join(f"[{md(p.short)}](../papers/{p.id}.md)" for p in kb.papers)
    # 'fk-wide' marks a big table: module.css widens the page for it and keeps its header in view
    out += ['<div class="fk-matrix-table fk-wide" markdown>', "", f"| Question | {head} |",
            "| --- |" + " --- |" * len(kb.papers)]
    for d in kb.dimensions:
        cells = " | ".join(f"{md(d.cells[p.id].text)} {locs(d.cells[p.id].at, page)}" for p in kb.papers)
        out.append(f"| **{md(d.label)}** | {cells} |")
    out += ["", "</div>", "", '<div class="fk-matrix-cards" markdown>', ""]
    for d in kb.dimensions:
        out += [f'<section class="fk-card" aria-label="{h(d.label)}" markdown>', "", f"**{md(d.label)}**", ""]
        for p in kb.papers:
            cell = d.cells[p.id]
            out.append(f"- *{md(p.short)}*: {md(cell.text)} {locs(cell.at, page)}")
        out += ["", "</section>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def agree_differ(kb: KnowledgeBase) -> str:
    page = "compare/agree-differ.md"
    out = ["# Where they agree, where they differ", "",
           "The papers disagree about what to do, but they share more of the diagnosis than their "
           "conclusions suggest. Each point names the paragraphs on both sides.", ""]
    for kind, title in (("agree", "Where they agree"), ("differ", "Where they differ")):
        out += [f"## {title}", ""]
        for f in (f for f in kb.findings if f.kind == kind):
            out += [f"### {md(f.title)} {{: #{f.id} }}", "", f"{md(f.text)} {locs(f.at, page)}", ""]
    return "\n".join(out)


def stance_chip(stance: str) -> str:
    """The stance in words; colour never carries it alone."""
    return f'<span class="fk-stance fk-stance-{h(stance)}">{STANCE_LABEL[stance]}</span>'


def stance_grid(kb: KnowledgeBase) -> list[str]:
    """Options down, papers across: every stance at a glance. On a phone each option becomes a card, and each
    cell shows its paper's name, which the table's header gives on a wider screen. The sections below say the
    same in words, so search indexes those and not this grid."""
    head = " | ".join(md(p.short) for p in kb.papers)
    out = ['<div class="fk-stack fk-grid" data-search-exclude="" markdown>', "", f"| Option | {head} |",
           "| --- |" + " --- |" * len(kb.papers)]
    for o in kb.options:
        stance = {pos.paper: pos.stance for pos in o.positions}
        cells = " | ".join(f'<span class="fk-cell-label">{md(p.short)}:</span> '
                           + (stance_chip(stance[p.id]) if p.id in stance else "–") for p in kb.papers)
        out.append(f"| [{md(o.label)}](#{o.id}) | {cells} |")
    return out + ["", "</div>", ""]


def debate_map(kb: KnowledgeBase) -> str:
    page = "compare/debate-map.md"
    short = kb.index.shorts
    out = ["# Debate map: four policy options", "",
           "Four answers to the fentanyl crisis, and where each paper stands on each. The grid gives every "
           "stance at a glance: options down, papers across. Below it, each option has its own section, "
           "where each paper's stance is given in a sentence with its paragraphs.", "",
           "## Stances at a glance {: #at-a-glance }", "", *stance_grid(kb)]
    out += ['<div class="fk-map" markdown>', ""]
    for o in kb.options:
        out += ['<section class="fk-option" markdown>', "", f"## {md(o.label)} {{: #{o.id} }}", "", md(o.summary), ""]
        for pos in o.positions:
            out.append(f"- {stance_chip(pos.stance)} "
                       f"**{md(short[pos.paper])}**: {md(pos.text)} {locs(pos.at, page)}".rstrip())
        out += ["", "</section>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def pages(kb: KnowledgeBase) -> dict[str, str]:
    return {
        "compare/index.md": matrix(kb),
        "compare/agree-differ.md": agree_differ(kb),
        "compare/debate-map.md": debate_map(kb),
    }
