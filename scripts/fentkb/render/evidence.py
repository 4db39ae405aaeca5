"""The evidence ledger: every figure the papers state, by topic, and where the numbers disagree."""

from __future__ import annotations

from ..model import Evidence, KnowledgeBase
from ..papers import parse_locator
from .text import ANALYSIS, locs, md

TOPIC_TITLES = {
    "deaths": "Deaths",
    "drug-use": "Drug use",
    "potency": "Potency",
    "seizures": "Seizures",
    "supply": "Supply and sources of the drug",
    "violence": "Cartel violence",
    "money": "Money",
    "trade": "Trade and tariffs",
    "treatment": "Treatment",
    "military": "Military",
    "policy": "Policy events",
    "history": "History",
}


def paragraph(locator: str) -> int:
    place = parse_locator(locator)
    return int(place.first[1:]) if place and place.first.startswith("¶") else 10_000


def source_of(kb: KnowledgeBase, e: Evidence) -> str:
    refs = kb.index.references[e.paper]
    cited = [refs[n] for n in e.cites if n in refs]
    if not cited:
        return "none given"
    return "; ".join(f"[{r.n}] {md(r.cite)} ({md(r.kind)})" for r in cited)


def ledger(kb: KnowledgeBase) -> str:
    page = "evidence/index.md"
    short = kb.index.shorts
    out = ["# Evidence ledger", "",
           f"Every figure and dated fact the papers state: {len(kb.evidence)} in all. Each figure is written "
           "exactly as the paper writes it, and a test checks that it appears in the cited paragraph. "
           "'Source it cites' is the note or reference the paper attaches to it, and that source's kind.", "",
           "Jump to [where the numbers disagree](#where-the-numbers-disagree).", ""]
    for topic, title in TOPIC_TITLES.items():
        rank = {p.id: i for i, p in enumerate(kb.papers)}
        items = sorted((e for e in kb.evidence if e.topic == topic), key=lambda e: (rank[e.paper], paragraph(e.at)))
        if not items:
            continue
        out += [f"## {title}", "", '<div class="fk-stack fk-ledger" markdown>', "",
                "| Figure | What it measures | Paper | Where | Source it cites |", "| --- | --- | --- | --- | --- |"]
        for e in items:
            note = f" *Note: {md(e.note)}*" if e.note else ""
            out.append(f"| **{md(e.figure)}** {{: #{e.id} }} | {md(e.measures)}{note} | {md(short[e.paper])} "
                       f"| {locs([e.at], page)} | {source_of(kb, e)} |")
        out += ["", "</div>", ""]
    out += tensions(kb, page)
    return "\n".join(out)


def tensions(kb: KnowledgeBase, page: str) -> list[str]:
    by_id = kb.index.evidence
    short = kb.index.shorts
    out = ["## Where the numbers disagree", "",
           "Some figures do not fit together, within one paper or across papers. Each case is put to you as a "
           "question; the possible explanations that follow are this module's analysis, not the papers'.", ""]
    for t in kb.tensions:
        out += [f"### {md(t.title)} {{: #{t.id} }}", ""]
        for eid in t.evidence:
            e = by_id[eid]
            out.append(f"- **{md(e.figure)}**: {md(e.measures)} ({md(short[e.paper])}, {locs([e.at], page)})")
        out += ["", f"**Question.** {md(t.question)}", ""]
        out += ['<details class="fk-explain" markdown>', f"<summary>Possible explanations {ANALYSIS}</summary>", ""]
        out += [f"- {md(x.text)} {md(x.why)} {locs(x.at, page)}".rstrip() for x in t.explanations]
        out += ["", "</details>", ""]
    return out


def pages(kb: KnowledgeBase) -> dict[str, str]:
    return {"evidence/index.md": ledger(kb)}
