"""`catalogus new`: a fully commented entry to fill in, generated from the schema.

The comments come from the schema's titles and descriptions, so the template
explains exactly the fields the validator accepts and cannot go stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

from catalogue.loader import ENTRY_DIR, ENTRY_SCHEMA_FILE, ENTRY_SUFFIX
from catalogue.schema_sync import read_schema
from catalogue.slug import slugify

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class TemplateField:
    """One line of the scaffold: a key, its explanation, its starting value."""

    depth: int
    key: str
    comment: str
    required: bool
    value: str  # YAML text after `key:`; empty for a section with children
    choices: str  # allowed terms, for vocabulary-bound fields


class EntryExists(FileExistsError):
    """`catalogus new` never overwrites an existing entry."""


#: The schema's longest name (naam: maxLength); a longer one would also make
#: a file name longer than file systems allow.
MAX_NAME_LENGTH = 120


def entry_path(root: Path, name: str) -> Path:
    if not name.strip() or not name.isprintable():
        raise ValueError("de naam is leeg of bevat een regelovergang of stuurteken")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"de naam is {len(name)} tekens lang; hoogstens {MAX_NAME_LENGTH}")
    slug = slugify(name)
    if not slug:
        raise ValueError(f"de naam {name!r} levert geen bruikbare slug op")
    return root / ENTRY_DIR / f"{slug}{ENTRY_SUFFIX}"


def render_entry(root: Path, name: str, today: date) -> str:
    schema = read_schema(root / ENTRY_SCHEMA_FILE)
    fields = list(
        _fields(
            schema,
            schema,
            depth=0,
            values={"naam": _yaml_string(name), "laatst_gecontroleerd": f'"{today.isoformat()}"'},
        )
    )
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # YAML, not HTML
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("nieuw.yaml.j2").render(
        schema_file=ENTRY_SCHEMA_FILE, fields=fields, naam=name
    )


def write_entry(root: Path, name: str, today: date) -> Path:
    """Write a new entry from the template; refuse to overwrite."""
    path = entry_path(root, name)
    if path.exists():
        raise EntryExists(path)
    text = render_entry(root, name, today)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": fail if it appeared meanwhile
        handle.write(text)
    return path


def _fields(
    schema: dict[str, Any], root: dict[str, Any], depth: int, values: dict[str, str]
) -> list[TemplateField]:
    result = []
    required = set(schema.get("required", []))
    for key, sub in schema.get("properties", {}).items():
        resolved = _resolve(sub, root)
        kind = resolved.get("type")
        kinds = kind if isinstance(kind, list) else [kind]
        comment = f"{sub.get('title', key)}: {sub.get('description', '')}".strip()
        choices = _choices(resolved, root)
        if "object" in kinds and "properties" in resolved and key != "erkenning":
            result.append(TemplateField(depth, key, comment, key in required, "", ""))
            result += _fields(resolved, root, depth + 1, {})
        elif "array" in kinds:
            item = _resolve(resolved.get("items", {}), root)
            example = "[]"
            if "properties" in item:  # a list of records (sources): show one to copy
                example = ""
                comment += " Per bron: " + ", ".join(item["properties"]) + "."
            result.append(
                TemplateField(
                    depth,
                    key,
                    comment,
                    key in required,
                    values.get(key, example),
                    _choices(item, root),
                )
            )
        else:
            result.append(
                TemplateField(depth, key, comment, key in required, values.get(key, ""), choices)
            )
    return result


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in schema:
        schema = next(b for b in schema["anyOf"] if b.get("type") != "null")
    if "$ref" in schema:
        target = root["$defs"][schema["$ref"].removeprefix("#/$defs/")]
        return {**_resolve(target, root), **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _choices(schema: dict[str, Any], root: dict[str, Any]) -> str:
    schema = _resolve(schema, root)
    return ", ".join(schema.get("enum", []))


def _yaml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
