"""Replies: how would the claim's own paper answer an objection, from its own text?"""

from __future__ import annotations

from collections.abc import Iterator

from ...index import KbIndex
from ..item import Item, Option
from ..lint import MAX_STEM_WORDS
from ..wording import because, cap, locs, poss, sentence
from .common import claim_page


def stem(name: str, about: str, objection: str) -> str:
    """The objection with what it is about, or without when that would take the stem past its word limit."""
    ask = f"Which reply can {name} make from its own text?"
    # Not "a critic objects": some objections are another paper's, some this module's own analysis
    full = f"Consider an objection to {poss(name)} argument about {about}. {sentence(objection)} {ask}"
    return full if len(full.split()) <= MAX_STEM_WORDS else f"Consider an objection to {name}. {sentence(objection)} {ask}"


def reply(ix: KbIndex) -> Iterator[Item]:
    for ca in ix.kb.counterarguments:
        if ca.response is None or len(ca.wrong_replies) < 2:
            continue
        c = ix.claims[ca.claim]
        name = ix.short(c.paper)
        whose = ("comes from this module's analysis" if ca.by == "module" else
                 f"is {poss(name)} own caveat ({locs(ca.at)})" if ca.by == c.paper else
                 f"draws on {poss(ix.short(ca.by))} position ({locs(ca.at)})")
        # the quiz's own wording (validation requires it), since the claim page prints response.text
        options = [Option(text=cap(ca.response.option or ca.response.text), correct=True,
                          feedback=f"Right. {sentence(ca.response.why)} ({locs(ca.response.at)})")]
        options += [Option(text=cap(w.text), correct=False, feedback=because(w))
                    for w in ca.wrong_replies[:3]]
        yield Item(id=f"reply-{ca.id}", type="single",
                   stem=stem(name, c.about, ca.text),
                   # 'offers this reply', not 'answers it': a paper's best reply may meet only part of the objection
                   explanation=f"The objection {whose}. {poss(name)} own text offers this reply ({locs(ca.response.at)}): "
                               f"{sentence(ca.response.text)}",
                   at=list(dict.fromkeys([*ca.response.at, *ca.at])), page=claim_page(c), topic="arguments", paper=c.paper,
                   template="reply", sources=[ca.id, c.id], options=options)
