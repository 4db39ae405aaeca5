"""Read the papers' texts in ../shared/papers and resolve locators into them.

A paper file numbers its body paragraphs `[¶N]` and its notes `[n]`; a reader's
comment below an article is `[cN]`. A locator names a paper and one of those
places: `no-tempest ¶20`, `no-tempest ¶20-22`, `opioid-challenge [27]`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

LOCATOR = re.compile(r"^(?P<paper>[a-z0-9][a-z0-9-]*) (?:¶(?P<first>\d+)(?:-(?P<last>\d+))?|\[(?P<note>c?\d+)\])$")
_PLACE = re.compile(r"^\[(¶\d+|c?\d+)\]\s*(.*)$")


@dataclass(frozen=True)
class Place:
    paper: str
    keys: tuple[str, ...]  # '¶20', '¶21' or '27' or 'c1'

    @property
    def first(self) -> str:
        return self.keys[0]


def parse_locator(text: str) -> Place | None:
    """Parse a locator; None when it is malformed."""
    match = LOCATOR.match(text.strip())
    if not match:
        return None
    if match["note"]:
        return Place(match["paper"], (match["note"],))
    first = int(match["first"])
    last = int(match["last"] or first)
    if last < first or last - first > 40:
        return None
    return Place(match["paper"], tuple(f"¶{n}" for n in range(first, last + 1)))


def default_papers_dir(project_root: Path) -> Path:
    return Path(os.environ.get("PAPERS_DIR") or project_root.parent / "shared" / "papers")


def read_paper(path: Path) -> dict[str, str]:
    """Map each place of one paper ('¶3', '27', 'c1') to its text."""
    places: dict[str, str] = {}
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        match = _PLACE.match(block.strip())
        if match:
            places[match[1]] = " ".join(match[2].split())
    return places


def read_papers(papers_dir: Path) -> dict[str, dict[str, str]]:
    """Every paper's places, keyed by paper id; empty when the folder is absent."""
    if not papers_dir.is_dir():
        return {}
    return {p.stem: read_paper(p) for p in sorted(papers_dir.glob("*.md")) if p.name != "README.md"}


def describe_range(places: dict[str, str]) -> str:
    paras = sorted(int(k[1:]) for k in places if k.startswith("¶"))
    notes = sorted(int(k) for k in places if k.isdigit())
    text = f"¶1-{paras[-1]}" if paras else "no numbered paragraphs"
    return text + (f" and notes [1]-[{notes[-1]}]" if notes else "")
