"""Glossary terms as tooltips: every term in a page's text wrapped in a focusable <abbr title>.

This does in one pass over the finished HTML what the Markdown `abbr` extension did on the element tree: that
extension looks up each element's place among its siblings for every text it touches, so a page of long
tables or lists cost it time that grew with the square of their length (about a third of a second of every
build). Text inside a link, a control or code is left alone: a focusable term inside a link or a button is a
control inside a control, and a link whose text is a web address would have its address cut in two.
"""

from __future__ import annotations

import html
import re

# Elements whose text keeps no term: links and controls (a focusable term inside them nests controls), code,
# and what is not prose.
SKIP = frozenset({"a", "abbr", "button", "code", "kbd", "label", "option", "pre", "samp", "script", "select",
                  "style", "svg", "textarea", "title"})
TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>", re.S)


class Terms:
    """The glossary's terms with their definitions; `wrap` marks them in a page's HTML."""

    def __init__(self, definitions: dict[str, str]) -> None:
        # escaped as the Markdown serializer escapes an attribute: &, <, > and the double quote
        self.titles = {term: html.escape(" ".join(text.split()), quote=False).replace('"', "&quot;")
                       for term, text in definitions.items()}
        longest_first = sorted(definitions, key=len, reverse=True)  # 'fentanyl precursors' before 'fentanyl'
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, longest_first)) + r")\b") if definitions else None

    def _mark(self, text: str, pattern: re.Pattern[str]) -> str:
        return pattern.sub(lambda m: f'<abbr tabindex="0" title="{self.titles[m.group(0)]}">{m.group(0)}</abbr>', text)

    def wrap(self, page: str) -> str:
        pattern = self.pattern
        if pattern is None:
            return page
        out: list[str] = []
        skipped = 0  # how many SKIP elements the text at hand sits in
        at = 0
        for tag in TAG.finditer(page):
            text = page[at:tag.start()]
            out += [self._mark(text, pattern) if text and not skipped else text, tag.group(0)]
            at = tag.end()
            name = (tag.group(2) or "").lower()
            if name in SKIP and not tag.group(0).endswith("/>"):
                skipped = max(0, skipped - 1) if tag.group(1) else skipped + 1
        tail = page[at:]
        out.append(self._mark(tail, pattern) if tail and not skipped else tail)
        return "".join(out)
