"""Every page kind works under the Content-Security-Policy, and the policy bites."""

from __future__ import annotations

import pytest
from test_browser import PAGES

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.errors.append("dialog: " + d.message), d.dismiss()))
    yield page
    context.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


@pytest.mark.parametrize("path", [*PAGES, "/vergelijk/?i=gouden-mannen,go-win", "/404.html"])
def test_page_works_under_the_policy(watched, site_url, path):
    watched.goto(site_url + path, wait_until="networkidle")
    policy = watched.locator('meta[http-equiv="Content-Security-Policy"]')
    assert policy.count() == 1
    assert "default-src 'none'" in policy.get_attribute("content")
    assert violations(watched) == []
    assert watched.errors == []


def test_site_search_and_catalogue_search_work_under_the_policy(watched, site_url):
    watched.goto(site_url + "/", wait_until="networkidle")
    watched.locator("input.md-search__input").click()
    watched.keyboard.type("Gouden Mannen")
    watched.locator(".md-search-result__list a", has_text="Gouden Mannen").first.wait_for()
    watched.goto(site_url + "/interventies/?q=jongeren", wait_until="networkidle")
    watched.wait_for_selector("[data-catalogus][data-gezocht]")
    assert "voor \u201cjongeren\u201d" in watched.locator("[data-live-count]").inner_text()
    assert violations(watched) == [] and watched.errors == []


def test_instant_navigation_keeps_scripts_running(watched, site_url):
    """The first page's policy stays in force: later pages' inline scripts must pass it."""
    watched.goto(site_url + "/", wait_until="networkidle")
    watched.locator(".md-tabs__link", has_text="Interventies").click()
    watched.wait_for_selector("[data-filters]:not([hidden])")
    watched.locator(".ww-card__title a").first.click()
    watched.wait_for_selector(".ww-entry")
    watched.go_back()
    watched.wait_for_selector("[data-filters]:not([hidden])")
    assert violations(watched) == [] and watched.errors == []


def test_an_injected_inline_script_is_blocked(watched, site_url):
    """A missed escape would add a script the policy has no hash for: it must not run."""
    watched.goto(site_url + "/", wait_until="networkidle")
    ran = watched.evaluate(
        """() => new Promise((resolve) => {
          window.__ran = false;
          const s = document.createElement("script");
          s.textContent = "window.__ran = true";
          document.body.appendChild(s);
          setTimeout(() => resolve(window.__ran), 100);
        })"""
    )
    assert ran is False
    assert any(v.startswith("script-src") for v in violations(watched))
