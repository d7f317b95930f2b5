"""The improvement tool in a real browser: saving, summary, export/import, keyboard."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from browser import axe_violations

pytestmark = pytest.mark.browser


def open_tool(page, site_url):
    page.goto(site_url + "/verbetertool/", wait_until="networkidle")
    page.wait_for_selector("[data-tool-bar]:not([hidden])")


def score(page, number: str, value: str) -> None:
    page.check(f"#i-{number.replace('.', '-')}-{value}", force=True)


def progress(page) -> str:
    return page.locator("[data-progress]").inner_text()


@pytest.fixture
def tool_page(browser):
    context = browser.new_context(
        locale="nl-NL", accept_downloads=True, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def test_scores_are_kept_after_reload(tool_page, site_url):
    page = tool_page
    open_tool(page, site_url)
    assert progress(page) == "0 van 22 beantwoord"
    score(page, "1.1", "3")
    score(page, "2.8", "8")
    score(page, "3.11", "nvt")
    page.fill("#plan-1", "Vaker warm verwijzen.")
    assert progress(page) == "3 van 22 beantwoord"
    page.reload(wait_until="networkidle")
    page.wait_for_selector("[data-tool-bar]:not([hidden])")
    assert page.is_checked("#i-1-1-3") and page.is_checked("#i-2-8-8")
    assert page.is_checked("#i-3-11-nvt")
    assert page.input_value("#plan-1") == "Vaker warm verwijzen."
    assert progress(page) == "3 van 22 beantwoord"
    hosts = {urlsplit(u).hostname for u in page.requests if u.startswith("http")}
    assert hosts == {"127.0.0.1"}


def test_summary_puts_lowest_first_with_tips_and_interventions(tool_page, site_url):
    page = tool_page
    open_tool(page, site_url)
    score(page, "2.8", "9")
    score(page, "1.3", "2")
    score(page, "4.15", "5")
    score(page, "1.1", "nvt")
    page.click("[data-show-summary]")
    order = page.locator("[data-summary-item]").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('data-summary-item'))"
    )
    assert order == ["1.3", "4.15", "2.8"]
    first = page.locator("[data-summary-item='1.3']")
    assert (
        first.locator("a", has_text="Ontmoeten")
        .get_attribute("href")
        .endswith("werkzame-elementen/ontmoeten/")
    )
    assert first.locator("dt").count() >= 1  # its tips
    summary = page.locator("[data-summary]").inner_text()
    assert "Niet van toepassing" in summary
    assert "Gemiddelde per thema" in summary
    page.emulate_media(media="print")
    assert not page.locator("[data-tool-form]").is_visible()
    assert page.locator("[data-summary]").is_visible()


def test_open_questions_count_words_and_stop_at_25(tool_page, site_url):
    page = tool_page
    open_tool(page, site_url)
    page.fill("#i-5-19", "een twee drie")
    assert page.locator("#w-5-19").inner_text() == "3 van 25 woorden"
    page.fill("#i-5-19", " ".join(f"woord{i}" for i in range(30)))
    page.dispatch_event("#i-5-19", "input")
    assert page.locator("#w-5-19").inner_text() == "25 van 25 woorden"


def test_export_clear_import_gives_the_same_answers(tool_page, site_url, tmp_path):
    page = tool_page
    open_tool(page, site_url)
    score(page, "1.2", "4")
    score(page, "3.12", "7")
    page.fill("#plan-3", "Meer gelijkwaardig werken.")
    with page.expect_download() as download:
        page.click("[data-export]")
    saved = tmp_path / "antwoorden.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["antwoorden"] == {"1.2": "4", "3.12": "7"}
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-clear-all]")
    assert progress(page) == "0 van 22 beantwoord"
    page.set_input_files("[data-import]", str(saved))
    page.wait_for_function(
        "() => document.querySelector('[data-progress]').textContent.startsWith('2 ')"
    )
    assert page.is_checked("#i-1-2-4") and page.is_checked("#i-3-12-7")
    assert page.input_value("#plan-3") == "Meer gelijkwaardig werken."


@pytest.mark.parametrize(
    "content",
    [
        "dit is geen json",
        json.dumps({"versie": 1, "antwoorden": {"1.1": "11"}, "plannen": {}}),
        json.dumps({"versie": 1, "antwoorden": {"9.9": "3"}, "plannen": {}}),
        json.dumps({"versie": 2, "antwoorden": {}, "plannen": {}}),
    ],
)
def test_bad_import_changes_nothing(tool_page, site_url, tmp_path, content):
    page = tool_page
    open_tool(page, site_url)
    score(page, "2.9", "6")
    bad = tmp_path / "kapot.json"
    bad.write_text(content, encoding="utf-8")
    page.set_input_files("[data-import]", str(bad))
    message = page.locator("[data-message]")
    message.wait_for()
    assert "kan niet worden geopend" in message.inner_text()
    assert "niet veranderd" in message.inner_text()
    assert page.is_checked("#i-2-9-6")
    assert progress(page) == "1 van 22 beantwoord"


def test_clearing_asks_first(tool_page, site_url):
    page = tool_page
    open_tool(page, site_url)
    score(page, "2.10", "5")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-clear-all]")
    assert page.is_checked("#i-2-10-5")


def test_scoring_by_keyboard(tool_page, site_url):
    page = tool_page
    open_tool(page, site_url)
    page.focus("#i-1-1-nvt")
    page.keyboard.press("ArrowRight")  # radio group: moves to 1 and selects it
    page.keyboard.press("ArrowRight")
    assert page.is_checked("#i-1-1-2")
    assert progress(page) == "1 van 22 beantwoord"
    page.keyboard.press("Tab")  # leaves the group for the tips
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert page.locator("[data-item='1.1'] details").get_attribute("open") is not None


def test_tool_has_no_axe_violations_with_a_summary(tool_page, site_url):
    page = tool_page
    open_tool(page, site_url)
    score(page, "1.4", "3")
    page.click("[data-show-summary]")
    assert axe_violations(page) == ""


def test_without_javascript_everything_is_readable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/verbetertool/")
    assert page.locator("[data-item]").count() == 22
    assert not page.locator("[data-tool-bar]").is_visible()
    page.locator("[data-item='2.8'] summary").click()
    assert page.locator("[data-item='2.8'] dt").first.is_visible()
    context.close()


@pytest.mark.parametrize("size", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_summary_lands_on_its_heading_with_focus(browser, site_url, size):
    context = browser.new_context(locale="nl-NL", viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    open_tool(page, site_url)
    for number, value in [("1.1", "4"), ("1.3", "2"), ("2.8", "7"), ("3.11", "5"), ("4.15", "3")]:
        score(page, number, value)
    page.click("[data-show-summary]")
    page.wait_for_function("() => document.activeElement && document.activeElement.closest('[data-summary]')")
    top = page.evaluate(
        "() => document.getElementById('samenvatting-titel').getBoundingClientRect().top"
    )
    assert 0 <= top < 200
    # Not hidden behind Material's header or the sticky toolbar.
    covered = page.evaluate(
        "() => Math.max(document.querySelector('.md-header').getBoundingClientRect().bottom,"
        " document.querySelector('[data-tool-bar]').getBoundingClientRect().bottom)"
    )
    assert top >= covered
    focused = page.evaluate(
        "() => { const a = document.activeElement;"
        " return a.id === 'samenvatting-titel' ||"
        " (a.matches('[data-summary]') && a.getAttribute('aria-labelledby') === 'samenvatting-titel'); }"
    )
    assert focused
    context.close()


def test_theme_averages_are_a_labelled_table(tool_page, site_url):
    page = tool_page
    open_tool(page, site_url)
    score(page, "1.1", "5")
    score(page, "1.2", "6")
    score(page, "1.3", "nvt")
    page.click("[data-show-summary]")
    table = page.locator("table.ww-summary__averages")
    assert table.locator("thead th").all_inner_texts() == [
        "Thema",
        "Gemiddelde",
        "Aantal met een cijfer",
    ]
    first = table.locator("tbody tr").first
    assert first.locator("[data-average]").inner_text().strip() == "5,5"
    assert first.locator("[data-count]").inner_text().strip() == "2"
    # The two numbers are visibly apart, on screen and in print.
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        gap = page.evaluate(
            "() => { const row = document.querySelector('.ww-summary__averages tbody tr');"
            " const value = row.querySelector('.ww-bar__value').getBoundingClientRect();"
            " const count = row.querySelector('[data-count]');"
            " const range = document.createRange(); range.selectNodeContents(count);"
            " return range.getBoundingClientRect().left - value.right; }"
        )
        assert gap > 40, (media, gap)


def test_phone_toolbar_is_compact_and_keeps_every_button(browser, site_url):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_tool(page, site_url)
    bar = page.locator("[data-tool-bar]")
    position = bar.evaluate("node => getComputedStyle(node).position")
    height = bar.evaluate("node => node.getBoundingClientRect().height")
    assert height <= 100 or position not in ("sticky", "fixed"), (position, height)
    assert page.locator("[data-show-summary]").is_visible()
    assert not page.locator("[data-export]").is_visible()
    more = page.get_by_role("button", name="Meer knoppen")
    assert more.get_attribute("aria-expanded") == "false"
    more.click()
    assert more.get_attribute("aria-expanded") == "true"
    assert page.locator("[data-export]").is_visible()
    assert page.locator("[data-clear-all]").is_visible()
    page.keyboard.press("Escape")
    assert more.get_attribute("aria-expanded") == "false"
    assert not page.locator("[data-export]").is_visible()
    context.close()


def test_desktop_toolbar_shows_every_button_without_a_menu(tool_page, site_url):
    page = tool_page
    open_tool(page, site_url)
    assert not page.locator("[data-more]").is_visible()
    for selector in ("[data-show-summary]", "[data-export]", "[data-clear-all]", ".ww-tool__import"):
        assert page.locator(selector).is_visible(), selector


def test_learn_from_interventions_is_worded_neutrally(tool_page, site_url):
    page = tool_page
    open_tool(page, site_url)
    score(page, "1.3", "2")
    page.click("[data-show-summary]")
    learn = page.locator("[data-summary-item='1.3'] .ww-summary__learn").inner_text()
    assert learn.startswith("Leer van interventies met dit element")
    texts = page.locator(".ww-summary__learn").all_inner_texts()
    assert texts and not any("erkend" in text for text in texts)
