"""Page scripts load where they are used, also after Material's instant navigation.

Material navigates instantly only to pages its sitemap lists under the site's
own address, so this site is built for the address it is served at.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from browser import serve
from conftest import REPO

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("instant")
    with serve(site) as url:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
            cwd=REPO,
            env=dict(os.environ, SITE_URL=url + "/"),
            check=True,
            timeout=600,
        )
        yield url


PAGE_SCRIPTS = ("catalogus.js", "keuzehulp-rangorde.js", "keuzehulp.js", "verbetertool.js")


def test_instant_navigation_loads_each_page_script_once(browser, instant_site):
    site_url = instant_site
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    scripts: list[str] = []
    page.on(
        "request",
        lambda r: scripts.append(r.url.rsplit("/", 1)[1]) if r.url.endswith(".js") else None,
    )
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "/", wait_until="networkidle")
    assert not set(PAGE_SCRIPTS) & set(scripts)  # the home page uses none
    page.evaluate("() => { window.__samePage = true; }")
    page.locator(".md-tabs__link", has_text="Verbetertool").click()
    page.wait_for_selector("[data-tool][data-ready]")
    page.locator(".md-tabs__link", has_text="Interventies").click()
    page.wait_for_selector("[data-filter-list][data-ready]")
    page.locator('.md-content a[href$="keuzehulp/"]').first.click()
    page.wait_for_selector("[data-guide][data-ready]")
    page.locator(".md-tabs__link", has_text="Verbetertool").click()
    page.wait_for_selector("[data-tool][data-ready]")
    page.go_back()
    page.wait_for_selector("[data-guide][data-ready]")
    assert page.evaluate("() => window.__samePage === true")  # no reload on the way
    assert errors == []
    assert {name: scripts.count(name) for name in PAGE_SCRIPTS} == dict.fromkeys(PAGE_SCRIPTS, 1)
    context.close()
