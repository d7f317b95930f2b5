"""The hook renders Material's nav and tabs once per folder for pages outside
the navigation (hooks/catalogue_hook.py, `_SAME_OFF_NAV`): a build with that
cache must write exactly the pages a build without it writes."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import copy_project


def _build(project: Path, site: Path, *, cached: bool) -> None:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    hook = config.plugins["hooks/catalogue_hook.py"]
    if not cached:
        hook._SAME_OFF_NAV = ()
    previous = os.getcwd()
    os.chdir(project)
    try:
        build(config)
    finally:
        os.chdir(previous)


def test_nav_cache_writes_the_same_pages(tmp_path):
    project = copy_project(tmp_path / "project")
    _build(project, tmp_path / "cached", cached=True)
    _build(project, tmp_path / "plain", cached=False)
    pages = sorted(
        p.relative_to(tmp_path / "cached") for p in (tmp_path / "cached").rglob("*.html")
    )
    entry_pages = [p for p in pages if p.parts[0] == "interventies" and len(p.parts) == 3]
    assert len(entry_pages) > 10
    for page in pages:
        assert (tmp_path / "cached" / page).read_bytes() == (
            tmp_path / "plain" / page
        ).read_bytes(), page
