"""Question templates: each turns one kind of knowledge-base entry into quiz items.

Distractors are always siblings of the key: other figures with the same unit, other claims of the
same paper, the other papers. They are drawn with a random generator seeded by the item's id, so
the same knowledge base always gives the same bank.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import TypeVar

from ..model import Claim, Evidence, KnowledgeBase
from .item import Item, Option

T = TypeVar("T")
NO_SOURCE = "No source is cited for it"
MODULE = "This module's analysis (no paper)"
TYPE_OPTIONS = {
    "diagnosis": "A diagnosis: it says what the problem is",
    "causal": "A causal claim: it says what causes what",
    "recommendation": "A recommendation: it says what should be done",
    "prediction": "A prediction: it says what will happen",
    "value": "A value claim: it says what matters most",
}


def q(text: str) -> str:
    """Quote knowledge-base text inside a stem, without a doubled final stop."""
    return f"“{' '.join(text.split()).rstrip('.')}”"


def rng_for(item_id: str) -> random.Random:
    return random.Random(f"fentkb:{item_id}")


def pick(rng: random.Random, pool: Sequence[T], k: int, text: Callable[[T], str], key: str,
         allowed: Callable[[T], bool] = lambda c: True, window: int = 24) -> list[T]:
    """Choose k distractors whose texts differ from the key and from each other, preferring ones at least
    as long as the key so that length gives nothing away. Only a random window of a large pool is looked
    at, so a bank of 100,000 entries is built in linear time."""
    sample = rng.sample(pool, min(len(pool), window))  # no copy of the pool: that alone would be quadratic
    if len(pool) > window and sum(map(allowed, sample)) < k:  # rare: the window missed; walk the whole pool
        start = rng.randrange(len(pool))
        sample += [pool[(start + i) % len(pool)] for i in range(len(pool))]
    sample = [c for c in sample if allowed(c)]
    sample.sort(key=lambda c: len(text(c)) < 0.8 * len(key))  # stable: long-enough ones first, in random order
    chosen: list[T] = []
    seen = {key.strip().lower()}
    for c in sample:
        if text(c).strip().lower() not in seen and len(chosen) < k:
            chosen.append(c)
            seen.add(text(c).strip().lower())
    return chosen


def group(items: Iterable[T], by: Callable[[T], Hashable]) -> dict[Hashable, list[T]]:
    groups: dict[Hashable, list[T]] = {}
    for item in items:
        groups.setdefault(by(item), []).append(item)
    return groups


def poss(name: str) -> str:
    """'No Tempest' -> "No Tempest's"; 'Military Options' -> "Military Options'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def article(word: str) -> str:
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def short(kb: KnowledgeBase, paper_id: str) -> str:
    return kb.paper(paper_id).short


def mask_papers(text: str, kb: KnowledgeBase) -> str:
    """Replace every paper's name in a text with 'one paper', so a stem does not name its own answer."""
    names = sorted({n for p in kb.papers for n in (p.id, p.id.replace("-", " "), p.short)}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) for n in names), re.I)
    masked = pattern.sub("one paper", text)
    return re.sub(r"(^|[.:;!?]\s+)one paper", lambda m: m.group(1) + "One paper", masked)


def claim_page(c: Claim) -> str:
    return f"claims/{c.paper}.md#{c.id}"


def evidence_page(e: Evidence) -> str:
    return f"evidence/index.md#{e.id}"


# --- claims -------------------------------------------------------------------------------------


def attribution(kb: KnowledgeBase) -> Iterator[Item]:
    """Which paper makes this claim?"""
    for c in kb.claims:
        options = [Option(p.short, p.id == c.paper,
                          f"Yes: {p.short} makes this claim ({', '.join(c.at)})." if p.id == c.paper else
                          f"No: {p.short} argues instead that {p.thesis.text[0].lower()}{p.thesis.text[1:]}")
                   for p in kb.papers]
        yield Item(f"attribution-{c.id}", "single", f"Which paper makes this claim: {q(c.text)}?",
                   f"The claim is {poss(short(kb, c.paper))}, stated at {', '.join(c.at)}.", c.at, claim_page(c),
                   c.paper, "remember", "attribution", [c.id], options)


def claim_type(kb: KnowledgeBase) -> Iterator[Item]:
    """What type of claim is this?"""
    for c in kb.claims:
        item_id = f"claim-type-{c.id}"
        others = pick(rng_for(item_id), [t for t in TYPE_OPTIONS if t != c.type], 3, str, "")
        options = [Option(TYPE_OPTIONS[c.type], True, f"Right: this is a {c.type} claim.")]
        options += [Option(TYPE_OPTIONS[t], False, f"Not {t}: the claim does not mainly say "
                           f"{TYPE_OPTIONS[t].split(': it says ')[1]}; it says {TYPE_OPTIONS[c.type].split(': it says ')[1]}.")
                    for t in others]
        yield Item(item_id, "single", f"What type of claim does {short(kb, c.paper)} make here: {q(c.text)}?",
                   f"It is a {c.type} claim: {TYPE_OPTIONS[c.type].split(': ')[1]}.", c.at, claim_page(c),
                   c.paper, "understand", "claim-type", [c.id], options)


def evidence_to_claim(kb: KnowledgeBase) -> Iterator[Item]:
    """Which claim does this figure support?"""
    by_id = {e.id: e for e in kb.evidence}
    by_paper = group(kb.claims, lambda o: o.paper)
    for c in kb.claims:
        for eid in c.evidence[:1]:  # one item per claim that has evidence keeps the bank balanced
            e = by_id[eid]
            item_id = f"evidence-claim-{c.id}"
            distractors = pick(rng_for(item_id), by_paper[c.paper], 3, lambda o: o.text, c.text,
                               allowed=lambda o, e=e: e.id not in o.evidence and e.figure not in o.text)
            if len(distractors) < 3:
                continue
            options = [Option(c.text, True, f"Right: {short(kb, c.paper)} offers “{e.figure}” for this claim.")]
            options += [Option(o.text, False, "That claim rests on " + (
                ", ".join(f"“{by_id[x].figure}”" for x in o.evidence[:3]) if o.evidence else "reasoning alone")
                + ", not on this figure.") for o in distractors]
            yield Item(item_id, "single",
                       f"{short(kb, c.paper)} cites “{e.figure}”, which measures {q(e.measures)}. Which of its claims does "
                       "that figure support?", f"The figure is offered for the claim at {', '.join(c.at)}.",
                       [e.at, *c.at], claim_page(c), c.paper, "analyze", "evidence-to-claim", [e.id, c.id], options)


# --- evidence -----------------------------------------------------------------------------------


def evidence_recall(kb: KnowledgeBase) -> Iterator[Item]:
    """What does this figure measure?"""
    by_unit = group(kb.evidence, lambda o: o.unit)
    by_topic = group(kb.evidence, lambda o: o.topic)
    for e in kb.evidence:
        item_id = f"recall-{e.id}"
        rng = rng_for(item_id)
        distractors = pick(rng, by_unit[e.unit], 3, lambda o: o.measures, e.measures,
                           allowed=lambda o, e=e: o.figure != e.figure)
        if len(distractors) < 3:  # too few figures of this unit: fill up from the same topic
            taken = [e.measures, *(d.measures for d in distractors)]
            distractors += [o for o in pick(rng, by_topic[e.topic], 3, lambda o: o.measures, e.measures,
                                            allowed=lambda o, e=e: o.figure != e.figure and o.unit != e.unit)
                            if o.measures not in taken][: 3 - len(distractors)]
        options = [Option(e.measures, True, f"Right: that is what “{e.figure}” measures in {e.at}.")]
        options += [Option(o.measures, False, f"That describes “{o.figure}” ({short(kb, o.paper)}, {o.at}).")
                    for o in distractors]
        yield Item(item_id, "single", f"In {short(kb, e.paper)} ({e.at}), what does the figure “{e.figure}” measure?",
                   f"{short(kb, e.paper)} gives “{e.figure}” at {e.at}: {e.measures}", [e.at], evidence_page(e),
                   "evidence", "remember", "evidence-recall", [e.id], options)


def source_kind(kb: KnowledgeBase) -> Iterator[Item]:
    """What kind of source backs this figure?"""
    kinds = ["government", "news", "think-tank", "academic", "international", "advocacy"]
    for e in kb.evidence:
        refs = {r.n: r for r in kb.paper(e.paper).references}
        if not refs:
            continue  # a paper with no references at all is asked about once, by no_source
        cited = [refs[n] for n in e.cites if n in refs]
        key = cited[0].kind if cited else NO_SOURCE
        item_id = f"source-{e.id}"
        others = pick(rng_for(item_id), [*kinds, NO_SOURCE], 3, str, key)
        why = f"it cites [{cited[0].n}] {cited[0].cite}, {article(key)} source" if cited else "the sentence carries no note"
        options = [Option(key, True, f"Right: {why}.")]
        options += [Option(k, False, f"No: {why}.") for k in others]
        yield Item(item_id, "single",
                   f"What kind of source does {short(kb, e.paper)} cite for “{e.figure}”, which measures {q(e.measures)}?",
                   f"At {e.at}, {why}.", [e.at, *(f"{e.paper} [{r.n}]" for r in cited)], evidence_page(e),
                   "evidence", "analyze", "source-kind", [e.id], options)


def no_source(kb: KnowledgeBase) -> Iterator[Item]:
    """Which figure is stated without any source?"""
    by_paper = group(kb.evidence, lambda o: o.paper)
    for p in kb.papers:
        evidence = by_paper.get(p.id, [])
        uncited = [e for e in evidence if not e.cites]
        cited = [e for e in evidence if e.cites]
        for e in uncited[:4]:
            item_id = f"no-source-{e.id}"
            if len(cited) < 3:
                continue
            distractors = pick(rng_for(item_id), cited, 3, lambda o: f"“{o.figure}”: {o.measures}", "")
            options = [Option(f"“{e.figure}”: {e.measures}", True, f"Right: {e.at} gives it without a note.")]
            options += [Option(f"“{o.figure}”: {o.measures}", False, f"It cites note [{o.cites[0]}] for this figure.")
                        for o in distractors]
            yield Item(item_id, "single", f"Which figure does {p.short} state without citing any source for it?",
                       f"Of these, only “{e.figure}” ({e.at}) carries no note; a reader cannot check where it "
                       "comes from.", [e.at], evidence_page(e), "evidence", "analyze", "no-source",
                       [e.id, *(o.id for o in distractors)], options)
        if not p.references and evidence:
            e = evidence[0]
            yield Item(f"no-source-paper-{p.id}", "truefalse",
                       f"{p.short} supports its figures and judgements with a list of cited sources.",
                       f"{p.short} cites no sources at all: it has no notes and no reference list.", [e.at],
                       "sources.md", "evidence", "understand", "no-source", [p.id],
                       [Option("True", False, "No: the post has no notes and no reference list."),
                        Option("False", True, "Right: nothing in it is cited.")])


def tensions(kb: KnowledgeBase) -> Iterator[Item]:
    """Why might these figures differ?"""
    by_id = {e.id: e for e in kb.evidence}
    for t in kb.tensions:
        item_id = f"tension-{t.id}"
        others = [x for o in kb.tensions if o.id != t.id for x in o.explanations]
        key = t.explanations[0]
        distractors = pick(rng_for(item_id), others, 3, str, key)
        figures = ", ".join(f"“{by_id[x].figure}”" for x in t.evidence)
        options = [Option(key, True, "Right: this explanation fits these figures (this module's analysis).")]
        options += [Option(x, False, "That explanation belongs to a different pair of figures.") for x in distractors]
        yield Item(item_id, "single", f"The figures {figures} conflict: {q(t.title.rstrip('?.'))}. "
                   "Which explanation could account for the conflict?",
                   f"{key} (This module's analysis.)", [by_id[x].at for x in t.evidence],
                   f"evidence/index.md#{t.id}", "evidence", "evaluate", "tension", [t.id, *t.evidence], options)


# --- counterarguments ---------------------------------------------------------------------------


def who_objects(kb: KnowledgeBase) -> Iterator[Item]:
    """Who raises this objection?"""
    claims = {c.id: c for c in kb.claims}
    for ca in kb.counterarguments:
        c = claims[ca.claim]
        who = "this module" if ca.by == "module" else short(kb, ca.by)
        options = []
        for p in kb.papers:
            if p.id == ca.by:
                options.append(Option(p.short, True, f"Right: {p.short} makes this point ({', '.join(ca.at)})."))
            elif p.id == c.paper:
                options.append(Option(p.short, False, f"No: {p.short} makes the claim itself."))
            else:
                options.append(Option(p.short, False, f"No: {p.short} does not raise this objection; it is {poss(who)}."))
        options.append(Option(MODULE, ca.by == "module", "Right: no paper raises it; this module does." if
                              ca.by == "module" else f"No: a paper raises it, {who} ({', '.join(ca.at)})."))
        yield Item(f"who-{ca.id}", "single",
                   f"Who raises this objection to a claim of {short(kb, c.paper)}: {q(mask_papers(ca.text, kb))}?",
                   f"The objection is {poss(who)}" + (f", at {', '.join(ca.at)}." if ca.at else "."),
                   ca.at or c.at, claim_page(c), "counterarguments", "understand", "who-objects", [ca.id, c.id], options)


def which_objection(kb: KnowledgeBase) -> Iterator[Item]:
    """Which objections answer this claim?"""
    claims = {c.id: c for c in kb.claims}
    by_claim = group(kb.counterarguments, lambda ca: ca.claim)
    by_paper = group(kb.counterarguments, lambda ca: claims[ca.claim].paper)
    for c in kb.claims:
        own = by_claim.get(c.id, [])
        item_id = f"objection-{c.id}"
        rng = rng_for(item_id)
        keys = own[:2] if len(own) >= 2 else own[:1]
        distractors = pick(rng, by_paper[c.paper], 4 - len(keys), lambda o: o.text, min((k.text for k in keys), key=len),
                           allowed=lambda o, c=c: o.claim != c.id)
        if len(distractors) < 4 - len(keys):
            continue
        kind = "multiple" if len(keys) > 1 else "single"
        options = [Option(k.text, True, "Right: this objection answers the claim." + (
            f" It is {poss(short(kb, k.by))} ({', '.join(k.at)})." if k.by != "module" else " It is this module's."))
                   for k in keys]
        options += [Option(d.text, False, f"That objection answers a different claim: {q(claims[d.claim].text)}.")
                    for d in distractors]
        stem = (f"Which objections answer this claim of {short(kb, c.paper)}: {q(c.text)}? Select all that apply."
                if kind == "multiple" else f"Which objection answers this claim of {short(kb, c.paper)}: {q(c.text)}?")
        yield Item(item_id, kind, stem, "Each objection the module records for this claim is keyed; the others "
                   "answer other claims of the same paper.", c.at, claim_page(c), "counterarguments", "analyze",
                   "which-objection", [c.id, *(k.id for k in keys)], options)


# --- comparison ---------------------------------------------------------------------------------


def dimension_matching(kb: KnowledgeBase) -> Iterator[Item]:
    """Match each paper to its position on one row of the matrix."""
    for d in kb.dimensions:
        texts = [d.cells[p.id].text for p in kb.papers]
        if len(set(texts)) < len(texts):
            continue
        at = [loc for p in kb.papers for loc in d.cells[p.id].at]
        yield Item(f"match-{d.id}", "matching", f"Which position does each paper take on this question: {d.label.rstrip('?')}?",
                   "Each paper's position, as the side-by-side matrix gives it.", at, "compare/index.md",
                   "comparison", "understand", "dimension-matching", [d.id],
                   pairs=[(p.short, d.cells[p.id].text) for p in kb.papers])


def option_stance(kb: KnowledgeBase) -> Iterator[Item]:
    """Does this paper argue for this option?"""
    for o in kb.options:
        for pos in o.positions:
            if pos.stance not in ("for", "against"):
                continue
            paper = short(kb, pos.paper)
            yes = pos.stance == "for"
            yield Item(f"stance-{o.id}-{pos.paper}", "truefalse",
                       f"{paper} argues for this policy option: {o.label.rstrip('.')}.",
                       f"{paper} argues {pos.stance} it: {pos.text}", pos.at, f"compare/debate-map.md#{o.id}",
                       "comparison", "understand", "option-stance", [o.id, pos.paper],
                       [Option("True", yes, "Right: " + pos.text if yes else "No: it argues against. " + pos.text),
                        Option("False", not yes, "Right: it argues against. " + pos.text if not yes else
                               "No: it argues for it. " + pos.text)])


def finding_papers(kb: KnowledgeBase) -> Iterator[Item]:
    """Which papers share this point?"""
    for f in kb.findings:
        if f.kind != "agree":
            continue
        papers_at = {loc.split(" ")[0] for loc in f.at}
        options = [Option(p.short, p.id in papers_at, f"{p.short} " + ("is among them." if p.id in papers_at else
                          "is not cited for this point.")) for p in kb.papers]
        if not 2 <= sum(o.correct for o in options) < len(options):
            continue  # a point all papers share is asked as a finding, not as a choice with no wrong option
        yield Item(f"agree-{f.id}", "multiple",
                   f"Which papers agree on this point: {f.title.rstrip('.')}? Select all that apply.",
                   f"{f.text}", f.at, "compare/agree-differ.md", "comparison", "analyze", "finding-papers", [f.id],
                   options)


# --- concepts -----------------------------------------------------------------------------------


def concept(kb: KnowledgeBase) -> Iterator[Item]:
    """Which term fits this definition?"""
    by_kind = group(kb.glossary, lambda o: o.kind)
    for t in kb.glossary:
        item_id = f"term-{t.id}"
        siblings = by_kind[t.kind] if len(by_kind[t.kind]) > 3 else kb.glossary
        masked = re.sub(re.escape(t.term), "…", t.definition, flags=re.I)
        distractors = pick(rng_for(item_id), siblings, 3, lambda o: o.term, t.term, allowed=lambda o, t=t: o.id != t.id)
        options = [Option(t.term, True, f"Right: that is how the papers use “{t.term}”.")]
        options += [Option(o.term, False, f"{o.term}: {o.definition}") for o in distractors]
        yield Item(item_id, "single", f"Which term do the papers use for this: {q(masked)}?",
                   f"{t.term}: {t.definition}", t.at, f"glossary.md#{t.id}", "concepts", "remember", "concept",
                   [t.id], options)


def timeline(kb: KnowledgeBase) -> Iterator[Item]:
    """When did this happen?"""
    by_precision = group(kb.timeline, lambda o: len(o.date))
    for ev in kb.timeline:
        if ev.date[:4] in ev.event:
            continue  # the stem would give the answer away
        item_id = f"when-{ev.id}"
        distractors = pick(rng_for(item_id), by_precision[len(ev.date)], 3, lambda o: o.date, ev.date)
        if len(distractors) < 3:
            continue
        options = [Option(ev.date, True, f"Right: {ev.date}.")]
        options += [Option(o.date, False, f"{o.date} is when this happened: {o.event}") for o in distractors]
        yield Item(item_id, "single", f"When did this happen, according to the papers: {q(ev.event)}?",
                   f"{ev.date}: {ev.event}", ev.at, f"timeline.md#{ev.id}", "concepts", "remember", "timeline",
                   [ev.id], options)


TEMPLATES: list[Callable[[KnowledgeBase], Iterator[Item]]] = [
    attribution, claim_type, evidence_to_claim, evidence_recall, source_kind, no_source, tensions,
    who_objects, which_objection, dimension_matching, option_stance, finding_papers, concept, timeline,
]
