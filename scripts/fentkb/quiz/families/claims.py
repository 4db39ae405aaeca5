"""Claims: tell the paper's argument from its near-misses."""

from __future__ import annotations

from collections.abc import Iterator

from ...index import KbIndex
from ..item import Item, Option
from ..wording import because, cap, locs, sentence
from .common import claim_page


def misreading(ix: KbIndex) -> Iterator[Item]:
    """Which statement reports the paper's argument accurately? Distractors are the authored misreadings."""
    for c in ix.kb.claims:
        if len(c.misreadings) < 2:
            continue
        name = ix.short(c.paper)
        options = [Option(text=cap(c.signature), correct=True,
                          feedback=f"Right. In this module's fuller words: {c.text.strip()} ({locs(c.at)})")]
        options += [Option(text=cap(m.text), correct=False, feedback=because(m))
                    for m in c.misreadings[:3]]
        yield Item(id=f"misreading-{c.id}", type="single",
                   stem=f"Which statement accurately reports what {name} argues about {c.about}?",
                   # why it is the paper's, not only what it says: the key itself is printed beside it
                   explanation=f"A {c.type} claim of {name} ({locs(c.at)}). {sentence(c.why)}",
                   at=c.at, page=claim_page(c), topic="arguments", paper=c.paper, template="misreading",
                   sources=[c.id], options=options, also_right=[c.text])
