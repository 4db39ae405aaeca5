"""One index of the knowledge base, built once per bank: entries by id and claims by paper."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cached_property

from .model import Claim, Counter, Dimension, Evidence, KnowledgeBase, Paper, Reference

_COMMENT_LOCATOR = re.compile(r"^(\S+) \[(c\d+)\]$")


def texts(value: object) -> Iterator[str]:
    """Every string inside a knowledge-base value, however deep (the papers' own paragraphs left out)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for v in value:
            yield from texts(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from texts(v)
    elif is_dataclass(value):
        for f in fields(value):
            if f.name != "paragraphs":
                yield from texts(getattr(value, f.name))


@dataclass
class KbIndex:
    kb: KnowledgeBase
    papers: dict[str, Paper] = field(init=False)
    shorts: dict[str, str] = field(init=False)
    references: dict[str, dict[int, Reference]] = field(init=False)
    evidence: dict[str, Evidence] = field(init=False)
    claims: dict[str, Claim] = field(init=False)
    dimensions: dict[str, Dimension] = field(init=False)
    claims_by_paper: dict[str, list[Claim]] = field(init=False)
    counters_by_claim: dict[str, list[Counter]] = field(init=False)
    claims_by_evidence: dict[str, list[Claim]] = field(init=False)

    def __post_init__(self) -> None:
        kb = self.kb
        self.papers = {p.id: p for p in kb.papers}
        self.shorts = {p.id: p.short for p in kb.papers}
        self.references = {p.id: {r.n: r for r in p.references} for p in kb.papers}
        self.evidence = {e.id: e for e in kb.evidence}
        self.claims = {c.id: c for c in kb.claims}
        self.dimensions = {d.id: d for d in kb.dimensions}
        self.claims_by_paper = {p.id: [] for p in kb.papers}
        self.counters_by_claim = {}
        self.claims_by_evidence = {}
        for c in kb.claims:
            self.claims_by_paper.setdefault(c.paper, []).append(c)
            for eid in c.evidence:
                self.claims_by_evidence.setdefault(eid, []).append(c)
        for ca in kb.counterarguments:
            self.counters_by_claim.setdefault(ca.claim, []).append(ca)

    @cached_property
    def comments_cited(self) -> dict[str, set[str]]:
        """The reader's comments ('c3') each paper's locators point at, found in one walk of every text."""
        cited: dict[str, set[str]] = {}
        for t in texts(self.kb):
            if m := _COMMENT_LOCATOR.match(t):
                cited.setdefault(m[1], set()).add(m[2])
        return cited

    def short(self, paper_id: str) -> str:
        return self.papers[paper_id].short
