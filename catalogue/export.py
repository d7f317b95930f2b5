"""Open-data exports of the catalogue: `catalogus.json` and `catalogus.csv`.

Keys and columns come from the field declaration (`catalogue.fields`), in its
order. Output is sorted by slug and deterministic (no timestamps), so a
rebuild without data changes writes identical bytes (the recognition status
depends on the day only where a source gives an end of validity). Unknown
facts are `null` in JSON and an empty cell in CSV.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from catalogue import fields, urls
from catalogue.model import Catalogue, Intervention

LIST_SEPARATOR = fields.LIST_SEPARATOR
#: Dutch Excel expects `;` between columns (the Dutch list separator); a
#: comma-separated file opens as one column there.
CSV_DELIMITER = ";"
#: The byte-order mark makes Excel read the file as UTF-8 (é, ë, —).
BOM = "\ufeff"


def _view(catalogue: Catalogue, site_url: str, today: date | None) -> fields.View:
    return fields.View.of(catalogue.vocabularies, today or date.today(), site_url)


def _by_slug(catalogue: Catalogue) -> list[Intervention]:
    return sorted(catalogue.interventions, key=lambda e: e.slug)


def to_json(catalogue: Catalogue, site_url: str = "", today: date | None = None) -> str:
    view = _view(catalogue, site_url, today)
    entries = _by_slug(catalogue)
    document = {
        "titel": "Wat werkt tegen eenzaamheid: catalogus van interventies",
        "schema": site_url + urls.EXPORT_SCHEMA,
        "aantal": len(entries),
        "interventies": [fields.json_record(e, view) for e in entries],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(catalogue: Catalogue, site_url: str = "", today: date | None = None) -> str:
    """UTF-8 text with a BOM; write it with `newline=""` semantics (rows end in CRLF)."""
    view = _view(catalogue, site_url, today)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(fields.csv_columns())
    for entry in _by_slug(catalogue):
        writer.writerow([_guard_formula(value) for value in fields.csv_values(entry, view)])
    return BOM + buffer.getvalue()


def comparison(catalogue: Catalogue, today: date | None = None) -> str:
    """`vergelijking.json`: the comparison page's rows and each entry's cells.

    URLs are site paths: the page resolves them against the site's base."""
    view = _view(catalogue, "", today)
    document = {
        "rijen": [label for label, _ in fields.comparison_rows()],
        "interventies": [
            {
                "slug": e.slug,
                "naam": e.naam,
                "url": urls.entry(e.slug),
                "cellen": fields.comparison_cells(e, view),
            }
            for e in _by_slug(catalogue)
        ],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _guard_formula(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas, and some strip a
    leading tab or carriage return first (OWASP CSV injection); prefix a quote."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
