"""The overview's filters in a real browser: facets, counts, URL state, keyboard, no-JS."""

from __future__ import annotations

import json

import pytest

from catalogue import DATA_DIR, fields
from catalogue.loader import load_catalogue
from catalogue.render import OVERVIEW_PAGE_SIZE
from catalogue.search import build_index, dump_index, load_index, search

from browser import wait_for_address

pytestmark = pytest.mark.browser

CATALOGUE, _ = load_catalogue(DATA_DIR)
TOTAL = len(CATALOGUE.interventions)
#: Cards on the first page of the overview (the rest behind "Toon meer").
SHOWN = min(TOTAL, OVERVIEW_PAGE_SIZE)
_ASSET = json.loads(dump_index(build_index(CATALOGUE)))
_INDEX = load_index(_ASSET)


def found(query: str) -> list[str]:
    """Names the catalogue search finds, best first: the same index the page loads."""
    return [_ASSET["documenten"][hit.ref]["naam"] for hit in search(_INDEX, query)]


def first_page(names: list[str]) -> list[str]:
    return sorted(names[:OVERVIEW_PAGE_SIZE])


def carrying(**wanted: str) -> list[str]:
    """Names of entries that carry every given risk group / element (ids)."""
    names = []
    for entry in CATALOGUE.interventions:
        carried = {
            "risicogroep": {t.id for t in entry.risicogroepen},
            "element": {t.id for t in entry.werkzame_elementen},
        }
        if all(value in carried[facet] for facet, value in wanted.items()):
            names.append(entry.naam)
    return sorted(names)


def visible_cards(page) -> list[str]:
    return sorted(
        page.locator("[data-cards] > li:not([hidden]) .ww-card__title").all_text_contents()
    )


def complete_cards(page) -> list[str]:
    """The cards above the divider: those with every query word, in rank order."""
    return page.evaluate(
        """() => {
          const names = [];
          for (const li of document.querySelectorAll("[data-cards] > li:not([hidden])")) {
            if (li.hasAttribute("data-partial-divider")) break;
            names.push(li.querySelector(".ww-card__title").textContent.trim());
          }
          return names;
        }"""
    )


def status(page) -> str:
    return page.locator("[data-live-count]").inner_text()


def open_overview(page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}/interventies/{query}", wait_until="networkidle")
    page.wait_for_selector("[data-filters]:not([hidden])")


def test_filter_by_one_risk_group(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    assert status(page) == f"{TOTAL} interventies"
    expected = carrying(risicogroep="mantelzorgers")
    page.get_by_label(f"Mantelzorgers ({len(expected)})").check()
    assert visible_cards(page) == expected
    assert status(page) == f"{len(expected)} van {TOTAL} interventies"
    wait_for_address(page, has=("risicogroep=mantelzorgers",))


def test_two_facets_and_within_one_or(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    page.check("#f-risicogroep-75-plussers")
    page.check("#f-element-betekenisvol-contact")
    both = carrying(risicogroep="75-plussers", element="betekenisvol-contact")
    assert visible_cards(page) == both
    assert status(page) == f"{len(both)} van {TOTAL} interventies"
    # OR within a facet: adding a second element widens the list.
    page.check("#f-element-ontmoeten")
    wider = sorted(set(both) | set(carrying(risicogroep="75-plussers", element="ontmoeten")))
    assert visible_cards(page) == wider
    # Values are written in vocabulary order, so one selection has one URL.
    wait_for_address(page, has=("element=ontmoeten,betekenisvol-contact",))


def test_counts_update_with_the_other_facets(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    count = page.locator("#f-element-ontmoeten + label [data-count]")
    everywhere = len(carrying(element="ontmoeten"))
    assert count.inner_text() == f"({everywhere})"
    page.check("#f-risicogroep-jongeren-15-24")
    assert (
        count.inner_text()
        == f"({len(carrying(risicogroep='jongeren-15-24', element='ontmoeten'))})"
    )


def test_state_survives_reload_and_back_button(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    page.check("#f-risicogroep-75-plussers")
    filtered = visible_cards(page)
    page.reload(wait_until="networkidle")
    assert page.is_checked("#f-risicogroep-75-plussers")
    assert visible_cards(page) == filtered
    page.locator("[data-cards] > li:not([hidden]) .ww-card__title a").first.click()
    page.wait_for_selector(".ww-entry")
    page.go_back(wait_until="networkidle")
    page.wait_for_selector("[data-filters]:not([hidden])")
    assert page.is_checked("#f-risicogroep-75-plussers")
    assert visible_cards(page) == filtered


def test_shared_url_shows_the_same_list(browser, site_url):
    url = "/interventies/?risicogroep=75-plussers&element=betekenisvol-contact"
    context = browser.new_context(locale="nl-NL")
    colleague = context.new_page()
    colleague.goto(site_url + url, wait_until="networkidle")
    assert visible_cards(colleague) == carrying(
        risicogroep="75-plussers", element="betekenisvol-contact"
    )
    context.close()


def test_unknown_parameters_are_ignored(light_page, site_url):
    page = light_page
    open_overview(page, site_url, "?risicogroep=bestaat-niet,mantelzorgers&oud=1&utm_source=x")
    assert visible_cards(page) == carrying(risicogroep="mantelzorgers")
    # foreign parameters are left alone
    wait_for_address(
        page, has=("risicogroep=mantelzorgers", "utm_source=x"), lacks=("bestaat-niet",)
    )


def empty_combination() -> str:
    """A risk group and a working element that no entry carries together."""
    for group in CATALOGUE.vocabularies["risicogroepen"].ids():
        for element in CATALOGUE.vocabularies["werkzame_elementen"].ids():
            if not carrying(risicogroep=group, element=element):
                return f"?risicogroep={group}&element={element}"
    raise AssertionError("every combination has an entry: pick another empty filter")


def test_empty_state_offers_to_clear(light_page, site_url):
    page = light_page
    open_overview(page, site_url, empty_combination())
    assert visible_cards(page) == []
    assert status(page) == f"0 van {TOTAL} interventies"
    empty = page.locator("[data-empty]")
    assert empty.is_visible()
    empty.get_by_role("button", name="Wis filters").click()
    assert len(visible_cards(page)) == SHOWN
    wait_for_address(page, lacks=("?",))
    assert page.evaluate("document.activeElement.type") == "checkbox"


def test_keyboard_only_filtering(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    page.focus("#f-risicogroep-75-plussers")
    page.keyboard.press("Tab")  # the info link of that value
    page.keyboard.press("Tab")  # next checkbox: Jongeren
    assert page.evaluate("document.activeElement.id") == "f-risicogroep-jongeren-15-24"
    page.keyboard.press("Space")
    assert visible_cards(page) == carrying(risicogroep="jongeren-15-24")


def test_status_is_a_live_region(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    region = page.locator("[data-live-count]")
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"


def test_without_javascript_every_entry_is_listed(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/interventies/?risicogroep=mantelzorgers")
    assert len(visible_cards(page)) == TOTAL
    assert not page.locator("[data-filters]").is_visible()
    context.close()


def test_phone_folds_the_filters(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    open_overview(page, site_url, "?risicogroep=75-plussers")
    assert page.locator("[data-panel]").get_attribute("open") is None
    assert "(1 gekozen)" in page.locator("[data-panel] > summary").inner_text()
    assert page.locator("[data-live-count]").is_visible()
    context.close()


# -- text search -----------------------------------------------------------------------


def search_for(page, text: str) -> None:
    box = page.get_by_label("Zoek in de catalogus")
    box.fill(text)
    page.wait_for_function(
        "q => (new URLSearchParams(location.search).get('q') || '') === q", arg=text
    )


def test_query_in_url_finds_inflections(light_page, site_url):
    page = light_page
    open_overview(page, site_url, "?q=jongere")
    page.wait_for_selector("[data-catalogus][data-gezocht]")
    expected = found("jongere")
    assert "Join Us Online" in expected
    assert visible_cards(page) == first_page(expected)
    assert status(page) == f"{len(expected)} van {TOTAL} interventies voor \u201cjongere\u201d"
    assert page.get_by_label("Zoek in de catalogus").input_value() == "jongere"
    # ?q= belongs to the catalogue here: Material's site search stays closed.
    assert page.evaluate("document.getElementById('__search').checked") is False
    wait_for_address(page, has=("q=jongere",))


def test_typing_narrows_as_you_type(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    search_for(page, "mantelzorg")
    assert "Voetbal herinneringen" in found("mantelzorg")
    assert visible_cards(page) == first_page(found("mantelzorg"))
    match = page.locator("[data-cards] > li:not([hidden]) .ww-card__match").first.inner_text()
    assert match.startswith("Gevonden in: ")
    # "mantelzorgers" is a risk group: the card names the field it was found in.
    assert fields.BY_KEY["risicogroepen"].search[0].label in match.split(": ", 1)[1].split(", ")


def test_typos_and_former_names_find(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    search_for(page, "vangnetwerk")
    assert found("vangnetwerk")[0] == "Vangnetwerken"
    assert visible_cards(page) == first_page(found("vangnetwerk"))
    search_for(page, "Football memories")
    assert complete_cards(page) == ["Voetbal herinneringen"]
    assert "eerdere naam" in page.locator(".ww-card__match:visible").first.inner_text()
    search_for(page, "eenzaamhied")
    assert len(visible_cards(page)) >= 1


def test_query_combines_with_facets(light_page, site_url):
    page = light_page
    open_overview(page, site_url, "?q=ouderen")
    page.wait_for_selector("[data-catalogus][data-gezocht]")
    with_query = found("ouderen")
    assert visible_cards(page) == first_page(with_query)
    page.check("#f-risicogroep-ouderen-met-migratieachtergrond")
    both = visible_cards(page)
    assert both and set(both) <= set(with_query) and len(both) < len(with_query)
    assert set(both) <= set(carrying(risicogroep="ouderen-met-migratieachtergrond"))
    wait_for_address(page, has=("q=ouderen", "risicogroep=ouderen-met-migratieachtergrond"))
    # Counts respect the query: a facet value counts only matching entries.
    young = {
        e.naam
        for e in CATALOGUE.interventions
        if "jongeren-15-24" in {t.id for t in e.risicogroepen}
    }
    jongeren = page.locator("#f-risicogroep-jongeren-15-24 + label [data-count]").inner_text()
    assert jongeren == f"({len(young & set(with_query))})"


def test_ranked_results_come_first(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    search_for(page, "voetbal")
    first = page.locator("[data-cards] > li:not([hidden]) .ww-card__title").first.text_content()
    assert first == "Voetbal herinneringen"
    search_for(page, "")
    assert len(visible_cards(page)) == SHOWN
    titles = page.locator("[data-cards] > li .ww-card__title").all_text_contents()
    assert titles == sorted(titles, key=str.casefold)  # catalogue order is back


def test_empty_search_says_so_and_clears(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    search_for(page, "xylofoonorkest")
    assert visible_cards(page) == []
    empty = page.locator("[data-empty]")
    assert "Niets gevonden voor \u201cxylofoonorkest\u201d" in empty.inner_text()
    empty.get_by_role("button", name="Wis zoekopdracht").click()
    assert len(visible_cards(page)) == SHOWN
    assert page.evaluate("document.activeElement.id") == "ww-zoek"
    wait_for_address(page, lacks=("q=",))


def test_search_by_keyboard_only(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    page.get_by_label("Zoek in de catalogus").focus()
    page.keyboard.type("gesprek")
    # A function, not a bare expression: Playwright evaluates bare strings with
    # eval, which the site's Content-Security-Policy forbids.
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'gesprek'")
    assert "Het Betekenisvol Gesprek" in visible_cards(page)
    page.keyboard.press("Enter")  # must not submit or reload
    wait_for_address(page, has=("q=gesprek",))


def test_material_site_search_finds_catalogue_pages(light_page, site_url):
    page = light_page
    page.goto(site_url + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Gouden Mannen")  # Material searches on key events
    # The catalogue's own rows (zoeken-kop.js): the entry, under the catalogue search.
    result = page.locator(".md-search-result__list a:has(h1:text-is('Gouden Mannen'))").first
    result.wait_for()
    assert "/interventies/gouden-mannen/" in result.get_attribute("href")


def test_one_letter_does_not_filter_and_a_typed_stop_word_keeps_results(light_page, site_url):
    page = light_page
    open_overview(page, site_url)
    search_for(page, "v")
    assert len(visible_cards(page)) == SHOWN  # one letter would match nearly all
    search_for(page, "nie")
    before = visible_cards(page)
    assert 0 < len(found("nie")) < TOTAL
    # Typing on to "niet", a stop word: the results stay, not the whole list.
    page.get_by_label("Zoek in de catalogus").fill("niet")
    page.wait_for_timeout(400)  # past the typing pause and the search
    assert visible_cards(page) == before


def test_index_parse_and_load_are_timed(light_page, site_url):
    page = light_page
    open_overview(page, site_url, "?q=ouderen")
    root = page.wait_for_selector("[data-catalogus][data-index-load-ms]")
    parse = float(root.get_attribute("data-index-parse-ms"))
    total = float(root.get_attribute("data-index-load-ms"))
    assert 0 <= parse <= total


def card_order(page) -> list[str]:
    return page.locator("[data-cards] > li .ww-card__title").all_text_contents()


def test_sort_by_recognition_and_by_date_checked(light_page, site_url):
    from datetime import date

    from catalogue import recognition

    page = light_page
    open_overview(page, site_url)
    by_name = card_order(page)
    assert by_name == [e.naam for e in CATALOGUE.interventions][:OVERVIEW_PAGE_SIZE]
    page.select_option("#ww-sorteer", "erkenning")
    today = date.today()
    ranks = {e.naam: recognition.rank(e, today) for e in CATALOGUE.interventions}
    shown = card_order(page)
    # The first page holds the strongest evidence of the whole catalogue, in order.
    assert [ranks[n] for n in shown] == sorted(ranks.values())[: len(shown)]
    wait_for_address(page, has=("sorteer=erkenning",))
    # The chosen order survives a reload, and a filter keeps it.
    page.reload(wait_until="networkidle")
    assert page.locator("#ww-sorteer").input_value() == "erkenning"
    assert card_order(page) == shown
    page.select_option("#ww-sorteer", "gecontroleerd")
    checked = {e.naam: e.laatst_gecontroleerd for e in CATALOGUE.interventions}
    dates = [checked[n] for n in card_order(page)]
    assert dates == sorted(checked.values(), reverse=True)[: len(dates)]
    page.select_option("#ww-sorteer", "naam")
    wait_for_address(page, lacks=("sorteer=",))
    assert card_order(page) == by_name
