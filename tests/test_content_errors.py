"""The hard errors of the content review (2026-11-24) stay fixed. Each test checks the module's own statements,
not the near-misses it offers as wrong answers on purpose."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any

import pytest

from conftest import PAPERS_DIR, ROOT
from fentkb import generate
from fentkb.model import KnowledgeBase, NearMiss
from fentkb.quiz.wording import cap


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return generate.load(ROOT / "quizzes", PAPERS_DIR)


def statements(value: Any) -> Iterator[str]:
    """Every text the module asserts in its own voice: near-misses are skipped, being wrong by design."""
    if isinstance(value, NearMiss):
        return
    if isinstance(value, str):
        yield from re.split(r"(?<=[.;])\s+", " ".join(value.split()))
    elif isinstance(value, list):
        for v in value:
            yield from statements(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from statements(v)
    elif is_dataclass(value):
        for f in fields(value):
            if f.name != "paragraphs":
                yield from statements(getattr(value, f.name))


def test_oc1_no_isil_aumf_is_invented(kb) -> None:
    """OC-1: the paper models the campaign's tactics on the anti-ISIS campaign; it never says the draft copies an
    ISIL-specific AUMF, and none was passed."""
    invented = re.compile(r"(ISIL|ISIS)[- ](specific )?AUMF|AUMF (modell?ed on|passed against)|modell?ed on the one "
                          r"used against", re.I)
    assert [s for s in statements(kb) if invented.search(s)] == []
    aumf = next(t for t in kb.glossary if t.id == "aumf")
    assert "tactics" in aumf.definition and "modelled on the one" not in aumf.definition


def test_oc2_bizarre_stays_with_war_and_missile_strikes(kb) -> None:
    """OC-2: No Tempest calls declaring war and a missile strike 'bizarre' (¶26); the ISIS remark comes later, in
    the passage on terrorist labels. No statement of the module may call the ISIS comparison bizarre."""
    lumped = re.compile(r"ISIS[^.;]*\b(among|one of|as) (the |its )?\W?bizarre|bizarre\W? (overtures|ideas|proposals)"
                        r"[^.;]*(such as|like|including)[^.;]*ISIS", re.I)
    assert [s for s in statements(kb) if lumped.search(s)] == []
    rhetoric = next(ca for ca in kb.counterarguments if ca.id == "ca-oc-isis-rhetoric")
    assert "bizarre" not in rhetoric.text.lower()


def test_nt1_the_avocado_ban_is_not_said_to_rest_on_the_2019_framework(kb) -> None:
    """NT-1: in ¶25 the 2019 Defense framework is cited for the closing point about cartels as a threat; the
    avocado sentence has no citation."""
    avocado = next(e for e in kb.evidence if e.id == "nt-avocado-ban-2022")
    assert avocado.cites == []
    wrong = re.compile(r"(2019|Defense)[^.;]*(closes|backs|supports|is cited for)[^.;]*avocado", re.I)
    assert [s for s in statements(kb) if wrong.search(s)] == []


def test_sh1_tension_items_key_every_explanation_and_offer_only_authored_wrong_ones(kb) -> None:
    """SH-1: tension items once marked another tension's right explanation wrong."""
    bank = {i.id: i for i in generate.bank(kb)}
    for t in kb.tensions:
        item = bank[f"tension-{t.id}"]
        assert sorted(o.text for o in item.options if o.correct) == sorted(cap(x.option) for x in t.explanations[:3])
        assert {o.text for o in item.options if not o.correct} <= {cap(w.text) for w in t.wrong}
