"""Shared fixtures: a throw-away copy of the catalogue data to break on purpose."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue

from projectcopy import copy_project  # noqa: F401  (re-exported for the tests)

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 11, 23)

# Material's "MkDocs 2.0" banner would otherwise clutter every build in tests.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class CatalogueCopy:
    """A copy of vocabularies and schemas with only the fixture entry in it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.entries = root / "interventies"

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.entries / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def fixture_text(self) -> str:
        return (FIXTURES / "proef-interventie.yaml").read_text(encoding="utf-8")

    def replace(self, old: str, new: str, name: str = "proef-interventie.yaml") -> Path:
        """Break the fixture entry by one textual change."""
        text = self.fixture_text()
        assert old in text, f"fixture does not contain {old!r}"
        return self.write(name, text.replace(old, new, 1))

    def load(self):
        return load_catalogue(self.root, today=TODAY, display_root=self.root)


@pytest.fixture
def copy(tmp_path: Path) -> CatalogueCopy:
    root = tmp_path / "catalogue"
    (root / "interventies").mkdir(parents=True)
    for name in ("vocabularies.yaml", "vocabularies.schema.json", "interventie.schema.json"):
        shutil.copy(DATA_DIR / name, root / name)
    shutil.copy(FIXTURES / "proef-interventie.yaml", root / "interventies")
    return CatalogueCopy(root)


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """A strict build, exactly as `make build` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real repository's site, built once per test session."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, site)
    assert result.returncode == 0, result.stderr
    return site


# -- browser fixtures ----------------------------------------------------------------


@pytest.fixture(scope="session")
def site_url(built_site):
    from browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from browser import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=["light", "dark"])
def page(browser, request):
    """A fresh page in the light or dark palette that records every request."""
    context = browser.new_context(color_scheme=request.param, locale="nl-NL")
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


@pytest.fixture
def light_page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
