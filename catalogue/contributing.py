"""The contributing guide, rendered from one template for the repository
(CONTRIBUTING.md) and the site (/bijdragen/), with the field reference
generated from the JSON Schema so it cannot go stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

from catalogue import DATA_DIR
from catalogue.completeness import field_anchor
from catalogue.loader import ENTRY_SCHEMA_FILE
from catalogue.scaffold import TEMPLATE_DIR, render_entry
from catalogue.schema_sync import read_schema

REPOSITORY_FILE = "CONTRIBUTING.md"


@dataclass(frozen=True)
class FieldDoc:
    path: str
    required: bool
    title: str
    description: str
    allowed: str

    @property
    def anchor(self) -> str:
        """The row's id on the site, which entry pages link to for a missing fact."""
        return field_anchor(self.path)


def field_docs(schema: dict[str, Any]) -> list[FieldDoc]:
    """Every field of an entry, nested ones as `parent.child`, in schema order."""

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        if "anyOf" in node:
            node = {
                **next(b for b in node["anyOf"] if b.get("type") != "null"),
                **{k: v for k, v in node.items() if k != "anyOf"},
            }
        if "$ref" in node:
            target = resolve(schema["$defs"][node["$ref"].rsplit("/", 1)[1]])
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def walk(node: dict[str, Any], prefix: str) -> list[FieldDoc]:
        docs = []
        required = set(node.get("required", []))
        for name, sub in node.get("properties", {}).items():
            full = resolve(sub)
            items = resolve(full.get("items", {})) if "items" in full else {}
            allowed = full.get("enum") or items.get("enum") or []
            docs.append(
                FieldDoc(
                    prefix + name,
                    name in required,
                    sub.get("title", name),
                    sub.get("description", ""),
                    ", ".join(allowed),
                )
            )
            if "properties" in full:
                docs += walk(full, prefix + name + ".")
            elif "properties" in items:
                docs += walk(items, prefix + name + "[].")
        return docs

    return walk(schema, "")


def render_guide(*, for_site: bool, root: Path = DATA_DIR, propose_url: str | None = None) -> str:
    """The guide as Markdown; links differ between the repository and the site.

    `propose_url`: the issue form on the hosting platform, when the repository is set."""
    schema = read_schema(root / ENTRY_SCHEMA_FILE)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=False,  # Markdown; the values are our own schema texts
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    example = render_entry(root, "Naam van de interventie", date(2026, 1, 1))
    return env.get_template("bijdragen.md.j2").render(
        for_site=for_site, fields=field_docs(schema), example=example, propose_url=propose_url
    )
