"""What a first visit costs, for `make bench`: a static server that compresses as hosts do, Lighthouse medians,
and the bytes each page type downloads.

Both sites are served the way GitHub Pages and most hosts serve them (gzip for text), so Lighthouse and the byte
counts see what a phone on a real connection pays. Nothing here runs in the tests: timings belong in a benchmark.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "scripts" / "lighthouse"
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")


@functools.cache
def _gzipped(path: Path) -> bytes:
    # Compressed once per file: a server compressing on every request would take CPU from the browser being
    # measured on this two-core machine, and a host serves precompressed or cached files anyway.
    return gzip.compress(path.read_bytes(), 6)


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text gzipped when the client accepts it, as a host would serve them."""

    def send_head(self) -> BinaryIO | BytesIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED
                or not path.is_file() or not self.path.split("?")[0].endswith(("/", path.name))):
            return super().send_head()
        body = _gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


BARE_PAGES = {
    "index.md": "# A bare Material site\n\nThe peer for the module's Lighthouse scores: Material for MkDocs with its "
                "search and nothing of the module.\n",
    "prose.md": "# A page of prose\n\n" + "\n\n".join(
        f"## Section {n}\n\n" + " ".join(f"Sentence {k} of section {n} says something plain about a policy debate."
                                         for k in range(12)) for n in range(1, 9)),
    "table.md": "# A page with a table\n\n| Year | Measure | Value | Note |\n| --- | --- | --- | --- |\n" + "\n".join(
        f"| {1990 + n} | Measure {n} | {n * 37 % 1000:,} | A note on row {n}. |" for n in range(60)),
}


def bare_site(tmp: Path) -> Path:
    """A bare Material site of a few plain pages (Material without the module), built; returns its folder."""
    project = tmp / "bare-material"
    for name, text in BARE_PAGES.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: Bare Material\ntheme:\n  name: material\n  font: false\n"
                                        "plugins:\n  - search\n", encoding="utf-8")
    subprocess.run(["mkdocs", "build", "-q", "-d", str(project / "site")], cwd=project, check=True,
                   env=_env(), stderr=subprocess.DEVNULL)
    return project / "site"


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
            "NO_MKDOCS_2_WARNING": "1"}


def lighthouse_ready() -> str | None:
    """None when Lighthouse and Chromium can run; else why not (the table is then left out, with the reason)."""
    if not Path("/usr/bin/chromium").exists():
        return "Debian's Chromium (/usr/bin/chromium) is not installed"
    if shutil.which("npm") is None:
        return "npm is not installed"
    if not (LIGHTHOUSE / "node_modules" / "lighthouse").is_dir():
        subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE, check=True)
    return None


def lighthouse(pages: dict[str, str], runs: int) -> dict[str, dict]:
    """Median scores and metrics by 'name|mobile' and 'name|desktop' for each named URL."""
    listing = json.dumps([{"name": n, "url": u} for n, u in pages.items()])
    out = subprocess.run(["node", "run.mjs", str(runs), listing], cwd=LIGHTHOUSE, check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


