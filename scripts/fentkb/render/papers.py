"""One page per paper, and the overview of the three."""

from __future__ import annotations

from ..model import Judgement, KnowledgeBase, Paper, Point
from . import since, testyourself
from .testyourself import QuizSizes
from .text import ANALYSIS, h, locs, md

TREATMENT_LABELS = {
    "mexico": "Mexico",
    "china": "China",
    "military_force": "Military force",
    "public_health": "Public health and harm reduction",
}


def cited_comments(kb: KnowledgeBase, paper_id: str) -> list[str]:
    """The reader's comments a paper's text keeps, and those the knowledge base cites: without the papers'
    texts (a clone on its own) the page still gets an anchor for every comment a locator points at."""
    found = {k for k in kb.paragraphs.get(paper_id, {}) if k.startswith("c")}
    found |= kb.index.comments_cited.get(paper_id, set())
    return sorted(found)


def _sentence(text: str) -> str:
    """Text as one sentence: a capital first letter and one full stop."""
    text = " ".join(text.split()).rstrip(".")
    return md(text[:1].upper() + text[1:]) + "."


def citation(paper: Paper) -> str:
    """Title, authors, venue and date as sentences, whatever the text leaves out."""
    names = [md(a) for a in paper.authors]
    by = f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else "".join(names)
    end = "" if paper.title.rstrip()[-1:] in "?!." else "."
    out = [f"*{md(paper.title)}*" + (f", by {by}." if by else end)]
    out.append(_sentence(paper.venue))
    if not by and "author" not in paper.venue.lower():
        out.append("The text names no author.")
    date = " ".join(paper.date.split())  # '5 Dec 2025', 'updated 2 Dec 2024' or 'not given in the text (...)'
    if date[:1].isdigit():
        date = f"dated {date}"
    elif date.startswith("not "):
        date = f"date {date}"
    out.append(_sentence(date))
    return " ".join(out)


def about_box(paper: Paper) -> list[str]:
    """The bibliographic details and their caveats, folded away below the thesis."""
    url = (f'Web address: <a href="{h(paper.url)}">{h(paper.url)}</a>.' if paper.url
           else "The text gives no web address.")
    out = ['??? info "About this paper"', "", f"    {citation(paper)} {url}", ""]
    if paper.context:
        out += [f"    - **Context.** {md(paper.context)}"]
    if paper.audience:
        out += [f"    - **Audience and tone.** {md(paper.audience)}"]
    return out + [""]


def point(p: Point, page: str) -> str:
    return f"{md(p.text)} {locs(p.at, page)}".strip()


def judgements(items: list[Judgement], page: str) -> list[str]:
    return [f"- **{md(j.text)}** {md(j.reason)} {locs(j.at, page)}".rstrip() for j in items]


def paragraph_numbers(span: str) -> list[int]:
    first, _, last = span.partition("-")
    return list(range(int(first), int(last or first) + 1))


def paper_page(kb: KnowledgeBase, paper: Paper, sizes: QuizSizes | None = None) -> str:
    page = f"papers/{paper.id}.md"
    evidence = [e for e in kb.evidence if e.paper == paper.id]
    claims = [c for c in kb.claims if c.paper == paper.id]
    refs = {r.n: r for r in paper.references}
    out = [
        f"# {md(paper.title)}",
        "",
        f"**Thesis.** {point(paper.thesis, page)}",
        "",
        "**What it argues for:**",
        "",
        *[f"- {point(r, page)}" for r in paper.recommendations],
        "",
        f"Its {len(claims)} main claims, each with the paper's evidence and the objections to it: "
        f"[claim tree](../claims/{paper.id}.md). Test yourself after reading: the "
        f"[short quiz on this paper](../quiz/{paper.id}.md).",
        "",
        *about_box(paper),
        *since.paper_box(kb, paper.id, page),
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
    comments = cited_comments(kb, paper.id)
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
    out += ["## How it treats the key questions", "", "| Question | This paper |", "| --- | --- |"]
    for key, label in TREATMENT_LABELS.items():
        out.append(f"| {label} | {point(getattr(paper.treatment, key), page)} |")
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
    if sizes:
        out += testyourself.block(sizes, paper.id, paper.short)
    return "\n".join(out)


def overview(kb: KnowledgeBase) -> str:
    out = ["# The papers", "",
           "Each paper answers the same question differently: what should the United States do about "
           "fentanyl coming across its southern border? Read the thesis, then open the paper's page.", ""]
    for p in kb.papers:
        out += [f"## [{md(p.short)}]({p.id}.md)", "", citation(p), "{: .fk-citation }",
                "", f"**Thesis.** {point(p.thesis, 'papers/index.md')}", ""]
    out += ["What has happened since the papers were written, and how it bears on their claims: "
            "[Since the papers](../since.md).", ""]
    return "\n".join(out)


def pages(kb: KnowledgeBase, sizes: QuizSizes | None = None) -> dict[str, str]:
    """The overview and one page per paper; with the quiz `sizes`, each page ends with 'Test yourself'."""
    result = {"papers/index.md": overview(kb)}
    for paper in kb.papers:
        result[f"papers/{paper.id}.md"] = paper_page(kb, paper, sizes)
    return result
