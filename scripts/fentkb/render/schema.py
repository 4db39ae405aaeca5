"""The schema page for instructors, generated from the model so it is never written twice."""

from __future__ import annotations

from dataclasses import MISSING, fields

from ..convert import hints, type_name
from ..model import KINDS, Choice, Context, Judgement, Point, Position, Reference, Section, Treatment
from .text import md

NESTED = [Point, Section, Reference, Judgement, Treatment, Position, Context, Choice]


def field_table(cls: type) -> list[str]:
    out = ["| Field | Required | Expected | Meaning |", "| --- | --- | --- | --- |"]
    for f in fields(cls):
        required = "yes" if f.default is MISSING and f.default_factory is MISSING else "no"
        expected = type_name(hints(cls)[f.name]).replace("|", "or")
        out.append(f"| `{f.name}` | {required} | {expected} | {f.metadata.get('doc', '')} |")
    return out


def page() -> str:
    out = ["# Knowledge-base schema", "",
           "The module's content lives in YAML files under `quizzes/`. Any `.yaml` file there may hold one or "
           "more of the top-level keys below; by convention each paper has a folder "
           "(`quizzes/<paper-id>/paper.yaml`, `evidence.yaml`, `claims.yaml`) and shared material lives in "
           "`quizzes/shared/`. This page is generated from the code's own model, so it always matches what "
           "the check accepts.", "",
           "Run `make check` (or `.venv/bin/python -m fentkb check`) after an edit: it lists every problem "
           "at once, each with file, line and field.", "",
           "## Locators", "",
           "A locator names a paper and a place in its text in `../shared/papers`: `no-tempest ¶20` (a body "
           "paragraph), `no-tempest ¶20-22` (a range), `opioid-challenge [27]` (a note or reference), "
           "`military-options [c1]` (a reader's comment). The check refuses a locator that points past the "
           "paper.", "",
           "## Top-level keys", ""]
    for key, cls in KINDS.items():
        shape = "one mapping" if key == "paper" else "a list of entries"
        out += [f"### `{key}:`", "", f"{md(cls.__doc__ or '')} Holds {shape}.", "", *field_table(cls), ""]
    out += ["## Parts used inside entries", ""]
    for cls in NESTED:
        out += [f"### {cls.__name__}", "", md(cls.__doc__ or ""), "", *field_table(cls), ""]
    return "\n".join(out)


def pages() -> dict[str, str]:
    return {"reference/schema.md": page()}
