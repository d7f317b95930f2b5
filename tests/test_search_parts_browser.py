"""A search index in several parts, in Chromium: a first search loads only the
parts it needs; then the page loads the others while idle (not with
Save-Data on), and every later search answers as Python does."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from catalogue.search import SHARD_ENTRIES, load_index, read_parts, search

from conftest import REPO, mkdocs_build

sys.path.insert(0, str(REPO / "bench"))

ENTRIES = 2 * SHARD_ENTRIES + 50  # three parts
QUERIES = ["ouderen", "mantelzorgers", "huisbezoek", "ontmoeten in de wijk", "eenzaamhied"]


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    from synthetic import copy_project, write_catalogue

    work = tmp_path_factory.mktemp("parts")
    project = copy_project(work / "project")
    write_catalogue(project, ENTRIES)
    site = work / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def large_url(large_site):
    from browser import serve

    with serve(large_site) as url:
        yield url


def parts_requested(page) -> list[str]:
    return page.evaluate(
        """() => performance.getEntriesByType('resource').map((e) => e.name)
             .filter((n) => /catalogus-zoekindex\\/\\d+\\.json$/.test(n))"""
    )


def python_slugs(site: Path, query: str) -> list[str]:
    head = json.loads((site / "catalogus-zoekindex.json").read_text("utf-8"))
    asset = read_parts(head, site)
    return [asset["documenten"][hit.ref]["slug"] for hit in search(load_index(asset), query)]


def shown_slugs(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('[data-cards] > li[data-slug]')]"
        ".map((li) => li.dataset.slug)"
    )


def search_for(page, query: str) -> None:
    page.fill("[data-catalogus] input[type=search]", query)
    page.wait_for_function(
        "(q) => document.querySelector('[data-catalogus]').getAttribute('data-gezocht') === q",
        arg=query,
    )


@pytest.mark.browser
def test_after_a_first_search_the_other_parts_load_and_answers_stay_pythons(
    light_page, large_site, large_url
):
    head = json.loads((large_site / "catalogus-zoekindex.json").read_text("utf-8"))
    parts = len(head["termen"]["delen"])
    assert parts == 3
    page = light_page
    page.goto(f"{large_url}/interventies/", wait_until="networkidle")
    assert parts_requested(page) == []  # nothing before someone searches
    search_for(page, QUERIES[0])
    page.wait_for_function(
        "() => document.querySelector('[data-catalogus]').hasAttribute('data-index-complete')"
    )
    requested = parts_requested(page)
    assert sorted(requested) == sorted({u for u in requested}), "a part was fetched twice"
    assert len(requested) == parts
    limit = int(page.get_attribute("[data-catalogus]", "data-page-size"))
    for query in QUERIES:
        search_for(page, query)
        assert shown_slugs(page) == python_slugs(large_site, query)[:limit], query
    assert len(parts_requested(page)) == parts  # no part twice


@pytest.mark.browser
def test_with_save_data_only_the_parts_a_search_needs_load(browser, large_site, large_url):
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(
        "Object.defineProperty(navigator, 'connection', { value: { saveData: true } });"
    )
    page = context.new_page()
    page.goto(f"{large_url}/interventies/", wait_until="networkidle")
    search_for(page, QUERIES[0])
    page.wait_for_timeout(1500)  # time enough for the idle loading it must not start
    assert 0 < len(parts_requested(page)) < 3
    assert page.get_attribute("[data-catalogus]", "data-index-complete") is None
    limit = int(page.get_attribute("[data-catalogus]", "data-page-size"))
    assert shown_slugs(page) == python_slugs(large_site, QUERIES[0])[:limit]
    context.close()
