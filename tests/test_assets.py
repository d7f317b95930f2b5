"""The project's scripts and stylesheets as a build serves them: minified
with the pinned minifiers, one stylesheet of ours, scripts deferred and
loaded only where used (pagina.js loads the page scripts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rcssmin
import rjsmin

from catalogue import assets

from conftest import REPO

SOURCES = REPO / "docs"
OWN = sorted(
    p.relative_to(SOURCES).as_posix()
    for p in SOURCES.glob("assets/**/*")
    if p.is_file() and assets.is_own_asset(p.relative_to(SOURCES).as_posix())
)
PAGE_SCRIPTS = ("catalogus.js", "keuzehulp-rangorde.js", "keuzehulp.js", "verbetertool.js")


def test_every_own_asset_is_served_minified(built_site: Path):
    assert len(OWN) >= 14
    for name in OWN:
        source = (SOURCES / name).read_text(encoding="utf-8")
        served = (built_site / name).read_text(encoding="utf-8")
        minify = rjsmin.jsmin if name.endswith(".js") else rcssmin.cssmin
        assert served == minify(source) + "\n", name
        assert len(served) < 0.85 * len(source), name


def test_pages_link_one_stylesheet_of_ours_holding_all_of_them_in_order(built_site: Path):
    import yaml

    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    bundle = (built_site / assets.STYLESHEET_BUNDLE).read_text(encoding="utf-8")
    position = 0
    for name in config["extra_css"]:
        part = rcssmin.cssmin((SOURCES / name).read_text(encoding="utf-8"))
        found = bundle.find(part, position)
        assert found >= position, name
        position = found + len(part)
    html = (built_site / "index.html").read_text(encoding="utf-8")
    ours = re.findall(r'<link rel="stylesheet" href="(assets/stylesheets/[^"]+)"', html)
    assert [href for href in ours if "/main." not in href and "/palette." not in href] == [
        assets.STYLESHEET_BUNDLE
    ]


@pytest.mark.parametrize("path", ["", "interventies/", "keuzehulp/", "verbetertool/"])
def test_scripts_are_deferred_and_page_scripts_not_linked(built_site: Path, path: str):
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    ours = re.findall(r'<script src="[./]*assets/javascripts/(\w[\w-]*\.js)"([^>]*)>', html)
    # zoeken-kop.js serves the header search, which every page has.
    assert [name for name, _ in ours] == ["pagina.js", "zoeken-kop.js", "selectie.js"]
    assert all(" defer" in attributes for _, attributes in ours)
    for name in PAGE_SCRIPTS:
        assert f'/{name}"' not in html and f'"{name}"' not in html


def test_loader_knows_each_page_script_and_the_element_it_needs():
    loader = (SOURCES / "assets/javascripts/pagina.js").read_text(encoding="utf-8")
    table = loader.split("var PAGE_SCRIPTS = [", 1)[1].split("];", 1)[0]
    listed = re.findall(r'"([\w-]+\.js)"', table)
    assert sorted(listed) == sorted(PAGE_SCRIPTS)
    for selector in re.findall(r'\["(\[data-[\w-]+\])"', table):
        attribute = selector.strip("[]")
        templates = (REPO / "catalogue/templates/site").glob("*.j2")
        assert any(re.search(rf"\b{attribute}\b", t.read_text("utf-8")) for t in templates)
