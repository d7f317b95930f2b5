"""Check the shape of parsed YAML against a JSON Schema, with Dutch messages.

The JSON Schema is the one definition of the fields: editors use it while
typing and we check against it here. We interpret the small subset of JSON
Schema our schemas use ourselves, instead of a generic validator, so every
message can name the line, the field, what was expected, what was found and
a hint in Dutch. A keyword outside the subset is refused rather than ignored.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from catalogue.problems import Problem, quote
from catalogue.schema_sync import VOCABULARY_KEY
from catalogue.sources import Document, FieldPath

#: Keywords this interpreter understands; annotations are accepted and ignored.
SUPPORTED_KEYWORDS = frozenset(
    {
        "type",
        "enum",
        "required",
        "properties",
        "additionalProperties",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "pattern",
        "format",
        "$ref",
        "anyOf",
    }
)
ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$defs",
        "title",
        "description",
        "markdownEnumDescriptions",
        VOCABULARY_KEY,
    }
)

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "array": "een lijst",
    "object": "een mapping (velden met een dubbele punt)",
    "null": "leeg",
}

#: Term labels per vocabulary, so a typed label ("Mantelzorgers") hints its id.
Labels = Mapping[str, Mapping[str, str]]


class UnsupportedSchema(ValueError):
    """The schema uses a keyword this interpreter would silently skip."""


def unsupported_keywords(schema: Any) -> set[str]:
    """Every keyword in `schema` that this interpreter does not understand."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key not in SUPPORTED_KEYWORDS | ANNOTATIONS:
                found.add(key)
            if key in ("properties", "$defs"):
                for sub in value.values():
                    found |= unsupported_keywords(sub)
            elif key in ("items", "additionalProperties"):
                found |= unsupported_keywords(value)
            elif key == "anyOf":
                for sub in value:
                    found |= unsupported_keywords(sub)
    return found


#: Schemas already found free of unsupported keywords, by identity (the
#: schema itself is kept so its id cannot be reused): one walk per schema,
#: not one per document.
_VERIFIED: dict[int, dict[str, Any]] = {}


def check_document(document: Document, schema: dict[str, Any], labels: Labels) -> list[Problem]:
    """All shape problems of `document` against `schema`."""
    if _VERIFIED.get(id(schema)) is not schema:
        unknown = unsupported_keywords(schema)
        if unknown:
            raise UnsupportedSchema(f"schema uses unsupported keywords: {sorted(unknown)}")
        _VERIFIED[id(schema)] = schema
    return _Checker(document, schema, labels).check(document.data, schema, ())


class _Checker:
    def __init__(self, document: Document, root: dict[str, Any], labels: Labels) -> None:
        self.document = document
        self.root = root
        self.labels = labels

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        """Merge a local `$ref` with the keywords written next to it."""
        if "$ref" not in schema:
            return schema
        ref = schema["$ref"]
        if not ref.startswith("#/$defs/"):
            raise UnsupportedSchema(f"only local $defs references are supported, not {ref}")
        target = self.resolve(self.root["$defs"][ref.removeprefix("#/$defs/")])
        merged = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
        return merged

    def check(self, value: Any, schema: dict[str, Any], path: FieldPath) -> list[Problem]:
        schema = self.resolve(schema)
        if "anyOf" in schema:
            return self.check_any_of(value, schema, path)
        problem = self.check_type(value, schema, path)
        if problem:
            return [problem]
        problems: list[Problem] = []
        if isinstance(value, dict):
            problems += self.check_object(value, schema, path)
        elif isinstance(value, list):
            problems += self.check_array(value, schema, path)
        elif isinstance(value, str):
            problems += self.check_string(value, schema, path)
        elif isinstance(value, int) and not isinstance(value, bool):
            problems += self.check_number(value, schema, path)
        if "enum" in schema and value is not None and value not in schema["enum"]:
            problems.append(self.unknown_term(value, schema, path))
        return problems

    def check_any_of(self, value: Any, schema: dict[str, Any], path: FieldPath) -> list[Problem]:
        """Our schemas only use anyOf as 'X or empty': report against X."""
        branches = [self.resolve(b) for b in schema["anyOf"]]
        results = [self.check(value, branch, path) for branch in branches]
        if any(not result for result in results):
            return []
        non_null = [r for b, r in zip(branches, results, strict=True) if b.get("type") != "null"]
        return (non_null or results)[0]

    # -- types ---------------------------------------------------------------

    def check_type(self, value: Any, schema: dict[str, Any], path: FieldPath) -> Problem | None:
        if "type" not in schema:
            return None
        allowed = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if any(_has_type(value, name) for name in allowed):
            return None
        expected = " of ".join(_TYPE_NAMES[name] for name in allowed if name != "null")
        if value is None:
            return self.document.problem(
                path,
                "required",
                "verplicht veld is leeg",
                expected=expected,
                hint=_field_hint(schema),
            )
        hint = ""
        if "array" in allowed and not isinstance(value, list):
            hint = "Schrijf een lijst: elke waarde op een eigen regel, beginnend met '- '."
        elif "string" in allowed and isinstance(value, (list, dict)):
            hint = "Schrijf hier één tekst, geen lijst of mapping."
        elif "string" in allowed:
            hint = "Zet de waarde tussen aanhalingstekens als het tekst is."
        return self.document.problem(
            path, "type", "verkeerd type", expected=expected, found=_describe(value), hint=hint
        )

    # -- objects -------------------------------------------------------------

    def check_object(self, value: dict, schema: dict[str, Any], path: FieldPath) -> list[Problem]:
        problems: list[Problem] = []
        properties: dict[str, Any] = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                sub = self.resolve(properties.get(name, {}))
                problems.append(
                    self.document.problem(
                        path,
                        "required",
                        f"verplicht veld '{name}' ontbreekt",
                        expected=f"een veld '{name}'",
                        hint=_field_hint(sub),
                    )
                )
        for name, item in value.items():
            if name in properties:
                problems += self.check(item, properties[name], (*path, name))
            elif schema.get("additionalProperties", True) is False:
                problems.append(self.unknown_field(name, list(properties), path))
        return problems

    def unknown_field(self, name: str, allowed: list[str], path: FieldPath) -> Problem:
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = f"bedoelde je '{close[0]}'?" if close else "toegestane velden: " + ", ".join(allowed)
        return self.document.problem(
            (*path, name),
            "unknown-field",
            "onbekend veld",
            key=True,
            expected="een van de velden uit het schema",
            found=repr(name),
            hint=hint,
        )

    # -- arrays --------------------------------------------------------------

    def check_array(self, value: list, schema: dict[str, Any], path: FieldPath) -> list[Problem]:
        problems: list[Problem] = []
        if "minItems" in schema and len(value) < schema["minItems"]:
            problems.append(
                self.document.problem(
                    path,
                    "too-few",
                    "te weinig waarden",
                    expected=f"minstens {schema['minItems']}",
                    found=str(len(value)),
                    hint=_field_hint(schema),
                )
            )
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            problems.append(
                self.document.problem(
                    path,
                    "too-many",
                    "te veel waarden",
                    expected=f"hoogstens {schema['maxItems']}",
                    found=str(len(value)),
                )
            )
        if "items" in schema:
            for index, item in enumerate(value):
                problems += self.check(item, schema["items"], (*path, index))
        if schema.get("uniqueItems"):
            seen: dict[str, int] = {}
            for index, item in enumerate(value):
                marker = repr(item)
                if marker in seen:
                    problems.append(
                        self.document.problem(
                            (*path, index),
                            "duplicate-value",
                            "waarde staat twee keer in de lijst",
                            expected="elke waarde één keer",
                            found=quote(item),
                            hint=f"Verwijder deze regel; dezelfde waarde staat al op plaats "
                            f"{seen[marker] + 1}.",
                        )
                    )
                else:
                    seen[marker] = index
        return problems

    # -- scalars -------------------------------------------------------------

    def check_string(self, value: str, schema: dict[str, Any], path: FieldPath) -> list[Problem]:
        problems: list[Problem] = []
        length = len(value.strip())
        if "minLength" in schema and length < schema["minLength"]:
            rule, message = (
                ("required", "verplicht veld is leeg")
                if length == 0
                else ("too-short", "tekst is te kort")
            )
            problems.append(
                self.document.problem(
                    path,
                    rule,
                    message,
                    expected=f"minstens {schema['minLength']} tekens",
                    found=f"{length} tekens",
                    hint=_field_hint(schema),
                )
            )
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            problems.append(
                self.document.problem(
                    path,
                    "too-long",
                    "tekst is te lang",
                    expected=f"hoogstens {schema['maxLength']} tekens",
                    found=f"{len(value)} tekens",
                    hint="Kort de tekst in; details horen in de bron.",
                )
            )
        fmt = schema.get("format")
        if fmt == "uri" and not is_web_url(value):
            problems.append(
                self.document.problem(
                    path,
                    "url",
                    "ongeldig webadres",
                    expected="een volledig adres dat begint met https:// (of http://)",
                    found=quote(value),
                    hint="Kopieer het adres uit de adresbalk van je browser.",
                )
            )
        elif fmt == "date" and not _is_date(value):
            problems.append(
                self.document.problem(
                    path,
                    "date",
                    "ongeldige datum",
                    expected="een datum als JJJJ-MM-DD",
                    found=quote(value),
                    hint='Bijvoorbeeld "2026-11-23", tussen aanhalingstekens.',
                )
            )
        elif fmt is None and "pattern" in schema and not re.search(schema["pattern"], value):
            problems.append(
                self.document.problem(
                    path,
                    "pattern",
                    "waarde heeft niet de juiste vorm",
                    expected=schema.get("description", f"tekst volgens {schema['pattern']}"),
                    found=quote(value),
                )
            )
        return problems

    def check_number(self, value: int, schema: dict[str, Any], path: FieldPath) -> list[Problem]:
        low, high = schema.get("minimum"), schema.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            return [
                self.document.problem(
                    path,
                    "out-of-range",
                    "getal buiten het toegestane bereik",
                    expected=f"tussen {low} en {high}",
                    found=str(value),
                    hint=_field_hint(schema),
                )
            ]
        return []

    def unknown_term(self, value: Any, schema: dict[str, Any], path: FieldPath) -> Problem:
        allowed = [str(term) for term in schema["enum"]]
        vocabulary = schema.get(VOCABULARY_KEY, "")
        by_label = {
            label.casefold(): term for term, label in self.labels.get(vocabulary, {}).items()
        }
        text = str(value)
        if text.casefold() in by_label:
            guess = by_label[text.casefold()]
        else:
            close = difflib.get_close_matches(text.casefold(), allowed, n=1, cutoff=0.5)
            guess = close[0] if close else ""
        hint = (
            f"bedoelde je '{guess}'?"
            if guess
            else (f"nieuwe termen komen eerst in catalogue/vocabularies.yaml ({vocabulary})")
        )
        shown = ", ".join(allowed) if len(allowed) <= 12 else ", ".join(allowed[:12]) + ", ..."
        where = f" in {vocabulary}" if vocabulary else ""
        return self.document.problem(
            path,
            "unknown-term",
            f"onbekende term{where}",
            expected=f"een van: {shown}",
            found=quote(value),
            hint=hint,
        )


# -- helpers -------------------------------------------------------------------


def _has_type(value: Any, name: str) -> bool:
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "string":
        return isinstance(value, str)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, dict)
    raise UnsupportedSchema(f"unknown type {name!r}")


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{quote(value)} (ja/nee)"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, str):
        return f"de tekst {quote(value)}"
    return quote(value)


def _field_hint(schema: dict[str, Any]) -> str:
    """The field's own explanation from the schema, so the fix is at hand."""
    title, description = schema.get("title"), schema.get("description")
    if title and description:
        return f"{title}: {description}"
    return description or ""


_WHITESPACE = re.compile(r"\s")


def is_web_url(text: str) -> bool:
    """What `format: uri` accepts: http(s), a host name with a dot, no spaces."""
    if _WHITESPACE.search(text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and "." in host and not host.startswith(".")


def _is_date(text: str) -> bool:
    if len(text) != 10:
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
