"""An Anki deck (.apkg) built with genanki. Model and deck ids are fixed, and each note's guid, note id and
card id come from the question id, so importing a newer deck updates notes instead of duplicating them.

genanki stamps notes with the build time and zips with the file dates (genanki issue #157), so every build
used to differ. Here notes are stamped with SOURCE_DATE_EPOCH (the reproducible-builds convention; the Makefile
sets it to the time of the last commit) or else a fixed date, and the package is zipped with fixed entry dates:
the same bank and stamp always give the same bytes. Anki updates a note on re-import only when the incoming
stamp is newer, so a changed bank needs a newer stamp to reach decks that are already imported."""

from __future__ import annotations

import hashlib
import html
import io
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import genanki

from ..quiz.item import Item
from ..quiz.key import key_text
from .common import TITLE, Report, supported

TYPES = {"single": "", "multiple": "", "truefalse": "", "matching": ""}
MODEL_ID = 1733190521  # fixed forever: changing it would make every re-import a new note type
DECK_ID = 1733190522
TIMESTAMP = 1704067200  # 2024-01-01 00:00 UTC: the time every note and card is stamped with
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
# Anki reads a note id as the time the note was added (in ms): ids from question ids fall in 2023-2026
ID_BASE, ID_SPAN = 1_672_531_200_000, 100_000_000_000

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


def stable_id(kind: str, qid: str) -> int:
    digest = hashlib.sha256(f"fentkb:{kind}:{qid}".encode()).digest()
    return ID_BASE + int.from_bytes(digest[:8], "big") % ID_SPAN


def ids_for(items: list[Item]) -> Iterator[int]:
    """The ids genanki asks for while it writes the deck: per note, the note's id, then its one card's id."""
    for item in items:
        yield stable_id("note", item.id)
        yield stable_id("card", item.id)


def build_time() -> int:
    stamp = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not stamp:
        return TIMESTAMP
    if not stamp.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (found {stamp!r}): "
                         "unset it, or set it with `date +%s`")
    return int(stamp)


def package(deck: genanki.Deck, items: list[Item]) -> bytes:
    """The .apkg bytes: genanki's collection database, zipped with fixed dates and no media."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        genanki.Package(deck).write_to_db(conn.cursor(), build_time(), ids_for(items))
        conn.commit()
        conn.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in (("collection.anki2", db.read_bytes()), ("media", b"{}")):
                zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
        return buffer.getvalue()


def export(items: list[Item]) -> tuple[bytes, Report]:
    report = Report("Anki deck", "questions.apkg")
    deck = genanki.Deck(DECK_ID, TITLE)
    kept = supported(items, TYPES, report)
    for item in kept:
        deck.add_note(note(item))
    return package(deck, kept), report
