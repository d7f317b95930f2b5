"""The field declaration drives every use: entry rows, cards, facets, the
comparison, the exports. One added declaration must show up in all of them."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from datetime import date

import pytest

from catalogue import DATA_DIR, fields
from catalogue.export import comparison, to_csv, to_json
from catalogue.loader import load_catalogue
from catalogue.render import facets, generated_pages, render_marker

CATALOGUE, _ = load_catalogue(DATA_DIR)
TODAY = date(2026, 11, 23)
VIEW = fields.View.of(CATALOGUE.vocabularies, TODAY)


def test_facet_parameters_stay_as_published():
    # Pasted into council papers and mails: renaming one breaks those links.
    assert fields.facet_parameters() == {
        "risicogroepen": "risicogroep",
        "werkzame_elementen": "element",
        "werkvormen": "werkvorm",
        "erkenningsniveaus": "erkenning",
    }


@pytest.mark.parametrize(
    ("minimum", "maximum", "text"),
    [
        (18, 30, "18 tot en met 30 jaar"),
        (50, None, "vanaf 50 jaar"),
        (None, 30, "tot en met 30 jaar"),
        (None, None, ""),
    ],
)
def test_age_reads_as_plain_dutch(minimum, maximum, text):
    assert fields.age_text(minimum, maximum) == text


def test_join_parts_drops_empty_parts_and_closing_punctuation():
    assert fields.join_parts(["Groep", None, "Wekelijks.", " "]) == "Groep · Wekelijks"
    assert fields.join_parts(["Utrecht, Zeist;", "landelijk"], "; ") == "Utrecht, Zeist; landelijk"


def test_keys_columns_and_rows_are_unique():
    keys = [f.key for f in fields.FIELDS]
    assert len(keys) == len(set(keys))
    columns = fields.csv_columns()
    assert len(columns) == len(set(columns))
    labels = [label for label, _ in fields.comparison_rows()]
    assert len(labels) == len(set(labels))
    assert len({facet.parameter for _, facet in fields.facets()}) == len(fields.facets())


def test_every_row_names_a_macro_that_exists():
    from catalogue.render.common import environment

    module = environment().get_template("_rows.html.j2").module
    for field in fields.rows():
        assert hasattr(module, field.row), f"{field.key}: geen macro {field.row!r}"


def test_exports_follow_the_declaration():
    record = json.loads(to_json(CATALOGUE, today=TODAY))["interventies"][0]
    top = []
    for field in fields.FIELDS:
        for key, _ in field.json:
            if key.split(".")[0] not in top:
                top.append(key.split(".")[0])
    assert list(record) == top
    header = next(
        csv.reader(io.StringIO(to_csv(CATALOGUE, today=TODAY).lstrip("\ufeff")), delimiter=";")
    )
    assert header == fields.csv_columns()


def test_comparison_cells_match_the_entries():
    data = json.loads(comparison(CATALOGUE, today=TODAY))
    assert data["rijen"] == [label for label, _ in fields.comparison_rows()]
    cells = {
        e["slug"]: dict(zip(data["rijen"], e["cellen"], strict=True)) for e in data["interventies"]
    }
    go_win = CATALOGUE.by_slug("go-win")
    assert cells["go-win"]["Risicogroepen"] == [t.label for t in go_win.risicogroepen]
    assert cells["gouden-mannen"]["Leeftijd"] == "vanaf 50 jaar"
    website = cells["de-luisterlijn"]["Website"]
    assert website["href"].startswith("https://") and "://" not in website["text"]
    assert data["interventies"][0]["url"] == "interventies/" + data["interventies"][0]["slug"] + "/"


def _with_extra_field(monkeypatch, field: fields.Field) -> None:
    monkeypatch.setattr(fields, "FIELDS", (*fields.FIELDS, field))


def test_one_declaration_makes_a_facet_everywhere(monkeypatch):
    """The worked example of CONTRIBUTING.md: forms of loneliness as a facet."""
    existing = fields.BY_KEY["vormen_van_eenzaamheid"]
    as_facet = dataclasses.replace(
        existing,
        key="vormen_facet",
        facet=fields.Facet("vorm", "Vorm van eenzaamheid", "vormen_van_eenzaamheid"),
    )
    _with_extra_field(monkeypatch, as_facet)
    [facet] = [f for f in facets(CATALOGUE, "interventies/", TODAY) if f.parameter == "vorm"]
    counted = {v.id: v.count for v in facet.values}
    expected = {
        t.id: sum(t in e.vormen_van_eenzaamheid for e in CATALOGUE.interventions)
        for t in CATALOGUE.vocabularies["vormen_van_eenzaamheid"]
    }
    assert counted == expected and sum(expected.values()) > 0
    overview = render_marker("overzicht", CATALOGUE, page="interventies/")
    assert 'data-facet="vorm"' in overview
    social = [
        e for e in CATALOGUE.interventions if "sociaal" in {t.id for t in e.vormen_van_eenzaamheid}
    ]
    assert social
    card = re.search(rf'<li class="ww-card" data-slug="{social[0].slug}"[^>]*>', overview).group(0)
    assert re.search(r'data-vorm="[^"]*\bsociaal\b', card)


def test_one_declaration_makes_a_comparison_row_an_entry_row_and_a_column(monkeypatch):
    extra = fields.Field(
        "proefveld",
        "Proefveld",
        lambda e, v: f"proef {e.slug}",
        row="text",
        compare=fields.Compare(lambda e, v: f"proef {e.slug}"),
        json=(("proef.veld", lambda e, v: e.slug),),
        csv=(("proefveld", lambda e, v: e.slug),),
    )
    _with_extra_field(monkeypatch, extra)
    data = json.loads(comparison(CATALOGUE, today=TODAY))
    assert data["rijen"][-1] == "Proefveld"
    assert data["interventies"][0]["cellen"][-1] == "proef " + data["interventies"][0]["slug"]
    record = json.loads(to_json(CATALOGUE, today=TODAY))["interventies"][0]
    assert record["proef"] == {"veld": record["slug"]}
    header = to_csv(CATALOGUE, today=TODAY).lstrip("\ufeff").split("\r\n", 1)[0]
    assert header.endswith(";proefveld")
    page = next(p for p in generated_pages(CATALOGUE) if p.url == "interventies/go-win/")
    assert "<dt>Proefveld</dt><dd>proef go-win</dd>" in page.html


def test_one_declaration_makes_a_searched_field(monkeypatch):
    from catalogue import search

    extra = fields.Field(
        "proefveld",
        "Proefveld",
        lambda e, v: "zeldzaamwoord" if e.slug == "go-win" else "",
        search=(fields.Searched("proefveld", "proefveld", 4),),
    )
    _with_extra_field(monkeypatch, extra)
    monkeypatch.setattr(search, "FIELDS", fields.search_fields())
    asset = search.build_index(CATALOGUE)
    assert asset["velden"]["proefveld"] == "proefveld"
    hits = search.search(search.load_index(asset), "zeldzaamwoord")
    assert [asset["documenten"][h.ref]["slug"] for h in hits] == ["go-win"]
    assert hits[0].fields == ("proefveld",)
