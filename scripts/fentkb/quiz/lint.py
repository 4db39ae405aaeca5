"""Item-quality linter, after the multiple-choice item-writing guidelines of Haladyna, Downing and
Rodriguez (2002). A violation names the item and the rule; the build fails on any."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .item import Item

NEGATIVE = re.compile(r"\b(not|except)\b", re.I)
OF_ABOVE = re.compile(r"\b(all|none|both|neither) of (the )?(above|these|the above)\b", re.I)
POINTS_AT_OPTIONS = re.compile(r"\b(of the following|above|below)\b", re.I)
QUOTED = re.compile(r"“[^”]*”")
MAX_POSITION_SHARE = 0.35
MAX_LONGEST_SHARE = 0.40


@dataclass(frozen=True)
class Violation:
    item: str
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"question {self.item}: {self.rule}: {self.detail}"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def check_item(item: Item) -> list[Violation]:
    found: list[Violation] = []

    def fail(rule: str, detail: str) -> None:
        found.append(Violation(item.id, rule, detail))

    texts = [o.text for o in item.options] if item.type != "matching" else [a for _, a in item.pairs]
    keys = len(item.keys)
    if item.type == "single" and keys != 1:
        fail("exactly one key", f"a single-choice question needs one correct option, found {keys}")
    if item.type == "multiple" and not 1 <= keys < len(item.options):
        fail("keys and distractors", f"a multiple-select question needs correct and wrong options, found {keys} "
             f"correct of {len(item.options)}")
    if item.type == "truefalse" and ([o.text for o in item.options] != ["True", "False"] or keys != 1):
        fail("true/false form", "expected the options True and False with one of them correct")
    if item.type == "matching" and len(item.pairs) < 3:
        fail("matching form", f"expected at least 3 pairs, found {len(item.pairs)}")
    if item.type != "matching" and len(texts) < 2:
        fail("options", f"expected at least 2 options, found {len(texts)}")
    if any(not t.strip() for t in texts):
        fail("no empty option", "an option has no text")
    dupes = [t for t, n in Counter(_norm(t) for t in texts).items() if n > 1]
    if dupes:
        fail("no duplicate option", f"'{dupes[0]}' appears more than once")
    if any(OF_ABOVE.search(t) for t in texts):
        fail("no 'all/none of the above'", "an option refers to the other options")
    own_words = QUOTED.sub("“…”", item.stem)  # quoted claims and figures are material, not the question's wording
    negation = NEGATIVE.search(own_words)
    if negation and negation.group(0) != negation.group(0).upper():
        fail("negative stem emphasized", f"write '{negation.group(0)}' in capitals: {negation.group(0).upper()}")
    if not item.explanation.strip():
        fail("explanation", "every question needs an explanation")
    if not item.at or not item.page:
        fail("source", "every question needs a locator and a module page")
    end = "." if item.type == "truefalse" else "?"
    if len(item.stem.split()) < 6 or not item.stem.rstrip().endswith((end, "Select all that apply.")):
        fail("stem stands alone", f"expected a complete {'statement' if end == '.' else 'question'} of at least "
             f"6 words ending in '{end}'")
    if POINTS_AT_OPTIONS.search(own_words):
        fail("stem stands alone", "the stem points at the options ('of the following', 'above', 'below')")
    return found


def check_bank(items: list[Item]) -> list[Violation]:
    found = [v for item in items for v in check_item(item)]
    for item_id, n in Counter(i.id for i in items).items():
        if n > 1:
            found.append(Violation(item_id, "unique id", f"{n} questions share this id"))
    four = [i for i in items if i.type == "single" and len(i.options) == 4 and len(i.keys) == 1]
    if four:
        positions = Counter(i.keys[0] for i in four)
        for pos, n in sorted(positions.items()):
            if n / len(four) > MAX_POSITION_SHARE:
                found.append(Violation("(bank)", "key position balanced", f"position {pos + 1} holds the key in "
                                       f"{n} of {len(four)} four-option questions, over {MAX_POSITION_SHARE:.0%}"))
    choice = [i for i in items if i.type in ("single", "multiple") and len(i.options) >= 3]
    longest = [i for i in choice if _key_is_longest(i)]
    if choice and len(longest) / len(choice) > MAX_LONGEST_SHARE:
        found.append(Violation("(bank)", "key not the longest option", f"the key is the longest option in "
                               f"{len(longest)} of {len(choice)} questions, over {MAX_LONGEST_SHARE:.0%}"))
    return found


def _key_is_longest(item: Item) -> bool:
    lengths = [len(o.text) for o in item.options]
    return all(len(item.options[k].text) == max(lengths) for k in item.keys) and lengths.count(max(lengths)) == 1

