"""Item-quality linter, after the multiple-choice item-writing guidelines of Haladyna, Downing and
Rodriguez (2002) and this module's rubric (docs/reference/quiz-rubric.md). A violation names the item and
the rule; the build fails on any. Each rule is a named constant, so tests and messages share one wording."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from .item import Item

Fail = Callable[[str, str], None]

# --- rules: structure ------------------------------------------------------------------------------
ONE_KEY = "exactly one key"
KEYS_AND_DISTRACTORS = "keys and distractors"
TRUE_FALSE_FORM = "true/false form"
MATCHING_FORM = "matching form"
OPTIONS = "options"
NO_EMPTY_OPTION = "no empty option"
NO_DUPLICATE_OPTION = "no duplicate option"
NO_OF_THE_ABOVE = "no 'all/none of the above'"
NEGATIVE_EMPHASIZED = "negative stem emphasized"
EXPLANATION = "explanation"
SOURCE = "source"
STEM_STANDS_ALONE = "stem stands alone"
UNIQUE_ID = "unique id"
KEY_POSITION = "key position balanced"
KEY_NOT_LONGEST = "key not the longest option"
# --- rules: the rubric ------------------------------------------------------------------------------
STEM_LENGTH = "stem short enough"
PAPER_ID_IN_STEM = "no paper id in a stem"
KEY_CUE = "no cue to the key in the stem"
WORD_OVERLAP = "key not echoed by the stem"
FEEDBACK_SAYS_WHY = "feedback on every option"
FEEDBACK_REPEATED = "feedback not boilerplate"
DUPLICATE_STEM = "no duplicate stem"
MATCHING_SURPLUS = "matching has surplus answers"
KEY_COUNT_VARIES = "multiple-select key counts vary"
DISTRACTOR_ALSO_RIGHT = "no distractor that also answers"
FAKE_QUOTE = "quotation marks only for the papers' words"
HEDGE_ALONE = "key not the only hedged option"
ABSOLUTE_TELL = "no absolute word only in distractors"

MAX_STEM_WORDS = 60
MAX_READ_WORDS = 150
MAX_SAME_FEEDBACK = 3  # a feedback or explanation may recur in at most this many items
OVERLAP_MARGIN = 2  # the key may share at most one content word more with the stem than the closest distractor
MAX_UNCHECKED_QUOTE = 8  # without the papers' texts, a quotation longer than this is taken for a paraphrase
MAX_POSITION_SHARE = 0.35
MAX_LONGEST_SHARE = 0.40

NEGATIVE = re.compile(r"\b(not|except)\b", re.I)
OF_ABOVE = re.compile(r"\b(all|none|both|neither) of (the )?(above|these|the above)\b", re.I)
POINTS_AT_OPTIONS = re.compile(r"\b(of the following|the (options|answers|choices) (above|below)|"
                               r"(listed|given|shown) (above|below))\b", re.I)
QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
HEDGE = re.compile(r"\b(could|may|might|in part|partly|likely|not necessarily|but (?:does|did|do|can|cannot) not|"
                   r"but not|cannot show|does not show)\b", re.I)
ABSOLUTE = re.compile(r"\b(only|always|never|every|entirely|completely|at all|alone|proves?|certainly|in full|"
                      r"whatever|no effect)\b", re.I)
NUMBER = re.compile(r"\d[\d,.]*\d|\d")
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
WORD = re.compile(r"[a-z][a-z'-]+")
STOP = frozenset([
    "about", "above", "accurately", "after", "again", "against", "also", "among", "answer", "argue", "argued",
    "argues", "because", "been", "before", "being", "between", "both", "could", "does", "doing", "during",
    "each", "from", "further", "have", "having", "here", "into", "itself", "just", "more", "most", "much",
    "must", "only", "other", "over", "paper", "papers", "reply", "reports", "same", "should", "some",
    "statement", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "under", "until", "very", "what", "when", "where", "which", "while", "whom", "will", "with",
    "would", "your",
])


@dataclass(frozen=True)
class Violation:
    item: str
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"question {self.item}: {self.rule}: {self.detail}"


@dataclass(frozen=True)
class Context:
    """What the linter knows of the knowledge base: the papers' ids and, when the papers folder is there,
    their text, against which quotations are checked."""

    paper_ids: frozenset[str] = frozenset()
    texts: str = field(default="", repr=False)


def context_for(paper_ids: list[str], paragraphs: dict[str, dict[str, str]]) -> Context:
    """The linter's view of a knowledge base; `paragraphs` is empty when the papers folder is absent."""
    texts = " ".join(t for places in paragraphs.values() for t in places.values())
    return Context(frozenset(paper_ids), _quote_norm(texts) if texts else "")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _quote_norm(text: str) -> str:
    """Lower case, one kind of apostrophe, punctuation as space: a quotation matches its source's words."""
    text = text.replace("’", "'").replace("‘", "'")
    return " " + " ".join(re.sub(r"[^\w%$' ]+", " ", text.lower()).split()) + " "


def _content(text: str) -> set[str]:
    return {w.strip("'-") for w in WORD.findall(text.lower()) if len(w) >= 4 and w not in STOP}


def answers(item: Item) -> list[str]:
    return [a for _, a in item.pairs] + item.extra if item.type == "matching" else [o.text for o in item.options]


def _question(stem: str) -> str:
    """The question a stem ends with, after any situation or objection it sets out."""
    parts = re.split(r"(?<=[.:!?])\s+(?=[A-Z])", stem.strip())
    tail = [p for p in parts if p != "Select all that apply."]
    return tail[-1] if tail else stem


def check_item(item: Item, ctx: Context = Context()) -> list[Violation]:
    found: list[Violation] = []

    def fail(rule: str, detail: str) -> None:
        found.append(Violation(item.id, rule, detail))

    texts = answers(item)
    _structure(item, texts, fail)
    _rubric(item, texts, ctx, fail)
    return found


def _structure(item: Item, texts: list[str], fail: Fail) -> None:
    keys = len(item.keys)
    if item.type == "single" and keys != 1:
        fail(ONE_KEY, f"a single-choice question needs one correct option, found {keys}")
    if item.type == "multiple" and not 1 <= keys < len(item.options):
        fail(KEYS_AND_DISTRACTORS, f"a multiple-select question needs correct and wrong options, found {keys} "
             f"correct of {len(item.options)}")
    if item.type == "truefalse" and ([o.text for o in item.options] != ["True", "False"] or keys != 1):
        fail(TRUE_FALSE_FORM, "expected the options True and False with one of them correct")
    if item.type == "matching" and len(item.pairs) < 3:
        fail(MATCHING_FORM, f"expected at least 3 pairs, found {len(item.pairs)}")
    if item.type != "matching" and len(texts) < 2:
        fail(OPTIONS, f"expected at least 2 options, found {len(texts)}")
    if any(not t.strip() for t in texts):
        fail(NO_EMPTY_OPTION, "an option has no text")
    dupes = [t for t, n in Counter(_norm(t) for t in texts).items() if n > 1]
    if dupes:
        fail(NO_DUPLICATE_OPTION, f"'{dupes[0]}' appears more than once")
    if any(OF_ABOVE.search(t) for t in texts):
        fail(NO_OF_THE_ABOVE, "an option refers to the other options")
    # quoted figures and words, and the material a stem sets out before its question, are not the question's
    # own wording: only the question is checked for a negative and for pointing at the options
    own_words = QUOTED.sub("“…”", _question(item.stem))
    negation = NEGATIVE.search(" ".join(own_words.split()[:6]))  # 'Which is NOT…'; not a 'not' inside a claim
    if negation and negation.group(0) != negation.group(0).upper():
        fail(NEGATIVE_EMPHASIZED, f"write '{negation.group(0)}' in capitals: {negation.group(0).upper()}")
    if not item.explanation.strip():
        fail(EXPLANATION, "every question needs an explanation")
    if not item.at or not item.page:
        fail(SOURCE, "every question needs a locator and a module page")
    end = "." if item.type == "truefalse" else "?"
    if len(item.stem.split()) < 6 or not item.stem.rstrip().endswith((end, "Select all that apply.", "position.")):
        fail(STEM_STANDS_ALONE, f"expected a complete {'statement' if end == '.' else 'question'} of at least "
             f"6 words ending in '{end}'")
    if POINTS_AT_OPTIONS.search(own_words):
        fail(STEM_STANDS_ALONE, "the stem points at the options ('of the following', 'above', 'below')")


def _rubric(item: Item, texts: list[str], ctx: Context, fail: Fail) -> None:
    stem_words = len(item.stem.split())
    prompts = " ".join(p for p, _ in item.pairs)
    read = stem_words + len(prompts.split()) + sum(len(t.split()) for t in texts)
    if stem_words > MAX_STEM_WORDS or read > MAX_READ_WORDS:
        fail(STEM_LENGTH, f"the stem has {stem_words} words (at most {MAX_STEM_WORDS}) and stem and options "
             f"{read} (at most {MAX_READ_WORDS})")
    ids = [pid for pid in ctx.paper_ids if re.search(rf"(?<![\w-]){re.escape(pid)}(?![\w-])", item.stem)]
    if ids:
        fail(PAPER_ID_IN_STEM, f"the stem names the file id '{ids[0]}'; use the paper's short name")
    if item.type in ("single", "multiple"):
        _cues(item, fail)
        if any(not o.feedback.strip() for o in item.options):
            fail(FEEDBACK_SAYS_WHY, "every option needs feedback that says why it is right or wrong")
        right = {_norm(t) for t in item.also_right}
        wrong = [o.text for o in item.options if not o.correct and _norm(o.text).rstrip(".") in
                 {r.rstrip(".") for r in right}]
        if wrong:
            fail(DISTRACTOR_ALSO_RIGHT, f"the distractor '{wrong[0][:60]}' is recorded as a right answer here")
    if item.type == "matching" and len(item.extra) < 2:
        fail(MATCHING_SURPLUS, f"a matching question needs at least 2 answers that fit no prompt, found "
             f"{len(item.extra)}; otherwise the last pair is forced")
    for text in [item.stem, *texts]:
        for m in QUOTED.finditer(text):
            quote = m.group(1) or m.group(2) or ""
            if _is_paraphrase(quote, ctx):
                fail(FAKE_QUOTE, f"'{quote[:60]}' is in quotation marks but is not the papers' wording")
                return


def _is_paraphrase(quote: str, ctx: Context) -> bool:
    if ctx.texts:
        return _quote_norm(quote) not in ctx.texts
    return len(quote.split()) > MAX_UNCHECKED_QUOTE


def _cues(item: Item, fail: Fail) -> None:
    keys = [o.text for o in item.options if o.correct]
    others = " ".join(o.text for o in item.options if not o.correct)
    for key in keys:
        for n in NUMBER.findall(key):
            if len(n) > 1 and n in item.stem and n not in others:
                fail(KEY_CUE, f"the key's figure '{n}' is repeated in the stem")
                return
        for acronym in ACRONYM.findall(key):
            initials = "".join(w[0] for w in re.findall(r"\b[A-Z][a-z]+", item.stem))
            if len(acronym) >= 3 and (acronym in initials or acronym in item.stem.split()) and acronym not in others:
                fail(KEY_CUE, f"the stem spells out or repeats the key's acronym '{acronym}'")
                return
    if item.type == "single" and len(item.options) >= 3:
        wrong = [o.text for o in item.options if not o.correct]
        if keys and HEDGE.search(keys[0]) and not any(HEDGE.search(t) for t in wrong):
            fail(HEDGE_ALONE, "only the key is hedged ('could', 'may', 'in part', 'but does not'); a test-wise "
                 "student picks it: hedge a distractor the same way")
            return
        if keys and not ABSOLUTE.search(keys[0]) and sum(bool(ABSOLUTE.search(t)) for t in wrong) >= 2:
            fail(ABSOLUTE_TELL, "two or more distractors carry absolute words ('only', 'never', 'every', 'alone', "
                 "'proves'...) and the key none: reword them so the error is in the content")
            return
        stem = _content(item.stem)
        key_overlap = len(stem & _content(keys[0])) if keys else 0
        best = max(len(stem & _content(o.text)) for o in item.options if not o.correct)
        if key_overlap >= best + OVERLAP_MARGIN:
            fail(WORD_OVERLAP, f"the key shares {key_overlap} content words with the stem, the closest distractor "
                 f"{best}")


def check_bank(items: list[Item], ctx: Context = Context()) -> list[Violation]:
    found = [v for item in items for v in check_item(item, ctx)]
    for item_id, n in Counter(i.id for i in items).items():
        if n > 1:
            found.append(Violation(item_id, UNIQUE_ID, f"{n} questions share this id"))
    found += _repeats(items)
    found += _balance(items)
    return found


def _repeats(items: list[Item]) -> list[Violation]:
    found = []
    stems: dict[str, list[str]] = defaultdict(list)
    said: dict[str, set[str]] = defaultdict(set)
    for item in items:
        stems[_norm(item.stem)].append(item.id)
        for text in {item.explanation, *(o.feedback for o in item.options if item.type != "truefalse")}:
            if text.strip():
                said[_norm(text)].add(item.id)
    for same in stems.values():
        if len(same) > 1:
            found.append(Violation(same[1], DUPLICATE_STEM, f"the same stem as {same[0]}"))
    for text, ids in said.items():
        if len(ids) > MAX_SAME_FEEDBACK:
            found.append(Violation(sorted(ids)[0], FEEDBACK_REPEATED, f"'{text[:60]}' is given in {len(ids)} "
                                   f"questions (at most {MAX_SAME_FEEDBACK}); say why for each"))
    by_family: dict[str, list[int]] = defaultdict(list)
    for item in items:
        if item.type == "multiple":
            by_family[item.template].append(len(item.keys))
    for family, counts in by_family.items():
        if len(counts) >= 3 and len(set(counts)) == 1:
            found.append(Violation(f"({family})", KEY_COUNT_VARIES, f"all {len(counts)} multiple-select questions "
                                   f"key {counts[0]} options; vary it so the count gives nothing away"))
    return found


def _balance(items: list[Item]) -> list[Violation]:
    found = []
    four = [i for i in items if i.type == "single" and len(i.options) == 4 and len(i.keys) == 1]
    if four:
        positions = Counter(i.keys[0] for i in four)
        for pos, n in sorted(positions.items()):
            if n / len(four) > MAX_POSITION_SHARE:
                found.append(Violation("(bank)", KEY_POSITION, f"position {pos + 1} holds the key in "
                                       f"{n} of {len(four)} four-option questions, over {MAX_POSITION_SHARE:.0%}"))
    choice = [i for i in items if i.type in ("single", "multiple") and len(i.options) >= 3]
    longest = [i for i in choice if _key_is_longest(i)]
    if choice and len(longest) / len(choice) > MAX_LONGEST_SHARE:
        found.append(Violation("(bank)", KEY_NOT_LONGEST, f"the key is the longest option in "
                               f"{len(longest)} of {len(choice)} questions, over {MAX_LONGEST_SHARE:.0%}"))
    return found


def _key_is_longest(item: Item) -> bool:
    lengths = [len(o.text) for o in item.options]
    return all(len(item.options[k].text) == max(lengths) for k in item.keys) and lengths.count(max(lengths)) == 1
