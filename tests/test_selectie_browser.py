"""Shortlist and comparison in a real browser: pick, keep, compare, share, download."""

from __future__ import annotations

import csv
import io

import pytest

from browser import axe_violations

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue

CATALOGUE, _ = load_catalogue(DATA_DIR)

pytestmark = pytest.mark.browser


def pick(page, slug: str) -> None:
    page.locator(f"[data-pick='{slug}']").first.click()


@pytest.fixture
def context(browser):
    context = browser.new_context(
        locale="nl-NL", accept_downloads=True, viewport={"width": 1280, "height": 900}
    )
    yield context
    context.close()


def table_rows(page) -> dict[str, list[str]]:
    rows = {}
    for row in page.locator("table.ww-compare tbody tr").all():
        name = row.locator("th").evaluate("th => th.firstChild.textContent")
        rows[name] = row.locator("td").all_inner_texts()
    return rows


def test_pick_compare_share_download_remove(context, site_url, browser, tmp_path):
    page = context.new_page()
    page.goto(site_url + "/interventies/", wait_until="networkidle")
    pick(page, "gouden-mannen")
    pick(page, "go-win")
    button = page.locator("[data-pick='go-win']").first
    assert button.get_attribute("aria-pressed") == "true"
    page.goto(site_url + "/interventies/voetbal-herinneringen/", wait_until="networkidle")
    pick(page, "voetbal-herinneringen")
    assert page.locator(".ww-selection").inner_text() == "Mijn selectie (3)"
    page.reload(wait_until="networkidle")
    assert page.locator(".ww-selection").inner_text() == "Mijn selectie (3)"
    page.locator(".ww-selection").click()
    page.wait_for_selector("table.ww-compare")
    names = page.locator("table.ww-compare thead th a").all_inner_texts()
    assert names == ["Gouden Mannen", "GO-WIN", "Voetbal herinneringen"]
    rows = table_rows(page)
    go_win = CATALOGUE.by_slug("go-win")
    assert rows["Eigenaar"][1] == go_win.eigenaar.organisatie
    assert go_win.kosten is None and rows["Kosten"][1] == "onbekend"
    assert rows["Erkenning"][2].startswith("Goed beschreven")
    differs = page.locator("tr.ww-compare__differs th").evaluate_all(
        "ths => ths.map(th => th.firstChild.textContent)"
    )
    assert "Claim" in differs and "Laatst gecontroleerd" not in differs
    assert "?i=gouden-mannen,go-win,voetbal-herinneringen" in page.url

    colleague_context = browser.new_context(locale="nl-NL")
    colleague = colleague_context.new_page()
    colleague.goto(page.url, wait_until="networkidle")
    colleague.wait_for_selector("table.ww-compare")
    assert table_rows(colleague) == rows
    colleague_context.close()

    with page.expect_download() as download:
        page.click("[data-csv]")
    saved = tmp_path / "vergelijking.csv"
    download.value.save_as(saved)
    data = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert data[0] == ["Kenmerk", "Gouden Mannen", "GO-WIN", "Voetbal herinneringen"]
    assert [row[0] for row in data[1:]] == list(rows)

    page.get_by_role("button", name="Verwijder GO-WIN uit de vergelijking").click()
    assert page.locator("table.ww-compare thead th a").all_inner_texts() == [
        "Gouden Mannen",
        "Voetbal herinneringen",
    ]
    assert page.locator(".ww-selection").inner_text() == "Mijn selectie (2)"
    assert "?i=gouden-mannen,voetbal-herinneringen" in page.url


def test_compare_page_is_accessible_and_prints_cleanly(context, site_url):
    page = context.new_page()
    page.goto(site_url + "/vergelijk/?i=sharing-stories,samenkracht", wait_until="networkidle")
    page.wait_for_selector("table.ww-compare")
    assert axe_violations(page) == ""
    page.emulate_media(media="print")
    assert page.locator(".ww-print-only").is_visible()
    assert not page.locator("[data-csv]").is_visible()


def test_matrix_is_accessible(context, site_url):
    page = context.new_page()
    page.goto(site_url + "/aanbod-in-beeld/", wait_until="networkidle")
    assert axe_violations(page) == ""
