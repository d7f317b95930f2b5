"""The municipalities page in a real browser: the shared filter component at work."""

from __future__ import annotations

import pytest
from test_gemeenten import CAMPAIGNS, towns_with

from browser import wait_for_address

pytestmark = pytest.mark.browser


def visible_towns(page) -> list[str]:
    titles = page.locator("[data-cards] > li:not([hidden]) .ww-card__title").all_text_contents()
    return sorted(titles)


def open_towns(page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}/gemeenten/{query}", wait_until="networkidle")
    page.wait_for_selector("[data-filters]:not([hidden])")


def test_campaign_filter_shows_exactly_the_eight(light_page, site_url):
    page = light_page
    open_towns(page, site_url)
    page.check("#f-soort-publiekscampagne")
    assert visible_towns(page) == CAMPAIGNS
    assert page.locator("[data-live-count]").inner_text() == "8 van 16 gemeenten"
    wait_for_address(page, has=("soort=publiekscampagne",))


def test_shared_campaign_url_shows_the_same(browser, site_url):
    context = browser.new_context(locale="nl-NL")
    colleague = context.new_page()
    open_towns(colleague, site_url, "?soort=publiekscampagne")
    assert visible_towns(colleague) == CAMPAIGNS
    context.close()


def test_training_filter(light_page, site_url):
    page = light_page
    open_towns(page, site_url, "?soort=training")
    assert visible_towns(page) == towns_with("training")


def test_status_facet_combines_with_kind(light_page, site_url):
    page = light_page
    open_towns(page, site_url, "?soort=compaan")
    before = visible_towns(page)
    page.check("#f-status-onbekend")
    assert set(visible_towns(page)) <= set(before)


def test_empty_state_and_keyboard(light_page, site_url):
    page = light_page
    open_towns(page, site_url)
    page.focus("#f-soort-compaan")
    page.keyboard.press("Space")
    assert visible_towns(page) == ["Delft", "Haarlemmermeer", "Westerveld"]
    page.check("#f-soort-signaalpunt")  # OR within the facet widens
    assert "Baarn" in visible_towns(page)


def test_without_javascript_all_sixteen_are_listed(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/gemeenten/?soort=compaan")
    assert len(visible_towns(page)) == 16
    context.close()
