"""Read one YAML file into plain data while remembering where every value stands.

PyYAML's `safe_load` forgets positions and silently keeps the last of two
equal keys. We compose the node tree instead and convert it ourselves, so each
value keeps its line and column, duplicate keys are reported, and dates stay
the strings the maintainer typed (the JSON Schema expects strings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from catalogue.problems import Problem

#: A file larger than this is not an entry but a mistake (or an attack).
MAX_FILE_BYTES = 100_000
#: Limits that stop alias bombs (`&a [*a, *a, ...]`) and runaway nesting.
MAX_NODES = 20_000
MAX_DEPTH = 20

FieldPath = tuple[str | int, ...]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# libyaml's C parser composes the same nodes, with the same marks, several
# times faster. Its error messages and positions are less precise, so a file
# that fails is parsed again by PyYAML's own loader to describe the error.
_FAST_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def format_path(path: FieldPath) -> str:
    """`("bronnen", 1, "url")` -> `bronnen[1].url`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass
class Document:
    """One parsed YAML file: its data plus the position of every value and key."""

    source: Path
    display: str
    data: Any
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of a value (or its key); the nearest known parent otherwise."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(
        self, path: FieldPath, rule: str, message: str, *, key: bool = False, **details: str
    ) -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.display, line, column, format_path(path), rule, message, **details)


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node, reason: str) -> None:
        self.node = node
        self.reason = reason


def read_document(source: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Parse `source`; return the document, or None with the problems that stopped it."""

    def fail(rule: str, message: str, line: int = 1, column: int = 1, **details: str):
        return None, [Problem(display, line, column, "", rule, message, **details)]

    try:
        raw = source.read_bytes()
    except OSError as error:
        return fail("unreadable", "bestand kan niet worden gelezen", found=str(error.strerror))
    if len(raw) > MAX_FILE_BYTES:
        return fail(
            "too-large",
            "bestand is te groot voor één interventie",
            expected=f"hoogstens {MAX_FILE_BYTES:,} bytes".replace(",", "."),
            found=f"{len(raw):,} bytes".replace(",", "."),
            hint="Staat er per ongeluk een ander bestand of een bijlage in?",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return fail(
            "encoding",
            "bestand is geen geldige UTF-8",
            line,
            column,
            expected="tekst in UTF-8",
            found=f"byte 0x{raw[error.start]:02x}",
            hint="Sla het bestand op als UTF-8 (in VS Code: 'Save with Encoding').",
        )
    try:
        try:
            root = yaml.compose(text, Loader=_FAST_COMPOSER)
        except yaml.YAMLError:
            root = yaml.compose(text, Loader=yaml.SafeLoader)  # raises the precise error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "onleesbare YAML"
        return fail(
            "yaml-syntax",
            "ongeldige YAML",
            line,
            column,
            found=problem,
            hint="Controleer inspringing, dubbele punten en aanhalingstekens op deze regel.",
        )
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return fail("yaml-syntax", "ongeldige YAML", found=str(error))
    if root is None:
        return fail(
            "empty-file",
            "bestand is leeg",
            expected="een interventie met minstens de verplichte velden",
            hint='Maak een nieuw item met `catalogus new "Naam"`.',
        )

    document = Document(source, display, None)
    problems: list[Problem] = []
    converter = _Converter(document, problems)
    try:
        document.data = converter.convert(root, (), 0)
    except _TooLarge as error:
        mark = error.node.start_mark
        return fail(
            "too-large",
            error.reason,
            mark.line + 1,
            mark.column + 1,
            hint="Gebruik geen YAML-ankers (&) en verwijzingen (*) in een item.",
        )
    return document, problems


class _Converter:
    """Turn composed nodes into dicts, lists and scalars, recording positions."""

    def __init__(self, document: Document, problems: list[Problem]) -> None:
        self.document = document
        self.problems = problems
        self.nodes = 0
        self.constructor = yaml.SafeLoader("")

    def convert(self, node: yaml.Node, path: FieldPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge(node, f"bestand bevat meer dan {MAX_NODES} waarden")
        if depth > MAX_DEPTH:
            raise _TooLarge(node, f"bestand is dieper genest dan {MAX_DEPTH} niveaus")
        self.document.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if node.tag == _TIMESTAMP_TAG:
            return node.value  # keep "2024-05-01" as typed; the schema checks the format
        return self.constructor.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.constructor.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            child = (*path, key)
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = self.document.key_positions[child][0]
                self.problems.append(
                    Problem(
                        self.document.display,
                        *key_mark,
                        format_path(child),
                        "duplicate-key",
                        "veld staat twee keer in dit bestand",
                        expected="elk veld één keer",
                        found=f"ook op regel {first}",
                        hint="Voeg de twee samen; YAML zou de eerste stilzwijgend negeren.",
                    )
                )
                continue
            self.document.key_positions[child] = key_mark
            result[key] = self.convert(value_node, child, depth + 1)
        return result
