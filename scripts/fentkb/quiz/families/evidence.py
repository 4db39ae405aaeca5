"""Evidence: what a figure that carries a claim measures, told apart from the same paper's figures of the
same unit. The explanation adds what a careful reader should notice about it (its `note`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...index import KbIndex
from ...model import Claim, Evidence
from ...papers import parse_locator
from ..draw import group, pick, rng_for
from ..item import Item, Option
from ..lint import NUMBER
from ..wording import cap, clause, locs, number_key, sentence

# Units not asked about: a date is not a figure that measures, and a bare count (3 entities, 13 members,
# four pillars) would test recall of a number rather than what the evidence shows.
NOT_ASKED = {"date", "year", "dates", "years", "year range", "decade", "period", "count", "event", "place",
             "session"}


YEAR = re.compile(r"(19|20)\d\d")


def supported(e: Evidence, claims: list[Claim]) -> Claim:
    """The claim a figure is offered for: one made in the figure's own paragraph if there is one."""
    place = parse_locator(e.at)
    here = set(place.keys) if place else set()
    own = [c for c in claims if any(here & set(p.keys) for loc in c.at if (p := parse_locator(loc)))]
    return (own or claims)[0]


def figure(ix: KbIndex) -> Iterator[Item]:
    same = group(ix.kb.evidence, lambda o: (o.paper, o.unit))
    for e in ix.kb.evidence:
        carried = ix.claims_by_evidence.get(e.id)
        if (not carried or e.unit.lower() in NOT_ASKED or not NUMBER.search(e.figure) or YEAR.fullmatch(e.figure)
                or set(NUMBER.findall(e.figure)) & set(NUMBER.findall(e.measures))):
            continue  # a date or a phrase is not a figure that measures; a number repeated in its key gives it away
        item_id = f"figure-{e.id}"

        def other(o: Evidence, e: Evidence = e) -> bool:
            return number_key(o.figure) != number_key(e.figure) and o.measures.strip() != e.measures.strip()

        distractors = pick(rng_for(item_id), same[(e.paper, e.unit)], 3, other)
        if len(distractors) < 2:
            continue
        name = ix.short(e.paper)
        claim = supported(e, carried)
        options = [Option(text=cap(e.measures), correct=True, feedback=f"Right: this is what “{e.figure}” measures "
                          f"({e.at}).")]
        options += [Option(text=cap(o.measures), correct=False,
                           feedback=f"No: this describes “{o.figure}” ({o.at}), not “{e.figure}”.") for o in distractors]
        note = f" {sentence(e.note)}" if e.note else ""
        yield Item(id=item_id, type="single", stem=f"In {name}, what does the figure “{e.figure}” measure?",
                   explanation=f"At {e.at}, “{e.figure}” is given for: {sentence(e.measures)}{note} {name} offers it "
                               f"for the argument that {clause(claim.signature)} ({locs(claim.at)}).",
                   at=[e.at, *claim.at], page=f"evidence/index.md#{e.id}", topic="evidence", paper=e.paper,
                   template="figure", sources=[e.id, claim.id, *(o.id for o in distractors)], options=options)
