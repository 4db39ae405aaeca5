"""Tensions: figures that do not fit together. Every recorded explanation that holds is keyed; the authored
wrong explanations are the distractors."""

from __future__ import annotations

from collections.abc import Iterator

from ...index import KbIndex
from ..item import Item, Option
from ..wording import because, cap, sentence


def tension(ix: KbIndex) -> Iterator[Item]:
    for t in ix.kb.tensions:
        if len(t.wrong) < 2:
            continue
        keys = t.explanations[:3]
        at = list(dict.fromkeys(ix.evidence[x].at for x in t.evidence))
        # the quiz's own wording (validation requires it): the numbers page prints each explanation's text
        options = [Option(text=cap(x.option or x.text), correct=True, feedback="Holds. " + because(x)) for x in keys]
        options += [Option(text=cap(w.text), correct=False, feedback="Does not hold. " + because(w))
                    for w in t.wrong[:3]]
        many = len(keys) > 1
        ask = "Which of these statements hold up? Select all that apply." if many else "Which statement holds up?"
        yield Item(id=f"tension-{t.id}", type="multiple" if many else "single", stem=f"{sentence(t.question)} {ask}",
                   explanation="This module's analysis: " + " ".join(f"{sentence(x.text)} {sentence(x.why)}"
                                                                     for x in t.explanations),
                   at=at, page=f"evidence/disagree.md#{t.id}", topic="evidence", template="tension",
                   sources=[t.id, *t.evidence], options=options, also_right=[x.text for x in t.explanations])
