"""The JSON Schema, the vocabulary file and our interpreter agree."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from catalogue import DATA_DIR
from catalogue.loader import CataloguePaths, load_vocabularies
from catalogue.schema import unsupported_keywords
from catalogue.schema_sync import dump_schema, read_schema, synced_schema

from conftest import FIXTURES

PATHS = CataloguePaths(DATA_DIR)


@pytest.fixture(scope="module")
def vocabularies():
    vocab, problems = load_vocabularies(PATHS, DATA_DIR.parent)
    assert problems == []
    return vocab


@pytest.fixture(scope="module")
def schema():
    return read_schema(PATHS.entry_schema)


def test_schema_term_lists_match_vocabulary_file(schema, vocabularies):
    on_disk = PATHS.entry_schema.read_text(encoding="utf-8")
    assert on_disk == dump_schema(synced_schema(schema, vocabularies.as_data())), (
        "run `catalogus schema --write`"
    )


def test_every_vocabulary_is_bound_to_a_schema(vocabularies):
    bound = set()
    for path in PATHS.synced_schemas():
        bound |= {
            d["x-vocabulaire"] for d in read_schema(path)["$defs"].values() if "x-vocabulaire" in d
        }
    # Recognition statuses are what the site shows, never written in an entry.
    assert bound == set(vocabularies.by_name) - {"erkenningsstatussen"}


def test_municipality_schema_term_lists_match_vocabulary_file(vocabularies):
    path = DATA_DIR / "gemeenten.schema.json"
    assert path.read_text(encoding="utf-8") == dump_schema(
        synced_schema(read_schema(path), vocabularies.as_data())
    )


ALL_SCHEMAS = [PATHS.entry_schema, PATHS.vocabulary_schema, DATA_DIR / "gemeenten.schema.json"]


@pytest.mark.parametrize("path", ALL_SCHEMAS)
def test_schemas_are_valid_draft_2020_12(path):
    jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", ALL_SCHEMAS)
def test_schemas_use_only_keywords_we_interpret(path):
    assert unsupported_keywords(read_schema(path)) == set()


def test_schema_has_dutch_title_and_description_on_every_field(schema):
    def fields(node, prefix=""):
        for name, sub in node.get("properties", {}).items():
            yield prefix + name, sub
            target = sub
            if "$ref" in sub:
                target = schema["$defs"][sub["$ref"].rsplit("/", 1)[1]]
            yield from fields(target, prefix + name + ".")

    missing = [
        name for name, sub in fields(schema) if not sub.get("title") or not sub.get("description")
    ]
    assert missing == []
    assert schema["additionalProperties"] is False


def _standard_errors(schema, data):
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return list(validator.iter_errors(data))


def test_fixture_entry_passes_a_standard_validator(schema):
    data = yaml.safe_load((FIXTURES / "proef-interventie.yaml").read_text(encoding="utf-8"))
    assert _standard_errors(schema, data) == []


@pytest.mark.parametrize(
    "change",
    [
        ("risicogroepen", ["mantelzorger"]),
        ("claim", None),
        ("onbekend_veld", "x"),
        ("bronnen", []),
        ("werkzame_elementen", "ontmoeten"),
    ],
)
def test_standard_validator_rejects_what_we_reject(schema, change):
    """Editors (yaml-language-server) see the same schema: they must flag these too."""
    data = yaml.safe_load((FIXTURES / "proef-interventie.yaml").read_text(encoding="utf-8"))
    key, value = change
    data[key] = value
    assert _standard_errors(schema, data) != []


def test_vocabulary_holds_the_products_terms(vocabularies):
    assert vocabularies["risicogroepen"].ids() == [
        "75-plussers",
        "jongeren-15-24",
        "rouw-en-verlies",
        "beperking-of-psychiatrische-achtergrond",
        "mantelzorgers",
        "dak-en-thuislozen",
        "ouderen-met-migratieachtergrond",
    ]
    elements = vocabularies["werkzame_elementen"]
    assert len(elements) == 7
    assert all(t.extra.get("manier_van_ondersteunen") for t in elements)
    assert [t.label for t in vocabularies["bouwstenen"]] == [
        "Weten en bewustwording",
        "Signaleren en opvolgen",
        "Kwalitatief en laagdrempelig ondersteuningsaanbod",
        "Samenwerken en informeren",
    ]
    assert [t.label for t in vocabularies["erkenningsniveaus"]] == [
        "Goed beschreven",
        "Goed onderbouwd",
        "Effectief — eerste aanwijzingen",
        "Effectief — goede aanwijzingen",
        "Effectief — sterke aanwijzingen",
        "Niet beoordeeld",
        "Niet in een databank",
    ]
    assert vocabularies["erkenningsstatussen"].ids() == [
        "in-databank",
        "verlopen",
        "aangevraagd",
        "onbekend",
    ]
    assert vocabularies["vormen_van_eenzaamheid"].ids() == ["sociaal", "emotioneel", "existentieel"]


def test_vocabulary_duplicate_id_is_reported(copy):
    path = copy.root / "vocabularies.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "  - id: mantelzorgers\n    label: Mantelzorgers\n    kort: Mantelzorgers\n",
            "  - id: 75-plussers\n    label: Mantelzorgers\n    kort: Mantelzorgers\n",
            1,
        ),
        encoding="utf-8",
    )
    catalogue, problems = copy.load()
    [problem] = problems
    assert problem.rule == "duplicate-term"
    assert str(problem).startswith("vocabularies.yaml:")
    assert "risicogroepen[4].id: id staat twee keer in risicogroepen" in str(problem)


def test_vocabulary_bad_id_is_reported(copy):
    path = copy.root / "vocabularies.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("- id: dak-en-thuislozen", "- id: Dak en thuislozen"), encoding="utf-8"
    )
    catalogue, problems = copy.load()
    [problem] = problems
    assert problem.rule == "pattern"
    assert (
        "risicogroepen[5].id: waarde heeft niet de juiste vorm; verwacht: kleine letters, "
        "cijfers en koppeltekens (een slug); gevonden: 'Dak en thuislozen'" in str(problem)
    )


def test_schema_drift_is_reported(copy):
    path = copy.root / "vocabularies.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: dak-en-thuislozen", "  - id: daklozen"), encoding="utf-8")
    catalogue, problems = copy.load()
    [problem] = problems
    assert str(problem) == (
        "interventie.schema.json:1:1: $defs: de termen in het schema lopen niet gelijk met "
        "vocabularies.yaml; verwacht: dezelfde termen als in vocabularies.yaml; gevonden: een "
        "verouderde lijst. Draai `catalogus schema --write` en commit het schema mee."
    )
