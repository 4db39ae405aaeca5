"""Read the knowledge base's YAML files, keeping the line of every value.

PyYAML's composer gives each node its position; we turn the node tree into
plain Python values ourselves so that we can also catch what a plain
`yaml.safe_load` lets through silently: duplicate keys (the later one wins),
anchors and aliases (a 'billion laughs' file expands to gigabytes), and bytes
that are not UTF-8.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems

MAX_FILE_BYTES = 2_000_000  # the whole seed knowledge base is far below this
# libyaml's loader where installed (it is, with PyYAML's wheels): same nodes and marks, several times faster
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Key = str | int
Lines = dict[tuple[Key, ...], int]


@dataclass
class YamlDoc:
    """One file's data and the line where each value (or mapping key) stands."""

    file: str
    data: Any
    lines: Lines = field(default_factory=dict)
    seen: set[int] = field(default_factory=set, repr=False)

    def line(self, path: tuple[Key, ...]) -> int:
        # fall back to the nearest enclosing value that has a line
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


_SCALARS = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:str":
        return node.value  # most of the knowledge base: no constructor needed
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # keep dates as written ("2023-10-30"), not datetime
    return _SCALARS.construct_object(node, deep=True)


REFUSED = object()  # a value already reported as refused; the converter says nothing more about it
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


class _AliasFound(Exception):
    """A node met twice: an alias (*name) of an anchored value (&name)."""

    def __init__(self, line: int) -> None:
        self.line = line


def _convert(node: yaml.Node, path: tuple[Key, ...], doc: YamlDoc, problems: Problems) -> Any:
    # The composer hands an alias back as the very node it names, unexpanded; meeting a node twice is the
    # sign, caught before anything is built from it (a 'billion laughs' file would expand to gigabytes).
    if id(node) in doc.seen:
        raise _AliasFound(node.start_mark.line + 1)
    doc.seen.add(id(node))
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _PLAIN_TAGS:  # e.g. !!python/object: never constructed, always refused
        problems.add(doc.file, node.start_mark.line + 1, _dotted(path),
                     f"the tag '{node.tag}' is not allowed; write plain text, numbers, lists and mappings")
        return REFUSED
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), doc, problems) for i, item in enumerate(node.value)]
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
        line = key_node.start_mark.line + 1
        if not isinstance(key, str | int) or isinstance(key, bool):
            problems.add(doc.file, line, _dotted(path), "a key must be a plain word, found a complex key")
            continue
        if key in result:
            first = doc.lines[(*path, key)]
            problems.add(doc.file, line, _dotted((*path, key)),
                         f"duplicate key '{key}' (first given on line {first}); remove one of them")
            continue
        doc.lines[(*path, key)] = line
        result[key] = _convert(value_node, (*path, key), doc, problems)
    return result


def _dotted(path: tuple[Key, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


dotted = _dotted


def read_yaml(path: Path, shown_as: str, problems: Problems) -> YamlDoc | None:
    """Parse one file; when it cannot be parsed at all, record why and return None."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        problems.add(shown_as, 0, "", f"file is too large: expected at most {MAX_FILE_BYTES:,} bytes, "
                     f"found {len(raw):,}; split it into several files")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.add(shown_as, line, "", f"the file is not UTF-8 text: found byte 0x{raw[err.start]:02x}; "
                     "save it as UTF-8")
        return None
    text = text.removeprefix("\ufeff")
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        # libyaml is fast but terse; the pure-Python parser explains the same error better
        try:
            yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            line = mark.line + 1 if mark else 0
            problems.add(shown_as, line, "", f"this is not valid YAML: {err.problem or err.context}")
        except yaml.YAMLError as err:
            problems.add(shown_as, 0, "", f"this is not valid YAML: {err}")
        return None
    doc = YamlDoc(shown_as, {})
    try:
        if node is not None:
            doc.data = _convert(node, (), doc, problems)
    except _AliasFound as alias:
        problems.add(shown_as, alias.line, "", "anchors and aliases (& and *) are not allowed here; "
                     "write each entry out in full")
        return None
    except yaml.MarkedYAMLError as err:  # a value PyYAML cannot construct, e.g. a !!python tag
        mark = err.problem_mark or err.context_mark
        problems.add(shown_as, mark.line + 1 if mark else 0, "", f"this is not valid YAML: {err.problem or err.context}")
        return None
    # duplicate keys were recorded; go on so the rest of the file is checked too
    return doc
