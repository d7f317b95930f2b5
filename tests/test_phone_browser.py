"""Keeping one's place and phone views: active tab, way back, filter feedback, empty state, gap matrix."""

from __future__ import annotations

import pytest

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue

pytestmark = pytest.mark.browser

CATALOGUE, _ = load_catalogue(DATA_DIR)


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def active_tab(page) -> str:
    return page.locator(".md-tabs__item--active").first.inner_text().strip()


def test_pages_outside_the_navigation_mark_their_tab(light_page, site_url):
    page = light_page
    for path, tab in (
        ("/interventies/gouden-mannen/", "Interventies"),
        ("/risicogroepen/mantelzorgers/", "Interventies"),
        ("/werkzame-elementen/ontmoeten/", "Werkzame elementen"),
    ):
        page.goto(site_url + path, wait_until="networkidle")
        assert active_tab(page) == tab, path
        assert page.locator(".md-tabs__item--active").count() == 1


def test_an_entry_leads_back_to_the_filtered_list(light_page, site_url):
    page = light_page
    page.goto(site_url + "/interventies/?risicogroep=mantelzorgers", wait_until="networkidle")
    page.wait_for_selector("[data-filters]:not([hidden])")
    page.locator(".ww-card__title a").first.click()
    page.wait_for_selector(".ww-entry")
    back = page.get_by_role("link", name="Terug naar je lijst met filters")
    back.wait_for()  # set up once Material has swapped the page in
    assert back.count() == 1
    assert back.get_attribute("href").endswith("/interventies/?risicogroep=mantelzorgers")
    back.click()
    page.wait_for_selector("[data-filters]:not([hidden])")
    assert page.locator("#f-risicogroep-mantelzorgers").is_checked()


def test_a_link_followed_at_once_after_a_filter_keeps_the_filtered_list(light_page, site_url):
    """The overview writes its address after painting; a click flushes it first."""
    page = light_page
    page.goto(site_url + "/interventies/", wait_until="networkidle")
    page.wait_for_selector("[data-filters]:not([hidden])")
    page.evaluate(
        """() => {  // one task, and no frame or timer may write the address
            const [frame, timer] = [window.requestAnimationFrame, window.setTimeout];
            window.requestAnimationFrame = window.setTimeout = () => 0;
            try {
                document.querySelector('#f-risicogroep-mantelzorgers').click();
                document.querySelector('[data-cards] > li:not([hidden]) .ww-card__title a').click();
            } finally {
                [window.requestAnimationFrame, window.setTimeout] = [frame, timer];
            }
        }"""
    )
    page.wait_for_selector(".ww-entry")
    back = page.get_by_role("link", name="Terug naar je lijst met filters")
    back.wait_for()
    assert back.get_attribute("href").endswith("/interventies/?risicogroep=mantelzorgers")
    assert "risicogroep" not in page.url  # the entry page's own address was left alone
    page.go_back()
    page.wait_for_selector("[data-filters]:not([hidden])")
    assert "risicogroep=mantelzorgers" in page.url


def test_without_a_filtered_list_there_is_no_back_link(browser, site_url):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + "/interventies/gouden-mannen/", wait_until="networkidle")
    assert page.get_by_role("link", name="Terug naar je lijst met filters").count() == 0
    context.close()


def test_a_tap_on_a_filter_shows_its_result_where_the_finger_is(phone, site_url):
    page = phone
    page.goto(site_url + "/interventies/", wait_until="networkidle")
    page.wait_for_selector("[data-filters]:not([hidden])")
    page.locator("[data-panel] > summary").click()
    page.check("#f-risicogroep-mantelzorgers")
    bar = page.locator("[data-phonebar]")
    assert bar.is_visible()
    n = sum(1 for e in CATALOGUE.interventions if "mantelzorgers" in {t.id for t in e.risicogroepen})
    assert bar.inner_text().startswith(f"{n} interventie")
    box = bar.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 844  # on screen
    bar.get_by_role("button", name="Toon").click()
    assert page.locator("[data-panel]").evaluate("d => d.open") is False
    status = page.locator("[data-live-count]").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert header["y"] + header["height"] <= status["y"] < 844  # below the sticky header


def test_an_empty_result_says_which_filter_to_drop(light_page, site_url):
    page = light_page
    group, element = next(
        (g, el)
        for g in CATALOGUE.vocabularies["risicogroepen"].ids()
        for el in CATALOGUE.vocabularies["werkzame_elementen"].ids()
        if not any(
            g in {t.id for t in e.risicogroepen} and el in {t.id for t in e.werkzame_elementen}
            for e in CATALOGUE.interventions
        )
    )
    page.goto(f"{site_url}/interventies/?risicogroep={group}&element={element}", wait_until="networkidle")
    page.wait_for_selector("[data-filters]:not([hidden])")
    suggest = page.locator("[data-suggest]")
    assert suggest.is_visible()
    text = suggest.inner_text()
    assert text.startswith("Laat je \u201c") and "dan " in text
    suggest.get_by_role("button").click()
    assert page.locator("[data-cards] > li").count() > 0
    assert not page.locator("[data-suggest]").is_visible()


def test_gap_matrix_on_a_phone_keeps_its_row_labels_in_view(phone, site_url):
    page = phone
    page.goto(site_url + "/aanbod-in-beeld/", wait_until="networkidle")
    scroll = page.locator(".ww-matrix__scroll").first
    first_label = scroll.locator("tbody th").first
    before = first_label.bounding_box()
    scroll.evaluate("s => { s.scrollLeft = s.scrollWidth; }")
    after = first_label.bounding_box()
    assert abs(after["x"] - before["x"]) < 2  # sticky: the label did not scroll away
    headers = scroll.locator("thead th").all_inner_texts()
    assert "Contact" in " ".join(headers)  # short labels on a phone
    # Every row label is on one line per word: no word broken in two.
    widths = scroll.locator("tbody th a").evaluate_all(
        "as => as.map(a => a.scrollWidth <= a.parentElement.clientWidth)"
    )
    assert all(widths)


def test_the_tab_follows_instant_navigation(light_page, site_url):
    page = light_page
    page.goto(site_url + "/werkzame-elementen/ontmoeten/", wait_until="networkidle")
    assert active_tab(page) == "Werkzame elementen"
    page.locator("[data-search-exclude] li a").first.click()
    page.wait_for_selector(".ww-entry")
    page.wait_for_function(
        "() => (document.querySelector('.md-tabs__item--active') || {}).textContent"
        " && document.querySelector('.md-tabs__item--active').textContent.trim() === 'Interventies'"
    )
    assert page.locator(".md-tabs__item--active").count() == 1
