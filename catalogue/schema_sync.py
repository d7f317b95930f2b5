"""Keep the JSON Schema's term lists in step with vocabularies.yaml.

Fields are defined once, in the schema; terms once, in the vocabulary file.
The schema's `$defs` that carry `x-vocabulaire` get their `enum` (and the
labels editors show while autocompleting) written from the vocabulary, so the
two cannot drift: `catalogus schema --check` and a test compare them.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

VOCABULARY_KEY = "x-vocabulaire"


def synced_schema(schema: dict[str, Any], vocabularies: dict[str, list[dict[str, Any]]]) -> dict:
    """Return a copy of `schema` whose vocabulary-bound `$defs` list the current terms."""
    result = copy.deepcopy(schema)
    for definition in result.get("$defs", {}).values():
        name = definition.get(VOCABULARY_KEY)
        if name is None:
            continue
        terms = vocabularies[name]
        definition["enum"] = [term["id"] for term in terms]
        # yaml-language-server and VS Code show these next to each suggestion.
        definition["markdownEnumDescriptions"] = [
            f"**{term['label']}**: {term['beschrijving']}" for term in terms
        ]
    return result


def dump_schema(schema: dict[str, Any]) -> str:
    """Serialise deterministically, so a regenerated file only differs where terms changed."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def read_schema(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
