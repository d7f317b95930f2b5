"""The built site in a real browser: offline, accessible, keyboard-usable."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import CHROMIUM, CHROMIUM_ARGS, require_chromium, serve

pytestmark = pytest.mark.browser

PAGES = ["/"]


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=["light", "dark"])
def page(browser, request):
    context = browser.new_context(color_scheme=request.param, locale="nl-NL")
    page = context.new_page()
    page.requests = []  # every URL the page asked for
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


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
    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
            }
        },
    )
    assert results.violations_count == 0, results.generate_report()


def test_keyboard_reaches_skip_link_first(page, site_url):
    page.goto(site_url + "/", wait_until="networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Ga naar inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""
