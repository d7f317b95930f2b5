"""Municipalities: validated data, a filterable page that reuses the catalogue's filters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue
from catalogue.problems import errors

from conftest import copy_project

CATALOGUE, PROBLEMS = load_catalogue(DATA_DIR)
CAMPAIGNS = [
    "Den Haag",
    "Dordrecht",
    "Heerlen",
    "Leeuwarden",
    "Lelystad",
    "Rotterdam",
    "Terneuzen",
    "Westerveld",
]
TRAINING_NAMED = {"Dordrecht", "Heerlen", "Haarlemmermeer", "Roermond", "Rotterdam"}
TRAINING_WORDS = re.compile(r"train|cursus|cursussen", re.IGNORECASE)


def towns_with(kind: str) -> list[str]:
    return sorted(
        t.naam
        for t in CATALOGUE.municipalities.gemeenten
        if any(kind in {k.id for k in a.soorten} for a in t.activiteiten)
    )


def test_sixteen_municipalities_validate():
    assert PROBLEMS == []
    names = [t.naam for t in CATALOGUE.municipalities.gemeenten]
    assert len(names) == 16
    assert names == sorted(names)


def test_campaigns_are_exactly_the_eight_the_source_names():
    assert towns_with("publiekscampagne") == CAMPAIGNS


def test_training_covers_the_named_five_and_only_rows_that_name_training():
    training = set(towns_with("training"))
    assert training >= TRAINING_NAMED
    for town in CATALOGUE.municipalities.gemeenten:
        if town.naam in training:
            tagged = [a for a in town.activiteiten if "training" in {k.id for k in a.soorten}]
            assert all(TRAINING_WORDS.search(a.omschrijving) for a in tagged), town.naam


def test_compaan_towns():
    assert towns_with("compaan") == ["Delft", "Haarlemmermeer", "Westerveld"]


def test_terneuzen_links_to_the_step_plan(built_site: Path):
    html = (built_site / "gemeenten" / "index.html").read_text(encoding="utf-8")
    terneuzen = html.split('id="terneuzen"', 1)[1].split('<li class="ww-card', 1)[0]
    assert 'href="../stappenplan/"' in terneuzen
    for town in CATALOGUE.municipalities.gemeenten:
        assert f'id="{town.slug}"' in html  # every municipality has an anchor


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("soorten: [publiekscampagne]", "onbekende term in activiteitsoorten"),
        ("status: onbekend", "onbekende term in activiteitstatussen"),
    ],
)
def test_bad_rows_are_rejected_with_file_line_and_field(tmp_path, change, expected):
    project = copy_project(tmp_path / "project")
    path = project / "catalogue" / "gemeenten.yaml"
    text = path.read_text(encoding="utf-8")
    broken = change.replace("publiekscampagne", "publiekscampagnes").replace(
        "onbekend", "misschien"
    )
    assert change in text or change.replace("[", "\n        - ").rstrip("]") in text
    path.write_text(text.replace(change, broken, 1), encoding="utf-8")
    catalogue, problems = load_catalogue(project / "catalogue", display_root=project)
    [problem] = errors(problems)
    assert problem.file == "catalogue/gemeenten.yaml"
    assert re.match(r"gemeenten\[\d+\]\.activiteiten\[\d+\]\.(soorten\[0\]|status)$", problem.path)
    assert expected in problem.message
    assert problem.line > 3
