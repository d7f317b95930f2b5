"""Problems found while loading the catalogue, and how they are printed.

A problem is built in two layers: the rule says what must hold (`message`,
`expected`), the location says where it broke (file, line, column, field
path). Validation collects problems instead of stopping at the first one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    path: str  # field path such as `bronnen[1].url`; empty for the whole file
    rule: str  # stable id of the rule, e.g. `unknown-term`
    message: str
    expected: str = ""
    found: str = ""
    hint: str = ""
    severity: Severity = "fout"

    def __str__(self) -> str:
        """One line in the `path:line:col: message` form editors and CI annotate."""
        where = f"{self.file}:{self.line}:{self.column}"
        field = f"{self.path}: " if self.path else ""
        text = f"{where}: {field}{self.message}"
        if self.expected:
            text += f"; verwacht: {self.expected}"
        if self.found:
            text += f"; gevonden: {self.found}"
        if self.hint:
            text += f". {self.hint}"
        return text


def printable(text: str) -> str:
    """Control characters escaped (`\\n`, `\\x1b`): a file name with a newline
    must not forge a second message line, nor ANSI codes recolour a terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def display_path(path: Path, root: Path | None = None) -> str:
    """Show a path relative to `root` (or the working directory) when it lies inside it."""
    resolved = path.resolve()
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return printable(resolved.relative_to(_resolved(base)).as_posix())
        except ValueError:
            continue
    return printable(path.as_posix())


@lru_cache(maxsize=64)  # the same one or two bases for every file of a catalogue
def _resolved(base: Path) -> Path:
    return base.resolve()


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "fout"]


def format_report(problems: Iterable[Problem]) -> str:
    """All problems sorted by file and line, one per line, with a count at the end."""
    ordered = sorted(problems)
    count = len(errors(ordered))
    lines = [str(p) for p in ordered]
    noun = "fout" if count == 1 else "fouten"
    lines.append(f"{count} {noun} in de catalogus.")
    return "\n".join(lines)


def quote(value: object) -> str:
    """Show a found value briefly, the way a maintainer typed it."""
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return repr(text)
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "een mapping"
    if isinstance(value, list):
        return "een lijst"
    return repr(value)
