"""What each paper cites: a table per paper and small bar charts drawn as inline SVG."""

from __future__ import annotations

from ..model import KnowledgeBase, Paper
from .text import h, md

KIND_ORDER = ["government", "international", "academic", "think-tank", "news", "advocacy", "other"]


def bar_chart(title: str, counts: dict[str, int]) -> str:
    """A horizontal bar chart; the numbers are written beside the bars, so no colour carries meaning alone."""
    rows = [(k, n) for k, n in counts.items() if n]
    if not rows:
        return ""
    top = max(n for _, n in rows)
    bar_h, gap, label_w, width = 18, 6, 110, 420
    height = len(rows) * (bar_h + gap) + gap
    desc = ", ".join(f"{k}: {n}" for k, n in rows)
    parts = [f'<svg class="fk-chart" role="img" aria-label="{h(title)}: {h(desc)}" '
             f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">']
    for i, (kind, n) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = max(2, round((width - label_w - 40) * n / top))
        parts += [f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" class="fk-chart-label">{h(kind)}</text>',
                  f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" class="fk-chart-bar"/>',
                  f'<text x="{label_w + w + 6}" y="{y + 13}" class="fk-chart-label">{n}</text>']
    parts.append("</svg>")
    return "".join(parts)


def kind_counts(paper: Paper) -> dict[str, int]:
    return {k: sum(1 for r in paper.references if r.kind == k) for k in KIND_ORDER}


def year_counts(paper: Paper) -> dict[str, int]:
    years = sorted({r.year for r in paper.references if r.year})
    counts = {str(y): sum(1 for r in paper.references if r.year == y) for y in years}
    undated = sum(1 for r in paper.references if not r.year)
    if undated:
        counts["no year"] = undated
    return counts


def paper_section(paper: Paper) -> list[str]:
    out = [f"## {md(paper.short)} {{: #{paper.id} }}", ""]
    if not paper.references:
        return out + [f"*{md(paper.title)}* cites no sources: it has no notes and no reference list. "
                      "Its figures and judgements cannot be traced beyond the text itself.", ""]
    out += [f"{len(paper.references)} notes or references.", "",
            '<div class="fk-charts">', bar_chart(f"{paper.short}: sources by kind", kind_counts(paper)),
            bar_chart(f"{paper.short}: sources by year", year_counts(paper)), "</div>", "",
            "| No. | Source | Kind | Year |", "| --- | --- | --- | --- |"]
    out += [f'| <span id="{paper.id}-{r.n}">[{r.n}]</span> | {md(r.cite)} | {md(r.kind)} | {r.year or ""} |'
            for r in paper.references]
    return out + [""]


def page(kb: KnowledgeBase) -> str:
    out = ["# Sources", "",
           "What each paper rests on: every note or reference, classified by this module as government, "
           "international body, academic, think tank, news, advocacy or other, with its year. The charts show "
           "the same counts as the tables.", ""]
    summary = ["| Paper | Sources | Government | Academic | News | Think tank | Other kinds |",
               "| --- | --- | --- | --- | --- | --- | --- |"]
    for p in kb.papers:
        c = kind_counts(p)
        rest = sum(c.values()) - c["government"] - c["academic"] - c["news"] - c["think-tank"]
        summary.append(f"| {md(p.short)} | {len(p.references)} | {c['government']} | {c['academic']} | "
                       f"{c['news']} | {c['think-tank']} | {rest} |")
    out += [*summary, ""]
    for p in kb.papers:
        out += paper_section(p)
    urls = [p for p in kb.papers if p.url]
    if urls:
        out += ["## Web addresses of the papers", ""]
        out += [f"- {md(p.short)}: <{h(p.url or '')}>" for p in urls]
        out.append("")
    if kb.developments:
        out += ["## Outside sources of the Since page", "",
                "The vetted sources of [Since the papers](since.md), each with its own date.", ""]
        out += [f'- {md(d.source.replace(d.url, "").rstrip(", "))}: <a href="{h(d.url)}">{h(d.url)}</a>'
                for d in sorted(kb.developments, key=lambda d: (d.date, d.id))]
        out.append("")
    return "\n".join(out)


def pages(kb: KnowledgeBase) -> dict[str, str]:
    return {"sources.md": page(kb)}
