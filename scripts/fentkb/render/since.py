"""The "Since the papers" page: outside facts from after the papers' evidence, each with its source, its
"as of" date and the claims it bears on; plus the short lists the paper pages and claim trees show."""

from __future__ import annotations

from ..model import Bearing, Claim, Development, KnowledgeBase
from ..papers import parse_locator
from .text import h, locs, md

PAGE = "since.md"
# The date the vetted context file (../shared/context/since-the-papers.md) was compiled.
COMPILED = "2026-11-24"

EFFECT_LABEL = {"overtaken": "Overtaken by events", "supported": "Supported", "challenged": "Challenged",
                "mixed": "Mixed"}
EFFECT_HELP = {
    "overtaken": "events have moved past what the claim describes or assumes; that neither proves nor "
                 "disproves the argument.",
    "supported": "the development fits what the claim says.",
    "challenged": "the development runs against what the claim says or assumes.",
    "mixed": "the development fits one part of what the claim says and runs against another.",
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def nice_date(iso: str) -> str:
    """'2025-02-01' -> '1 February 2025'; '2025-02' -> 'February 2025'."""
    parts = iso.split("-")
    if len(parts) == 1 or not all(p.isdigit() for p in parts):
        return iso
    month = MONTHS[int(parts[1]) - 1]
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def effect_chip(effect: str) -> str:
    """The effect in words (colour never carries it alone)."""
    return f'<span class="fk-label fk-effect fk-effect-{h(effect)}">{h(EFFECT_LABEL.get(effect, effect))}</span>'


def in_order(kb: KnowledgeBase) -> list[Development]:
    return sorted(kb.developments, key=lambda d: (d.date, d.id))


def bearing_index(kb: KnowledgeBase) -> dict[str, list[tuple[Development, Bearing]]]:
    """For each claim id, the developments that bear on it, oldest first."""
    index: dict[str, list[tuple[Development, Bearing]]] = {}
    for dev in in_order(kb):
        for b in dev.bears_on:
            index.setdefault(b.claim, []).append((dev, b))
    return index


def for_paper(kb: KnowledgeBase, paper_id: str) -> list[Development]:
    """Developments that bear on one of the paper's claims or on one of its paragraphs."""
    own = {c.id for c in kb.claims if c.paper == paper_id}
    found = []
    for dev in in_order(kb):
        places = [parse_locator(x) for x in dev.at]
        if any(b.claim in own for b in dev.bears_on) or any(p and p.paper == paper_id for p in places):
            found.append(dev)
    return found


def claim_link(claim: Claim | None, claim_id: str, short: dict[str, str], page: str) -> str:
    depth = "../" * page.count("/")
    if claim is None:
        return md(claim_id)
    topic = claim.about or claim.text
    return f"[{md(short.get(claim.paper, claim.paper))}, on {md(topic)}]({depth}claims/{claim.paper}.md#{claim.id})"


def source_line(dev: Development) -> str:
    """The source exactly as vetted, with its address as the link."""
    before, found, after = dev.source.partition(dev.url)
    link = f'<a href="{h(dev.url)}">{h(dev.url)}</a>'
    if not found:  # the validator refuses this; show the address beside the line all the same
        return f"{md(dev.source)} {link}"
    return f"{md(before)} {link}{md(after)}".lstrip()


def fact_block(dev: Development, claims: dict[str, Claim], short: dict[str, str]) -> list[str]:
    whose = "source undated; the date of what it reports" if "undated" in dev.source else "the source's date"
    out = [f"## {md(dev.title)} {{: #{dev.id} }}", "",
           f'<p class="fk-asof"><strong>As of {h(nice_date(dev.as_of))}</strong> '
           f"({whose}) · Event: {h(nice_date(dev.date))}</p>", "",
           md(dev.fact), "",
           f"**Source:** {source_line(dev)}", "{: .fk-source }", ""]
    if dev.bears_on:
        out += ["**Bears on these claims** (this module's analysis):", ""]
        for b in dev.bears_on:
            out.append(f"- {effect_chip(b.effect)} {claim_link(claims.get(b.claim), b.claim, short, PAGE)}: "
                       f"{md(b.how)}")
        out.append("")
    if dev.at:
        out += [f"Paragraphs of the papers it bears on: {locs(dev.at, PAGE)}", ""]
    return out


def page(kb: KnowledgeBase) -> str:
    devs = in_order(kb)
    latest = max((d.as_of for d in devs), default=None)
    claims = kb.index.claims
    short = kb.index.shorts
    out = ["# Since the papers", "",
           "The three papers were written before the events below. This page sets out what happened "
           "afterwards, so that their arguments can be read in that light. Every fact here comes from a "
           "vetted list of outside sources and is given with its source: publisher, title, date and address.", "",
           '!!! warning "Dates matter"', "",
           f"    This list was compiled on {nice_date(COMPILED)}, but its sources run only to "
           f"{nice_date(latest) if latest else 'the date of the latest source'}. Each figure is correct as of "
           "its source's date, shown beside it as **As of**, not as of today. Where a wire or newspaper "
           "report was read on another site, the source names both.", "",
           "    The papers' own evidence stops earlier: Opioid Challenge cites sources up to January 2024; "
           "Military Options was last updated on 2 December 2024; No Tempest was published on 5 December "
           "2025 but its references run only to 2024, so even the 2025 events below come after its evidence.",
           "",
           "## How to read the effects", "",
           "Each development is linked to the claims it bears on, with one of three effects. The effects are "
           "this module's analysis, held to the same standard for all three papers:", ""]
    out += [f"- {effect_chip(e)}: {EFFECT_HELP[e]}" for e in EFFECT_LABEL]
    out += ["", "A development can overtake a paper's premise without proving or disproving its argument. "
            "The claim trees show the same links under each claim.", ""]
    if not devs:
        out += ["No later developments are recorded.", ""]
    for dev in devs:
        out += fact_block(dev, claims, short)
    return "\n".join(out)


def paper_box(kb: KnowledgeBase, paper_id: str, page: str) -> list[str]:
    """For a paper's page: a folded box listing the developments that bear on it, each with its effects."""
    devs = for_paper(kb, paper_id)
    if not devs:
        return []
    depth = "../" * page.count("/")
    claims = kb.index.claims
    count = f"{len(devs)} later development{'s' if len(devs) > 1 else ''}"
    out = [f'??? note "Since the papers: {count} bear on this paper"', "",
           f"    Each is dated and sourced on [Since the papers]({depth}{PAGE}); the claim tree shows the claims "
           "it bears on. The effects are this module's analysis.", ""]
    for dev in devs:
        effects = [b.effect for b in dev.bears_on if claims.get(b.claim) and claims[b.claim].paper == paper_id]
        chips = " ".join(effect_chip(e) for e in dict.fromkeys(effects))
        if not chips:
            places = [x for x in dev.at if (p := parse_locator(x)) and p.paper == paper_id]
            chips = f"bears on {locs(places, page)}"
        out.append(f"    - [{md(dev.title)}]({depth}{PAGE}#{dev.id}), {h(nice_date(dev.date))}: {chips}")
    return out + [""]


def claim_lines(bearings: list[tuple[Development, Bearing]], page: str) -> list[str]:
    """For a claim tree: the developments bearing on one claim, each with its effect and a link."""
    if not bearings:
        return []
    depth = "../" * page.count("/")
    out = ['<div class="fk-since" markdown>', "", "**Since the papers**", ""]
    for dev, b in bearings:
        out.append(f"- {effect_chip(b.effect)} [{md(dev.title)}]({depth}{PAGE}#{dev.id}) "
                   f"(as of {h(nice_date(dev.as_of))}): {md(b.how)}")
    return out + ["", "</div>", ""]


def pages(kb: KnowledgeBase) -> dict[str, str]:
    return {PAGE: page(kb)}
