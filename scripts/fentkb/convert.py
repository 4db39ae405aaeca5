"""Turn parsed YAML into the model's dataclasses, checking every field's type.

Each problem is recorded with its file, line and field path; conversion goes on
after a problem so that one run lists them all.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from typing import Any, Literal

from .problems import Problems, describe
from .yamlread import REFUSED, Key, YamlDoc, dotted

_INVALID = object()


@cache
def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def type_name(tp: Any) -> str:
    """Name a type the way the schema page and the error messages say it."""
    if getattr(tp, "__supertype__", None) is str:
        if tp.__name__ == "Locator":
            return "a locator like `no-tempest ¶20`"
        name = tp.__name__[:-2].lower()
        return f"{'an' if name[0] in 'aeiou' else 'a'} {name} id"
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        parts = [type_name(a) for a in args if a is not type(None)]
        return " or ".join(parts)
    if origin is list:
        return f"a list, each {type_name(args[0])}"
    if origin is dict:
        return f"a mapping from {type_name(args[0])} to {type_name(args[1])}"
    if is_dataclass(tp):
        return f"a mapping ({getattr(tp, '__name__', tp)})"
    return {str: "text", int: "a whole number", bool: "true or false"}.get(tp, str(tp))


class Converter:
    """Builds dataclasses from one YAML document's data."""

    def __init__(self, doc: YamlDoc, problems: Problems) -> None:
        self.doc = doc
        self.problems = problems

    def fail(self, path: tuple[Key, ...], message: str) -> Any:
        self.problems.add(self.doc.file, self.doc.line(path), dotted(path), message)
        return _INVALID

    def build(self, tp: Any, value: Any, path: tuple[Key, ...]) -> Any:
        if value is REFUSED:
            return _INVALID
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            return self._union(tp, value, path)
        if value is None:
            return self.fail(path, f"expected {type_name(tp)}, found nothing (an empty value)")
        if origin is Literal:
            if value in typing.get_args(tp):
                return value
            hint = _suggest(str(value), [str(a) for a in typing.get_args(tp)])
            return self.fail(path, f"expected {type_name(tp)}, found {describe(value)}{hint}")
        if origin is list:
            return self._list(typing.get_args(tp)[0], value, path)
        if origin is dict:
            return self._dict(typing.get_args(tp), value, path)
        if is_dataclass(tp):
            return self._dataclass(typing.cast(type, tp), value, path)
        base = getattr(tp, "__supertype__", tp)
        if base is int and (isinstance(value, bool) or not isinstance(value, int)):
            return self.fail(path, f"expected a whole number, found {describe(value)}")
        if base is str and not isinstance(value, str):
            return self.fail(path, f"expected text, found {describe(value)}; put it in quotes if it is meant as text")
        if base is str and not value.strip():
            return self.fail(path, "expected text, found an empty string")
        if base is bool and not isinstance(value, bool):
            return self.fail(path, f"expected true or false, found {describe(value)}")
        return value

    def _union(self, tp: Any, value: Any, path: tuple[Key, ...]) -> Any:
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        options = [a for a in args if a is not type(None)]
        # try quietly first, so the message names the whole union, not one branch
        for option in options:
            trial = Converter(self.doc, Problems())
            result = trial.build(option, value, path)
            if not trial.problems:
                return result
        if len(options) == 1:
            return self.build(options[0], value, path)
        return self.fail(path, f"expected {type_name(tp)}, found {describe(value)}")

    def _list(self, item_tp: Any, value: Any, path: tuple[Key, ...]) -> Any:
        if not isinstance(value, list):
            return self.fail(path, f"expected {type_name(list[item_tp])}, found {describe(value)}")
        items = [self.build(item_tp, item, (*path, i)) for i, item in enumerate(value)]
        return _INVALID if any(i is _INVALID for i in items) else items

    def _dict(self, args: tuple[Any, Any], value: Any, path: tuple[Key, ...]) -> Any:
        if not isinstance(value, dict):
            return self.fail(path, f"expected {type_name(types.GenericAlias(dict, args))}, found {describe(value)}")
        result = {k: self.build(args[1], v, (*path, k)) for k, v in value.items()}
        return _INVALID if _INVALID in result.values() else result

    def _dataclass(self, cls: type, value: Any, path: tuple[Key, ...]) -> Any:
        if not isinstance(value, dict):
            return self.fail(path, f"expected {type_name(cls)} with fields "
                             f"{', '.join(f.name for f in fields(cls))}; found {describe(value)}")
        known = {f.name: f for f in fields(cls)}
        ok = True
        for key in value:
            if key not in known:
                hint = _suggest(str(key), list(known)) or f" (known fields: {', '.join(known)})"
                self.fail((*path, key), f"unknown field '{key}'{hint}")
                ok = False
        kwargs: dict[str, Any] = {}
        for name, f in known.items():
            if name not in value:
                if f.default is MISSING and f.default_factory is MISSING:
                    self.fail(path, f"missing field '{name}': expected {type_name(hints(cls)[name])}")
                    ok = False
                continue
            kwargs[name] = self.build(hints(cls)[name], value[name], (*path, name))
            ok = ok and kwargs[name] is not _INVALID
        if ok:
            return cls(**kwargs)
        # Keep what did convert, so the cross-entry checks still report their problems in this same run.
        partial: Any = object.__new__(cls)
        for name in known:
            value_ok = kwargs.get(name)
            object.__setattr__(partial, name, None if value_ok is _INVALID else value_ok)
        partial.__dict__["_partial"] = True
        return partial


def _suggest(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def is_invalid(value: Any) -> bool:
    return value is _INVALID

