"""Printable quiz forms with separate answer keys: Form A and Form B, drawn with two fixed seeds."""

from __future__ import annotations

from ..quiz.forms import make_form
from ..quiz.item import Item
from ..quiz.key import key_letters
from .text import h

FORMS = {"a": 101, "b": 202}  # seeds: the same bank always gives the same two forms
FORM_SIZE = 20


def question_html(item: Item, n: int) -> str:
    lines = [f'<li class="fk-form-q"><p class="fk-form-stem">{h(item.stem)}</p>']
    if item.type == "matching":
        answers = item.answer_list()
        lines.append('<ol class="fk-form-pairs">' +
                     "".join(f"<li>{h(p)}: ______</li>" for p, _ in item.pairs) + "</ol>")
        lines.append('<ol class="fk-form-opts" type="A">' + "".join(f"<li>{h(a)}</li>" for a in answers) + "</ol>")
    else:
        hint = '<p class="fk-form-hint">Select all that apply.</p>' if item.type == "multiple" else ""
        lines.append(hint + '<ol class="fk-form-opts" type="A">' +
                     "".join(f"<li>{h(o.text)}</li>" for o in item.options) + "</ol>")
    lines.append("</li>")
    return "".join(lines)


def key_line(item: Item) -> str:
    where = ", ".join(dict.fromkeys(item.at))  # a locator cited twice by the item is listed once
    return (f'<li><strong>{h(key_letters(item))}</strong>. {h(item.explanation)} '
            f'<span class="fk-form-where">({h(where)})</span></li>')


def header_block(count: int) -> str:
    """The lines a student fills in at the top of the sheet."""
    blanks = [("Name", ""), ("Class", ""), ("Date", ""), ("Score", f" / {count}")]
    cells = "".join(f'<p class="fk-form-field"><span>{label}:</span><span class="fk-blank"></span>{after}</p>'
                    for label, after in blanks)
    return f'<div class="fk-form-head">{cells}</div>'


def form_page(letter: str, items: list[Item]) -> str:
    """The student sheet. What only the instructor needs (the key's address, how to print) is on screen only."""
    return "\n".join([
        f"# Quiz Form {letter.upper()}", "",
        f"For instructors: print this page for students (the navigation and this note are left out, and it "
        f"fits A4 and Letter). The [answer key](form-{letter}-key.md) is a separate page.",
        "{: .fk-screen-only .fk-note }", "",
        header_block(len(items)), "",
        f'<p class="fk-form-meta">{len(items)} questions. Choose the best answer to each; where a question says '
        "so, choose every answer that applies.</p>", "",
        '<ol class="fk-form">' + "".join(question_html(i, n) for n, i in enumerate(items, 1)) + "</ol>", ""])


def key_page(letter: str, items: list[Item]) -> str:
    seed = FORMS[letter]
    return "\n".join([
        f"# Answer key, Form {letter.upper()} (for instructors)", "",
        '!!! warning "For instructors"',
        f"    Keep this key away from students until the test is over. It answers [Form {letter.upper()}]"
        f"(form-{letter}.md): {len(items)} questions drawn from the whole bank with seed {seed}, so "
        f"`python -m fentkb quiz --seed {seed} --count {FORM_SIZE}` prints the same form with this key. "
        "It is left out of the site's search.", "",
        "Each answer gives its reason and where in the papers it can be checked.", "",
        '<ol class="fk-form-key">' + "".join(key_line(i) for i in items) + "</ol>", ""])


def pages(bank: list[Item]) -> dict[str, str]:
    result = {}
    for letter, seed in FORMS.items():
        items = make_form(bank, seed, FORM_SIZE)
        result[f"quiz/form-{letter}.md"] = form_page(letter, items)
        result[f"quiz/form-{letter}-key.md"] = key_page(letter, items)
    return result
