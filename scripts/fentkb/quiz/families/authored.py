"""Authored items: scenarios, argument appraisals and hand-written questions, written whole in the YAML with
a reason on every option. The families only turn them into items."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ...index import KbIndex
from ...model import AppraisalTask, Choice
from ..item import Item, ItemType, Option
from ..wording import sentence
from .common import paragraph_page

APPRAISAL_SKILL = {"premise": "arguments", "weakest-link": "arguments", "reply": "arguments",
                   "since": "arguments", "figure-limits": "evidence"}


def options(choices: list[Choice]) -> list[Option]:
    return [Option(text=c.text.strip(), correct=c.correct, feedback=c.feedback.strip()) for c in choices]


def kind(choices: list[Choice]) -> ItemType:
    return "multiple" if sum(c.correct for c in choices) > 1 else "single"


def scenarios(ix: KbIndex) -> Iterator[Item]:
    for s in ix.kb.scenarios:
        yield Item(id=s.id, type=kind(s.choices), stem=f"{sentence(s.situation.strip())} {s.question.strip()}",
                   explanation=s.explanation.strip(), at=s.at, page=paragraph_page(s.at), topic="frameworks",
                   paper=s.paper, template="scenario", sources=[s.id], options=options(s.choices))


def appraisals(task: AppraisalTask) -> Callable[[KbIndex], Iterator[Item]]:
    def generate(ix: KbIndex) -> Iterator[Item]:
        for a in ix.kb.appraisals:
            if a.task == task:
                yield Item(id=a.id, type=kind(a.choices), stem=a.stem.strip(), explanation=a.explanation.strip(),
                           at=a.at, page=paragraph_page(a.at), topic=APPRAISAL_SKILL[task], paper=a.paper,
                           template=f"appraisal-{task}", sources=[a.id], options=options(a.choices))
    return generate


def hand_written(ix: KbIndex) -> Iterator[Item]:
    for qn in ix.kb.questions:
        yield Item(id=qn.id, type=qn.type, stem=qn.stem.strip(), explanation=qn.explanation.strip(), at=qn.at,
                   page=paragraph_page(qn.at), topic=qn.topic, paper=qn.paper, bloom=qn.bloom, template="hand-written",
                   sources=[qn.id], options=options(qn.choices))
