"""Comparison: match each paper to its position, account for where the papers part, and say where each
stands on a policy option."""

from __future__ import annotations

from collections.abc import Iterator

from ...index import KbIndex
from ..item import Item, Option
from ..wording import because, cap, locs, sentence


def _heading(title: str) -> str:
    """A finding's title leading its explanation: a question stays a question ('Who broke cooperation?')."""
    title = title.strip()
    return title if title.endswith("?") else title.rstrip(".") + ":"


def matching(ix: KbIndex) -> Iterator[Item]:
    """One matrix row as a question, the three cells as answers, and at least two positions no paper takes."""
    for d in ix.kb.dimensions:
        if not d.asked or len(d.decoys) < 2:
            continue
        cells = [(p, d.cells[p.id]) for p in ix.kb.papers]
        # the quiz's own wording (validation requires it for a row asked), since the compare page prints the cells
        answers = [d.answers.get(p.id, cell.text) for p, cell in cells]
        reasons = " ".join(f"{p.short}: {sentence(cell.text)[:-1]} ({locs(cell.at) or 'the paper is silent'})."
                           for p, cell in cells)
        decoys = " ".join(f"“{dc.text.rstrip('.')}” fits no paper: {sentence(dc.why)}" for dc in d.decoys)
        yield Item(id=f"match-{d.id}", type="matching", stem=f"{d.question.strip()} Match each paper to its position.",
                   explanation=f"{reasons} {decoys}", at=[loc for _, cell in cells for loc in cell.at],
                   page="compare/index.md", topic="comparison", template="matching", sources=[d.id],
                   pairs=[(p.short, cap(answer)) for (p, _), answer in zip(cells, answers, strict=True)],
                   extra=[cap(dc.text) for dc in d.decoys])


def finding(ix: KbIndex) -> Iterator[Item]:
    """Why do the papers agree or part here? The key is the authored account; the distractors are accounts
    that do not hold."""
    for f in ix.kb.findings:
        if not f.question or not f.answer or len(f.wrong) < 2:
            continue
        options = [Option(text=cap(f.answer), correct=True, feedback=f"Right: {sentence(f.text.strip())} ({locs(f.at)})")]
        options += [Option(text=cap(w.text), correct=False, feedback=because(w)) for w in f.wrong[:3]]
        yield Item(id=f"finding-{f.id}", type="single", stem=sentence(f.question.strip()),
                   explanation=f"{_heading(f.title)} {sentence(f.text.strip())}", at=f.at,
                   page=f"compare/agree-differ.md#{f.id}",
                   topic="comparison", template="finding", sources=[f.id], options=options, also_right=[f.text])


def stance(ix: KbIndex) -> Iterator[Item]:
    """Does this paper argue for this option? Only clear for/against positions are asked."""
    for o in ix.kb.options:
        for pos in o.positions:
            if pos.stance not in ("for", "against"):
                continue
            name = ix.short(pos.paper)
            yes = pos.stance == "for"
            why = f"Its position, in this module's words: {sentence(pos.text)} ({locs(pos.at)})"
            # the feedback says why the text counts as this stance, where that is authored
            reason = sentence(pos.why) if pos.why else why
            yield Item(id=f"stance-{o.id}-{pos.paper}", type="truefalse",
                       stem=f"{name} argues for this policy option: {o.label.rstrip('.')}.",
                       explanation=f"{name} argues {pos.stance} it. {why}", at=pos.at,
                       page=f"compare/debate-map.md#{o.id}", topic="comparison", paper=pos.paper, template="stance",
                       sources=[o.id, pos.paper],
                       options=[Option(text="True", correct=yes, feedback=("Right: it argues for it. " if yes else
                                                                           "No: it argues against it. ") + reason),
                                Option(text="False", correct=not yes, feedback=("Right: it argues against it. " if not yes
                                                                                else "No: it argues for it. ") + reason)])
