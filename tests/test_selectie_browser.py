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


def open_compare(page, site_url, slugs: str) -> None:
    page.goto(f"{site_url}/vergelijk/?i={slugs}", wait_until="networkidle")
    page.wait_for_selector("table.ww-compare")


def differing_rows(page) -> list[str]:
    return page.locator("tr.ww-compare__differs th").evaluate_all(
        "ths => ths.map(th => th.firstChild.textContent)"
    )


def test_only_known_values_that_differ_are_marked(context, site_url):
    page = context.new_page()
    open_compare(page, site_url, "gouden-mannen,go-win,voetbal-herinneringen")
    rows = table_rows(page)
    differs = differing_rows(page)
    # Unknown for Gouden Mannen, the same for the other two: not a difference.
    assert rows["Vormen van eenzaamheid"] == [
        "onbekend",
        "Sociale eenzaamheid",
        "Sociale eenzaamheid",
    ]
    assert "Vormen van eenzaamheid" not in differs
    # Known for one only, and unknown everywhere: no difference either.
    assert rows["Eenzaamheid als doel"].count("onbekend") == 2
    assert "Eenzaamheid als doel" not in differs
    assert rows["Kosten"] == ["onbekend"] * 3 and "Kosten" not in differs
    # Known values that differ still are.
    assert "Leeftijd" in differs and "Claim" in differs
    # Every row marked has at least two different known values, and the reverse.
    for name, cells in rows.items():
        known = {cell for cell in cells if cell != "onbekend"}
        assert (name in differs) == (len(known) > 1), name
    # Unknown cells look different and say so.
    unknown = page.locator("table.ww-compare td.ww-compare__unknown")
    assert unknown.count() == sum(cells.count("onbekend") for cells in rows.values())
    assert set(unknown.all_inner_texts()) == {"onbekend"}


def test_website_contact_signup_and_costs_rows(context, site_url):
    page = context.new_page()
    open_compare(page, site_url, "go-win,de-luisterlijn")
    rows = table_rows(page)
    go_win = CATALOGUE.by_slug("go-win")
    luisterlijn = CATALOGUE.by_slug("de-luisterlijn")
    for name in ("Website", "Contact", "Aanmelden of verwijzen", "Kosten"):
        assert name in rows, name
    links = page.locator("table.ww-compare tr", has_text="Website").locator("td a")
    assert links.evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        go_win.eigenaar.website,
        luisterlijn.eigenaar.website,
    ]
    assert rows["Website"][1] == "www.deluisterlijn.nl"
    assert rows["Contact"] == [go_win.eigenaar.contact, luisterlijn.eigenaar.contact]
    assert rows["Aanmelden of verwijzen"] == ["onbekend", luisterlijn.aanmelden]
    assert rows["Kosten"] == ["onbekend", luisterlijn.kosten]


def test_age_and_format_read_as_plain_dutch(context, site_url):
    page = context.new_page()
    open_compare(page, site_url, "gouden-mannen,join-us-online,samenkracht")
    rows = table_rows(page)
    assert rows["Leeftijd"] == ["vanaf 50 jaar", "18 tot en met 30 jaar", "onbekend"]
    assert not any("(leeftijd" in cell for cell in rows["Doelgroep"])
    assert rows["Werkvorm en duur"][1] == "Groep, Online \u00b7 Vier maanden \u00b7 Wekelijks"
    assert rows["Werkvorm en duur"][0] == (
        "Groep, Op locatie \u00b7 Ongeveer anderhalf jaar, in drie fasen \u00b7 Wekelijks een dagdeel"
    )


def test_cells_come_from_the_build(context, site_url):
    """The page draws the rows and cells vergelijking.json gives: a text, a list
    of labels (compared as a set), a link, or unknown."""
    page = context.new_page()

    def changed(route):
        response = route.fetch()
        data = response.json()
        leeftijd = data["rijen"].index("Leeftijd")
        risk = data["rijen"].index("Risicogroepen")
        for entry in data["interventies"]:
            if entry["slug"] == "go-win":
                entry["cellen"][leeftijd] = "tot en met 30 jaar"
                entry["cellen"][risk] = ["B", "A"]
            if entry["slug"] == "samenkracht":
                entry["cellen"][risk] = ["A", "B"]
        data["rijen"].append("Proefrij")
        for entry in data["interventies"]:
            entry["cellen"].append({"text": "voorbeeld.nl", "href": "https://voorbeeld.nl/"})
        route.fulfill(response=response, json=data)

    page.route("**/vergelijking.json", changed)
    open_compare(page, site_url, "go-win,samenkracht")
    rows = table_rows(page)
    assert rows["Leeftijd"][0] == "tot en met 30 jaar"
    assert rows["Risicogroepen"] == ["B, A", "A, B"]
    assert rows["Proefrij"] == ["voorbeeld.nl", "voorbeeld.nl"]
    flagged = page.eval_on_selector_all(
        "tr.ww-compare__differs th", "ths => ths.map(th => th.firstChild.textContent)"
    )
    assert "Risicogroepen" not in flagged  # the same labels in another order
    assert "Proefrij" not in flagged


def test_unknown_slug_is_named(context, site_url):
    page = context.new_page()
    open_compare(page, site_url, "go-win,xyz")
    status = page.locator("[data-compare-status]").inner_text()
    assert status.startswith("1 interventie naast elkaar")
    assert "Niet gevonden: xyz." in status
    page.goto(f"{site_url}/vergelijk/?i=bestaat-niet", wait_until="networkidle")
    page.wait_for_function(
        "() => document.querySelector('[data-compare-status]').textContent.includes('Niet gevonden')"
    )
    status = page.locator("[data-compare-status]").inner_text()
    assert status.startswith("Je selectie is leeg") and "Niet gevonden: bestaat-niet." in status


def test_print_leaves_out_the_share_link(context, site_url):
    page = context.new_page()
    open_compare(page, site_url, "go-win,gouden-mannen")
    page.emulate_media(media="print")
    assert not page.locator("[data-copy]").is_visible()
    # No link on the page has its address written out after it.
    written = page.evaluate(
        "() => [...document.querySelectorAll('.md-content a')]"
        ".filter(a => a.getClientRects().length)"
        ".map(a => getComputedStyle(a, '::after').content)"
        ".filter(c => c && c !== 'none' && c !== 'normal')"
    )
    assert written == []
    assert "?i=" not in page.locator(".md-content").inner_text()
