"""Spaced review and progress in real Chromium: FSRS due dates from the answer log (clock set by Playwright), the
due count, the due page wired by the quiz widget, export and import with validation, and bad stored values."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from browser import answer_by_keyboard, axe_violations, chromium, free_port, serve
from conftest import PAPERS_DIR, ROOT

STORE = "fk-quiz-v2"
DUE = "quiz/due/"
PROGRESS = "quiz/progress/"
QUIZ = "quiz/military-options/"
T0 = datetime(2026, 3, 2, 10, 0)  # a Monday morning, local time


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str, Path]]:
    """The site built for the port it is served on, so Material's instant navigation is active."""
    port = free_port()
    out = tmp_path_factory.mktemp("reviewsite")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAPERS_DIR": str(PAPERS_DIR),
           "SITE_URL": f"http://127.0.0.1:{port}/"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    with serve(out, port) as base, chromium() as browser:
        yield browser, base, out


@pytest.fixture
def page(served: tuple[Any, str, Path]) -> Iterator[Any]:
    """A fresh browser profile whose clock starts at T0 and keeps running from there."""
    browser, base, _ = served
    context = browser.new_context(accept_downloads=True)
    pg = context.new_page()
    pg.clock.install(time=T0)
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.base = base
    yield pg
    context.close()


def bank_ids(served: tuple[Any, str, Path]) -> list[str]:
    text = (served[2] / "quiz" / "review-data.js").read_text()
    return list(json.loads(text.removeprefix("window.fkReviewData = ").rstrip().removesuffix(";"))["ids"])


def record(when: datetime, ok: bool, sure: bool | None) -> dict[str, Any]:
    """What the widget keeps after one check, as the storage contract has it."""
    t = int(when.timestamp() * 1000)
    check = {"ok": ok, "a": ["0"], "sure": sure, "t": t}
    return {"first": check, "last": check, "log": [[t, int(ok), None if sure is None else int(sure)]]}


def keep(pg: Any, answers: dict[str, Any]) -> None:
    pg.goto(pg.base)
    pg.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [STORE, {"v": 2, "q": answers}])


def due_ids(pg: Any) -> list[str]:
    pg.goto(pg.base + DUE)
    status = pg.locator(".fk-review-status")
    status.filter(has_not_text="Loading").wait_for()
    pg.wait_for_timeout(100)
    return list(pg.eval_on_selector_all(".fk-list .fk-q", "qs => qs.map(q => q.dataset.qid)"))


def progress_ready(pg: Any) -> str:
    pg.goto(pg.base + PROGRESS)
    pg.locator(".fk-transfer").wait_for(state="visible")
    return str(pg.locator(".fk-review-status").text_content())


def stored(pg: Any) -> Any:
    return pg.evaluate("k => localStorage.getItem(k)", STORE)


def test_a_wrong_answer_is_due_the_next_day_and_a_right_sure_one_is_not(page: Any, served: Any) -> None:
    wrong, unsure, sure = bank_ids(served)[:3]
    keep(page, {wrong: record(T0, False, True), unsure: record(T0, True, False), sure: record(T0, True, True)})
    assert due_ids(page) == []  # nothing comes back the same day
    page.clock.set_system_time(T0 + timedelta(days=1))
    assert due_ids(page) == [wrong]
    page.clock.set_system_time(T0 + timedelta(days=2))
    assert due_ids(page) == [wrong, unsure]  # the most overdue first
    page.clock.set_system_time(T0 + timedelta(days=3))
    assert due_ids(page) == [wrong, unsure, sure]
    assert page.errors == []


def test_a_retry_the_same_day_does_not_push_a_wrong_answer_out(page: Any, served: Any) -> None:
    qid = bank_ids(served)[0]
    retried = record(T0, False, True)
    retried["log"].append([int((T0 + timedelta(minutes=1)).timestamp() * 1000), 1, 1])
    keep(page, {qid: retried})
    page.clock.set_system_time(T0 + timedelta(days=1))
    assert due_ids(page) == [qid]


def test_an_answer_checked_on_a_quiz_page_comes_back_and_leaves_once_reviewed(page: Any) -> None:
    page.goto(page.base + QUIZ)
    page.wait_for_selector(".fk-bar:not([hidden])")
    answer_by_keyboard(page, 0, right=False)
    qid = page.locator(".fk-q").nth(0).get_attribute("data-qid")
    page.clock.set_system_time(T0 + timedelta(days=1, hours=2))
    page.goto(page.base)
    assert page.locator(".fk-due-home").text_content() == "1 question is due for review today. Review it now."
    assert due_ids(page) == [qid]
    assert page.locator(".fk-review-status").text_content() == "1 question is due today."
    answer_by_keyboard(page, 0, right=True)
    assert page.locator(".fk-review-status").text_content().startswith("All done for today")
    assert due_ids(page) == []
    assert page.errors == []


def test_progress_counts_answers_per_objective_and_quiz(page: Any, served: Any) -> None:
    ids = bank_ids(served)
    keep(page, {ids[0]: record(T0, False, True), ids[1]: record(T0, True, True)})
    page.clock.set_system_time(T0 + timedelta(days=1))
    status = progress_ready(page)
    assert status.startswith(f"You have answered 2 of {len(ids)} questions, 1 of them right the first time; 1 is due")
    # ids[0] and ids[1] are the bank's first questions, which "Distinguish" (objective 2) checks.
    cells = page.eval_on_selector_all(".fk-n[data-set='obj-2']", "cs => cs.map(c => c.textContent)")
    assert cells == ["2", "1", "1"]
    assert page.eval_on_selector_all(".fk-n[data-set='obj-8']", "cs => cs.map(c => c.textContent)") == ["0"] * 3


def export_file(pg: Any, folder: Path) -> Path:
    with pg.expect_download() as info:
        pg.click(".fk-export")
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def test_export_then_import_restores_progress_after_a_confirmation(page: Any, served: Any, tmp_path: Path) -> None:
    ids = bank_ids(served)
    answers = {ids[0]: record(T0, False, True), ids[5]: record(T0, True, None)}
    keep(page, answers)
    progress_ready(page)
    exported = export_file(page, tmp_path)
    assert json.loads(exported.read_text())["format"] == "fentanyl-module-progress"
    page.evaluate("k => localStorage.removeItem(k)", STORE)  # a new device
    assert progress_ready(page).startswith("You have not answered")
    page.set_input_files(".fk-import", exported)
    check = page.locator(".fk-transfer-status")
    check.filter(has_text="Import?").wait_for()
    assert "holds answers to 2 questions" in str(check.text_content())
    assert stored(page) is None  # nothing written before the student confirms
    page.click(".fk-import-yes")
    assert json.loads(stored(page))["q"] == answers
    assert str(page.locator(".fk-review-status").text_content()).startswith("You have answered 2 of")
    assert page.errors == []


def test_import_adds_to_the_answers_kept_here(page: Any, served: Any, tmp_path: Path) -> None:
    ids = bank_ids(served)
    keep(page, {ids[0]: record(T0, False, True)})
    progress_ready(page)
    exported = export_file(page, tmp_path)
    later = record(T0 + timedelta(days=1), True, True)
    keep(page, {ids[0]: later, ids[1]: later})
    progress_ready(page)
    page.set_input_files(".fk-import", exported)
    page.locator(".fk-transfer-status").filter(has_text="Import?").wait_for()
    page.click(".fk-import-yes")
    kept = json.loads(stored(page))["q"]
    assert kept[ids[1]] == later
    assert kept[ids[0]]["first"]["ok"] is False and kept[ids[0]]["last"] == later["last"]
    assert len(kept[ids[0]]["log"]) == 2


def bad_files(ids: list[str]) -> dict[str, tuple[str, str]]:
    good = record(T0, True, True)
    damaged = {**good, "log": [[int(T0.timestamp() * 1000), 2, None]]}
    wrap = {"format": "fentanyl-module-progress", "version": 1, "exported": "2026-03-02T10:00:00Z"}
    return {
        "truncated": ('{"format": "fentanyl-module-progress", "version": 1, "ques', "not valid JSON"),
        "foreign": (json.dumps({"v": 2, "q": {ids[0]: good}}), "not a progress file exported from this module"),
        "newer": (json.dumps({**wrap, "version": 7, "questions": {}}), "format version 7"),
        "damaged record": (json.dumps({**wrap, "questions": {ids[0]: good, ids[1]: damaged}}),
                           f'question "{ids[1]}" is refused because check 1 in its log is damaged'),
        "other bank": (json.dumps({**wrap, "questions": {"not-in-this-bank": good}}), "comes from another site"),
    }


@pytest.mark.parametrize("case", ["truncated", "foreign", "newer", "damaged record", "other bank"])
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_changes(page: Any, served: Any, tmp_path: Path,
                                                                        case: str) -> None:
    ids = bank_ids(served)
    keep(page, {ids[2]: record(T0, True, False)})
    before = stored(page)
    progress_ready(page)
    text, message = bad_files(ids)[case]
    path = tmp_path / "progress.json"
    path.write_text(text)
    page.set_input_files(".fk-import", path)
    check = page.locator(".fk-transfer-status")
    check.filter(has_text="Nothing was imported").wait_for()
    assert message in str(check.text_content())
    assert page.locator(".fk-import-yes").is_hidden()
    assert stored(page) == before
    assert page.errors == []


def test_cancelling_an_import_changes_nothing(page: Any, served: Any, tmp_path: Path) -> None:
    ids = bank_ids(served)
    keep(page, {ids[0]: record(T0, True, True)})
    progress_ready(page)
    exported = export_file(page, tmp_path)
    keep(page, {ids[3]: record(T0, False, False)})
    before = stored(page)
    progress_ready(page)
    page.set_input_files(".fk-import", exported)
    page.locator(".fk-transfer-status").filter(has_text="Import?").wait_for()
    page.click(".fk-import-no")
    assert page.locator(".fk-transfer-status").text_content() == "Import cancelled: nothing was changed."
    assert stored(page) == before


@pytest.mark.parametrize("value", ["{not json", '{"v": 9, "q": {}}', "[1, 2]", '{"v": 2, "q": "x"}'])
def test_a_corrupt_or_foreign_stored_value_leaves_the_pages_working(page: Any, value: str) -> None:
    page.goto(page.base)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, value])
    assert progress_ready(page).startswith("You have not answered")
    assert due_ids(page) == []
    assert page.locator(".fk-review-status").text_content().startswith("You have not checked an answer yet")
    assert page.errors == []


def test_a_damaged_entry_is_dropped_and_the_others_kept(page: Any, served: Any) -> None:
    ids = bank_ids(served)
    keep(page, {ids[0]: record(T0, False, True), ids[1]: {"first": "?", "log": []}})
    page.clock.set_system_time(T0 + timedelta(days=1))
    assert due_ids(page) == [ids[0]]
    assert progress_ready(page).startswith("You have answered 1 of")
    assert page.errors == []


def test_the_scheduler_loads_on_the_review_pages_only(served: Any) -> None:
    """The done-when: the scheduler adds nothing to a quiz page, or to a first visit to the home page."""
    browser, base, _ = served
    pg = browser.new_page()
    fetched: list[str] = []
    pg.on("request", lambda r: fetched.append(r.url))
    pg.goto(base, wait_until="networkidle")  # a first visit: nothing answered, so no due count to compute
    pg.goto(base + QUIZ, wait_until="networkidle")
    answer_by_keyboard(pg, 0, right=False)
    pg.goto(base + "papers/no-tempest/", wait_until="networkidle")
    assert not [u for u in fetched if u.endswith(("ts-fsrs.js", "review.js"))]
    pg.goto(base + DUE, wait_until="networkidle")
    assert [u for u in fetched if u.endswith("ts-fsrs.js")]
    pg.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_review_pages_pass_axe_with_questions_and_an_import_offer(page: Any, served: Any, tmp_path: Path,
                                                                  scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    ids = bank_ids(served)
    keep(page, {qid: record(T0, False, True) for qid in ids[:3]})
    progress_ready(page)
    exported = export_file(page, tmp_path)
    page.evaluate("k => localStorage.removeItem(k)", STORE)
    progress_ready(page)
    page.set_input_files(".fk-import", exported)
    page.locator(".fk-transfer-status").filter(has_text="Import?").wait_for()
    found = audit(page, "progress")
    page.click(".fk-import-yes")
    page.clock.set_system_time(T0 + timedelta(days=1))
    assert len(due_ids(page)) == 3
    found += audit(page, "due")
    assert found == []


def audit(pg: Any, name: str) -> list[str]:
    return [f"{name}: {v}" for v in axe_violations(pg)]
