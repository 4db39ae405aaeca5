"""The benchmark's synthetic knowledge base stays valid as the validation rules grow, so `make bench` does
not fail after its slow half has run."""

from __future__ import annotations

from pathlib import Path

import bench
from fentkb import generate


def test_the_synthetic_knowledge_base_passes_every_rule(tmp_path: Path) -> None:
    quizzes, papers = bench.synthetic(200, tmp_path)
    kb = generate.load(quizzes, papers)
    assert len(kb.claims) == 30 and len(generate.bank(kb)) > 0
