"""The whole bank as JSON, with the meaning of every field documented once, here."""

from __future__ import annotations

import json

from ..quiz.item import TOPICS, Item

SCHEMA_VERSION = 2  # 2: topics are skills; `paper` and `extra` added

FIELDS: dict[str, str] = {
    "id": "Stable identifier; the same knowledge base always gives the same ids. Progress in the browser is kept per id.",
    "type": "`single` (one correct option), `multiple` (select all correct options), `truefalse` (options True "
            "and False) or `matching` (pair each prompt with its answer).",
    "stem": "The question, complete without its options.",
    "options": "For single, multiple and truefalse: a list of `{text, correct, feedback}`, in the order shown. "
               "`feedback` says why that option is right or wrong. Empty for matching.",
    "pairs": "For matching: a list of `[prompt, answer]` in key order; show the answers shuffled. Empty otherwise.",
    "extra": "For matching: answers that fit no prompt, shown among the others so the last pair is not forced.",
    "explanation": "Why the key is right.",
    "at": "Locators into the papers, e.g. `no-tempest ¶20` (paragraph 20) or `opioid-challenge [27]` (note 27).",
    "page": "The module page the question draws on, as a path of the site's sources with an anchor: "
            "`claims/no-tempest.md#nt-x` is served at `claims/no-tempest/#nt-x`.",
    "topic": "The skill quiz it belongs to: " + ", ".join(f"`{k}` ({v})" for k, v in TOPICS.items()) + ".",
    "paper": "The id of the paper it is mainly about, or null; such questions may also appear in that paper's quiz.",
    "bloom": "What it makes a student do (Bloom level): remember, understand, apply, analyze or evaluate.",
    "template": "The item family that built it from the knowledge base (see the quiz rubric), or `hand-written`.",
    "sources": "The ids of the knowledge-base entries it was made from (claims, evidence, counterarguments, ...).",
}


def bank_json(bank: list[Item]) -> str:
    """Deterministic: no timestamps, keys in a fixed order, so the same bank gives the same bytes."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "count": len(bank),
        "topics": TOPICS,
        "questions": [item.to_json() for item in bank],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def reference_page() -> str:
    out = ["# The question bank as JSON", "",
           "The built site publishes every question at `downloads/questions.json` "
           "([download](../downloads/questions.json)). The file is an object with `schema_version` "
           f"(now {SCHEMA_VERSION}), `count`, `topics` (id to title) and `questions`, a list of objects with "
           "these fields:", "", "| Field | Meaning |", "| --- | --- |"]
    out += [f"| `{name}` | {text} |" for name, text in FIELDS.items()]
    out += ["", "Text is plain Unicode, never HTML: escape it for wherever you put it. The same knowledge base "
            "gives byte-identical output, so a diff between two builds shows exactly what changed.", ""]
    return "\n".join(out)
