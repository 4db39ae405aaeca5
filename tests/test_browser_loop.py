"""The quiz loop in real Chromium: the bar that stays in view, Next, the answer hidden until a check, first
tries kept apart from retries, confidence, the review of mistakes, clearing with a question first, storage v2
and its migration, the practice set that survives a reload and its draw by paper, skill and size, and the
fkQuiz.mount API the review page builds on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import chromium, quiz_ready, serve

QUIZ = "quiz/military-options/"
PRACTICE = "quiz/practice/"
STORE = "fk-quiz-v2"
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True,
                         "has_touch": True}
LAPTOP: dict[str, Any] = {"viewport": {"width": 1366, "height": 768}}


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[tuple[Any, str]]:
    with serve(site) as base, chromium() as browser:
        yield browser, base


def open_page(served: tuple[Any, str], path: str, device: dict[str, Any] | None = None) -> Any:
    browser, base = served
    context = browser.new_context(**(device or LAPTOP))
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.base = base
    pg.goto(base + path)
    quiz_ready(pg)
    return pg


@pytest.fixture
def quiz(served) -> Iterator[Any]:
    pg = open_page(served, QUIZ)
    yield pg
    pg.context.close()


@pytest.fixture
def phone(served) -> Iterator[Any]:
    pg = open_page(served, QUIZ, PHONE)
    yield pg
    pg.context.close()


@pytest.fixture
def practice(served) -> Iterator[Any]:
    pg = open_page(served, PRACTICE)
    yield pg
    pg.context.close()


def answer(q: Any, right: bool, sure: bool = True) -> None:
    """Choose the keyed answer, or a wrong one, and press the check button for the given confidence."""
    kind = q.get_attribute("data-type")
    if kind == "matching":
        selects = q.locator("select")
        for i in range(selects.count()):
            key = selects.nth(i).get_attribute("data-k")
            values = selects.nth(i).evaluate("s => [...s.options].map(o => o.value).filter(Boolean)")
            selects.nth(i).select_option(key if right or i else next(v for v in values if v != key))
    else:
        boxes = q.locator(".fk-opts input")
        keyed = [boxes.nth(i).get_attribute("data-k") is not None for i in range(boxes.count())]
        if kind == "multiple":
            for i, k in enumerate(keyed):
                if k == right:
                    boxes.nth(i).check()
        else:
            boxes.nth(keyed.index(True) if right else keyed.index(False)).check()
    q.locator(".fk-check" if sure else ".fk-guess").click()


def stored(pg: Any) -> dict[str, Any]:
    return json.loads(pg.evaluate("(k) => localStorage.getItem(k)", STORE) or "null")


def score(pg: Any) -> str:
    return pg.locator(".fk-score").text_content()


def below_bar(pg: Any, selector_or_box: Any) -> bool:
    """Whether an element's top edge lies below the sticky bar's lower edge (so the bar hides none of it)."""
    bar = pg.locator(".fk-bar").bounding_box()
    box = selector_or_box if isinstance(selector_or_box, dict) else pg.locator(selector_or_box).bounding_box()
    return box["y"] >= bar["y"] + bar["height"] - 1


def test_bar_stays_in_view_after_scrolling_on_a_phone(phone) -> None:
    phone.locator(".fk-q").last.scroll_into_view_if_needed()
    assert phone.evaluate("window.scrollY") > 5000  # far down a long page
    bar = phone.locator(".fk-bar").bounding_box()
    header = phone.locator(".md-header").bounding_box()
    assert header["y"] + header["height"] - 1 <= bar["y"] < 844 / 4  # just under Material's header, on screen
    assert phone.locator(".fk-score").is_visible()
    answer(phone.locator(".fk-q").last, right=True)
    assert score(phone).startswith("Answered 1 of")
    assert phone.errors == []


def test_next_question_moves_focus_to_it_below_the_bar(phone) -> None:
    first = phone.locator(".fk-q").nth(0)
    answer(first, right=False)
    assert phone.evaluate("document.activeElement.classList.contains('fk-nextq')")  # the check moved focus on
    phone.keyboard.press("Enter")
    phone.wait_for_timeout(100)
    assert phone.evaluate("document.querySelectorAll('.fk-q')[1].contains(document.activeElement)")
    assert phone.evaluate("document.activeElement.tagName") in ("INPUT", "SELECT")
    assert below_bar(phone, ".fk-q >> nth=1")


def test_focus_moving_back_up_is_never_hidden_under_the_bar(phone) -> None:
    """Shift+Tab from a question scrolls the previous control into view below the bar (scroll-margin-top)."""
    phone.locator(".fk-q").nth(3).locator(".fk-opts input, select").first.focus()
    # the previous question's last button is on screen but under the bar: a browser would not scroll to it
    guess = ".fk-q >> nth=2 >> .fk-guess"
    phone.evaluate("(y) => window.scrollBy(0, y - 70)", phone.locator(guess).bounding_box()["y"])
    assert not below_bar(phone, guess)
    for _ in range(3):
        phone.keyboard.press("Shift+Tab")
        focused = phone.evaluate("(() => { const r = document.activeElement.getBoundingClientRect();"
                                 " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()")
        assert below_bar(phone, focused), focused


def test_answer_hidden_until_the_first_check(quiz) -> None:
    q = quiz.locator(".fk-q").nth(2)
    assert not q.locator(".fk-answer").is_visible()
    assert quiz.locator(".fk-q .fk-answer:visible").count() == 0
    answer(q, right=True)
    assert q.locator(".fk-answer").get_attribute("open") is not None
    assert q.locator(".fk-key").is_visible()
    assert quiz.locator(".fk-q .fk-answer:visible").count() == 1


def test_first_try_is_kept_after_a_retry_and_makes_the_score(quiz) -> None:
    q = quiz.locator(".fk-q[data-type='single']").first
    qid = q.get_attribute("data-qid")
    answer(q, right=False)
    q.locator(".fk-retry").click()
    assert q.locator(".fk-opts input:checked").count() == 0  # a real retry: the old choice is gone
    assert not q.locator(".fk-answer").is_visible()  # and the answer is out of sight again
    assert q.locator(".fk-result").text_content() == ""
    answer(q, right=True)
    assert q.locator(".fk-result").text_content().startswith("Correct.")
    assert score(quiz) == "Answered 1 of 15, 0 correct."
    record = stored(quiz)["q"][qid]
    assert (record["first"]["ok"], record["last"]["ok"]) == (False, True)
    assert [entry[1] for entry in record["log"]] == [0, 1]
    quiz.reload()
    quiz.wait_for_selector(".fk-bar:not([hidden])")
    assert score(quiz) == "Answered 1 of 15, 0 correct."
    assert quiz.locator(f"#q-{qid} .fk-result").text_content().startswith("Correct.")  # the last try is shown
    assert quiz.errors == []


def test_a_confident_wrong_answer_is_flagged(quiz) -> None:
    sure, unsure = quiz.locator(".fk-q").nth(0), quiz.locator(".fk-q").nth(1)
    answer(sure, right=False, sure=True)
    answer(unsure, right=False, sure=False)
    assert "you were sure: review this one first" in sure.locator(".fk-result").text_content()
    assert unsure.locator(".fk-result").text_content().startswith("Not quite. ")
    assert "were sure" not in unsure.locator(".fk-result").text_content()
    quiz.wait_for_function("document.querySelector('body > .fk-sr').textContent.startsWith('Not quite.')")
    q = stored(quiz)["q"]
    assert q[sure.get_attribute("data-qid")]["log"][0][2] == 1
    assert q[unsure.get_attribute("data-qid")]["first"]["sure"] is False


def test_review_with_no_mistakes_shows_an_empty_state(quiz) -> None:
    answer(quiz.locator(".fk-q").nth(0), right=True)
    assert quiz.locator(".fk-mistakes").text_content() == "Review my mistakes (0)"
    quiz.click(".fk-mistakes")
    assert quiz.locator(".fk-empty").is_visible()
    assert "No mistakes to review" in quiz.locator(".fk-empty").text_content()
    assert quiz.locator(".fk-q:visible").count() == 0
    assert quiz.locator("article h2:visible").count() == 0  # no heading left over an empty section
    assert "0 of 0" not in score(quiz)
    quiz.click(".fk-mistakes")
    assert not quiz.locator(".fk-empty").is_visible()
    assert quiz.locator(".fk-q:visible").count() == 15


def test_review_is_a_real_retry_numbered_from_one(quiz) -> None:
    qs = quiz.locator(".fk-q")
    answer(qs.nth(0), right=True)
    answer(qs.nth(9), right=False)
    answer(qs.nth(12), right=False)
    assert quiz.locator(".fk-mistakes").text_content() == "Review my mistakes (2)"
    quiz.click(".fk-mistakes")
    shown = quiz.locator(".fk-q:visible")
    assert shown.count() == 2
    assert [shown.nth(i).locator(".fk-num").text_content() for i in range(2)] == ["1", "2"]
    for i in range(2):
        assert shown.nth(i).locator(".fk-opts input:checked").count() == 0
        assert not shown.nth(i).locator(".fk-answer").is_visible()
    headings = quiz.locator("article h2:visible").count()
    assert 1 <= headings <= 2  # only the sections holding a mistake
    answer(shown.nth(0), right=True)
    assert score(quiz) == "Retried 1 of 2 mistakes, 1 right."
    assert quiz.locator(".fk-mistakes").text_content() == "Review my mistakes (1)"


def test_clear_my_answers_asks_first(quiz) -> None:
    answer(quiz.locator(".fk-q").nth(0), right=True)
    answer(quiz.locator(".fk-q").nth(1), right=False)
    quiz.click(".fk-reset")
    assert quiz.locator(".fk-confirm").is_visible()
    assert "Clear your 2 answers" in quiz.locator(".fk-ask").text_content()
    assert quiz.evaluate("document.activeElement.classList.contains('fk-no')")  # the safe choice has focus
    quiz.keyboard.press("Enter")
    assert score(quiz) == "Answered 2 of 15, 1 correct."  # kept
    assert len(stored(quiz)["q"]) == 2
    quiz.click(".fk-reset")
    quiz.click(".fk-yes")
    assert score(quiz) == "Answered 0 of 15, 0 correct."
    assert stored(quiz)["q"] == {}
    assert quiz.locator(".fk-q .fk-opts input:checked").count() == 0
    assert quiz.evaluate("document.activeElement.classList.contains('fk-reset')")


def test_version_1_answers_migrate_once(served) -> None:
    pg = open_page(served, QUIZ)
    ids = pg.eval_on_selector_all(".fk-q", "qs => qs.map(q => q.dataset.qid)")
    old = {ids[0]: {"ok": False, "a": ["0", "", "", ""]}, ids[1]: {"ok": "yes", "a": []}, "bad id!": {"ok": True, "a": []}}
    pg.evaluate("(v) => { localStorage.clear(); localStorage.setItem('fk-quiz-v1', v); }", json.dumps(old))
    pg.reload()
    pg.wait_for_selector(".fk-bar:not([hidden])")
    assert score(pg) == "Answered 1 of 15, 0 correct."
    data = stored(pg)
    assert data["v"] == 2 and list(data["q"]) == [ids[0]]
    record = data["q"][ids[0]]
    assert record["first"] == record["last"] and record["first"]["sure"] is None
    assert len(record["log"]) == 1 and record["log"][0][1:] == [0, None]
    assert pg.evaluate("localStorage.getItem('fk-quiz-v1')") is None
    assert pg.errors == []
    pg.context.close()


@pytest.mark.parametrize("value", ["{not json", "[1, 2]", '{"v": 1, "q": {}}', '{"v": 2, "q": []}', "null", '"x"'])
def test_foreign_version_2_values_are_dropped_whole(served, value: str) -> None:
    pg = open_page(served, QUIZ)
    pg.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, value])
    pg.reload()
    pg.wait_for_selector(".fk-bar:not([hidden])")
    assert score(pg) == "Answered 0 of 15, 0 correct."
    answer(pg.locator(".fk-q").nth(0), right=True)
    assert score(pg) == "Answered 1 of 15, 1 correct."
    assert pg.errors == []
    pg.context.close()


def test_damaged_version_2_entries_are_dropped_one_by_one(served) -> None:
    pg = open_page(served, QUIZ)
    ids = pg.eval_on_selector_all(".fk-q", "qs => qs.map(q => q.dataset.qid)")
    good = {"ok": True, "a": ["", "", "", ""], "sure": True, "t": 1_700_000_000_000}
    value = {"v": 2, "q": {ids[0]: {"first": good, "last": good, "log": [[1_700_000_000_000, 1, 1], ["x", 2, 3]]},
                           ids[1]: {"first": {**good, "ok": "no"}, "last": good, "log": []},
                           ids[2]: "junk"}}
    pg.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, json.dumps(value)])
    pg.reload()
    pg.wait_for_selector(".fk-bar:not([hidden])")
    assert score(pg) == "Answered 1 of 15, 1 correct."
    answer(pg.locator(".fk-q").nth(3), right=True)
    data = stored(pg)
    assert set(data["q"]) == {ids[0], ids[3]}
    assert data["q"][ids[0]]["log"] == [[1_700_000_000_000, 1, 1]]
    assert pg.errors == []
    pg.context.close()


def practice_ids(pg: Any) -> list[str]:
    quiz_ready(pg)
    return pg.eval_on_selector_all(".fk-list .fk-q", "qs => qs.map(q => q.dataset.qid)")


def test_practice_set_and_its_answers_survive_a_reload(practice) -> None:
    drawn = practice_ids(practice)
    assert len(drawn) == 10
    answer(practice.locator(".fk-q").nth(1), right=False)
    practice.reload()
    quiz_ready(practice)
    assert practice_ids(practice) == drawn
    assert score(practice) == "Answered 1 of 10, 0 correct."
    assert practice.locator(".fk-q").nth(1).locator(".fk-result").text_content().startswith("Not quite")
    practice.click(".fk-draw")
    assert practice_ids(practice) != drawn
    assert score(practice) == "Answered 0 of 10, 0 correct."  # a new set starts blank
    assert practice.locator(".fk-q .fk-num").first.text_content() == "1"
    assert practice.errors == []


def test_practice_loads_only_the_questions_in_play(served) -> None:
    """The whole bank is about a megabyte of HTML; a phone would parse it all on every visit. One small script
    per question in the set is loaded, and a question that fails to load is reported, not silently dropped."""
    browser, base = served
    context = browser.new_context(**LAPTOP)
    pg = context.new_page()
    asked: list[str] = []
    pg.on("request", lambda r: asked.append(r.url))
    pg.goto(base + PRACTICE)
    shown = practice_ids(pg)
    loaded = sorted(u.rsplit("/", 1)[1].removesuffix(".js") for u in asked if "/quiz/bank/" in u)
    assert len(shown) == 10 and loaded == sorted(shown)
    pg.route("**/quiz/bank/" + shown[0] + ".js", lambda route: route.abort())
    pg.evaluate("(id) => { delete window.fkBank[id]; }", shown[0])
    pg.click(".fk-mistakes")
    pg.click(".fk-mistakes")  # back to the set, which now has to load its first question again
    assert practice_ids(pg) == shown[1:]
    assert score(pg) == "One question of this set could not be loaded; reload the page."
    context.close()


def test_practice_draws_by_paper_skill_and_size(practice) -> None:
    practice.select_option(".fk-pick select[name=paper]", "no-tempest")
    practice.select_option(".fk-pick select[name=skill]", "arguments")
    practice.select_option(".fk-pick select[name=n]", "5")
    practice.click(".fk-draw")
    drawn = practice_ids(practice)
    bank = {e[0]: e for e in practice.evaluate("window.fkPracticeIndex")}
    assert len(drawn) == 5
    assert all(bank[i][2] == "no-tempest" and bank[i][1] == "arguments" for i in drawn)
    practice.select_option(".fk-pick select[name=paper]", "")
    practice.select_option(".fk-pick select[name=skill]", "comparison")
    practice.select_option(".fk-pick select[name=n]", "20")
    practice.click(".fk-draw")
    drawn = practice_ids(practice)
    assert len(drawn) == 20 and {bank[i][1] for i in drawn} == {"comparison"}
    practice.reload()
    quiz_ready(practice)
    assert practice_ids(practice) == drawn  # the choice and the set both stay
    assert practice.locator(".fk-pick select[name=skill]").input_value() == "comparison"
    assert practice.errors == []


def test_practice_review_numbers_mistakes_from_one(practice) -> None:
    for n in (0, 3):
        answer(practice.locator(".fk-q").nth(n), right=False)
    practice.click(".fk-mistakes")
    quiz_ready(practice)
    assert practice.eval_on_selector_all(".fk-q .fk-num", "ns => ns.map(n => n.textContent)") == ["1", "2"]
    assert practice.locator(".fk-q .fk-answer:visible").count() == 0


def test_mount_renders_bank_questions_anywhere_with_working_links(served) -> None:
    """The review page's use of the API: questions from the bank, on a page at another depth than practice."""
    pg = open_page(served, QUIZ)
    pg.add_script_tag(url=pg.base + "quiz/practice-index.js")
    pg.evaluate("""(base) => { const box = document.createElement('div'); box.id = 'mounted';
        document.querySelector('article').prepend(box);
        window.checked = [];
        window.fkQuiz.mount(box, window.fkPracticeIndex.slice(0, 2).map(e => e[0]), base + 'quiz/',
                            {onCheck: (id, c) => window.checked.push([id, c.ok])}); }""", pg.base)
    box = pg.locator("#mounted .fk-q")
    box.nth(1).wait_for()
    assert box.count() == 2 and box.nth(1).locator(".fk-num").text_content() == "2"
    answer(box.nth(0), right=True)
    qid = box.nth(0).get_attribute("data-qid")
    assert pg.evaluate("window.checked") == [[qid, True]]
    assert pg.evaluate("(id) => window.fkQuiz.load().q[id].first.ok", qid) is True
    href = box.nth(0).locator(".fk-src a").get_attribute("href")
    response = pg.request.get(href)
    assert response.ok and href.startswith(pg.base)
    assert pg.errors == []
    pg.context.close()


@pytest.mark.parametrize("device, least", [(PHONE, 44), (LAPTOP, 24)])
def test_targets_are_large_enough(served, device: dict[str, Any], least: int) -> None:
    """WCAG 2.2 target size: 44 px on a phone for options and buttons, at least 24 px elsewhere."""
    pg = open_page(served, QUIZ, device)
    answer(pg.locator(".fk-q").nth(0), right=True)
    sizes = pg.evaluate("""() => [...document.querySelectorAll(
        '.fk-q .fk-opt, .fk-q .fk-pair select, .fk-q button, .fk-bar button, .fk-q .fk-opts input')]
        .filter(e => e.offsetParent).map(e => [e.className || e.tagName, e.getBoundingClientRect().height,
                                              e.getBoundingClientRect().width])""")
    assert sizes
    small = [s for s in sizes if s[1] < (24 if s[0] == "INPUT" else least) or s[2] < 24]
    assert small == []
    pg.context.close()
