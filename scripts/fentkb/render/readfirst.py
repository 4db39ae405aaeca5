"""'Read first': the line at the top of each quiz page naming the pages its questions are drawn from.

Written for quiz pages, which sit one folder below docs/ (quiz/); the links are Markdown, so MkDocs checks
them and writes them for the build's URL style.
"""

from __future__ import annotations

from .text import md

# Per skill quiz, the pages that teach what it asks, in reading order: (link text, page under docs/).
SKILL_PAGES: dict[str, list[tuple[str, str]]] = {
    "evidence": [("the evidence ledger", "evidence/index.md"), ("where the numbers disagree", "evidence/disagree.md")],
    "arguments": [("the claim trees", "claims/index.md")],
    "comparison": [("the side-by-side matrix", "compare/index.md"),
                   ("where the papers agree and differ", "compare/agree-differ.md"),
                   ("the debate map", "compare/debate-map.md")],
    "frameworks": [("the three papers", "papers/index.md")],
    "concepts": [("the glossary", "glossary.md"), ("the three papers", "papers/index.md")],
}


def read_first(topic: str, paper_short: str | None = None) -> list[str]:
    """The 'Read first' paragraph for a skill quiz, or for a paper's quiz when `paper_short` names the paper
    (its topic is then the paper's id); nothing for a topic no page teaches."""
    if topic in SKILL_PAGES:
        links = [f"[{text}](../{path})" for text, path in SKILL_PAGES[topic]]
    elif paper_short:
        links = [f"[{md(paper_short)}](../papers/{topic}.md)", f"its [claim tree](../claims/{topic}.md)"]
    else:
        return []
    joined = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    return [f"**Read first:** {joined}.", "{: .fk-read-first }", ""]
