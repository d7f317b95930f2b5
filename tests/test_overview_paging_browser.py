"""The overview at hundreds of entries: a page of cards, "Toon meer", reset on a new filter."""

from __future__ import annotations

import pytest

from catalogue import DATA_DIR
from catalogue.render import OVERVIEW_PAGE_SIZE

from conftest import copy_project, mkdocs_build

pytestmark = pytest.mark.browser

REAL = len(list((DATA_DIR / "interventies").glob("*.yaml")))
#: With the real entries: two pages and ten.
EXTRA = 2 * OVERVIEW_PAGE_SIZE + 10 - REAL
assert EXTRA >= 0, "the real catalogue outgrew this test: raise EXTRA's pages"


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> str:
    from browser import serve

    root = tmp_path_factory.mktemp("paging")
    project = copy_project(root / "project")
    source = (DATA_DIR / "interventies" / "vangnetwerken.yaml").read_text(encoding="utf-8")
    for number in range(1, EXTRA + 1):
        name = f"Buurtnetwerk {number:03d}"
        (project / f"catalogue/interventies/buurtnetwerk-{number:03d}.yaml").write_text(
            source.replace("naam: Vangnetwerken", f"naam: {name}").replace(
                "eerdere_namen:\n  - DOCKwerkers\n", ""
            ),
            encoding="utf-8",
        )
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def shown(page) -> int:
    return page.locator("[data-cards] > li:not([hidden])").count()


def test_show_more_pages_through_the_matches(browser, big_site: str):
    total = EXTRA + REAL
    page = browser.new_page()
    page.goto(f"{big_site}/interventies/", wait_until="networkidle")
    page.wait_for_selector("[data-filter-list][data-ready]")
    more = page.locator("[data-more]")
    assert shown(page) == OVERVIEW_PAGE_SIZE
    assert page.locator("[data-live-count]").inner_text() == f"{total} interventies"
    rest = total - OVERVIEW_PAGE_SIZE
    assert more.inner_text() == f"Toon {OVERVIEW_PAGE_SIZE} meer (nog {rest} van {total})"

    more.focus()
    page.keyboard.press("Enter")
    assert shown(page) == 2 * OVERVIEW_PAGE_SIZE
    # Focus moves to the first card that just appeared.
    focused = page.evaluate("document.activeElement.closest('li').getAttribute('data-slug')")
    order = page.locator("[data-cards] > li").evaluate_all(
        "cards => cards.map(c => c.getAttribute('data-slug'))"
    )
    assert focused == order[OVERVIEW_PAGE_SIZE]
    assert more.inner_text() == f"Toon 10 meer (nog 10 van {total})"
    more.click()
    assert shown(page) == total
    assert more.is_hidden()

    # A new filter starts again at the first page (every copy carries ontmoeten).
    page.check("#f-element-ontmoeten")
    assert shown(page) == OVERVIEW_PAGE_SIZE
    assert page.locator("[data-live-count]").inner_text().endswith(f"van {total} interventies")
    assert more.is_visible()
    page.close()


def test_without_javascript_every_card_shows(browser, big_site: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{big_site}/interventies/")
    assert shown(page) == EXTRA + REAL
    assert page.locator("[data-more]").is_hidden()
    context.close()


def test_first_paint_rule_matches_the_page_size():
    import re

    from conftest import REPO

    css = (REPO / "docs/assets/stylesheets/catalogus.css").read_text(encoding="utf-8")
    assert re.findall(r"li:nth-child\(n\+(\d+)\)", css) == [str(OVERVIEW_PAGE_SIZE + 1)]


def test_cards_put_back_keep_their_compare_button(browser, big_site: str):
    page = browser.new_page()
    page.goto(f"{big_site}/interventies/", wait_until="networkidle")
    page.wait_for_selector("[data-filter-list][data-ready]")
    page.evaluate("localStorage.clear()")
    first = page.locator("[data-cards] > li").first
    slug = first.get_attribute("data-slug")
    first.locator("[data-pick]").click()
    page.check("#f-risicogroep-mantelzorgers")  # takes the first card out of the list
    assert page.locator(f'[data-cards] > li[data-slug="{slug}"]').count() == 0
    page.uncheck("#f-risicogroep-mantelzorgers")
    button = page.locator(f'[data-cards] > li[data-slug="{slug}"] [data-pick]')
    assert button.is_visible() and button.get_attribute("aria-pressed") == "true"
    # A card first shown by "Toon meer" has a working button too.
    page.locator("[data-more]").click()
    later = page.locator("[data-cards] > li").nth(OVERVIEW_PAGE_SIZE).locator("[data-pick]")
    assert later.is_visible() and later.get_attribute("aria-pressed") == "false"
    page.evaluate("localStorage.clear()")
    page.close()
