"""The catalogue search in Chromium: the query table, partial matches, the header search."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from test_search import ASSET, INDEX
from test_search_queries import CASES, check

from catalogue.search import search

from browser import axe_violations, wait_for_address

TOTAL = len(ASSET["documenten"])


def names(query: str) -> list[str]:
    return [ASSET["documenten"][h.ref]["naam"] for h in search(INDEX, query)]


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_overview_controls_and_entry_pages_stay_out_of_materials_index(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    overview = " ".join(
        d["text"]
        for d in docs
        if d["location"].startswith("interventies/#") or d["location"] == "interventies/"
    )
    assert "Kies in de filters" in overview  # the page's own text stays findable
    for control in (
        "Over 75-plussers",
        "Risicogroep 75-plussers",
        "Zoek in de catalogus",
        "Sorteer op",
        "Wis filters",
    ):
        assert control not in overview
    # Entry pages: the header offers the catalogue search for them instead.
    entries = {f"interventies/{d['slug']}/" for d in ASSET["documenten"].values()}
    assert not [d["location"] for d in docs if d["location"].split("#")[0] in entries]
    assert any(d["location"] == "stappenplan/" for d in docs)


@pytest.mark.browser
def test_every_query_case_gives_pythons_answer_in_chromium(light_page, site_url):
    page = light_page
    page.goto(f"{site_url}/interventies/", wait_until="networkidle")
    answers = page.evaluate(
        """async (queries) => {
          const input = document.querySelector("[data-index]");
          const scripts = input.dataset.scripts.split(" ");
          const loaded = await window.WatWerkt.loadSearch(scripts, input.dataset.index);
          const answers = [];
          for (const q of queries) answers.push(await window.WatWerkt.searchCatalogue(loaded, q));
          return answers;
        }""",
        [c.query for c in CASES],
    )
    for case, hits in zip(CASES, answers, strict=True):
        python = search(INDEX, case.query)
        assert [(h["ref"], h["fields"], h["words"], h["exact"]) for h in hits] == [
            (h.ref, list(h.fields), h.words, h.exact) for h in python
        ], case.query
        check(
            case,
            [{"slug": ASSET["documenten"][h["ref"]]["slug"], "words": h["words"]} for h in hits],
        )


def shown_cards(page) -> list[str]:
    """Titles of the shown cards and the divider, in display order."""
    return page.evaluate(
        """() => [...document.querySelectorAll("[data-cards] > li:not([hidden])")].map((li) =>
             li.hasAttribute("data-partial-divider") ? "--" + li.textContent.trim()
               : li.querySelector(".ww-card__title").textContent.trim())"""
    )


@pytest.mark.browser
def test_partial_matches_come_below_a_labelled_divider_and_are_counted(light_page, site_url):
    page = light_page
    query = "herinneringen ophalen"
    page.goto(f"{site_url}/interventies/?q={quote(query)}", wait_until="networkidle")
    page.wait_for_selector("[data-catalogus][data-gezocht]")
    hits = search(INDEX, query)
    complete = [ASSET["documenten"][h.ref]["naam"] for h in hits if h.words == 2]
    partial = [ASSET["documenten"][h.ref]["naam"] for h in hits if h.words < 2]
    assert complete == ["Voetbal herinneringen"] and "Sharing Stories" in partial
    assert shown_cards(page) == [*complete, "--Met een deel van de woorden (niet alle 2)", *partial]
    status = page.locator("[data-live-count]").inner_text()
    assert status == (
        f"{len(hits)} van {TOTAL} interventies voor \u201c{query}\u201d: "
        f"{len(complete)} met alle woorden, {len(partial)} met een deel"
    )
    note = (
        page.locator(".ww-card", has_text="Sharing Stories").locator(".ww-card__match").inner_text()
    )
    assert note.startswith("Bevat 1 van de 2 woorden. Gevonden in: ")
    assert axe_violations(page) == ""
    # One word: no divider.
    page.get_by_label("Zoek in de catalogus").fill("huisbezoek")
    page.wait_for_selector("[data-catalogus][data-gezocht='huisbezoek']")
    assert shown_cards(page)[:3] == names("huisbezoek")[:3]
    assert not any(c.startswith("--") for c in shown_cards(page))


@pytest.mark.browser
def test_header_search_offers_the_catalogue_first_and_leads_there(light_page, site_url):
    page = light_page
    page.goto(f"{site_url}/stappenplan/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type("mantelzorgr")  # a typo Material's own search does not forgive
    found = names("mantelzorgr")
    first = page.locator(".md-search-result__list > li").first
    first.filter(has_text=f"({len(found)} interventies)").wait_for()
    assert first.inner_text().startswith(
        f"Zoek \u201cmantelzorgr\u201d in de catalogus ({len(found)} interventies)"
    )
    # Then the catalogue's best entries, linking to their pages.
    rows = page.locator(".md-search-result__list > li[data-catalogus-kop] h1").all_inner_texts()
    assert rows[1:] == found[:5]
    assert axe_violations(page) == ""
    first.locator("a").click()
    page.wait_for_selector("[data-catalogus][data-gezocht='mantelzorgr']")
    wait_for_address(page, has=("/interventies/", "q=mantelzorgr"))
    assert page.get_by_label("Zoek in de catalogus").input_value() == "mantelzorgr"
    titles = page.locator("[data-cards] > li:not([hidden]) .ww-card__title").all_text_contents()
    assert titles == found[: len(titles)] and titles


@pytest.mark.browser
def test_header_search_on_a_phone_and_by_keyboard(phone, site_url):
    page = phone
    page.goto(f"{site_url}/", wait_until="networkidle")
    page.locator("label[for='__search']").first.click()
    page.locator("input.md-search__input").wait_for(state="visible")
    page.keyboard.type("huisbezoek")
    found = names("huisbezoek")
    assert "Het Betekenisvol Gesprek" in found
    first = page.locator(".md-search-result__list > li").first
    first.filter(has_text=f"({len(found)} interventies)").wait_for()
    # Entry pages are not in Material's own results: each shows once.
    texts = page.locator(".md-search-result__list > li h1").all_inner_texts()
    assert texts.count("De Zonnebloem: huisbezoek") == 1
    page.keyboard.press("Enter")  # the best result: the catalogue
    page.wait_for_selector("[data-catalogus][data-gezocht='huisbezoek']")
    wait_for_address(page, has=("q=huisbezoek",))
    assert (
        "Het Betekenisvol Gesprek"
        in page.locator("[data-cards] > li:not([hidden]) .ww-card__title").all_text_contents()
    )
