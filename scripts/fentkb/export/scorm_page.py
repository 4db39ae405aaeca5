"""The launch page of a SCORM package: every question as native form controls, escaped here, with the key
in data attributes for scorm_player.js. Answer texts never reach the page as HTML: `h()` escapes them all."""

from __future__ import annotations

import hashlib
import random

from ..quiz.item import Item
from ..quiz.key import key_text
from ..render.text import h

LETTERS = "abcdefghij"  # SCORM 1.2 responses are single characters: a-j for options and matching answers
INTERACTION_TYPE = {"single": "choice", "multiple": "choice", "truefalse": "true-false", "matching": "matching"}


def response_char(item: Item, index: int) -> str:
    """What an LMS report shows for an option: a letter, or t/f for a true/false question."""
    if item.type == "truefalse":
        return "t" if item.options[index].text.strip().lower() == "true" else "f"
    return LETTERS[index]


def pattern(item: Item) -> str:
    """The correct response in SCORM 1.2's vocabulary: 'a,c' for choice, 't' for true/false, '1.a,2.b' for
    matching (prompt number, then the letter of its answer)."""
    if item.type == "matching":
        return ",".join(f"{i + 1}.{LETTERS[i]}" for i in range(len(item.pairs)))
    return ",".join(response_char(item, i) for i in item.keys)


def fingerprint(items: list[Item]) -> str:
    """Changes whenever the questions, their order or their keys change, so saved answers are never
    restored onto different questions."""
    text = "\n".join(f"{i.id}={pattern(i)}" for i in items)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def choice_controls(item: Item, n: int) -> list[str]:
    kind = "checkbox" if item.type == "multiple" else "radio"
    return ['<div class="opts">',
            *(f'<label class="opt"><input type="{kind}" name="q{n}" value="{i}" data-r="{response_char(item, i)}"> '
              f"<span>{h(o.text)}</span></label>" for i, o in enumerate(item.options)),
            "</div>"]


def matching_controls(item: Item, n: int) -> list[str]:
    texts = [a for _, a in item.pairs] + item.extra  # an answer's value is its index; surplus ones fit no prompt
    order = sorted(range(len(texts)), key=lambda j: random.Random(f"{item.id}:{j}").random())
    options = "".join(f'<option value="{j}">{h(texts[j])}</option>' for j in order)
    return ['<div class="pairs">',
            *(f'<label class="pair"><span>{i + 1}. {h(prompt)}</span><select name="q{n}-{i}">'
              f'<option value="">Choose…</option>{options}</select></label>' for i, (prompt, _) in enumerate(item.pairs)),
            "</div>"]


def answer_block(item: Item) -> list[str]:
    if item.type == "matching":
        why = [f"<li><strong>{h(a)}</strong> fits none of them.</li>" for a in item.extra]
    else:
        why = [f"<li><strong>{h(o.text)}</strong> {h(o.feedback)}</li>" for o in item.options if o.feedback]
    return ['<div class="answer" hidden>',
            f"<p><strong>Answer:</strong> {h(key_text(item))}</p>",
            f"<p>{h(item.explanation)}</p>",
            *(['<ul class="why">', *why, "</ul>"] if why else []),
            f'<p class="where">Where in the papers: {h(", ".join(item.at))}.</p>',
            "</div>"]


def question(item: Item, n: int, total: int) -> str:
    hint = {"multiple": " (select all that apply)", "matching": " (choose an answer for each)"}.get(item.type, "")
    controls = matching_controls(item, n) if item.type == "matching" else choice_controls(item, n)
    return "\n".join([
        f'<fieldset class="q" id="q{n}" data-id="{h(item.id)}" data-type="{INTERACTION_TYPE[item.type]}" '
        f'data-k="{pattern(item)}">',
        f'<legend><span class="qn">Question {n} of {total}{hint}.</span> {h(item.stem)}</legend>',
        *controls,
        '<button type="button" class="check">Check answer</button>',
        '<p class="result" role="status"></p>',
        *answer_block(item),
        "</fieldset>"])


def launch_page(title: str, items: list[Item], mastery: int) -> str:
    total = len(items)
    return "\n".join([
        "<!doctype html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(title)}</title>", '<link rel="stylesheet" href="player.css">', "</head>", "<body>",
        '<main id="main">', f"<h1>{h(title)}</h1>",
        f'<p>{total} questions. Check each answer to see whether it is right and why; a checked answer cannot be '
        f'changed. The pass mark is <span id="mastery">{mastery}</span>%. You can leave and come back: your answers '
        "are kept by your course.</p>",
        '<p id="lms" class="lms" role="status"></p>',
        "<noscript><p>This quiz needs JavaScript to check answers and report them to your course.</p></noscript>",
        f'<form id="quiz" data-mastery="{mastery}" data-v="{fingerprint(items)}">',
        *(question(item, n, total) for n, item in enumerate(items, 1)),
        "</form>",
        f'<p id="summary" class="summary" role="status">Answered 0 of {total}.</p>',
        "</main>", '<script src="player.js"></script>', "</body>", "</html>", ""])
