"""State from outside the page cannot poison it: URL parameters, the stored
selection, the improvement tool's storage and imported files.

Keys such as `__proto__` and `constructor` are ignored instead of reaching
Object.prototype, a damaged store leaves the page working and says so, and an
import replaces answers only after a valid file and the user's consent.
"""

from __future__ import annotations

import json
import re

import pytest

from browser import wait_for_address
from conftest import REPO

pytestmark = pytest.mark.browser

SELECTION_KEY = "wat-werkt-tegen-eenzaamheid:selectie"
TOOL_KEY = re.search(
    r'var STORAGE_KEY = "([^"]+)"',
    (REPO / "docs/assets/javascripts/verbetertool.js").read_text(encoding="utf-8"),
).group(1)
#: Nothing may have landed on the built-in prototypes.
UNPOLLUTED = """() => [
  ({}).checked, Object.checked, Object.prototype.toString.checked,
  Object.prototype.hasOwnProperty.checked, ({}).constructor.checked,
].every(v => v === undefined)"""
READY = 5000  # ms: a page that breaks on load never gets ready


@pytest.fixture(scope="module")
def total(built_site) -> int:
    """How many interventions the built site holds (its JSON export)."""
    data = json.loads((built_site / "catalogus.json").read_text(encoding="utf-8"))
    return len(data["interventies"])


@pytest.fixture
def page(browser):
    """A fresh page that records script errors in `page.errors`."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()


def stored(page, key: str):
    return page.evaluate("key => window.localStorage.getItem(key)", key)


def store_before_load(page, site_url: str, key: str, raw: str) -> None:
    """Put `raw` in localStorage on the site's origin before the page under test loads."""
    page.goto(site_url + "/404.html")
    page.evaluate("([key, raw]) => window.localStorage.setItem(key, raw)", [key, raw])


# -- the overview's URL query ---------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "?risicogroep=__proto__",
        "?risicogroep=constructor,toString,hasOwnProperty",
        "?risicogroep=__proto__&risicogroep=constructor&element=__proto__,valueOf"
        "&sorteer=__proto__",
    ],
)
def test_overview_ignores_prototype_keys_in_the_query(page, site_url, total, query):
    page.goto(f"{site_url}/interventies/{query}", wait_until="networkidle")
    page.wait_for_selector("[data-filters]:not([hidden])", timeout=READY)
    assert page.evaluate(UNPOLLUTED)
    assert page.locator("[data-live-count]").inner_text() == f"{total} interventies"
    assert page.locator("[data-active]").inner_text() == ""
    assert page.locator("[data-filters] input:checked").count() == 0
    wait_for_address(page, lacks=("risicogroep", "sorteer"))
    assert page.errors == []


# -- the comparison: URL and stored selection ---------------------------------------


def compare_status(page) -> str:
    # A function, not an expression: the site's CSP forbids eval.
    page.wait_for_function(
        "() => document.querySelector('[data-compare-status]').textContent !== "
        "'De vergelijking wordt geladen.'",
        timeout=READY,
    )
    return page.locator("[data-compare-status]").inner_text()


def compared(page) -> list[str]:
    return page.locator("table.ww-compare thead th a").all_inner_texts()


@pytest.mark.parametrize("slugs", ["constructor", "__proto__", "toString"])
def test_compare_skips_prototype_keys_in_the_url(page, site_url, slugs):
    page.goto(f"{site_url}/vergelijk/?i={slugs}", wait_until="networkidle")
    assert compare_status(page).startswith("Je selectie is leeg")
    assert page.errors == []


def test_compare_shows_the_known_slugs_among_prototype_keys(page, site_url):
    page.goto(f"{site_url}/vergelijk/?i=__proto__,go-win,constructor", wait_until="networkidle")
    assert "naast elkaar" in compare_status(page)
    assert compared(page) == ["GO-WIN"]
    assert page.evaluate(UNPOLLUTED)
    assert page.errors == []


def test_stored_selection_with_prototype_keys_still_compares(page, site_url):
    raw = json.dumps(["constructor", "__proto__", "go-win", "toString"])
    store_before_load(page, site_url, SELECTION_KEY, raw)
    page.goto(site_url + "/vergelijk/", wait_until="networkidle")
    assert compare_status(page).startswith("1 interventie naast elkaar")
    assert compared(page) == ["GO-WIN"]
    assert page.errors == []


@pytest.mark.parametrize("raw", ["[kapot", '{"0": "go-win"}', '"go-win"', "null"])
def test_damaged_stored_selection_is_reset_and_reported_once(page, site_url, raw):
    store_before_load(page, site_url, SELECTION_KEY, raw)
    page.goto(site_url + "/vergelijk/", wait_until="networkidle")
    status = compare_status(page)
    assert status.startswith("Je opgeslagen selectie was beschadigd en is leeggemaakt.")
    assert "Je selectie is leeg" in status
    assert stored(page, SELECTION_KEY) == "[]"
    assert page.locator(".ww-selection").inner_text() == "Mijn selectie (0)"
    page.reload(wait_until="networkidle")
    assert compare_status(page).startswith("Je selectie is leeg")
    assert page.errors == []


def test_damaged_stored_selection_does_not_break_the_overview(page, site_url):
    store_before_load(page, site_url, SELECTION_KEY, "{kapot")
    page.goto(site_url + "/interventies/", wait_until="networkidle")
    page.wait_for_selector("[data-filters]:not([hidden])", timeout=READY)
    assert page.locator(".ww-selection").inner_text() == "Mijn selectie (0)"
    page.locator("[data-pick='go-win']").first.click()
    assert json.loads(stored(page, SELECTION_KEY)) == ["go-win"]
    assert page.errors == []


# -- the improvement tool: storage ----------------------------------------------------


def open_tool(page, site_url) -> None:
    page.goto(site_url + "/verbetertool/", wait_until="networkidle")
    page.wait_for_selector("[data-tool-bar]:not([hidden])", timeout=READY)


def score(page, number: str, value: str) -> None:
    page.check(f"#i-{number.replace('.', '-')}-{value}", force=True)


def progress(page) -> str:
    return page.locator("[data-progress]").inner_text()


def message(page) -> str:
    page.locator("[data-message]").wait_for(timeout=READY)
    return page.locator("[data-message]").inner_text()


def answers(**extra) -> str:
    return json.dumps({"versie": 1, "antwoorden": extra, "plannen": {}})


@pytest.mark.parametrize(
    "raw",
    [
        answers(constructor="3"),
        answers(__proto__="3"),
        answers(**{"1.1": "3", "toString": "4"}),
        json.dumps({"versie": 1, "antwoorden": {}, "plannen": {"constructor": "x"}}),
        json.dumps({"versie": 1, "antwoorden": {"1.1": "3"}, "plannen": {"__proto__": "x"}}),
        "{kapot",
        answers(**{"1.1": "elf"}),
    ],
)
def test_damaged_tool_storage_is_reported_and_kept_until_a_change(page, site_url, raw):
    store_before_load(page, site_url, TOOL_KEY, raw)
    open_tool(page, site_url)
    text = message(page)
    assert text.startswith("Eerder bewaarde antwoorden konden niet worden gelezen (")
    assert text.endswith("); ze zijn niet geladen.")
    assert progress(page) == "0 van 22 beantwoord"
    assert page.evaluate(UNPOLLUTED)
    assert stored(page, TOOL_KEY) == raw
    page.reload(wait_until="networkidle")
    page.wait_for_selector("[data-tool-bar]:not([hidden])", timeout=READY)
    assert stored(page, TOOL_KEY) == raw
    # The first change of the user's own replaces what could not be read.
    score(page, "1.2", "7")
    assert json.loads(stored(page, TOOL_KEY))["antwoorden"] == {"1.2": "7"}
    assert page.errors == []


def test_valid_tool_storage_loads_without_a_message(page, site_url):
    raw = json.dumps({"versie": 1, "antwoorden": {"1.1": "3"}, "plannen": {"2": "Plan."}})
    store_before_load(page, site_url, TOOL_KEY, raw)
    open_tool(page, site_url)
    assert page.is_checked("#i-1-1-3")
    assert page.input_value("#plan-2") == "Plan."
    assert page.locator("[data-message]").is_hidden()
    assert page.errors == []


# -- the improvement tool: import -----------------------------------------------------


def import_file(page, tmp_path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    page.set_input_files("[data-import]", str(path))


def answer_some(page) -> str:
    """Two answers and a plan on screen and in storage; returns what is stored."""
    score(page, "2.9", "6")
    score(page, "1.1", "nvt")
    page.fill("#plan-1", "Vaker warm verwijzen.")
    return stored(page, TOOL_KEY)


def assert_answers_kept(page, before: str) -> None:
    assert page.is_checked("#i-2-9-6") and page.is_checked("#i-1-1-nvt")
    assert page.input_value("#plan-1") == "Vaker warm verwijzen."
    assert progress(page) == "2 van 22 beantwoord"
    assert stored(page, TOOL_KEY) == before


@pytest.mark.parametrize(
    "content",
    [
        answers(constructor="3"),
        answers(__proto__="3"),
        answers(**{"1.2": "5", "hasOwnProperty": "5"}),
        json.dumps({"versie": 1, "antwoorden": {"1.2": "5"}, "plannen": {"toString": "x"}}),
    ],
)
def test_import_with_prototype_keys_changes_nothing(page, site_url, tmp_path, content):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_tool(page, site_url)
    before = answer_some(page)
    import_file(page, tmp_path, "kapot.json", content)
    text = message(page)
    assert "kan niet worden geopend" in text and "niet veranderd" in text
    assert dialogs == []
    assert_answers_kept(page, before)
    assert page.evaluate(UNPOLLUTED)
    # The next change keeps the answers that were there.
    score(page, "3.12", "8")
    assert json.loads(stored(page, TOOL_KEY))["antwoorden"] == {
        "1.1": "nvt",
        "2.9": "6",
        "3.12": "8",
    }
    assert page.errors == []


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({"versie": 1, "antwoorden": {}, "plannen": {}}),
        answers(**{"4.15": "2"}),
    ],
)
def test_import_over_answers_asks_and_cancel_keeps_them(page, site_url, tmp_path, content):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_tool(page, site_url)
    before = answer_some(page)
    import_file(page, tmp_path, "leeg.json", content)
    assert "niet veranderd" in message(page)
    assert dialogs == ["De antwoorden uit leeg.json vervangen je huidige antwoorden. Doorgaan?"]
    assert_answers_kept(page, before)
    assert page.errors == []


def test_import_over_answers_replaces_them_after_ok(page, site_url, tmp_path):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    open_tool(page, site_url)
    answer_some(page)
    content = json.dumps({"versie": 1, "antwoorden": {"4.15": "2"}, "plannen": {"3": "Nieuw."}})
    import_file(page, tmp_path, "ander.json", content)
    assert message(page) == "Antwoorden geopend uit ander.json."
    assert dialogs == ["De antwoorden uit ander.json vervangen je huidige antwoorden. Doorgaan?"]
    assert page.is_checked("#i-4-15-2")
    assert not page.is_checked("#i-2-9-6") and not page.is_checked("#i-1-1-nvt")
    assert page.input_value("#plan-1") == "" and page.input_value("#plan-3") == "Nieuw."
    assert progress(page) == "1 van 22 beantwoord"
    data = json.loads(stored(page, TOOL_KEY))
    assert data["antwoorden"] == {"4.15": "2"} and data["plannen"] == {"3": "Nieuw."}
    assert page.errors == []


def test_import_into_an_empty_form_does_not_ask(page, site_url, tmp_path):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_tool(page, site_url)
    import_file(page, tmp_path, "mijn.json", answers(**{"2.8": "9"}))
    assert message(page) == "Antwoorden geopend uit mijn.json."
    assert dialogs == []
    assert page.is_checked("#i-2-8-9")
    assert json.loads(stored(page, TOOL_KEY))["antwoorden"] == {"2.8": "9"}
    assert page.errors == []
