"""Links between site pages: `urls.relative` computes them without the file system."""

from __future__ import annotations

import itertools
import posixpath

from catalogue import urls


def _with_relpath(target: str, page: str) -> str:
    """What `urls.relative` gave when it called `posixpath.relpath`."""
    link = posixpath.relpath(target.rstrip("/") or ".", page.rstrip("/") or ".")
    if link == ".":
        return "./"
    return link + "/" if target.endswith("/") or target == "" else link


def test_links_between_site_paths_match_posixpath_relpath():
    parts = ["", "interventies", "x", "catalogus.json", "."]
    paths = {
        "/".join(combination) + end
        for n in range(4)
        for combination in itertools.product(parts, repeat=n)
        for end in ("", "/")
    }
    for target, page in itertools.product(sorted(paths), repeat=2):
        assert urls.relative(target, page=page) == _with_relpath(target, page), (target, page)


def test_links_from_an_entry_page():
    page = urls.entry("proef")
    assert urls.relative(urls.OVERVIEW, page=page) == "../"
    assert urls.relative(page, page=page) == "./"
    assert urls.relative(urls.risk_group("mantelzorgers"), page=page) == (
        "../../risicogroepen/mantelzorgers/"
    )
    assert urls.relative(urls.entry_source("proef"), page=page) == (
        "../../data/interventies/proef.yaml"
    )
    assert urls.relative("", page=page) == "../../"
