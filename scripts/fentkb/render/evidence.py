"""The evidence ledger (every figure the papers state, by topic, filterable by paper and topic) and its
companion page, where the numbers disagree."""

from __future__ import annotations

from ..model import Evidence, KnowledgeBase, Tension
from ..papers import parse_locator
from .text import ANALYSIS, h, locs, md

LEDGER = "evidence/index.md"
DISAGREE = "evidence/disagree.md"

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


def by_topic(kb: KnowledgeBase) -> dict[str, list[Evidence]]:
    """The figures of each topic that has any, in the papers' order and then by paragraph."""
    rank = {p.id: i for i, p in enumerate(kb.papers)}
    groups = {topic: sorted((e for e in kb.evidence if e.topic == topic), key=lambda e: (rank[e.paper],
                                                                                          paragraph(e.at)))
              for topic in TOPIC_TITLES}
    return {topic: items for topic, items in groups.items() if items}


def filter_controls(kb: KnowledgeBase, topics: list[str]) -> list[str]:
    """The paper and topic filters. They stay hidden until docs/assets/filter.js runs, so without JavaScript
    the page is the whole ledger and shows no control that does nothing."""
    papers = "".join(f'<option value="{h(p.id)}">{h(p.short)}</option>' for p in kb.papers)
    kinds = "".join(f'<option value="{h(t)}">{h(TOPIC_TITLES[t])}</option>' for t in topics)
    return ['<div class="fk-filter" role="group" aria-label="Filter the figures" data-search-exclude data-fk-soon hidden>',
            '<span class="fk-field"><label for="fk-filter-paper">Paper</label>',
            f'<select id="fk-filter-paper" name="paper"><option value="">All papers</option>{papers}</select></span>',
            '<span class="fk-field"><label for="fk-filter-topic">Topic</label>',
            f'<select id="fk-filter-topic" name="topic"><option value="">All topics</option>{kinds}</select></span>',
            f'<p class="fk-filter-count" role="status" aria-live="polite">Showing all {len(kb.evidence)} '
            "figures.</p>",
            "</div>", ""]


def ledger(kb: KnowledgeBase) -> str:
    page = LEDGER
    short = kb.index.shorts
    groups = by_topic(kb)
    jump = " · ".join(f"[{TOPIC_TITLES[t]}](#{t})" for t in groups)
    out = ["# Evidence ledger", "",
           f"Every figure and dated fact the papers state: {len(kb.evidence)} in all. Each figure is written "
           "exactly as the paper writes it, and a test checks that it appears in the cited paragraph. "
           "'Source it cites' is the note or reference the paper attaches to it, and that source's kind.", "",
           "Some of these figures do not fit together: see [where the numbers disagree](disagree.md).", "",
           f"Topics: {jump}.", "{: data-search-exclude }", "", *filter_controls(kb, list(groups))]
    for topic, items in groups.items():
        # 'fk-wide' marks a big table: module.css widens the page for it and keeps its header in view
        out += [f"## {TOPIC_TITLES[topic]} {{: #{topic} }}", "",
                f'<div class="fk-stack fk-ledger fk-wide" data-topic="{h(topic)}" markdown>', "",
                "| Figure | What it measures | Paper | Where | Source it cites |", "| --- | --- | --- | --- | --- |"]
        for e in items:
            note = f" *Note: {md(e.note)}*" if e.note else ""
            out.append(f'| **{md(e.figure)}** {{: #{e.id} data-paper="{h(e.paper)}" }} | {md(e.measures)}{note} '
                       f"| {md(short[e.paper])} | {locs([e.at], page)} | {source_of(kb, e)} |")
        out += ["", "</div>", ""]
    out += moved_tensions(kb)
    out += ['<script src="../assets/filter.js" defer></script>', ""]
    return "\n".join(out)


def moved_tensions(kb: KnowledgeBase) -> list[str]:
    """The cases now on their own page, listed under their old anchors so that old links still land here.
    Search finds them on that page, so this list stays out of the index."""
    out = ["## Where the numbers disagree", "",
           "The figures that do not fit together are set side by side, each with a question, on their own "
           "page: [where the numbers disagree](disagree.md).", "", "<div data-search-exclude=\"\" markdown>", ""]
    out += [f"- [{md(t.title)}](disagree.md#{t.id}){{: #{t.id} }}" for t in kb.tensions]
    return out + ["", "</div>", ""]


def case(kb: KnowledgeBase, t: Tension, page: str) -> list[str]:
    by_id = kb.index.evidence
    short = kb.index.shorts
    out = [f"## {md(t.title)} {{: #{t.id} }}", ""]
    for eid in t.evidence:
        e = by_id[eid]
        out.append(f"- [**{md(e.figure)}**](index.md#{e.id}): {md(e.measures)} "
                   f"({md(short[e.paper])}, {locs([e.at], page)})")
    out += ["", f"**Question.** {md(t.question)}", ""]
    out += ['<details class="fk-explain" markdown>', f"<summary>Possible explanations {ANALYSIS}</summary>", ""]
    out += [f"- {md(x.text)} {md(x.why)} {locs(x.at, page)}".rstrip() for x in t.explanations]
    return out + ["", "</details>", ""]


def disagree(kb: KnowledgeBase) -> str:
    page = DISAGREE
    out = ["# Where the numbers disagree", "",
           "Some figures do not fit together, within one paper or across papers. Each case sets them side by "
           "side and puts a question to you; each figure links to its row in the "
           "[evidence ledger](index.md). The possible explanations are this module's analysis, not the "
           "papers': decide first, then open them.", ""]
    for t in kb.tensions:
        out += case(kb, t, page)
    return "\n".join(out)


def pages(kb: KnowledgeBase) -> dict[str, str]:
    return {LEDGER: ledger(kb), DISAGREE: disagree(kb)}
