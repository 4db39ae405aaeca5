"""Where items link to, shared by the families."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Claim


def claim_page(c: Claim) -> str:
    return f"claims/{c.paper}.md#{c.id}"


def paragraph_page(at: Sequence[str]) -> str:
    """The paper page at the first paragraph a locator list names, or the sources page for a note."""
    paper, _, place = at[0].partition(" ")
    if place.startswith("¶"):
        return f"papers/{paper}.md#p{place[1:].split('-')[0]}"
    return "sources.md"
