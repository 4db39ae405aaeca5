"""Claim trees: each paper's main claims, the evidence for them and the objections to them."""

from __future__ import annotations

from ..model import Bearing, Claim, Counter, Development, KnowledgeBase
from ..quiz.item import TOPICS
from . import since, testyourself
from .testyourself import QuizSizes
from .text import by_label, h, locs, md

TYPE_HELP = {
    "diagnosis": "what the problem is",
    "causal": "what causes what",
    "recommendation": "what should be done",
    "prediction": "what will happen",
    "value": "what matters most",
}


def claim_block(kb: KnowledgeBase, claim: Claim, page: str, counters: list[Counter],
                later: list[tuple[Development, Bearing]] | None = None) -> list[str]:
    short = kb.index.shorts
    by_id = kb.index.evidence
    out = [f'<details class="fk-claim" id="{h(claim.id)}" markdown>',
           f'<summary markdown><span class="fk-type">{h(claim.type)}</span> {md(claim.text)}</summary>', "",
           f"Where the paper says it: {locs(claim.at, page)}", ""]
    row = kb.index.dimensions.get(claim.row or "")
    if row:
        out += [f"The other papers on this: [{md(row.label)}](../compare/index.md) in the side-by-side matrix.", ""]
    out += ['<div class="fk-pro" markdown>', "", "**For it: the paper's evidence**", ""]
    if claim.evidence:
        for eid in claim.evidence:
            e = by_id[eid]
            out.append(f"- [{md(e.figure)}](../evidence/index.md#{e.id}): {md(e.measures)} {locs([e.at], page)}")
    else:
        out.append("- The paper offers no figure for this claim; it rests on reasoning.")
    out += ["", "</div>", "", '<div class="fk-con" markdown>', "", "**Against it: counterarguments**", ""]
    for c in counters:
        out.append(f"- {by_label(c.by, short)} {md(c.text)} {locs(c.at, page)}".rstrip())
        if c.response:
            out.append(f"    - *{md(short[claim.paper])} answers:* {md(c.response.text)} {locs(c.response.at, page)}")
    out += ["", "</div>", "", *since.claim_lines(later or [], page), "</details>", ""]
    return out


def tree(kb: KnowledgeBase, paper_id: str, sizes: QuizSizes | None = None) -> str:
    paper = kb.paper(paper_id)
    page = f"claims/{paper_id}.md"
    claims = kb.index.claims_by_paper.get(paper_id, [])
    counters = kb.index.counters_by_claim
    later = since.bearing_index(kb)
    out = [f"# Claims of {md(paper.short)}", "",
           f"The main claims of [*{md(paper.title)}*](../papers/{paper_id}.md), each stated at its strongest. "
           "Open a claim to see the evidence the paper gives for it and the objections to it. An objection "
           "says whose it is: another paper, with the paragraph, or this module's analysis. Where events "
           "after the paper bear on a claim, they are listed under it, with a link to "
           "[Since the papers](../since.md).", ""]
    for claim_type, help_text in TYPE_HELP.items():
        group = [c for c in claims if c.type == claim_type]
        if group:
            out += [f"## {claim_type.capitalize()} claims: {help_text}", ""]
            for claim in group:
                out += claim_block(kb, claim, page, counters.get(claim.id, []), later.get(claim.id))
    if sizes:
        out += testyourself.block(sizes, paper_id, paper.short, "arguments", TOPICS["arguments"])
    return "\n".join(out)


def index(kb: KnowledgeBase) -> str:
    out = ["# Claims and counterarguments", "",
           "A claim tree per paper: claims grouped by type (diagnosis, causal, recommendation, prediction, "
           "value), each with its evidence and its counterarguments.", ""]
    for p in kb.papers:
        n = sum(1 for c in kb.claims if c.paper == p.id)
        out.append(f"- [{md(p.short)}]({p.id}.md): {n} claims")
    out += ["", "See also the [debate map](../compare/debate-map.md) of the four policy options.", ""]
    return "\n".join(out)


def pages(kb: KnowledgeBase, sizes: QuizSizes | None = None) -> dict[str, str]:
    """The index and one tree per paper; with the quiz `sizes`, each tree ends with 'Test yourself'."""
    result = {"claims/index.md": index(kb)}
    for p in kb.papers:
        result[f"claims/{p.id}.md"] = tree(kb, p.id, sizes)
    return result
