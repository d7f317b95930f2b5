"""Knowledge pages: step plan, lessons, element texts, home page, sources, wording."""

from __future__ import annotations

import re
from html import escape
from datetime import date
from pathlib import Path

from catalogue import recognition
from catalogue import DATA_DIR
from catalogue.loader import load_catalogue

from conftest import FIXTURES
from verbatim import shared_runs, source_hashes, visible_text

CATALOGUE, _ = load_catalogue(DATA_DIR)
STEP_PLAN_RISK_GROUPS = [
    "75-plussers",
    "jongeren-15-24",
    "rouw-en-verlies",
    "beperking-of-psychiatrische-achtergrond",
    "mantelzorgers",
    "dak-en-thuislozen",
]


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_no_ten_word_run_of_a_source_appears_on_the_site(built_site: Path):
    hashes = source_hashes()
    assert len(hashes) > 5000  # the fixture holds the five seeds' 10-grams
    copied = {}
    for html in sorted(built_site.rglob("*.html")):
        runs = shared_runs(visible_text(html.read_text(encoding="utf-8")), hashes)
        if runs:
            copied[str(html.relative_to(built_site))] = runs[:3]
    assert copied == {}


def test_verbatim_check_catches_a_pasted_source_sentence():
    pasted = (FIXTURES / "geplakte-bronzin.html").read_text(encoding="utf-8")
    runs = shared_runs(visible_text(pasted), source_hashes())
    assert "om een lokale duurzame lange termijn aanpak te implementeren die" in runs
    # A cited title is not copied prose.
    assert not any(run.startswith("stappenplan voor een lokale") for run in runs)


def test_step_plan_has_ten_steps_with_position_and_neighbours(built_site: Path):
    for number in range(1, 11):
        html = page(built_site, f"stappenplan/stap-{number:02d}")
        assert f"Stap {number} van 10" in html
        current = re.search(r'<a href="[^"]*" aria-current="step"[^>]*>(\d+)</a>', html)
        assert current and current.group(1) == str(number)
        assert "md-footer__link--prev" in html or number == 1
        assert "md-footer__link--next" in html
        assert "<cite>Stappenplan voor een lokale aanpak van eenzaamheid</cite>" in html


def test_step_six_links_every_risk_group_to_its_catalogue_page(built_site: Path):
    html = page(built_site, "stappenplan/stap-06")
    for group in STEP_PLAN_RISK_GROUPS:
        assert f'href="../../risicogroepen/{group}/"' in html, group
        assert (built_site / "risicogroepen" / group / "index.html").exists()


def test_step_nine_links_to_the_overview_per_risk_group(built_site: Path):
    html = page(built_site, "stappenplan/stap-09")
    for group in STEP_PLAN_RISK_GROUPS:
        assert f'href="../../interventies/?risicogroep={group}"' in html, group


def test_signal_point_flow_is_a_list_readable_as_text(built_site: Path):
    html = page(built_site, "stappenplan/stap-08")
    flow = html.split('<figure class="ww-flow"', 1)[1].split("</figure>", 1)[0]
    assert "<figcaption>" in flow and '<ol class="ww-flow__steps">' in flow
    for label in ("Melding", "Intake", "Team welzijn", "Team eenzaamheid"):
        assert label in flow


def test_budget_table_and_building_blocks(built_site: Path):
    assert "<table>" in page(built_site, "stappenplan/stap-04")
    step3 = page(built_site, "stappenplan/stap-03")
    for block in CATALOGUE.vocabularies["bouwstenen"]:
        assert block.label in step3


def test_success_factors_appear_in_plan_and_lessons(built_site: Path):
    plan = page(built_site, "stappenplan")
    lessons = page(built_site, "lessen-uit-de-praktijk")
    factors = plan.split('id="succesfactoren"', 1)[1].split("<cite>", 1)[0]
    assert "<li>" in factors
    first_item = re.search(r"<li>(.*?)</li>", factors, re.DOTALL).group(1)
    assert first_item in lessons  # one text, included in both places


def test_element_pages_show_explanation_examples_and_tips(built_site: Path):
    for element in CATALOGUE.vocabularies["werkzame_elementen"]:
        html = page(built_site, f"werkzame-elementen/{element.id}")
        assert 'id="uitleg"' in html and 'id="tips"' in html, element.id
        for tip in element.extra["tips"]:
            assert f"<dt>{tip['titel']}</dt>" in html


def test_home_page_figures_are_computed(built_site: Path):
    html = page(built_site, "")
    figures = dict(
        (label, int(number))
        for number, label in re.findall(r'ww-figures__number">(\d+)</span> ([a-z ]+)</a>', html)
    )
    assert figures["interventies"] == len(CATALOGUE.interventions)
    assert figures["risicogroepen"] == len(CATALOGUE.vocabularies["risicogroepen"])
    assert figures["werkzame elementen"] == 7
    today = date.today()
    assert figures["met een geldig erkenningsniveau"] == sum(
        1 for e in CATALOGUE.interventions if recognition.is_rated(e, today)
    )
    # Every status anyone has is counted once, and the counts add up.
    summary = html.split('class="ww-recognition-summary"', 1)[1].split("</p>", 1)[0]
    counted = [int(n) for n in re.findall(r">(\d+) × ", summary)]
    assert sum(counted) == len(CATALOGUE.interventions)


def test_home_page_sends_each_user_somewhere(built_site: Path):
    html = page(built_site, "")
    for target in ("stappenplan/", "interventies/", "werkzame-elementen/", "over-de-catalogus/"):
        assert f'href="{target}"' in html


def test_sources_page_lists_every_source_of_every_entry(built_site: Path):
    html = page(built_site, "bronnen")
    for entry in CATALOGUE.interventions:
        for source in entry.bronnen:
            assert f'href="{escape(source.url)}"' in html, source.url


def test_tabs_show_the_structure(built_site: Path):
    html = page(built_site, "")
    tabs = re.findall(r'class="md-tabs__link[^"]*">\s*([^<]+?)\s*<', html)
    assert tabs[:5] == ["Startpagina", "Interventies", "Stappenplan", "Werkzame elementen", "Lessen"]
    assert tabs[-1] == "Over"
