"""The hook's shortcuts through Material's templates (hooks/catalogue_hook.py):
nav and tabs rendered once per folder for pages outside the navigation
(`_SAME_OFF_NAV`), entry pages filled into one frame (`_FRAMED`), the search
plugin handed pages without what it skips (`_SEARCH_LESS`). A build
with them must write exactly the pages a build without them writes, also
for titles and claims full of characters HTML treats specially."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import copy_project

TITLE = 'Proef & "Co" > alles'
CLAIM = "Een claim met 'quotes', & en 0;url=https://evil.example\" http-equiv=\"refresh"


def _build(project: Path, site: Path, *, shortcuts: bool) -> None:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    hook = config.plugins["hooks/catalogue_hook.py"]
    if not shortcuts:
        hook._SAME_OFF_NAV = ()
        hook._FRAMED = ()
        hook._SEARCH_LESS = False
    previous = os.getcwd()
    os.chdir(project)
    try:
        build(config)
    finally:
        os.chdir(previous)


def _hostile_entry(project: Path) -> None:
    entries = project / "catalogue" / "interventies"
    text = (entries / "vangnetwerken.yaml").read_text(encoding="utf-8")
    start, end = text.index("claim: >-"), text.index("beschrijving:")
    text = text[:start] + f"claim: {json.dumps(CLAIM)}\n" + text[end:]  # JSON is YAML
    text = text.replace("naam: Vangnetwerken", f"naam: {json.dumps(TITLE)}")
    text = text.replace("eerdere_namen:\n  - DOCKwerkers\n", "")
    (entries / "proef-co-alles.yaml").write_text(text, encoding="utf-8")


def test_template_shortcuts_write_the_same_pages(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    _hostile_entry(project)
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.catalogus"):
        _build(project, tmp_path / "cached", shortcuts=True)
    framed = [r.getMessage() for r in caplog.records if "uit een raamwerk" in r.getMessage()]
    assert framed and " 0 uit een raamwerk" not in framed[-1], framed  # the frame was used
    assert "1 volledig" in framed[-1], framed  # only the first entry page in full
    _build(project, tmp_path / "plain", shortcuts=False)
    pages = sorted(
        p.relative_to(tmp_path / "cached") for p in (tmp_path / "cached").rglob("*.html")
    ) + [Path("search/search_index.json")]
    entry_pages = [p for p in pages if p.parts[0] == "interventies" and len(p.parts) == 3]
    assert len(entry_pages) > 10
    assert Path("interventies/proef-co-alles/index.html") in entry_pages
    for page in pages:
        assert (tmp_path / "cached" / page).read_bytes() == (
            tmp_path / "plain" / page
        ).read_bytes(), page
