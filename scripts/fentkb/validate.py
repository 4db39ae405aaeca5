"""Checks across entries: ids, references between entries, and locators into the papers."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from .convert import hints
from .model import ClaimId, Counter, DimensionId, Evidence, EvidenceId, Locator, Paper, PaperId
from .papers import describe_range, parse_locator
from .problems import Problems
from .yamlread import Key, YamlDoc, dotted

ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
URL = re.compile(r"^https?://[^\s<>\"'`]+$")
SPAN = re.compile(r"^(\d+)(?:-(\d+))?$")
SIGNATURE_WORDS = 30
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
MONTH_OR_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


@dataclass
class Located:
    """An entry with the file and field path it came from, for error messages."""

    entry: Any
    doc: YamlDoc
    path: tuple[Key, ...]
    kind: str


class Validator:
    def __init__(self, entries: list[Located], paragraphs: dict[str, dict[str, str]], problems: Problems,
                 complete: bool = True) -> None:
        # When a file could not be read at all, its ids are unknown: references to them are not reported,
        # or one unreadable paper.yaml would bury its own message under hundreds of 'unknown id' lines.
        self.complete = complete
        self.entries = entries
        self.paragraphs = paragraphs
        self.problems = problems
        self.ids: dict[Any, list[str]] = {PaperId: [], EvidenceId: [], ClaimId: [], DimensionId: []}
        self.by_kind: dict[str, list[Located]] = {}
        self._notes: dict[str, set[int]] = {}
        for item in entries:
            self.by_kind.setdefault(item.kind, []).append(item)
        self.papers: dict[str, Paper] = {i.entry.id: i.entry for i in self.by_kind.get("paper", []) if i.entry.id}

    def fail(self, item: Located, sub: tuple[Key, ...], message: str) -> None:
        path = (*item.path, *sub)
        self.problems.add(item.doc.file, item.doc.line(path), dotted(path), message)

    def run(self) -> None:
        self.check_ids()
        self.id_sets = {tp: set(ids) for tp, ids in self.ids.items()}  # membership tests stay O(1) on large bases
        for item in self.entries:
            self.walk(item, item.entry, ())
        for item in self.by_kind.get("evidence", []):
            self.check_evidence(item)
        for item in self.by_kind.get("counterarguments", []):
            self.check_counter(item)
        self.check_every_claim_answered()
        self.check_dates_and_terms()
        for item in self.by_kind.get("developments", []):
            self.check_development(item)
        self.check_teaching_material()
        for item in self.by_kind.get("paper", []):
            self.check_sections(item)
            url = item.entry.url
            if url is not None and not URL.match(url):
                self.fail(item, ("url",), f"expected a web address starting with http:// or https://, found '{url}'")
        self.check_per_paper_tables()

    def check_ids(self) -> None:
        seen: dict[tuple[str, str], Located] = {}
        ref_type = {"paper": PaperId, "evidence": EvidenceId, "claims": ClaimId, "dimensions": DimensionId}
        for item in self.entries:
            entry_id = getattr(item.entry, "id", None)
            if entry_id is None:
                continue
            if not ID.match(entry_id):
                self.fail(item, ("id",), f"expected an id of lower-case letters, digits and hyphens "
                          f"(at most 64), found '{entry_id}'")
            group = "paper" if item.kind == "paper" else item.kind
            first = seen.get((group, entry_id))
            if first:
                self.fail(item, ("id",), f"duplicate id '{entry_id}' (first used in "
                          f"{first.doc.file}:{first.doc.line((*first.path, 'id'))})")
                continue
            seen[(group, entry_id)] = item
            if item.kind in ref_type:
                self.ids[ref_type[item.kind]].append(entry_id)
        if self.paragraphs:
            for item in self.by_kind.get("paper", []):
                if item.entry.id not in self.paragraphs:
                    self.fail(item, ("id",), f"no text for paper '{item.entry.id}' in the papers folder "
                              f"(found: {', '.join(sorted(self.paragraphs))})")

    def walk(self, item: Located, value: Any, sub: tuple[Key, ...]) -> None:
        """Check every id reference and locator inside an entry, whatever its kind."""
        if not is_dataclass(value):
            return
        for f in fields(value):
            self.check_value(item, hints(typing.cast(type, type(value)))[f.name], getattr(value, f.name), (*sub, f.name))

    def check_value(self, item: Located, tp: Any, value: Any, sub: tuple[Key, ...]) -> None:
        origin = typing.get_origin(tp)
        if value is None:
            return
        if origin is list:
            for i, v in enumerate(value):
                self.check_value(item, typing.get_args(tp)[0], v, (*sub, i))
        elif origin is dict:
            key_tp, value_tp = typing.get_args(tp)
            for k, v in value.items():
                self.check_value(item, key_tp, k, (*sub, k))
                self.check_value(item, value_tp, v, (*sub, k))
        elif origin in (typing.Union, types.UnionType):
            if PaperId in typing.get_args(tp) and value != "module":
                self.check_value(item, PaperId, value, sub)
            else:
                self.walk(item, value, sub)
        elif tp is Locator:
            self.check_locator(item, value, sub)
        elif tp in self.ids:
            if value not in self.id_sets[tp] and self.complete:
                known = ", ".join(sorted(self.ids[tp])[:8]) + (", ..." if len(self.ids[tp]) > 8 else "")
                self.fail(item, sub, f"unknown {tp.__name__[:-2].lower()} id '{value}' (known: {known or 'none'})")
        else:
            self.walk(item, value, sub)

    def check_locator(self, item: Located, text: str, sub: tuple[Key, ...]) -> None:
        place = parse_locator(text)
        if place is None:
            self.fail(item, sub, f"expected a locator like 'no-tempest ¶20', 'no-tempest ¶20-22' or "
                      f"'opioid-challenge [27]', found '{text}'")
            return
        if place.paper not in self.id_sets[PaperId]:
            if not self.complete:
                return
            self.fail(item, sub, f"locator '{text}' names an unknown paper '{place.paper}' "
                      f"(known: {', '.join(sorted(self.ids[PaperId]))})")
            return
        places = self.paragraphs.get(place.paper)
        if places is None:
            return  # papers folder absent: ranges cannot be checked
        paper = self.papers.get(place.paper)
        if place.first.isdigit() and paper and paper.references is not None and \
                int(place.first) not in self.note_numbers(paper):
            self.fail(item, sub, f"locator '{text}' names a note that {place.paper}'s paper.yaml does not list "
                      "under references; add it there")
            return
        missing = [k for k in place.keys if k not in places]
        if missing:
            self.fail(item, sub, f"locator '{text}' points past the paper: {place.paper} has "
                      f"{describe_range(places)}")

    def check_evidence(self, item: Located) -> None:
        ev: Evidence = item.entry
        if None in (ev.at, ev.figure, ev.paper):
            return
        place = parse_locator(ev.at)
        if place is None or place.paper not in self.paragraphs:
            return
        if place.paper != ev.paper:
            self.fail(item, ("at",), f"expected a place in '{ev.paper}', found one in '{place.paper}'")
            return
        text = " ".join(self.paragraphs[place.paper].get(k, "") for k in place.keys)
        if ev.figure not in text:
            self.fail(item, ("figure",), f"the figure '{ev.figure}' is not written in {ev.at}; "
                      "copy it exactly as the paper writes it")
        paper = self.papers.get(ev.paper)
        numbers = self.note_numbers(paper)
        for i, n in enumerate(ev.cites or []):
            if paper and n not in numbers:
                self.fail(item, ("cites", i), f"{ev.paper} has no note or reference [{n}] in its paper.yaml")

    def check_counter(self, item: Located) -> None:
        counter: Counter = item.entry
        if counter.by in ("module", None):
            return
        if not counter.at:
            self.fail(item, ("at",), f"a counterargument by '{counter.by}' needs the places where that paper says it")
        for i, loc in enumerate(counter.at or []):
            place = parse_locator(loc)
            if place and place.paper != counter.by:
                self.fail(item, ("at", i), f"expected a place in '{counter.by}', found '{loc}'")

    def check_every_claim_answered(self) -> None:
        answered = {c.entry.claim for c in self.by_kind.get("counterarguments", [])}
        for item in self.by_kind.get("claims", []):
            if item.entry.id not in answered:
                self.fail(item, ("id",), f"claim '{item.entry.id}' has no counterargument; add one "
                          "(by another paper, or by: module)")

    def check_sections(self, item: Located) -> None:
        """Sections must cover the paper's paragraphs in order, each exactly once."""
        paper: Paper = item.entry
        expected = 1
        for i, section in enumerate(paper.sections or []):
            match = SPAN.match(section.paragraphs or "")
            if not match:
                self.fail(item, ("sections", i, "paragraphs"), f"expected a paragraph range like '5-9' or '12', "
                          f"found '{section.paragraphs}'")
                return
            first, last = int(match[1]), int(match[2] or match[1])
            if first != expected or last < first:
                self.fail(item, ("sections", i, "paragraphs"), f"expected this section to start at ¶{expected} "
                          f"(right after the previous one), found '{section.paragraphs}'")
                return
            expected = last + 1
        places = self.paragraphs.get(paper.id or "")
        if places and paper.sections is not None:
            total = sum(1 for k in places if k.startswith("¶"))
            if expected - 1 != total:
                self.fail(item, ("sections",), f"expected sections covering ¶1-{total}, found them ending at "
                          f"¶{expected - 1}")

    def check_dates_and_terms(self) -> None:
        for item in self.by_kind.get("timeline", []):
            if item.entry.date and not DATE.match(item.entry.date):
                self.fail(item, ("date",), f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '{item.entry.date}'")
        for item in self.by_kind.get("glossary", []):
            if item.entry.term and any(ch in item.entry.term for ch in "[]*"):
                self.fail(item, ("term",), f"a term cannot contain [, ] or *, found '{item.entry.term}'")

    def check_teaching_material(self) -> None:
        """The authored material the quiz families are built from: enough near-misses, and signatures short
        enough to read as one clause."""
        def count(item: Located, attr: str, low: int, high: int, what: str) -> None:
            value = getattr(item.entry, attr)
            if value is None:
                return  # missing altogether: already reported as a missing field
            found = len(value)
            if not low <= found <= high:
                span = f"{low} to {high}" if high < 99 else f"at least {low}"
                self.fail(item, (attr,), f"expected {span} {what}, found {found}")

        for item in self.by_kind.get("claims", []):
            count(item, "misreadings", 2, 3, "misreadings (near-miss versions of the signature)")
            if self.by_kind.get("dimensions") and item.entry.row is None and not getattr(item.entry, "_partial", False):
                # with a matrix, a claim names its row, so 'which paper argues this?' can tell each wrong paper's
                # own position; a knowledge base without a matrix has no rows to name
                self.fail(item, (), "missing field 'row': the matrix row (a dimensions id) the claim bears on most")
            if item.entry.misreadings and not item.entry.why:
                self.fail(item, (), "missing field 'why': why the signature is the paper's (what in the paper shows "
                          "it, and what sets it apart from its nearest misreading), for the quiz's explanation")
            words = len((item.entry.signature or "").split())
            if words > SIGNATURE_WORDS:
                self.fail(item, ("signature",), f"expected a signature of at most {SIGNATURE_WORDS} words, "
                          f"found {words}")
        for item in self.by_kind.get("counterarguments", []):
            if item.entry.response is not None:
                count(item, "wrong_replies", 2, 3, "wrong replies beside the response")
                if not item.entry.response.option:
                    self.fail(item, ("response",), "missing field 'option': the reply in other words than "
                              "'text', which the claim page prints; the quiz offers it as the key")
        for item in self.by_kind.get("dimensions", []):
            if item.entry.asked:
                count(item, "decoys", 2, 3, "decoys (positions no paper takes)")
                if not item.entry.answers:
                    self.fail(item, (), "missing field 'answers': each paper's cell in other words than the "
                              "matrix prints, for the matching question (or set asked: false)")
        for item in self.by_kind.get("options", []):
            for n, pos in enumerate(item.entry.positions or []):
                if pos is not None and pos.stance in ("for", "against") and not pos.why:
                    self.fail(item, ("positions", n), f"missing field 'why': a clear '{pos.stance}' stance is asked "
                              "as a true/false question, whose feedback says why the paper's text counts as it")
        for item in self.by_kind.get("tensions", []):
            count(item, "wrong", 2, 3, "wrong explanations")
            if item.entry.wrong:
                for n, reason in enumerate(item.entry.explanations or []):
                    if reason is not None and not reason.option:
                        self.fail(item, ("explanations", n), "missing field 'option': the explanation in other words "
                                  "than 'text', which the numbers page prints; the quiz offers it as a key")
        for item in self.by_kind.get("findings", []):
            if item.entry.kind == "differ":
                for attr in ("question", "answer"):
                    if not getattr(item.entry, attr):
                        self.fail(item, (), f"missing field '{attr}': a differ finding is asked as a question")
                count(item, "wrong", 2, 3, "wrong accounts of the difference")
        for kind in ("scenarios", "appraisals", "questions"):
            for item in self.by_kind.get(kind, []):
                right = sum(1 for c in item.entry.choices or [] if c and c.correct)
                if right < 1 or right >= len(item.entry.choices or []):
                    self.fail(item, ("choices",), f"expected at least one choice with correct: true and at least "
                              f"one without, found {right} correct of {len(item.entry.choices or [])}")

    def check_development(self, item: Located) -> None:
        """An outside fact: its address must be a web address written in its source line, and its dates
        exact (`as_of` may stop at the month when the source gives no day)."""
        dev = item.entry
        if dev.url is not None:
            if not URL.match(dev.url):
                self.fail(item, ("url",), f"expected a web address starting with http:// or https://, "
                          f"found '{dev.url}'")
            elif dev.source is not None and dev.url not in dev.source:
                self.fail(item, ("url",), f"expected the address given in the source line, found '{dev.url}', "
                          "which the source line does not contain")
        if dev.date is not None and not DAY.match(dev.date):
            self.fail(item, ("date",), f"expected the event's date as YYYY-MM-DD, found '{dev.date}'")
        if dev.as_of is not None:
            if not MONTH_OR_DAY.match(dev.as_of):
                self.fail(item, ("as_of",), f"expected the source's date as YYYY-MM-DD (or YYYY-MM when the "
                          f"source gives no day), found '{dev.as_of}'")
            elif dev.date is not None and DAY.match(dev.date) and dev.as_of < dev.date[:len(dev.as_of)]:
                self.fail(item, ("as_of",), f"expected the source's date on or after the event's date "
                          f"{dev.date}, found '{dev.as_of}'")

    def check_per_paper_tables(self) -> None:
        papers = set(self.ids[PaperId])
        for kind, attr in (("dimensions", "cells"), ("dimensions", "answers"), ("options", "positions")):
            for item in self.by_kind.get(kind, []):
                value = getattr(item.entry, attr)
                if value is None or value == {}:
                    continue  # a row not asked may have no answers; given, they cover every paper
                covered = set(value) if isinstance(value, dict) else {p.paper for p in value}
                if covered != papers:
                    self.fail(item, (attr,), f"expected one entry for each paper ({', '.join(sorted(papers))}), "
                              f"found {', '.join(sorted(covered)) or 'none'}")

    def note_numbers(self, paper: Paper | None) -> set[int]:
        if paper is None or paper.references is None:
            return set()
        if paper.id not in self._notes:
            self._notes[paper.id] = {r.n for r in paper.references if r is not None}
        return self._notes[paper.id]


