"""One page per paper, and the overview of the three."""

from __future__ import annotations

from ..model import Judgement, KnowledgeBase, Paper, Point
from .text import ANALYSIS, h, locs, md

TREATMENT_LABELS = {
    "mexico": "Mexico",
    "china": "China",
    "military_force": "Military force",
    "public_health": "Public health and harm reduction",
}


def _clause(text: str) -> str:
    return md(text.strip().rstrip("."))


def citation(paper: Paper) -> str:
    authors = "; ".join(md(a) for a in paper.authors) or "Author not named in the text"
    url = f" <{h(paper.url)}>" if paper.url else " No web address is given in the text."
    return f"{authors}. *{md(paper.title)}*. {_clause(paper.venue)}. Date: {_clause(paper.date)}.{url}"


def point(p: Point, page: str) -> str:
    return f"{md(p.text)} {locs(p.at, page)}".strip()


def judgements(items: list[Judgement], page: str) -> list[str]:
    return [f"- **{md(j.text)}** {md(j.reason)} {locs(j.at, page)}".rstrip() for j in items]


def paragraph_numbers(span: str) -> list[int]:
    first, _, last = span.partition("-")
    return list(range(int(first), int(last or first) + 1))


def paper_page(kb: KnowledgeBase, paper: Paper) -> str:
    page = f"papers/{paper.id}.md"
    evidence = [e for e in kb.evidence if e.paper == paper.id]
    claims = [c for c in kb.claims if c.paper == paper.id]
    refs = {r.n: r for r in paper.references}
    out = [
        f"# {md(paper.title)}",
        "",
        citation(paper),
        "{: .fk-citation }",
        "",
        f"**Thesis.** {point(paper.thesis, page)}",
        "",
        "The summary below presents the paper's argument in this module's words, at its strongest; "
        "the critique comes after it, labelled.",
        "",
        "## Section by section",
        "",
    ]
    for s in paper.sections:
        # one anchor per paragraph, so every locator into this paper lands on the summary that covers it
        anchors = "".join(f'<span id="p{n}"></span>' for n in paragraph_numbers(s.paragraphs))
        out += [f"### {md(s.title)}", "", f"{anchors}*Paragraphs ¶{md(s.paragraphs)}.* {md(s.summary)}", ""]
    comments = sorted(k for k in kb.paragraphs.get(paper.id, {}) if k.startswith("c"))
    if comments:
        anchors = "".join(f'<span id="{k}"></span>' for k in comments)
        names = ", ".join(f"[{k}]" for k in comments)
        out += [f"{anchors}*Below the article the text keeps a reader's comment ({names}). "
                "It is not part of the article; this module cites it only as such.*", ""]
    out += ["## Method and sources", "", point(paper.method, page), ""]
    if paper.references:
        kinds: dict[str, int] = {}
        for r in paper.references:
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
        spread = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
        out += [f"It lists {len(paper.references)} notes or references: {spread} "
                f"([all sources](../sources.md#{paper.id})).", ""]
    else:
        out += ["It cites no sources at all ([sources](../sources.md)).", ""]
    out += ["## Recommendations", "", *[f"- {point(r, page)}" for r in paper.recommendations], ""]
    out += ["## How it treats the key questions", "", "| Question | This paper |", "| --- | --- |"]
    for key, label in TREATMENT_LABELS.items():
        out.append(f"| {label} | {point(getattr(paper.treatment, key), page)} |")
    out.append("")
    if paper.context or paper.audience:
        out += ["## Context and audience", ""]
        out += [f"- **Context.** {md(paper.context)}"] if paper.context else []
        out += [f"- **Audience and tone.** {md(paper.audience)}"] if paper.audience else []
        out.append("")
    out += ["## Key evidence", ""]
    if evidence:
        out += ['<div class="fk-stack fk-keyev" markdown>', "",
                "| Figure | What it measures | Where | Source it cites |", "| --- | --- | --- | --- |"]
        for e in evidence:
            source = ", ".join(f"[{n}] {md(refs[n].kind)}" for n in e.cites if n in refs) or "none given"
            out.append(f"| {md(e.figure)} | {md(e.measures)} | {locs([e.at], page)} | {source} |")
        out += ["", "</div>", "", f"All figures of all papers: [evidence ledger](../evidence/index.md). "
                f"Its {len(claims)} main claims, with their counterarguments: "
                f"[claim tree](../claims/{paper.id}.md).", ""]
    else:
        out += ["This paper states no figures.", ""]
    for title, items in (("Strongest points", paper.strengths), ("Weakest points", paper.weaknesses)):
        out += [f"## {title}", "", f"{ANALYSIS} These judgements are this module's, each with its reason.", "",
                *judgements(items, page), ""]
    out += ["## Questions for discussion", "", *[f"1. {md(q)}" for q in paper.discussion], ""]
    return "\n".join(out)


def overview(kb: KnowledgeBase) -> str:
    out = ["# The papers", "",
           "Each paper answers the same question differently: what should the United States do about "
           "fentanyl coming across its southern border? Read the thesis, then open the paper's page.", ""]
    for p in kb.papers:
        authors = ", ".join(md(a) for a in p.authors) or "author not named"
        out += [f"## [{md(p.short)}]({p.id}.md)", "", f"*{md(p.title)}*. {authors}; {md(p.venue)}, {md(p.date)}.",
                "", f"**Thesis.** {point(p.thesis, 'papers/index.md')}", ""]
    return "\n".join(out)


def pages(kb: KnowledgeBase) -> dict[str, str]:
    result = {"papers/index.md": overview(kb)}
    for paper in kb.papers:
        result[f"papers/{paper.id}.md"] = paper_page(kb, paper)
    return result
