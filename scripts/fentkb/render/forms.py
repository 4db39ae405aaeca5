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
    return (f'<li><strong>{h(key_letters(item))}</strong>. {h(item.explanation)} '
            f'<span class="fk-form-where">({h(", ".join(item.at))})</span></li>')


def form_page(letter: str, items: list[Item]) -> str:
    seed = FORMS[letter]
    return "\n".join([
        f"# Quiz Form {letter.upper()}", "",
        f'<p class="fk-form-meta">{len(items)} questions, drawn from the whole bank with seed {seed} '
        f"(<code>python -m fentkb quiz --seed {seed} --count {FORM_SIZE}</code> prints the same form). Name: "
        "________________________</p>", "",
        f"The answer key is on a [separate page](form-{letter}-key.md). Print this page: the navigation is left "
        "out, and it fits A4 and Letter.", "",
        '<ol class="fk-form">' + "".join(question_html(i, n) for n, i in enumerate(items, 1)) + "</ol>", ""])


def key_page(letter: str, items: list[Item]) -> str:
    return "\n".join([
        f"# Answer key, Form {letter.upper()}", "",
        f"For [Form {letter.upper()}](form-{letter}.md). Each answer gives its reason and where in the papers it "
        "can be checked.", "",
        '<ol class="fk-form-key">' + "".join(key_line(i) for i in items) + "</ol>", ""])


def pages(bank: list[Item]) -> dict[str, str]:
    result = {}
    for letter, seed in FORMS.items():
        items = make_form(bank, seed, FORM_SIZE)
        result[f"quiz/form-{letter}.md"] = form_page(letter, items)
        result[f"quiz/form-{letter}-key.md"] = key_page(letter, items)
    return result
