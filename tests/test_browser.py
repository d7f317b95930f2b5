"""Every kind of page in a real browser: offline, accessible in both palettes."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import axe_violations

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/interventies/",
    "/interventies/?risicogroep=75-plussers&element=betekenisvol-contact",
    "/interventies/voetbal-herinneringen/",
    "/interventies/go-win/",
    "/interventies/?sorteer=erkenning",
    "/interventies/sociaal-vitaal/",
    "/interventies/regenboogmaatjes/",
    "/risicogroepen/dak-en-thuislozen/",
    "/stappenplan/stap-09/",
    "/risicogroepen/",
    "/risicogroepen/mantelzorgers/",
    "/werkzame-elementen/ontmoeten/",
    "/over-de-catalogus/",
    "/stappenplan/",
    "/stappenplan/stap-04/",
    "/stappenplan/stap-08/",
    "/werkzame-elementen/",
    "/lessen-uit-de-praktijk/",
    "/bronnen/",
    "/gemeenten/",
    "/gemeenten/?soort=publiekscampagne",
    "/verbetertool/",
    "/bijdragen/",
    "/toegankelijkheid/",
    "/keuzehulp/",
    "/keuzehulp/?voor=75-plussers&vorm=emotioneel&ernst=ernstig&werkvorm=individueel",
    "/privacy/",
    "/404.html",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_third_party_requests(page, site_url, path):
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response.ok
    assert page.locator("html").get_attribute("lang") == "nl"
    hosts = {urlsplit(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    assert axe_violations(page) == ""


def test_keyboard_reaches_skip_link_first(page, site_url):
    page.goto(site_url + "/", wait_until="networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Ga naar inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""


def test_print_drops_navigation(light_page, site_url):
    page = light_page
    page.goto(site_url + "/stappenplan/stap-04/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".ww-steps"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("table").is_visible()
    assert page.locator("h1").inner_text().startswith("Stap 4")


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations_at_phone_width(phone_page, site_url, path):
    phone_page.goto(site_url + path, wait_until="networkidle")
    phone_page.wait_for_timeout(100)  # tables are made focusable after Material wraps them
    assert axe_violations(phone_page) == ""
