"""The keuzehulp in a real browser: keyboard only, a phone, a shared link, instant navigation."""

from __future__ import annotations

from datetime import date

import pytest

from catalogue import DATA_DIR
from catalogue.keuzehulp import guide_data, rank
from catalogue.loader import load_catalogue

pytestmark = pytest.mark.browser

CATALOGUE, _ = load_catalogue(DATA_DIR)
DATA = guide_data(CATALOGUE, CATALOGUE.guide, date.today())
NAMES = {e.slug: e.naam for e in CATALOGUE.interventions}


def shown(page) -> list[str]:
    return page.locator("[data-list] > li").evaluate_all("li => li.map(x => x.dataset.slug)")


def open_guide(page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}/keuzehulp/{query}", wait_until="networkidle")
    page.wait_for_selector("[data-guide][data-loaded]")


def expected(answers: dict, count: int = 10) -> list[str]:
    return [m["slug"] for m in rank(DATA, answers)["matches"]][:count]


def test_answering_by_keyboard_only_ranks_as_python_does(light_page, site_url):
    page = light_page
    open_guide(page, site_url)
    # Radio groups: focus the first option and choose with the arrow keys.
    page.focus("#k-voor-75-plussers")
    page.keyboard.press("Space")
    page.focus("#k-vorm-sociaal")
    page.keyboard.press("ArrowRight")  # -> emotioneel
    page.focus("#k-ernst-licht")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # -> ernstig
    page.focus("#k-werkvorm-groep")
    page.keyboard.press("ArrowRight")  # -> individueel
    answers = {"voor": "75-plussers", "vorm": "emotioneel", "ernst": "ernstig", "werkvorm": "individueel"}
    page.wait_for_function("() => new URLSearchParams(location.search).get('werkvorm') === 'individueel'")
    assert shown(page) == expected(answers)
    assert shown(page)[0] == "het-betekenisvol-gesprek"
    status = page.locator("[data-status]").inner_text()
    assert "Laat je de vraag \u201cWat voor eenzaamheid is het?\u201d los" in status
    first = page.locator("[data-list] > li").first
    assert "Werkvorm: Individueel" in first.inner_text()
    assert first.get_by_role("link", name="Betekenisvol contact").count() == 1


def test_the_shared_link_gives_the_same_result_in_a_fresh_browser(browser, site_url):
    query = "?voor=jongeren-15-24&werkvorm=online"
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    open_guide(page, site_url, query)
    assert page.locator("#k-voor-jongeren-15-24").is_checked()
    assert shown(page)[0] == "join-us-online"
    assert shown(page) == expected({"voor": "jongeren-15-24", "werkvorm": "online"})
    context.close()


def test_reload_back_and_instant_navigation_keep_working(light_page, site_url):
    page = light_page
    open_guide(page, site_url, "?vorm=existentieel")
    page.reload(wait_until="networkidle")
    page.wait_for_selector("[data-guide][data-loaded]")
    assert shown(page)[0] == "het-betekenisvol-gesprek"
    page.locator("[data-list] > li a").first.click()
    page.wait_for_selector(".ww-entry")
    page.go_back()
    page.wait_for_selector("[data-guide][data-loaded]")
    assert page.locator("#k-vorm-existentieel").is_checked()
    assert shown(page)[0] == "het-betekenisvol-gesprek"


def test_hostile_url_values_are_ignored(light_page, site_url):
    page = light_page
    open_guide(page, site_url, "?voor=__proto__&wens=constructor,rol&ernst=toString")
    assert page.evaluate("({}).checked") is None
    assert page.locator("#k-wens-rol").is_checked()
    assert shown(page) == expected({"wens": ["rol"]})


def test_on_a_phone_one_question_at_a_time(browser, site_url):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_guide(page, site_url)
    visible = page.locator("[data-question]:visible")
    assert visible.count() == 1
    assert page.locator("[data-where]").inner_text() == f"Vraag 1 van {len(DATA['vragen'])}"
    page.check("#k-voor-mantelzorgers")
    page.get_by_role("button", name="Volgende vraag").click()
    assert page.locator("[data-question]:visible").get_attribute("data-question") == "vorm"
    assert page.evaluate("document.activeElement.name") == "vorm"
    page.get_by_role("button", name="Vorige vraag").click()
    assert page.locator("[data-question]:visible").get_attribute("data-question") == "voor"
    assert shown(page) == expected({"voor": "mantelzorgers"})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    context.close()


def test_without_javascript_the_questions_and_the_way_to_the_filters(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/keuzehulp/")
    assert page.locator("[data-question]").count() == len(DATA["vragen"])
    html = page.content()
    assert "heeft daarvoor JavaScript nodig" in html and 'href="../interventies/"' in html
    context.close()
