"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright, and a local server for the built site."""

from __future__ import annotations

import functools
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def require_chromium() -> None:
    """Skip with a reason when Chromium is missing locally; under CI it must be there."""
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {CHROMIUM} is missing: .ci/run must install Debian's chromium")
    pytest.skip(f"{CHROMIUM} not found: install it with 'apt-get install -y chromium' to run browser tests")


def require_axe() -> None:
    """Skip with a reason when axe-core is not installed locally; under CI it must be there."""
    if AXE.is_file():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("axe-core is not installed: `make test` runs `npm ci`")
    pytest.skip("node_modules/axe-core missing: run `make test` (it runs `npm ci`)")


def axe_violations(page, scope: str = "document", options: str = "{}") -> list[str]:
    """axe-core run in the page (over `scope`, a JS expression) with `options`; one line per failing node."""
    require_axe()
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    # Blocks off screen skip rendering (content-visibility: auto) until a reader scrolls near them; axe reads
    # colours from rendered boxes, so every block is drawn first, as each is when a reader reaches it.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    result = page.evaluate(f"() => axe.run({scope}, {options})")
    return [f"{v['id']} at {n['target']}: {n['failureSummary']}" for v in result["violations"] for n in v["nodes"]]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (at a free port unless one is given); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium(scrollbars: bool = False) -> Iterator[object]:
    """Debian's Chromium, headless; with `scrollbars`, drawn as on a laptop (Playwright hides them by default)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS,
                                    ignore_default_args=["--hide-scrollbars"] if scrollbars else None)
        try:
            yield browser
        finally:
            browser.close()


def tab_into(pg, question: int) -> None:
    """Press Tab until the keyboard focus is on a control of the given question (0-based)."""
    for _ in range(60):
        pg.keyboard.press("Tab")
        inside = pg.evaluate("(n) => { const q = document.querySelectorAll('.fk-q')[n];"
                             " return q.contains(document.activeElement) &&"
                             " ['INPUT','SELECT'].includes(document.activeElement.tagName); }", question)
        if inside:
            return
    raise AssertionError(f"Tab never reached question {question + 1}")


def answer_by_keyboard(pg, n: int, right: bool) -> None:
    """Answer question n with keys alone: arrows for radios, space for checkboxes, arrows in selects."""
    q = pg.locator(".fk-q").nth(n)
    kind = q.get_attribute("data-type")
    tab_into(pg, n)
    if kind == "matching":
        selects = q.locator("select")
        for i in range(selects.count()):
            if i:
                pg.keyboard.press("Tab")
            options = selects.nth(i).evaluate("s => [...s.options].map(o => o.value)")
            target = options.index(selects.nth(i).get_attribute("data-k"))
            if not right and i == 0:
                target = 1 if target != 1 else 2
            for _ in range(target):
                pg.keyboard.press("ArrowDown")
    elif kind == "multiple":
        boxes = q.locator("input")
        for i in range(boxes.count()):
            if i:
                pg.keyboard.press("Tab")
            keyed = boxes.nth(i).get_attribute("data-k") is not None
            if keyed == right:
                pg.keyboard.press("Space")
    else:
        radios = q.locator("input")
        keyed = next(i for i in range(radios.count()) if radios.nth(i).get_attribute("data-k") is not None)
        target = keyed if right else (keyed + 1) % radios.count()
        pg.keyboard.press("Space")  # select the first radio, where Tab lands
        for _ in range(target):
            pg.keyboard.press("ArrowDown")
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.classList.contains('fk-check')")
    pg.keyboard.press("Enter")


def quiz_ready(pg) -> None:
    """Wait until a quiz widget is set up and its questions are shown: the practice page loads the questions in
    play after drawing them and marks its list aria-busy meanwhile (also after a new draw or a review toggle)."""
    pg.wait_for_selector(".fk-bar:not([hidden])")
    pg.wait_for_function("!document.querySelector('.fk-list[aria-busy]')")
