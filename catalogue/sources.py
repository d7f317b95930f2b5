"""Read one YAML file into plain data while remembering where every value stands.

PyYAML's `safe_load` forgets positions and silently keeps the last of two
equal keys. We compose the node tree instead and convert it ourselves, so each
value keeps its line and column, duplicate keys are reported, and dates stay
the strings the maintainer typed (the JSON Schema expects strings).
"""

from __future__ import annotations

import re
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
#: The only YAML tags a data file may carry (all implicit in plain YAML).
#: Anything else (`!foo`, `!!python/...`, the merge key `<<`) is refused
#: with its position instead of reaching PyYAML's constructors.
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)

#: Characters no text field needs and that can hide or reorder what a
#: reviewer sees: C0/C1 controls (tab, newline and CR aside), DEL, bidi
#: overrides and isolates, zero-width characters and a byte-order mark
#: anywhere but at the very start.
_INVISIBLE = {
    **{chr(c): f"stuurteken U+{c:04X}" for c in range(0x20) if chr(c) not in "\t\n\r"},
    "\x7f": "stuurteken U+007F (DEL)",
    **{chr(c): f"stuurteken U+{c:04X}" for c in range(0x80, 0xA0)},
    **{chr(c): f"richtingsteken U+{c:04X}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    "\u200e": "richtingsteken U+200E",
    "\u200f": "richtingsteken U+200F",
    "\u061c": "richtingsteken U+061C",
    **{chr(c): f"onzichtbaar teken U+{c:04X}" for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)},
}
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


class _Refused(Exception):
    """A node the loader will not turn into data, with the message to give."""

    def __init__(self, node: yaml.Node, rule: str, reason: str, **details: str) -> None:
        self.node = node
        self.rule = rule
        self.reason = reason
        self.details = details


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node, reason: str) -> None:
        self.node = node
        self.reason = reason


_ANY_INVISIBLE = re.compile("[" + "".join(re.escape(c) for c in _INVISIBLE) + "]")


def _invisible_characters(text: str, display: str) -> list[Problem]:
    """Every control or invisible character, with its real line and column."""
    first = _ANY_INVISIBLE.search(text, 1 if text.startswith("\ufeff") else 0)
    if first is None:
        return []  # the usual case, found without a Python loop over every character
    problems = []
    line, start = 1, 0
    for index, char in enumerate(text):
        if char == "\n":
            line, start = line + 1, index + 1
        elif char in _INVISIBLE and not (char == "\ufeff" and index == 0):
            problems.append(
                Problem(
                    display,
                    line,
                    index - start + 1,
                    "",
                    "invisible-character",
                    "onzichtbaar teken of stuurteken in de tekst",
                    expected="gewone tekst",
                    found=_INVISIBLE[char],
                    hint="Verwijder het teken; vaak komt het mee bij kopiëren en plakken.",
                )
            )
            if len(problems) >= 20:
                break
    return problems


def _deepest(text: str, display: str) -> Problem:
    """Where nesting first goes past MAX_DEPTH, found from parser events (which,
    unlike PyYAML's composer, do not recurse)."""
    depth = 0
    mark = None
    try:
        for event in yaml.parse(text, Loader=_FAST_COMPOSER):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    break
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(
        display,
        line,
        column,
        "",
        "too-deep",
        f"bestand is dieper genest dan {MAX_DEPTH} niveaus",
        hint="Staan er haakjes [ of { te veel of niet gesloten?",
    )


@dataclass(frozen=True)
class FileLimits:
    """How large one kind of file may be; `kind` names it in the message."""

    kind: str = "één interventie"
    max_bytes: int = MAX_FILE_BYTES
    max_nodes: int = MAX_NODES


ENTRY_LIMITS = FileLimits()


def read_document(
    source: Path, display: str, limits: FileLimits = ENTRY_LIMITS
) -> tuple[Document | None, list[Problem]]:
    """Parse `source`; return the document, or None with the problems that stopped it."""

    def fail(rule: str, message: str, line: int = 1, column: int = 1, **details: str):
        return None, [Problem(display, line, column, "", rule, message, **details)]

    try:
        raw = source.read_bytes()
    except OSError as error:
        return fail("unreadable", "bestand kan niet worden gelezen", found=str(error.strerror))
    if len(raw) > limits.max_bytes:
        return fail(
            "too-large",
            f"bestand is te groot voor {limits.kind}",
            expected=f"hoogstens {limits.max_bytes:,} bytes".replace(",", "."),
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
    invisible = _invisible_characters(text, display)
    if invisible:
        return None, invisible
    try:
        try:
            root = yaml.compose(text, Loader=_FAST_COMPOSER)
        except yaml.YAMLError:
            root = yaml.compose(text, Loader=yaml.SafeLoader)  # raises the precise error
    except RecursionError:
        return None, [_deepest(text, display)]
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
    except yaml.YAMLError as error:  # e.g. a reader error: its position is a character offset
        position = getattr(error, "position", None)
        if isinstance(position, int):
            line = text.count("\n", 0, position) + 1
            column = position - (text.rfind("\n", 0, position) + 1) + 1
            return fail("yaml-syntax", "ongeldige YAML", line, column, found=str(error).split("\n")[0])
        return fail("yaml-syntax", "ongeldige YAML", found=str(error).split("\n")[0])
    if root is None:
        return fail(
            "empty-file",
            "bestand is leeg",
            expected="een interventie met minstens de verplichte velden",
            hint='Maak een nieuw item met `catalogus new "Naam"`.',
        )

    document = Document(source, display, None)
    problems: list[Problem] = []
    converter = _Converter(document, problems, limits.max_nodes)
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
    except _Refused as error:
        mark = error.node.start_mark
        return fail(error.rule, error.reason, mark.line + 1, mark.column + 1, **error.details)
    except RecursionError:
        return None, [_deepest(text, display)]
    return document, problems


class _Converter:
    """Turn composed nodes into dicts, lists and scalars, recording positions."""

    def __init__(self, document: Document, problems: list[Problem], max_nodes: int) -> None:
        self.document = document
        self.problems = problems
        self.max_nodes = max_nodes
        self.nodes = 0
        self.constructor = yaml.SafeLoader("")

    def convert(self, node: yaml.Node, path: FieldPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise _TooLarge(node, f"bestand bevat meer dan {self.max_nodes} waarden")
        if depth > MAX_DEPTH:
            raise _TooLarge(node, f"bestand is dieper genest dan {MAX_DEPTH} niveaus")
        self.document.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if node.tag == _TIMESTAMP_TAG:
            return node.value  # keep "2024-05-01" as typed; the schema checks the format
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag not in _ALLOWED_TAGS:
            merge = node.tag == "tag:yaml.org,2002:merge"
            raise _Refused(
                node,
                "yaml-tag",
                "samenvoegsleutel << wordt niet ondersteund" if merge else "onbekende YAML-tag",
                expected="gewone YAML zonder tags",
                found="<<" if merge else str(node.tag).replace("tag:yaml.org,2002:", "!!"),
                hint="Schrijf de velden gewoon uit."
                if merge
                else "Haal de tag (wat met ! begint) weg; de schema-regels bepalen het type.",
            )
        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, KeyError, OverflowError) as error:
            raise _Refused(
                node,
                "yaml-value",
                "waarde past niet bij haar YAML-tag",
                expected=f"een waarde van het type {node.tag.replace('tag:yaml.org,2002:', '!!')}",
                found=repr(node.value)[:80],
                hint=f"Haal de tag weg of verbeter de waarde ({type(error).__name__}).",
            ) from error

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(
                    key_node,
                    "yaml-key",
                    "veldnaam is geen tekst",
                    expected="een veldnaam",
                    found="een lijst of mapping",
                    hint="Een veldnaam staat links van de dubbele punt.",
                )
            key = self._scalar(key_node)
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
