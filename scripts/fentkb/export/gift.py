"""Moodle GIFT. Special characters ~ = # { } : and backslash are escaped with a backslash."""

from __future__ import annotations

import html
import re

from ..quiz.item import Item
from .common import Report, general_feedback, supported

# GIFT's matching questions cannot hold answers that fit no prompt, and without them the last pair is forced:
# matching questions go to Moodle through the XML file instead.
TYPES = {"single": "", "multiple": "", "truefalse": "",
         "*": "GIFT matching cannot carry surplus answers; import matching questions from the Moodle XML file"}
_SPECIAL = re.compile(r"([\\~=#{}:])")


def esc(text: str) -> str:
    """Plain text as GIFT [html] text: HTML-escaped, then GIFT's own specials escaped."""
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _weight(n: int) -> str:
    return f"{100 / n:.5f}".rstrip("0").rstrip(".")


def answers(item: Item) -> list[str]:
    if item.type == "truefalse":
        right = next(o for o in item.options if o.correct)
        wrong = next(o for o in item.options if not o.correct)
        return [f"{'TRUE' if right.text == 'True' else 'FALSE'}#{esc(wrong.feedback)}#{esc(right.feedback)}"]
    if item.type == "multiple":
        keys = len(item.keys)
        return [f"~%{_weight(keys) if o.correct else '-' + _weight(keys)}%{esc(o.text)}#{esc(o.feedback)}"
                for o in item.options]
    return [f"{'=' if o.correct else '~'}{esc(o.text)}#{esc(o.feedback)}" for o in item.options]


def question(item: Item) -> str:
    lines = [f"// {item.template}, {item.topic}, {item.bloom}", f"::{esc(item.id)}::[html]{esc(item.stem)}{{"]
    lines += [f"\t{a}" for a in answers(item)]
    lines += [f"\t####{esc(general_feedback(item))}", "}"]
    return "\n".join(lines)


def export(items: list[Item]) -> tuple[str, Report]:
    report = Report("Moodle GIFT", "questions.gift.txt")
    kept = supported(items, TYPES, report)
    blocks = []
    for topic in dict.fromkeys(i.topic for i in kept):
        blocks.append(f"$CATEGORY: $course$/top/Fentanyl module/{topic}")
        blocks += [question(i) for i in kept if i.topic == topic]
    return "\n\n".join(blocks) + "\n", report
