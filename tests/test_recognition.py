"""Recognition shown honestly, decision facts in sight, thin risk groups."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

from catalogue import DATA_DIR, recognition
from catalogue.contributing import render_guide
from catalogue.export import to_csv, to_json
from catalogue.loader import load_catalogue
from catalogue.render import THIN_GROUP, facets, generated_pages, render_marker

TODAY = date(2026, 11, 23)
SOURCE = "  - titel: Erkenningsbericht\n    uitgever: Eigenaar\n    url: https://example.org/erkend\n"


def with_recognition(copy, block: str, name: str = "Proef Interventie"):
    """The fixture entry with an `erkenning` block (and the page that states it as a source)."""
    text = copy.fixture_text().replace("bronnen:\n", "erkenning:\n" + block + "bronnen:\n" + SOURCE)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    copy.write(f"{slug}.yaml", text.replace("naam: Proef Interventie", f"naam: {name}"))


def loaded(copy):
    catalogue, problems = copy.load()
    assert [p for p in problems if p.severity == "error"] == []
    return catalogue


CASES = {
    "Erkend": "  niveau: goed-onderbouwd\n  databank: nji\n  url: https://www.nji.nl/x\n",
    "Verlopen": (
        "  niveau: goed-beschreven\n  databank: movisie\n  bron: https://example.org/erkend\n"
        "  datum: '2020-01-01'\n  geldig_tot: '2023-01-01'\n"
    ),
    "Nog Geldig": (
        "  niveau: goed-beschreven\n  databank: movisie\n  url: https://www.movisie.nl/y\n"
        "  geldig_tot: '2030-01-01'\n"
    ),
    "In Databank": "  databank: movisie\n  url: https://www.movisie.nl/z\n",
    "Aangevraagd": (
        "  aanvraag:\n    niveau: goed-onderbouwd\n    jaar: 2023\n"
        "    bron: https://example.org/erkend\n"
    ),
    "Geen Databank": "  niveau: niet-in-databank\n  bron: https://example.org/erkend\n",
}
EXPECTED = {
    "erkend": "goed-onderbouwd",
    "verlopen": "verlopen",
    "nog-geldig": "goed-beschreven",
    "in-databank": "in-databank",
    "aangevraagd": "aangevraagd",
    "geen-databank": "niet-in-databank",
    "proef-interventie": "onbekend",
}


def html_by_url(catalogue) -> dict[str, str]:
    return {p.url: p.html for p in generated_pages(catalogue)}


def catalogue_of_cases(copy):
    for name, block in CASES.items():
        with_recognition(copy, block, name)
    return loaded(copy)


def test_each_entry_gets_one_status_and_unknown_is_not_not_assessed(copy):
    catalogue = catalogue_of_cases(copy)
    found = {e.slug: recognition.status_id(e, TODAY) for e in catalogue.interventions}
    assert found == EXPECTED
    # The same lapsed entry was valid before its end date.
    lapsed = catalogue.by_slug("verlopen")
    assert recognition.status_id(lapsed, date(2022, 6, 1)) == "goed-beschreven"


def test_sort_rank_puts_the_strongest_evidence_first(copy):
    catalogue = catalogue_of_cases(copy)
    ranked = sorted(catalogue.interventions, key=lambda e: recognition.rank(e, TODAY))
    assert [e.slug for e in ranked] == [
        "erkend",
        "nog-geldig",
        "in-databank",
        "verlopen",
        "aangevraagd",
        "geen-databank",
        "proef-interventie",
    ]


def test_recognition_facet_lists_every_status_strongest_first_with_counts(copy):
    catalogue = catalogue_of_cases(copy)
    [facet] = [f for f in facets(catalogue, "interventies/", TODAY) if f.parameter == "erkenning"]
    assert [v.id for v in facet.values] == list(recognition.ORDER)
    counts = {v.id: v.count for v in facet.values}
    assert sum(counts.values()) == len(catalogue.interventions)
    assert counts["onbekend"] == 1 and counts["niet-in-databank"] == 1
    assert counts["effectief-sterke-aanwijzingen"] == 0


def test_entry_page_says_lapsed_application_and_where_it_is_stated(copy):
    catalogue = catalogue_of_cases(copy)
    pages = html_by_url(catalogue)
    lapsed = pages["interventies/verlopen/"]
    assert "Verlopen op 1 januari 2023" in lapsed
    assert 'ww-badge--verlopen">Goed beschreven (verlopen)</span>' in lapsed
    assert '<a href="https://example.org/erkend" rel="noopener">Bron van deze erkenning</a>' in lapsed
    applied = pages["interventies/aangevraagd/"]
    assert "erkenning als Goed onderbouwd aangevraagd of gepland (2023)" in applied
    assert 'ww-badge--aangevraagd">Erkenning aangevraagd</span>' in applied
    in_bank = pages["interventies/in-databank/"]
    assert "Opgenomen in de Movisie — Databank Effectieve sociale interventies" in in_bank
    none = pages["interventies/geen-databank/"]
    assert 'ww-badge--niet-in-databank">Niet in een databank</span>' in none
    unknown = pages["interventies/proef-interventie/"]
    assert 'ww-badge--onbekend">Erkenning onbekend</span>' in unknown


def test_exports_carry_the_status(copy):
    catalogue = catalogue_of_cases(copy)
    data = json.loads(to_json(catalogue, today=TODAY))
    statuses = {e["slug"]: e["erkenningsstatus"]["id"] for e in data["interventies"]}
    assert statuses == EXPECTED
    lapsed = next(e for e in data["interventies"] if e["slug"] == "verlopen")
    assert lapsed["erkenning"]["geldig_tot"] == "2023-01-01"
    assert lapsed["erkenning"]["bron"] == "https://example.org/erkend"
    rows = list(csv.DictReader(io.StringIO(to_csv(catalogue, today=TODAY).lstrip("\ufeff")), delimiter=";"))
    assert {r["slug"]: r["erkenning_status"] for r in rows}["geen-databank"] == (
        "Niet in een databank"
    )


def test_counts_on_the_home_page_add_up_and_link_to_the_filter(copy):
    catalogue = catalogue_of_cases(copy)
    html = render_marker("kerncijfers", catalogue, page="")
    summary = html.split('class="ww-recognition-summary"', 1)[1].split("</p>", 1)[0]
    links = re.findall(r'href="interventies/\?erkenning=([a-z-]+)">(\d+) × ', summary)
    assert sum(int(n) for _, n in links) == len(catalogue.interventions)
    assert ("onbekend", "1") in links and ("verlopen", "1") in links
    # Valid levels only: the lapsed and the unknown are not "recognised".
    assert re.search(r'>(\d+)</span> met een geldig erkenningsniveau', html).group(1) == "2"


def test_entry_page_lists_known_and_missing_decision_facts_with_invitations(copy):
    catalogue = catalogue_of_cases(copy)
    pages = html_by_url(catalogue)
    bare = pages["interventies/proef-interventie/"]
    assert "0 van de 7 gegevens om te beslissen zijn bekend." in bare
    assert '<a href="../../bijdragen/#veld-kosten">vul aan' in bare
    known = pages["interventies/erkend/"]
    assert "1 van de 7 gegevens om te beslissen zijn bekend." in known
    assert '<span class="ww-visually-hidden">Bekend: </span>Erkenning' in known
    # Every invitation lands on a row of the contributing page.
    guide = render_guide(for_site=True)
    for anchor in set(re.findall(r'bijdragen/#(veld-[a-z-]+)"', bare)):
        assert f'id="{anchor}"' in guide, anchor


def test_thin_risk_group_says_so_and_points_to_what_comes_closest(copy):
    catalogue = loaded(copy)
    pages = html_by_url(catalogue)
    thin = pages["risicogroepen/jongeren-15-24/"]
    assert "Weinig aanbod: wat er het dichtst bij komt" in thin
    assert "staat nog niets" in thin
    # The fixture entry carries the tag `ouderen`: the 75-plus page is thin
    # too (one entry), and points to entries for older people in general,
    # never to the entry it already lists.
    older = pages["risicogroepen/75-plussers/"]
    assert "staat maar één interventie" in older
    nearby = older.split('id="dichtbij"', 1)[1]
    assert "proef-interventie" not in nearby
    assert "Ook hiervoor staat nog niets in de catalogus." in nearby
    # A group with enough entries shows no such section.
    for number in range(2, THIN_GROUP + 1):
        copy.write(
            f"kopie-{number}.yaml",
            copy.fixture_text().replace("naam: Proef Interventie", f"naam: Kopie {number}"),
        )
    catalogue = loaded(copy)
    pages = html_by_url(catalogue)
    assert len(catalogue.interventions) >= THIN_GROUP
    assert 'id="dichtbij"' not in pages["risicogroepen/75-plussers/"]


def test_real_catalogue_recognitions_are_sourced():
    catalogue, problems = load_catalogue(DATA_DIR)
    assert problems == []
    for entry in catalogue.interventions:
        assert entry.bronnen and all(s.url for s in entry.bronnen), entry.slug
        r = entry.erkenning
        if r is None:
            continue
        listed = {s.url for s in entry.bronnen}
        if r.niveau and r.niveau.id in recognition.RATED:
            assert r.databank is not None, entry.slug
        assert r.url or r.bron or r.aanvraag, entry.slug
        assert r.bron is None or r.bron in listed, entry.slug
        assert r.aanvraag is None or r.aanvraag.bron in listed, entry.slug


def test_step_nine_flags_thin_risk_groups_and_links_to_what_comes_closest(copy):
    catalogue = loaded(copy)
    html = render_marker("risicogroepen-aanbod", catalogue, page="stappenplan/stap-09/")
    for group in catalogue.vocabularies["risicogroepen"]:
        assert f'href="../../interventies/?risicogroep={group.id}"' in html, group.id
    # The fixture's one entry carries 75-plussers and mantelzorgers: few, not none.
    item = html.split("?risicogroep=75-plussers", 1)[1].split("</li>", 1)[0]
    assert "(1 interventie)" in item and "Weinig aanbod" in item
    assert 'href="../../risicogroepen/75-plussers/#dichtbij"' in item
    empty = html.split("?risicogroep=dak-en-thuislozen", 1)[1].split("</li>", 1)[0]
    assert "Nog geen aanbod" in empty


def test_build_summary_names_counts_gaps_stale_and_thin_entries(copy):
    from catalogue.summary import summary

    catalogue = loaded(copy)  # the fixture: checked 2024-05-01, almost nothing known
    lines = summary(catalogue, date(2026, 11, 23))
    assert lines[0] == "1 interventies"
    assert "75-plussers 1" in lines[1] and "Dak- en thuislozen 0" in lines[1]
    assert any(l.startswith("zonder interventie (risicogroep):") and "Dak- en thuislozen" in l for l in lines)
    assert "langer dan twee jaar niet gecontroleerd: 1 (proef-interventie)" in lines
    assert any(l.endswith("bekend: 1 (proef-interventie)") for l in lines)
    assert summary(catalogue, date(2025, 1, 1))[-2] == "langer dan twee jaar niet gecontroleerd: 0"

