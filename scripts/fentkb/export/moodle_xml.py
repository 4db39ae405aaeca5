"""Moodle XML. Text goes in as HTML-escaped text inside CDATA, so no character can break the XML."""

from __future__ import annotations

import html

from ..quiz.item import Item
from .common import Report, general_feedback, supported

TYPES = {"single": "", "multiple": "", "truefalse": "", "matching": ""}
# Moodle accepts only these grade fractions; 100/k for k keys is among them for k up to 10.
_FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20"}


def cdata(text: str) -> str:
    return f"<![CDATA[<p>{html.escape(' '.join(text.split()), quote=False)}</p>]]>"


def text_el(tag: str, text: str, attrs: str = ' format="html"') -> str:
    return f"<{tag}{attrs}><text>{cdata(text)}</text></{tag}>"


def answers(item: Item) -> list[str]:
    if item.type == "matching":
        return [f'<subquestion format="html"><text>{cdata(p)}</text><answer><text>{html.escape(a)}</text></answer>'
                "</subquestion>" for p, a in item.pairs] + [
                    # a subquestion with no text is how Moodle takes an answer that fits no prompt
                    f'<subquestion format="html"><text></text><answer><text>{html.escape(a)}</text></answer>'
                    "</subquestion>" for a in item.extra]
    if item.type == "truefalse":
        return [f'<answer fraction="{100 if o.correct else 0}"><text>{o.text.lower()}</text>'
                f"{text_el('feedback', o.feedback)}</answer>" for o in item.options]
    keys = len(item.keys)
    out = []
    for o in item.options:
        if item.type == "single":
            fraction = "100" if o.correct else "0"
        else:
            fraction = _FRACTIONS[keys] if o.correct else "-" + _FRACTIONS[keys]
        out.append(f'<answer fraction="{fraction}" format="html"><text>{cdata(o.text)}</text>'
                   f"{text_el('feedback', o.feedback)}</answer>")
    return out


def question(item: Item) -> str:
    kind = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse", "matching": "matching"}
    lines = [f'<question type="{kind[item.type]}">',
             f"<name><text>{html.escape(item.id)}</text></name>",
             text_el("questiontext", item.stem),
             text_el("generalfeedback", general_feedback(item)),
             "<defaultgrade>1</defaultgrade>", "<penalty>0.3333333</penalty>", "<hidden>0</hidden>",
             f"<idnumber>{html.escape(item.id)}</idnumber>"]
    if item.type in ("single", "multiple"):
        lines += [f"<single>{'true' if item.type == 'single' else 'false'}</single>",
                  "<shuffleanswers>true</shuffleanswers>", "<answernumbering>abc</answernumbering>"]
    if item.type == "matching":
        lines.append("<shuffleanswers>true</shuffleanswers>")
    lines += answers(item)
    lines.append("</question>")
    return "\n".join(lines)


def export(items: list[Item]) -> tuple[str, Report]:
    report = Report("Moodle XML", "questions.moodle.xml")
    kept = supported(items, TYPES, report)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for topic in dict.fromkeys(i.topic for i in kept):
        parts.append(f'<question type="category"><category><text>$course$/top/Fentanyl module/{html.escape(topic)}'
                     "</text></category></question>")
        parts += [question(i) for i in kept if i.topic == topic]
    parts.append("</quiz>")
    return "\n".join(parts) + "\n", report
