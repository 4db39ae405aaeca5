"""Claims: tell the paper's argument from its near-misses, and tell whose argument it is."""

from __future__ import annotations

from collections.abc import Iterator

from ...index import KbIndex
from ...model import Claim, Paper
from ..item import Item, Option
from ..wording import NO_PAPER, because, cap, clause, locs, poss, sentence
from .common import claim_page


def misreading(ix: KbIndex) -> Iterator[Item]:
    """Which statement reports the paper's argument accurately? Distractors are the authored misreadings."""
    for c in ix.kb.claims:
        if len(c.misreadings) < 2:
            continue
        name = ix.short(c.paper)
        options = [Option(text=cap(c.signature), correct=True,
                          feedback=f"Right: this is what {name} argues, with its conditions and strength "
                                   f"({locs(c.at)}). In this module's fuller words: {c.text.strip()}")]
        options += [Option(text=cap(m.text), correct=False, feedback=because(m))
                    for m in c.misreadings[:3]]
        yield Item(id=f"misreading-{c.id}", type="single",
                   stem=f"Which statement accurately reports what {name} argues about {c.about}?",
                   explanation=f"{name} argues that {clause(c.signature)} ({locs(c.at)}). Each other statement "
                               "shifts its scope, its strength, its cause or its condition; the feedback on each says how.",
                   at=c.at, page=claim_page(c), topic="arguments", paper=c.paper, template="misreading",
                   sources=[c.id], options=options, also_right=[c.text])


def elsewhere(ix: KbIndex, c: Claim, paper: Paper) -> str:
    """What another paper holds on the matrix row the claim bears on, so a wrong choice teaches something."""
    row = ix.dimensions.get(c.row or "")
    cell = row.cells.get(paper.id) if row else None
    if row is None or cell is None:
        return f"{paper.short} makes no argument about {c.about}."
    where = f" ({locs(cell.at)})" if cell.at else ""
    return f"On {row.label[:1].lower() + row.label[1:]}, {paper.short} holds: {sentence(cell.text)[:-1]}{where}."


def attribution(ix: KbIndex) -> Iterator[Item]:
    """Which paper argues this? Each claim's signature, and each misreading no paper holds. A wrong paper's
    feedback gives that paper's own position on the claim's matrix row."""
    for c in ix.kb.claims:
        owner = ix.short(c.paper)
        options = [Option(text=p.short, correct=p.id == c.paper,
                          feedback=f"Right: {p.short} argues this about {c.about} ({locs(c.at)})." if p.id == c.paper
                          else f"No: it is {poss(owner)} argument about {c.about}. {elsewhere(ix, c, p)}")
                   for p in ix.kb.papers]
        options.append(Option(text=NO_PAPER, correct=False,
                              feedback=f"No: {owner} argues it, at {locs(c.at)}."))
        yield Item(id=f"attribution-{c.id}", type="single", stem=f"Which paper argues that {clause(c.signature)}?",
                   explanation=f"This is {poss(owner)} argument about {c.about} ({locs(c.at)}). In this module's "
                               f"words: {c.text.strip()}", at=c.at,
                   page=claim_page(c), topic="comparison", template="attribution", sources=[c.id], options=options)
        for n, m in enumerate(x for x in c.misreadings if x.no_paper):
            options = [Option(text=p.short, correct=False,
                              feedback=(f"No: {owner} argues something close but different. {because(m)}"
                                        if p.id == c.paper else
                                        f"No: {p.short} does not argue this about {c.about}. {elsewhere(ix, c, p)}")
                              ) for p in ix.kb.papers]
            options.append(Option(text=NO_PAPER, correct=True,
                                  feedback=f"Right: none of the three papers argues this. {because(m)}"))
            yield Item(id=f"attribution-none-{c.id}-{n + 1}", type="single",
                       stem=f"Which paper argues that {clause(m.text)}?",
                       explanation=f"No paper argues this. The nearest is {poss(owner)} argument that "
                                   f"{clause(c.signature)} ({locs(c.at)}).", at=list(dict.fromkeys([*c.at, *m.at])),
                       page=claim_page(c),
                       topic="comparison", template="attribution", sources=[c.id], options=options)
