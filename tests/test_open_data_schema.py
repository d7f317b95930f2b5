"""The built site as crawlers and open-data consumers read it: robots.txt,
the sitemap, and `catalogus.json` against the JSON Schema it declares,
checked with the standard validator (jsonschema, Draft 2020-12)."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from catalogue import DATA_DIR, fields, recognition, urls
from catalogue.data_files import EXPORT_SCHEMA_FILE
from catalogue.loader import load_catalogue

CATALOGUE, _ = load_catalogue(DATA_DIR)
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def site_address(site: Path) -> str:
    """The address the build published under (`site_url`), read from its own export."""
    declared = json.loads((site / urls.JSON_EXPORT).read_text("utf-8"))["schema"]
    assert declared.endswith(urls.EXPORT_SCHEMA)
    return declared.removesuffix(urls.EXPORT_SCHEMA)


def validator_for(site: Path) -> jsonschema.Draft202012Validator:
    """The declared schema, with the entry schema it refers to, served from the built site."""
    address = site_address(site)
    published = {
        address + path: json.loads((site / path).read_text("utf-8"))
        for path in (urls.EXPORT_SCHEMA, urls.SCHEMA)
    }
    registry = Registry().with_resources(
        (uri, Resource.from_contents(doc)) for uri, doc in published.items()
    )
    schema = published[address + urls.EXPORT_SCHEMA]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.fixture(scope="module")
def export(built_site: Path) -> dict:
    return json.loads((built_site / urls.JSON_EXPORT).read_text("utf-8"))


def errors(validator, document) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def test_export_validates_against_the_schema_it_declares(built_site: Path, export: dict):
    schema = json.loads((built_site / urls.EXPORT_SCHEMA).read_text("utf-8"))
    assert schema["$id"] == export["schema"] == site_address(built_site) + urls.EXPORT_SCHEMA
    assert errors(validator_for(built_site), export) == []
    assert export["aantal"] == len(export["interventies"]) == len(CATALOGUE.interventions)


@pytest.mark.parametrize(
    "change",
    [
        "extra field",
        "missing field",
        "term as a bare id",
        "unknown risk group",
        "relative url",
        "date not iso",
        "unknown status",
    ],
)
def test_schema_rejects_a_record_of_another_shape(built_site: Path, export: dict, change: str):
    broken = copy.deepcopy(export)
    entry = broken["interventies"][0]
    if change == "extra field":
        entry["eigen_veld"] = 1
    elif change == "missing field":
        del entry["bronbestand"]
    elif change == "term as a bare id":
        entry["werkvorm"]["vormen"] = ["groep"]
    elif change == "unknown risk group":
        entry["risicogroepen"] = [
            dict(
                entry["risicogroepen"][0]
                if entry["risicogroepen"]
                else {"label": "x", "url": "https://x.nl/"},
                id="katten",
            )
        ]
    elif change == "relative url":
        entry["url"] = "interventies/x/"
    elif change == "date not iso":
        entry["laatst_gecontroleerd"] = "23-11-2026"
    elif change == "unknown status":
        entry["erkenningsstatus"] = {"id": "erkend", "label": "Erkend"}
    assert errors(validator_for(built_site), broken), change


def _object_schemas(node):
    if isinstance(node, dict):
        if "properties" in node and "additionalProperties" in node:
            yield node
        for value in node.values():
            yield from _object_schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _object_schemas(value)


def test_schema_is_exact_every_object_closed_and_every_field_required():
    schema = json.loads(EXPORT_SCHEMA_FILE.read_text("utf-8"))
    objects = list(_object_schemas(schema))
    assert len(objects) >= 10
    for node in objects:
        assert node["additionalProperties"] is False
        assert node["required"] == list(node["properties"])


def test_schema_fields_are_the_declared_fields_in_their_order(export: dict):
    """The schema names the fields the declaration (catalogue.fields) exports, in its order."""
    schema = json.loads(EXPORT_SCHEMA_FILE.read_text("utf-8"))
    assert list(schema["properties"]) == list(export)
    entry = schema["$defs"]["interventie"]["properties"]
    declared = [key.split(".")[0] for f in fields.FIELDS for key, _ in f.json]
    assert list(entry) == list(dict.fromkeys(declared))
    assert all(list(record) == list(entry) for record in export["interventies"])
    assert all(entry[name].get("description") for name in entry)


def test_schema_statuses_are_the_sites_statuses(built_site: Path):
    levels = json.loads((DATA_DIR / "interventie.schema.json").read_text("utf-8"))
    enum = levels["$defs"]["erkenningsniveau"]["enum"]
    extra = json.loads(EXPORT_SCHEMA_FILE.read_text("utf-8"))["$defs"]["erkenningsstatus"]
    assert set(enum) | set(extra["anyOf"][1]["enum"]) == set(recognition.ORDER)


def test_csv_columns_are_documented_on_the_about_page(built_site: Path):
    """The columns table on "Over de catalogus" lists exactly the CSV's columns, in order."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "over-de-catalogus.md").read_text(
        "utf-8"
    )
    section = text.split("### Kolommen van catalogus.csv", 1)[1].split("\n#", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, re.M)
    assert documented == fields.csv_columns()
    header = next(
        csv.reader(
            io.StringIO((built_site / urls.CSV_EXPORT).read_text("utf-8-sig")), delimiter=";"
        )
    )
    assert header == fields.csv_columns()


def test_robots_txt_points_at_the_sitemap(built_site: Path):
    lines = (built_site / urls.ROBOTS).read_text("utf-8").splitlines()
    assert "User-agent: *" in lines
    assert not any(line.startswith("Disallow: /") and line.strip() != "Disallow:" for line in lines)
    assert f"Sitemap: {site_address(built_site)}{urls.SITEMAP}" in lines
    assert (built_site / urls.SITEMAP).is_file()


def test_sitemap_lists_every_entry_page(built_site: Path):
    tree = ET.parse(built_site / urls.SITEMAP)
    listed = {loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)}
    address = site_address(built_site)
    for entry in CATALOGUE.interventions:
        assert address + urls.entry(entry.slug) in listed, entry.slug
    assert address + urls.OVERVIEW in listed
    # every listed page exists in the build
    for loc in listed:
        assert (built_site / loc.removeprefix(address) / "index.html").is_file(), loc
