"""Benchmarks, run by `make bench`; results are written to BENCHMARKS.md with the date and the machine.

It reports; it never fails a build. Four measures:
1. Full build time of the module against a bare Material site holding the same pages as plain Markdown
   (no hook, no generator, no exports), alternating the two, median of 5 runs each.
2. Generator time and peak memory on synthetic knowledge bases of 1k, 10k and 100k entries.
3. What a first visit to each page type downloads, gzipped (HTML, CSS, JS, search index), beside a bare
   Material site of a few plain pages (Material without the module).
4. Lighthouse (npm, in Debian's Chromium), mobile and desktop, medians of 3, every page type beside that bare
   Material site, served gzipped as a host would (benchweb.py).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import benchweb  # noqa: E402
from fentkb import generate  # noqa: E402
from fentkb.papers import default_papers_dir  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
RUNS = 9
SIZES = [1_000, 10_000, 100_000]
LIGHTHOUSE_RUNS = 3
# one page of each kind the module builds; a kind a build does not have is left out of the tables
PAGE_TYPES = {"home": "index.html", "paper": "papers/no-tempest/index.html", "matrix": "compare/index.html",
              "debate map": "compare/debate-map/index.html", "ledger": "evidence/index.html",
              "numbers disagree": "evidence/disagree/index.html", "sources": "sources/index.html",
              "claim tree": "claims/opioid-challenge/index.html", "quiz": "quiz/comparison/index.html",
              "paper quiz": "quiz/no-tempest/index.html", "practice": "quiz/practice/index.html",
              "due today": "quiz/due/index.html", "my progress": "quiz/progress/index.html",
              "form": "quiz/form-a/index.html", "glossary": "glossary/index.html", "guide": "guide/index.html",
              "downloads": "downloads/index.html"}
BARE_TYPES = {"bare home": "index.html", "bare prose": "prose/index.html", "bare table": "table/index.html"}


def build(config: Path, out: Path, strict: bool = True) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)]
    subprocess.run(command + (["--strict"] if strict else []), check=True, env=ENV, cwd=config.parent,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking each !ENV tag's default."""


# !ENV [NAME, default] gives its default; a bare !ENV NAME gives nothing, as with the variable unset
_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                              if isinstance(node, yaml.SequenceNode) else None)


def bare_project(tmp: Path) -> Path:
    """The same pages as plain Markdown files in a bare Material site: what MkDocs alone costs."""
    project = tmp / "bare"
    shutil.copytree(ROOT / "docs", project / "docs")
    kb = generate.load(ROOT / "quizzes", default_papers_dir(ROOT))
    for uri, content in generate.site_files(kb).items():
        if not uri.endswith(".md"):
            continue  # downloads are the module's own work; the bare site has pages only
        path = project / "docs" / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    (project / "docs" / "assets" / "module.css").unlink()
    (project / "docs" / "assets" / "module.js").unlink()
    (project / "docs" / "assets" / "quiz.js").unlink()
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    for key in ("hooks", "extra_css", "extra_javascript", "strict"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)  # the module's own light/dark toggle (scripts/theme)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project / "mkdocs.yml"


def bench_build(tmp: Path) -> dict:
    bare = bare_project(tmp)
    module, plain = [], []
    for i in range(RUNS):
        module.append(build(ROOT / "mkdocs.yml", tmp / f"module-{i}"))
        plain.append(build(bare, tmp / f"bare-{i}", strict=False))  # its download links have no files
    return {"module": statistics.median(module), "bare": statistics.median(plain),
            "ratio": statistics.median(m / b for m, b in zip(module, plain, strict=True))}


SYNTH = r'''
import json, resource, sys, time
from pathlib import Path
from fentkb import generate
from fentkb.export.json_bank import bank_json
quizzes, papers = Path(sys.argv[1]), Path(sys.argv[2])
t0 = time.perf_counter(); kb = generate.load(quizzes, papers); t1 = time.perf_counter()
items = generate.bank(kb); t2 = time.perf_counter()
with generate.gc_paused():  # as the build runs it
    bank_json(items)
t3 = time.perf_counter()
print(json.dumps({"entries": sum(len(getattr(kb, k)) for k in ("evidence", "claims", "counterarguments", "glossary",
                  "timeline")), "questions": len(items), "load": t1 - t0, "bank": t2 - t1, "json": t3 - t2,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def synthetic(n: int, tmp: Path) -> tuple[Path, Path]:
    """A knowledge base of n entries over three synthetic papers, valid in every respect the check enforces."""
    quizzes, papers = tmp / f"kb-{n}" / "quizzes", tmp / f"kb-{n}" / "papers"
    papers.mkdir(parents=True)
    counts = {"evidence": n * 40 // 100, "claims": n * 15 // 100, "glossary": n * 10 // 100, "timeline": n * 10 // 100}
    counts["counterarguments"] = n - sum(counts.values())
    per_para = 8  # paragraphs keep a real paper's length; a bigger base has more of them
    paras = counts["evidence"] // (3 * per_para) + 1
    ids = ["p-one", "p-two", "p-three"]
    for pid in ids:
        body = "\n\n".join(f"[¶{p}] " + " ".join(f"v{p}x{k}" for k in range(per_para)) for p in range(1, paras + 1))
        (papers / f"{pid}.md").write_text(f"# {pid}\n\n{body}\n\n[1] A source.\n", encoding="utf-8")
    files: dict[str, dict] = {}
    point = lambda pid, p: {"text": "A point.", "at": [f"{pid} ¶{p}"]}  # noqa: E731
    for pid in ids:
        files[f"{pid}/paper.yaml"] = {"paper": {
            "id": pid, "title": f"Paper {pid}", "short": pid.title(), "authors": [], "venue": "v", "date": "2024",
            "thesis": point(pid, 1), "method": point(pid, 2),
            "sections": [{"title": "All", "paragraphs": f"1-{paras}", "summary": "s"}], "recommendations": [],
            "treatment": {k: point(pid, 3) for k in ("mexico", "china", "military_force", "public_health")},
            "strengths": [], "weaknesses": [], "discussion": [],
            "references": [{"n": 1, "cite": "A source", "kind": "government", "year": 2020}]}}
    units, topics = ["deaths", "pounds", "percent", "people", "year"], ["deaths", "seizures", "money", "policy"]
    evidence = []
    for i in range(counts["evidence"]):
        pid, p, k = ids[i % 3], (i // 3) % paras + 1, (i // (3 * paras)) % per_para
        evidence.append({"id": f"e-{i}", "paper": pid, "at": f"{pid} ¶{p}", "figure": f"v{p}x{k}",
                         "measures": f"Synthetic measure number {i} of its kind.", "topic": topics[i % 4],
                         "unit": units[i % 5], "cites": [1] if i % 2 else []})
    def near(kind: str, i: int, j: int, at: str) -> dict:
        return {"text": f"synthetic {kind} {j} of number {i}", "why": f"Reason {j} for number {i}.", "at": [at]}

    claims = [{"id": f"c-{i}", "paper": ids[i % 3], "type": "diagnosis", "text": f"Synthetic claim number {i}.",
               "at": [f"{ids[i % 3]} ¶{i % paras + 1}"], "evidence": [f"e-{i % 3 + 3 * (i % 10)}"],
               "about": f"synthetic matter {i}", "signature": f"synthetic claim {i} holds",
               "why": f"Synthetic paragraph {i % paras + 1} says so.",
               "misreadings": [near("misreading", i, j, f"{ids[i % 3]} ¶{i % paras + 1}") for j in (1, 2)]}
              for i in range(counts["claims"])]
    counters = [{"id": f"ca-{i}", "claim": f"c-{i % counts['claims']}", "by": "module",
                 "text": f"Synthetic objection number {i}."} for i in range(counts["counterarguments"])]
    glossary = [{"id": f"g-{i}", "term": f"term{i}", "kind": "concept", "definition": f"Definition number {i}.",
                 "at": [f"p-one ¶{i % paras + 1}"]} for i in range(counts["glossary"])]
    timeline = [{"id": f"t-{i}", "date": f"{1900 + i % 120}-{i % 12 + 1:02d}", "event": f"Event number {i}.",
                 "at": [f"p-two ¶{i % paras + 1}"]} for i in range(counts["timeline"])]
    chunk = 2_000  # files stay under the loader's size limit
    for kind, entries in (("evidence", evidence), ("claims", claims), ("counterarguments", counters),
                          ("glossary", glossary), ("timeline", timeline)):
        for j in range(0, len(entries), chunk):
            files[f"synthetic/{kind}-{j // chunk}.yaml"] = {kind: entries[j:j + chunk]}
    for name, data in files.items():
        path = quizzes / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return quizzes, papers


def bench_generator(tmp: Path) -> list[dict]:
    results = []
    for n in SIZES:
        quizzes, papers = synthetic(n, tmp)
        out = subprocess.run([sys.executable, "-c", SYNTH, str(quizzes), str(papers)], capture_output=True, text=True,
                             env=ENV, check=True).stdout
        results.append(json.loads(out))
    return results


def bench_lighthouse(tmp: Path, bare: Path) -> dict | str:
    """Lighthouse medians by 'page type|profile', or why they could not be taken."""
    why_not = benchweb.lighthouse_ready()
    if why_not:
        return why_not
    site = tmp / "module-0"
    with benchweb.serve(site) as module_url, benchweb.serve(bare) as bare_url:
        urls = {name: module_url + path.removesuffix("index.html") for name, path in PAGE_TYPES.items()
                if (site / path).exists()}
        urls |= {name: bare_url + path.removesuffix("index.html") for name, path in BARE_TYPES.items()}
        return benchweb.lighthouse(urls, LIGHTHOUSE_RUNS)


def _kb(n: float) -> str:
    return f"{n / 1024:.1f}"


def bytes_table(scores: dict | str) -> list[str]:
    if isinstance(scores, str):
        return [f"Not measured: {scores}."]
    kinds = ["html", "css", "js", "search index", "other"]
    lines = ["| Page type | HTML | CSS | JS | Search index | Other | Total |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for key, s in scores.items():
        if key.endswith("|mobile"):
            cells = " | ".join(_kb(s[f"bytes {k}"]) for k in kinds)
            lines.append(f"| {key.split('|')[0]} | {cells} | **{_kb(s['total-byte-weight'])}** |")
    quiz, paper, bare = scores["quiz|mobile"], scores["paper|mobile"], scores["bare home|mobile"]
    widget = quiz["bytes css"] + quiz["bytes js"] - paper["bytes css"] - paper["bytes js"]
    site = paper["bytes css"] + paper["bytes js"] - bare["bytes css"] - bare["bytes js"]
    lines += ["", f"The quiz widget and the scheduler add {_kb(widget)} KB to a quiz page (its CSS and JS beside a "
              f"paper page's; target at most 12 KB: {'met' if widget <= 12 * 1024 else 'missed'}): the widget alone, "
              "since the scheduler loads only on Due today, My progress and, for a student with answers, the home "
              f"page. Every page of the module also loads module.css and module.js: {_kb(site)} KB over bare "
              "Material."]
    return lines


def lighthouse_table(scores: dict | str) -> list[str]:
    if isinstance(scores, str):
        return [f"Not measured: {scores}."]
    names = list(dict.fromkeys(key.split("|")[0] for key in scores))
    lines = ["| Page type | Mobile perf. | Mobile runs | LCP mobile (s) | TBT mobile (ms) | CLS | Desktop perf. | "
             "Accessibility | Best practices | SEO |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name in names:
        m, d = scores[f"{name}|mobile"], scores[f"{name}|desktop"]
        lines.append(f"| {name} | **{m['performance']}** | {', '.join(map(str, m['performance_runs']))} | "
                     f"{m['largest-contentful-paint'] / 1000:.1f} | {m['total-blocking-time']:.0f} | "
                     f"{m['cumulative-layout-shift']:.2f} | **{d['performance']}** | {m['accessibility']} | "
                     f"{m['best-practices']} | {m['seo']} |")
    module = [n for n in names if not n.startswith("bare")]
    low = [n for n in module if scores[f"{n}|mobile"]["performance"] < 90]
    off = [n for n in module if scores[f"{n}|desktop"]["performance"] < 100]
    lines += ["", f"Mobile at least 90 on every page type: {'met' if not low else 'missed on ' + ', '.join(low)}. "
              f"Desktop 100: {'met' if not off else 'missed on ' + ', '.join(off)}."]
    return lines


def report(build_r: dict, gen: list[dict], scores: dict | str) -> str:
    ten_k = next(r for r in gen if r["entries"] >= 10_000 and r["entries"] < 100_000)
    lines = [
        "# Benchmarks", "",
        f"Measured {date.today().isoformat()} by `make bench` on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}.", "",
        "## Full build against a bare Material site", "",
        f"Median of {RUNS} runs each, alternating. The bare site holds the same pages as plain Markdown with no "
        "hook, no generator, no quiz or exports.", "",
        "| Build | Median seconds |", "| --- | --- |",
        f"| This module (load, validate, generate, lint, exports, MkDocs) | {build_r['module']:.2f} |",
        f"| Bare Material, same pages | {build_r['bare']:.2f} |", "",
        f"Median ratio: **{build_r['ratio']:.2f}** (target at most 1.2: "
        f"{'met' if build_r['ratio'] <= 1.2 else 'missed by ' + format(build_r['ratio'] - 1.2, '.2f')}).", "",
        "## Lighthouse, every page type, beside bare Material", "",
        f"Lighthouse 12 (npm) in Debian's Chromium, default mobile profile (simulated slow 4G, 4x CPU slowdown) and "
        f"desktop preset, median of {LIGHTHOUSE_RUNS} first visits each (cache cleared). Both sites are served from "
        "127.0.0.1 with gzip, as a host serves them. 'bare' rows are a bare Material site of three plain pages "
        "(home, prose, a table) built in the same run: Material without the module.", ""]
    lines += lighthouse_table(scores)
    lines += ["", "## What a first visit downloads (KB, as transferred: gzipped)", "",
              "Every request of a first visit on the mobile profile, by kind, from the same Lighthouse runs: the "
              "page's HTML, its CSS, its JS (Material's search worker and what the module loads on demand included), "
              "the search index Material fetches on every first visit, and the rest (icons, sitemap).", ""]
    lines += bytes_table(scores)
    lines += ["", "## Generator on synthetic knowledge bases", "",
              "Load and validate the YAML, build and lint the question bank, write the JSON bank; peak resident "
              "memory of the process.", "",
              "| Entries | Questions | Load + validate (s) | Bank + lint (s) | JSON (s) | Peak memory (MB) |",
              "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {r['entries']:,} | {r['questions']:,} | {r['load']:.2f} | {r['bank']:.2f} | {r['json']:.2f} | "
              f"{r['peak_mb']:.0f} |" for r in gen]
    per_entry = [(r["load"] + r["bank"]) / r["entries"] * 1e6 for r in gen]
    lines += ["", "Time per entry (µs): " + ", ".join(f"{p:.0f}" for p in per_entry) +
              " — roughly constant means linear growth.",
              f"10k-entry base: {ten_k['questions']:,} questions generated and linted in {ten_k['bank']:.2f} s "
              f"(target: 10k questions under 2 s: {'met' if ten_k['bank'] < 2 or ten_k['questions'] < 10_000 else 'missed'}).",
              ""]
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        gen = bench_generator(tmp)  # first: the quickest part, and the one a knowledge-base rule change breaks
        build_r = bench_build(tmp)
        scores = bench_lighthouse(tmp, benchweb.bare_site(tmp))
    text = report(build_r, gen, scores)
    (ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
