"""An Anki deck (.apkg) built with genanki. Model and deck ids are fixed and each note's guid comes
from the question id, so importing a newer deck updates notes instead of duplicating them."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import genanki

from ..quiz.item import Item
from ..quiz.key import key_text
from .common import TITLE, Report, supported

TYPES = {"single": "", "multiple": "", "truefalse": "", "matching": ""}
MODEL_ID = 1733190521  # fixed forever: changing it would make every re-import a new note type
DECK_ID = 1733190522

MODEL = genanki.Model(
    MODEL_ID, "Fentanyl module question",
    fields=[{"name": "Question"}, {"name": "Options"}, {"name": "Answer"}, {"name": "Explanation"},
            {"name": "Source"}, {"name": "Id"}, {"name": "Feedback"}],
    templates=[{"name": "Card 1", "qfmt": "{{Question}}<br><br>{{Options}}",
                "afmt": "{{FrontSide}}<hr id=answer><b>{{Answer}}</b><br><br>{{Explanation}}<br><br>"
                        "{{Feedback}}<small>{{Source}}</small>"}],
    css=".card { font-family: sans-serif; font-size: 18px; text-align: left; }")


def e(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)


def options_html(item: Item) -> str:
    if item.type == "matching":
        prompts = "".join(f"<li>{e(p)}</li>" for p, _ in item.pairs)
        answers = "".join(f"<li>{e(a)}</li>" for a in item.answer_list())
        return f"Match:<ul>{prompts}</ul>with:<ul>{answers}</ul>"
    hint = "Select all that apply." if item.type == "multiple" else ""
    return hint + "<ol type=A>" + "".join(f"<li>{e(o.text)}</li>" for o in item.options) + "</ol>"


def feedback_html(item: Item) -> str:
    """Why each option is right or wrong, on the back of the card."""
    rows = "".join(f"<li><b>{e(o.text)}</b>: {e(o.feedback)}</li>" for o in item.options if o.feedback)
    return f"<ul>{rows}</ul>" if rows else ""


def note(item: Item) -> genanki.Note:
    return genanki.Note(model=MODEL, guid=genanki.guid_for("fentkb", item.id),
                        fields=[e(item.stem), options_html(item), e(key_text(item)), e(item.explanation),
                                e(", ".join(item.at)), e(item.id), feedback_html(item)], tags=[item.topic, item.template])


def export(items: list[Item]) -> tuple[bytes, Report]:
    report = Report("Anki deck", "questions.apkg")
    deck = genanki.Deck(DECK_ID, TITLE)
    for item in supported(items, TYPES, report):
        deck.add_note(note(item))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes(), report
