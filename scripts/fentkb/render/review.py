"""The spaced-review pages: 'Due today' and 'My progress', and the small data script they share.

Both pages are shells: a student's answers live in their browser, so docs/assets/review.js fills them in,
scheduling with FSRS (vendored ts-fsrs) by replaying the answer log the quiz widget keeps. Quiz pages never
load the scheduler. Without JavaScript the pages say so and point to the quiz pages, whose answers need none.
"""

from __future__ import annotations

import json

from ..quiz.families import TITLES
from ..quiz.item import TOPICS, Item, topics_in
from ..quiz.objectives import OBJECTIVES, Objective, questions_for
from .quizzes import paper_quiz
from .text import md

DUE_PAGE = "quiz/due.md"
PROGRESS_PAGE = "quiz/progress.md"
REVIEW_DATA = "quiz/review-data.js"
DUE_SET = 20  # due questions shown at once, most overdue first: a long backlog stays light on a phone

NEEDS_JS = ('<noscript><p class="fk-note">This page reads the answers your browser keeps and needs JavaScript. '
            "Every question, with its answer and explanation, is on the quiz pages, which work without it."
            "</p></noscript>")


def counts(key: str) -> str:
    """The cells review.js fills for one set of questions: answered, right the first time, due today."""
    return " | ".join(f'<span class="fk-n" data-set="{key}" data-n="{n}">–</span>'
                      for n in ("answered", "first", "due"))


def quiz_links(objective: Objective, bank: list[Item], papers: dict[str, str]) -> str:
    """Where the questions that check an objective are: the quiz pages, and the headings on them."""
    if objective.assessed_by:
        return f"No quiz: assessed with {objective.assessed_by}"
    links = [f"[{TOPICS[t]}]({t}.md)" for t in objective.topics]
    headings: dict[str, list[str]] = {}  # a skill quiz's headings that check it, in the families' order
    for family in [*objective.families, *(["hand-written"] if objective.hand_written_in else [])]:
        for topic in dict.fromkeys(i.topic for i in bank if i.template == family):
            if topic not in objective.topics and (family != "hand-written" or topic in objective.hand_written_in):
                headings.setdefault(topic, []).append(f"“{TITLES[family]}”")
    links += [f"[{TOPICS.get(t, md(t))}]({t}.md): {', '.join(hs)}" for t, hs in headings.items()]
    if objective.paper_quizzes:
        links.append("the short quiz on " + ", ".join(f"[{md(short)}]({pid}.md)" for pid, short in papers.items()))
    return "; ".join(links)


def sets(bank: list[Item], papers: dict[str, str]) -> dict[str, list[str]]:
    """The question ids behind every row of the progress page, keyed as its cells name them."""
    in_paper_quiz = {i.id for pid in papers for i in paper_quiz(bank, pid)}
    out = {f"obj-{o.number}": questions_for(o, bank, in_paper_quiz) for o in OBJECTIVES if not o.assessed_by}
    out.update({f"quiz-{t}": [i.id for i in bank if i.topic == t] for t in topics_in(bank)})
    out.update({f"paper-{pid}": [i.id for i in paper_quiz(bank, pid)] for pid in papers})
    return {key: ids for key, ids in out.items() if ids}


def review_data(bank: list[Item], papers: dict[str, str]) -> str:
    """The script both pages load: every id in the bank, and each row's questions as indexes into that list.
    Ids the bank no longer has (a question since removed) are then left out of every count."""
    ids = [i.id for i in bank]
    where = {qid: n for n, qid in enumerate(ids)}
    data = {"ids": ids, "sets": {key: [where[q] for q in qs] for key, qs in sets(bank, papers).items()}}
    return "window.fkReviewData = " + json.dumps(data, ensure_ascii=True, separators=(",", ":")) + ";\n"


def due_page(bank: list[Item]) -> str:
    return "\n".join([
        "# Due today", "",
        "Questions you have checked on any quiz page come back here when they are due, just before you would "
        "forget them. A wrong answer comes back soonest (the first time, the next day), a right answer you were "
        "unsure of later (two days), a right and sure one later still (three days); each further right answer "
        "spaces them out more. The schedule (the FSRS "
        "algorithm) is worked out in your browser from the answers it keeps; nothing is sent anywhere. Only "
        "your first check of a question each day counts: a retry after reading the explanation says nothing "
        "about memory.", "",
        NEEDS_JS, "",
        f'<div class="fk-review" data-fk-review="due" data-set-size="{DUE_SET}">',
        '<p class="fk-review-status" role="status" aria-live="polite"></p>',
        '<div class="fk-list"></div>',
        "</div>", "",
        f"See how far you have come on each learning objective under [My progress](progress.md). The bank holds "
        f"{len(bank)} questions in all.", ""])


def progress_page(bank: list[Item], papers: dict[str, str]) -> str:
    present = sets(bank, papers)
    out = ["# My progress", "",
           "What you have answered, per learning objective of the [teaching guide](../guide/index.md) and per "
           "quiz: how many questions you have answered, how many you got right the first time, and how many "
           "are [due for review](due.md) today. Your answers stay in this browser.", "",
           NEEDS_JS, "",
           '<p class="fk-review-status" data-fk-review="progress" role="status" aria-live="polite"></p>', "",
           "## By learning objective", "",
           "| Objective | Where it is checked | Questions | Answered | Right first time | Due today |",
           "| --- | --- | --- | --- | --- | --- |"]
    for o in OBJECTIVES:
        key = f"obj-{o.number}"
        if o.assessed_by:
            out.append(f"| {o.number}. **{o.verb}** {o.text} | {quiz_links(o, bank, papers)} | – | – | – | – |")
        elif key in present:
            out.append(f"| {o.number}. **{o.verb}** {o.text} | {quiz_links(o, bank, papers)} | "
                       f"{len(present[key])} | {counts(key)} |")
    out += ["", "## By quiz", "", "| Quiz | Questions | Answered | Right first time | Due today |",
            "| --- | --- | --- | --- | --- |"]
    out += [f"| [{TOPICS.get(t, md(t))}]({t}.md) | {len(present[f'quiz-{t}'])} | {counts(f'quiz-{t}')} |"
            for t in topics_in(bank) if f"quiz-{t}" in present]
    out += [f"| [Short quiz: {md(short)}]({pid}.md) | {len(present[f'paper-{pid}'])} | {counts(f'paper-{pid}')} |"
            for pid, short in papers.items() if f"paper-{pid}" in present]
    out += ["", "## Take your progress with you", "",
            "Export saves every answer this browser keeps to a file. Import it on another device or browser to "
            "carry on there, or hand the file to your instructor. Importing adds the file's answers to the ones "
            "already here; nothing changes until you confirm.", "",
            '<div class="fk-transfer" hidden>',
            '<p><button type="button" class="md-button fk-export">Export my progress</button></p>',
            '<p><label for="fk-import-file">Import progress from a file</label><br>'
            '<input type="file" id="fk-import-file" class="fk-import" accept=".json,application/json"></p>',
            '<div class="fk-transfer-status" role="status" aria-live="polite"></div>',
            '<p class="fk-import-confirm" hidden><button type="button" class="md-button md-button--primary '
            'fk-import-yes">Import</button> <button type="button" class="md-button fk-import-no">Cancel</button></p>',
            "</div>", ""]
    return "\n".join(out)


def pages(bank: list[Item], papers: dict[str, str]) -> dict[str, str]:
    """The two review pages; `papers` maps each paper's id to its short name, in the papers' order."""
    return {DUE_PAGE: due_page(bank), PROGRESS_PAGE: progress_page(bank, papers)}
