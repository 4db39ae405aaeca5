"""Problems found in the knowledge base, reported all at once.

Every problem names the file, the line, the field and what was wrong, in words
meant for an instructor editing YAML rather than for a Python programmer.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


@dataclass
class Problems:
    """Collects problems so one run can list every one of them."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, path: str, message: str) -> None:
        self.items.append(Problem(file, line, path, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def report(self) -> str:
        lines = [str(p) for p in sorted(set(self.items))]
        count = len(lines)
        head = f"The knowledge base has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *lines])


class KnowledgeBaseError(Exception):
    """Raised when the knowledge base cannot be used; carries every problem."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems.report())
        self.problems = problems


def describe(value: object) -> str:
    """Say what a YAML value is, the way a YAML author would name it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int):
        return f"a number ({value})"
    if isinstance(value, float):
        return f"a decimal number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({shown!r})"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    return type(value).__name__
