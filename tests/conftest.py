"""Shared fixtures: the real site built once per run, the papers folder, a tiny knowledge base."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
PAPERS_DIR = Path(os.environ.get("PAPERS_DIR") or ROOT.parent / "shared" / "papers")


def mkdocs_build(project: Path, site_dir: Path, papers: Path = PAPERS_DIR,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1", "PAPERS_DIR": str(papers)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                           "-d", str(site_dir)], capture_output=True, text=True, env=env, cwd=project)


@pytest.fixture(scope="session")
def papers_dir() -> Path:
    if not PAPERS_DIR.is_dir():
        pytest.skip(f"the papers folder {PAPERS_DIR} is absent; fidelity checks need it")
    return PAPERS_DIR


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly from this checkout."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


def copy_project(dest: Path) -> Path:
    """A copy of the project (config, prose, knowledge base, code) to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "quizzes", "scripts"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest
