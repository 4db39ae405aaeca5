"""Quiz pages: native form controls in fieldsets, with the answer in a <details> that works without JavaScript.

The widget script (docs/assets/quiz.js) only adds checking, scores, saved progress and the practice draw;
everything a student needs to study is already in this HTML.
"""

from __future__ import annotations

import json
import math
import random
import re

from ..quiz.families import TITLES
from ..quiz.item import TOPICS, Item, topics_in
from ..quiz.key import key_text
from .readfirst import read_first
from .text import h, md

PRACTICE_DRAW = 10
QUIZ_PAGE = 25  # questions on one quiz page at most: a phone lays out a page of 44 twice as slowly (Lighthouse 82 to 98)
PAPER_QUIZ = 15  # a paper's short quiz: this many questions, drawn in turn from each family


# Raw HTML is not rewritten by MkDocs, so links in it are written for the URL style of the build:
# 'claims/x/' with directory URLs (served sites), 'claims/x.html' without (the offline copy).


def url_of(docs_path: str, dir_urls: bool) -> str:
    """The URL of a docs page: 'claims/x.md#a' -> 'claims/x/#a' (or 'claims/x.html#a')."""
    path, _, anchor = docs_path.partition("#")
    stem = path.removesuffix(".md")
    if not dir_urls:
        url = f"{stem}.html"
    else:
        stem = stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem
        url = f"{stem}/" if stem else ""
    return url + (f"#{anchor}" if anchor else "")


def link(from_page: str, docs_path: str, dir_urls: bool) -> str:
    stem = from_page.removesuffix(".md")
    depth = stem.removesuffix("/index").count("/") + 1 if dir_urls else stem.count("/")
    return "../" * depth + url_of(docs_path, dir_urls)


def controls(item: Item) -> list[str]:
    if item.type == "matching":
        texts = [a for _, a in item.pairs] + item.extra  # an answer's value is its index here; surplus ones fit none
        answers = sorted(range(len(texts)), key=lambda i: random.Random(f"{item.id}:{i}").random())
        out = ['<div class="fk-match">']
        for i, (prompt, _) in enumerate(item.pairs):
            opts = "".join(f'<option value="{j}">{h(texts[j])}</option>' for j in answers)
            out.append(f'<label class="fk-pair"><span>{h(prompt)}</span><select name="{h(item.id)}-{i}" data-k="{i}">'
                       f'<option value="">Choose…</option>{opts}</select></label>')
        return [*out, "</div>"]
    kind = "checkbox" if item.type == "multiple" else "radio"
    out = ['<div class="fk-opts">']
    for i, o in enumerate(item.options):
        mark = ' data-k="1"' if o.correct else ""
        out.append(f'<label class="fk-opt"><input type="{kind}" name="{h(item.id)}" value="{i}"{mark}> '
                   f"<span>{h(o.text)}</span></label>")
    return [*out, "</div>"]


def answer(item: Item, page: str, dir_urls: bool) -> list[str]:
    key = key_text(item)
    if item.type == "matching":
        why = [f"<li><strong>{h(a)}</strong> fits no paper.</li>" for a in item.extra]
    else:
        why = [f"<li><strong>{h(o.text)}</strong> {h(o.feedback)}</li>" for o in item.options if o.feedback]
    return ['<details class="fk-answer"><summary>Answer and explanation</summary>',
            f'<p class="fk-key"><strong>Answer:</strong> {h(key)}</p>',
            f'<p class="fk-expl">{h(item.explanation)}</p>',
            *(['<ul class="fk-why">', *why, "</ul>"] if why else []),
            f'<p class="fk-src">Where: {h(", ".join(item.at))}. '
            f'<a href="{h(link(page, item.page, dir_urls))}">Read it in the module</a></p>',
            "</details>"]


# The widget's controls for one question, hidden until it runs. Two check buttons ask how sure the student is
# in the same press (recorded with the answer); 'Try again' and 'Next question' replace them once checked.
ACTIONS = ('<div class="fk-actions" data-fk-soon hidden>'
           '<button type="button" class="md-button fk-check">Check: I&#x27;m sure</button> '
           '<button type="button" class="md-button fk-guess">Check: not sure</button> '
           '<button type="button" class="md-button fk-nextq" hidden>Next question</button> '
           '<button type="button" class="md-button fk-retry" hidden>Try again</button></div>')


def item_html(item: Item, n: int, page: str, dir_urls: bool) -> str:
    hint = {"multiple": " (select all that apply)", "matching": " (choose an answer for each)"}.get(item.type, "")
    lines = [f'<div class="fk-q" id="q-{h(item.id)}" data-qid="{h(item.id)}" data-type="{item.type}">',
             f'<fieldset><legend><span class="fk-qn">Question <span class="fk-num">{n}</span>{hint}.</span> '
             f"{h(item.stem)}</legend>",
             *controls(item),
             ACTIONS,
             '<p class="fk-result"></p>',
             *answer(item, page, dir_urls), "</fieldset></div>"]
    return "\n".join(lines)


def bar(total: int) -> str:
    """The bar that stays on screen above a quiz: the score with a thin meter, the review of mistakes, and
    'Clear my answers' with the question it asks first. Shown by the widget; the empty state follows it."""
    return (f'<div class="fk-bar" data-fk-soon hidden><p class="fk-score">Answered 0 of {total}.</p>'
            '<span class="fk-meter" aria-hidden="true"><span class="fk-m-ok"></span><span class="fk-m-bad"></span>'
            '</span><button type="button" class="md-button fk-mistakes" aria-pressed="false">Review my mistakes'
            '</button><button type="button" class="md-button fk-reset">Clear my answers</button>'
            '<span class="fk-confirm" hidden><span class="fk-ask"></span> '
            '<button type="button" class="md-button fk-yes">Yes, clear them</button> '
            '<button type="button" class="md-button fk-no">Keep them</button></span></div>'
            '<p class="fk-empty" hidden>No mistakes to review. A question you answer wrongly comes back here until '
            "you get it right.</p>")


def in_family_order(items: list[Item]) -> list[list[Item]]:
    """Items grouped by family, in the order the families are declared."""
    return [g for f in TITLES if (g := [i for i in items if i.template == f])]


def parts(items: list[Item]) -> list[list[Item]]:
    """A long quiz split into pages of at most QUIZ_PAGE questions, so that no page grows heavy on a phone.
    A family stays whole on one page unless it alone is longer than a page; then it is cut into equal pages,
    not full ones and a short last one."""
    pages: list[list[Item]] = [[]]
    for group in in_family_order(items):
        size = math.ceil(len(group) / math.ceil(len(group) / QUIZ_PAGE))
        for chunk in (group[i:i + size] for i in range(0, len(group), size)):
            if pages[-1] and len(pages[-1]) + len(chunk) > QUIZ_PAGE:
                pages.append([])
            pages[-1] += chunk
    return pages


def part_uri(topic: str, n: int) -> str:
    return f"quiz/{topic}.md" if n == 1 else f"quiz/{topic}-{n}.md"


def is_later_part(src_uri: str) -> bool:
    """Part 2 and on of a long quiz: reached from part 1 and the quiz index rather than the navigation."""
    return re.fullmatch(r"quiz/[a-z0-9-]+-[2-9]\.md", src_uri) is not None


# Class mode (docs/assets/present.js): the same page opened with ?present. module.js shows this link, so a
# browser without JavaScript never offers it.
PRESENT_LINK = ('<p class="fk-present-link" data-fk-soon hidden><a href="?present">Present this quiz to a class</a>: one question '
                "at a time in large type for a projector, the answer shown on a key press, and a show of hands "
                "to tally.</p>")


def topic_page(topic: str, items: list[Item], dir_urls: bool, title: str | None = None, part: int = 1,
               of: int = 1) -> str:
    page = part_uri(topic, part)
    name = md(title or TOPICS.get(topic, topic))
    out = [f"# Quiz: {name}" + (f", part {part} of {of}" if of > 1 else ""), "", *read_first(topic, title)]
    if of > 1:
        links = ", ".join(f"part {n}" if n == part else f"[part {n}]({part_uri(topic, n).removeprefix('quiz/')})"
                          for n in range(1, of + 1))
        out += [f"This quiz is in {of} parts, to keep each page light: {links}.", ""]
    out += [f"{len(items)} questions. Choose an answer, then press *Check: I'm sure* or *Check: not sure* to see "
            "whether it is right and why; a confident wrong answer is flagged, since those are the ones to review "
            "first. Your first try makes the score, and *Try again* clears your choice for another. Answers are "
            "kept in this browser. Without JavaScript, every answer and explanation is under "
            "*Answer and explanation*.", "",
            PRESENT_LINK, "",
            f'<div class="fk-quiz" data-topic="{h(topic)}">', bar(len(items)), "</div>", ""]
    n = 0
    for group in in_family_order(items):
        out += [f"## {TITLES[group[0].template]}", "", '<div class="fk-quiz-part">']
        for item in group:
            n += 1
            out += [item_html(item, n, page, dir_urls), ""]
        out += ["</div>", ""]
    return "\n".join(out)


PRACTICE_INDEX = "quiz/practice-index.js"
BANK_DIR = "quiz/bank/"


def static_link(from_page: str, path: str, dir_urls: bool) -> str:
    """A relative link from a page to a static file such as a script (no URL-style rewriting)."""
    stem = from_page.removesuffix(".md")
    depth = stem.removesuffix("/index").count("/") + 1 if dir_urls else stem.count("/")
    return "../" * depth + path


PRACTICE_SIZES = (5, PRACTICE_DRAW, 20)


def pick_form(bank: list[Item], papers: dict[str, str]) -> str:
    """The practice draw's choices: a paper (or any), a skill (or any) and a size. Values are the bank's own
    paper ids and skills, the ones each entry of the practice bank carries."""
    def select(name: str, label: str, choices: list[tuple[str, str]], chosen: str = "") -> str:
        opts = "".join(f'<option value="{h(v)}"{" selected" if v == chosen else ""}>{h(t)}</option>'
                       for v, t in choices)
        return f'<label>{label} <select name="{name}">{opts}</select></label> '
    used = {i.paper for i in bank}
    return ('<form class="fk-pick" data-fk-soon hidden>'
            + select("paper", "Paper", [("", "Any paper"), *((p, s) for p, s in papers.items() if p in used)])
            + select("skill", "Skill", [("", "Any skill"), *((t, TOPICS.get(t, t)) for t in topics_in(bank)
                                                             if any(i.topic == t for i in bank))])
            + select("n", "Questions", [(str(n), str(n)) for n in PRACTICE_SIZES], str(PRACTICE_DRAW))
            + '<button type="submit" class="md-button fk-draw">New set of questions</button></form>')


def practice_page(bank: list[Item], dir_urls: bool, papers: dict[str, str] | None = None) -> str:
    """The practice page holds no questions: the widget fetches the bank's index and then only the questions
    in play, so the page stays small on a phone. Without JavaScript it points to the forms and the quizzes."""
    page = "quiz/practice.md"
    sizes = ", ".join(map(str, PRACTICE_SIZES[:-1])) + f" or {PRACTICE_SIZES[-1]}"
    out = ["# Practice: a set of your choice", "",
           f"Draw a set of questions at random from the whole bank of {len(bank)}: from one paper or all, one "
           f"skill or all, {sizes} at a time. The set stays, with your answers, until you draw another, even "
           "if you reload the page. *Review my mistakes* shows every question you last answered wrongly, on any "
           "quiz page.", "",
           '<noscript><p class="fk-note">The random draw needs JavaScript. Without it, every question is on the '
           '<a href="../">quiz pages</a> with its answer and explanation, and the printable '
           '<a href="../form-a/">Form A</a> and <a href="../form-b/">Form B</a> have separate keys.</p></noscript>'
           if dir_urls else
           '<noscript><p class="fk-note">The random draw needs JavaScript. Without it, every question is on the '
           '<a href="index.html">quiz pages</a> with its answer and explanation, and the printable '
           '<a href="form-a.html">Form A</a> and <a href="form-b.html">Form B</a> have separate keys.</p></noscript>',
           "",
           f'<div class="fk-quiz fk-practice" data-draw="{PRACTICE_DRAW}" '
           f'data-bank="{h(static_link(page, PRACTICE_INDEX, dir_urls))}">', pick_form(bank, papers or {}),
           bar(PRACTICE_DRAW),
           '<div class="fk-list"></div>', "</div>", ""]
    return "\n".join(out)


def practice_index(bank: list[Item]) -> str:
    """The practice draw's index: each question's id, skill and paper ("" for none), in the bank's order. The
    questions themselves are one script each (question_scripts), so that a page loads only the ones it shows:
    the whole bank is about a megabyte of HTML, which a phone would parse on every visit to the practice page.
    Scripts rather than JSON, because a script also loads from file://."""
    entries = [[item.id, item.topic, item.paper or ""] for item in bank]
    return "window.fkPracticeIndex = " + json.dumps(entries, ensure_ascii=True, separators=(",", ":")) + ";\n"


def question_scripts(bank: list[Item], dir_urls: bool) -> dict[str, str]:
    """One script per question, at quiz/bank/<id>.js: its HTML, rendered by the same function as every quiz
    page. Links in the HTML are written relative to the quiz/ folder; the widget resolves them against it, so
    that any page may show these questions."""
    folder = "quiz/index.md"
    # ensure_ascii keeps U+2028 and U+2029 escaped, which a JavaScript string literal cannot hold raw
    return {f"{BANK_DIR}{item.id}.js": "(window.fkBank = window.fkBank || {})[" + json.dumps(item.id) + "] = "
            + json.dumps(item_html(item, n, folder, dir_urls), ensure_ascii=True) + ";\n"
            for n, item in enumerate(bank, 1)}


def paper_quiz(bank: list[Item], paper: str) -> list[Item]:
    """A paper's short quiz: its questions taken in turn from each family, so that it samples every skill."""
    by_family = [[i for i in bank if i.paper == paper and i.template == f] for f in TITLES]
    chosen: list[Item] = []
    while len(chosen) < PAPER_QUIZ and any(by_family):
        for group in by_family:
            if group and len(chosen) < PAPER_QUIZ:
                chosen.append(group.pop(0))
    return chosen


def index_page(bank: list[Item], papers: dict[str, str]) -> str:
    out = ["# Quizzes", "",
           f"A bank of {len(bank)} questions written from this module's knowledge base and sorted by the skill they "
           "practise: reading the evidence, weighing arguments and objections, comparing the papers, and applying "
           "each paper's framework to a new case. Each question explains why every option is right or wrong and "
           "links to the page it draws on. Start with a paper's short quiz after reading it.", "",
           "| Quiz by skill | Questions |", "| --- | --- |"]
    for topic in topics_in(bank):
        title = TOPICS.get(topic, topic)
        split = parts([i for i in bank if i.topic == topic])
        count = sum(map(len, split))
        if count:
            more = "".join(f", [part {n}]({topic}-{n}.md)" for n in range(2, len(split) + 1))
            out.append(f"| [{title}]({topic}.md){more} | {count} |")
    out += ["", "| A short quiz on each paper | Questions |", "| --- | --- |"]
    for pid, short in papers.items():
        count = len(paper_quiz(bank, pid))
        if count:
            out.append(f"| [{md(short)}]({pid}.md) | {count} |")
    out += ["| [Practice: a random set from the whole bank](practice.md) | "
            f"{PRACTICE_SIZES[0]} to {PRACTICE_SIZES[-1]} at a time, by paper and skill |", "",
            "Instructors: the same bank is published as [questions.json](../downloads/questions.json) "
            "([its fields](../reference/questions-json.md)).", ""]
    return "\n".join(out)


def pages(bank: list[Item], papers: dict[str, str], dir_urls: bool = True) -> dict[str, str]:
    """Every quiz page; `papers` maps each paper's id to its short name, in the papers' order."""
    result = {"quiz/index.md": index_page(bank, papers), "quiz/practice.md": practice_page(bank, dir_urls, papers)}
    for pid, short in papers.items():
        items = paper_quiz(bank, pid)
        if items:
            result[f"quiz/{pid}.md"] = topic_page(pid, items, dir_urls, title=short)
    for topic in topics_in(bank):
        split = parts([i for i in bank if i.topic == topic])
        for n, items in enumerate(split, 1):
            if items:
                result[part_uri(topic, n)] = topic_page(topic, items, dir_urls, part=n, of=len(split))
    return result
