"""Statements a visitor looks for: accessibility, privacy, licences, and a Dutch 404."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_accessibility_statement_names_target_tests_limits_and_how_to_report(built_site):
    html = page(built_site, "toegankelijkheid")
    for needle in ("WCAG 2.1", "EN 301 549", "axe-core", "Toetsenbord", "Wat nog niet goed is", "melden"):
        assert needle in html, needle


def test_privacy_page_lists_exactly_what_the_browser_keeps(built_site):
    html = page(built_site, "privacy")
    assert "Geen cookies" in html and "analytics" in html
    scripts = {
        name: (REPO / "docs/assets/javascripts" / name).read_text("utf-8")
        for name in ("selectie.js", "verbetertool.js", "catalogus.js", "pagina.js")
    }
    keys = set()
    for text in scripts.values():
        keys |= set(re.findall(r'"(wat-werkt-tegen-eenzaamheid:[a-z-]+)"', text))
    assert keys == {
        "wat-werkt-tegen-eenzaamheid:selectie",
        "wat-werkt-tegen-eenzaamheid:verbetertool",
        "wat-werkt-tegen-eenzaamheid:lijst",
    }
    for key in keys:
        assert key in html, key


def test_every_page_links_the_statements_in_its_footer(built_site):
    pages = list(built_site.rglob("*.html"))
    for path in pages:
        html = path.read_text("utf-8")
        footer = html.split('class="ww-footer-links"', 1)
        assert len(footer) == 2, path
        links = footer[1].split("</nav>", 1)[0]
        assert ">Toegankelijkheid</a>" in links and ">Privacy</a>" in links, path


def test_licence_files_match_what_the_site_says(built_site):
    data = (REPO / "LICENSE-DATA").read_text("utf-8")
    assert "CC BY 4.0" in data and "creativecommons.org/licenses/by/4.0" in data
    assert "MIT License" in (REPO / "LICENSE").read_text("utf-8")
    about = page(built_site, "over-de-catalogus")
    assert "CC BY 4.0" in about and "creativecommons.org/licenses/by/4.0" in about


def test_404_is_dutch_with_a_search_box_and_a_way_on(built_site):
    html = (built_site / "404.html").read_text("utf-8")
    assert "404 - Not found" not in html
    assert "<title>Pagina niet gevonden - Wat werkt tegen eenzaamheid</title>" in html
    assert "Deze pagina bestaat niet (meer)" in html
    form = html.split('class="ww-notfound__search"', 1)[1].split("</form>", 1)[0]
    assert 'action="/interventies/"' in form and 'name="q"' in form
    assert '<label for="ww-notfound-q">' in form
    for section in ("/interventies/", "/stappenplan/", "/risicogroepen/", "/verbetertool/"):
        assert f'href="{section}"' in html


def test_the_step_plan_index_cites_its_source_once(built_site):
    html = page(built_site, "stappenplan")
    assert html.count("<em>Bron: <cite>Stappenplan voor een lokale aanpak van eenzaamheid</cite>") == 1
