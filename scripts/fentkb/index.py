"""One index of the knowledge base, built once per bank: entries by id and claims by paper."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Claim, Counter, Dimension, Evidence, KnowledgeBase, Paper, Reference


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

    def short(self, paper_id: str) -> str:
        return self.papers[paper_id].short
