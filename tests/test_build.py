"""The site builds strictly, in Dutch, and fails on a bad entry naming the file."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURES, copy_project, mkdocs_build


def test_build_strict_succeeds_and_is_dutch(built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert "Wat werkt tegen eenzaamheid" in html


def test_built_html_references_no_third_party_host(built_site: Path):
    # Links to sources are fine; what must not happen is loading anything
    # (scripts, styles, fonts, images) from another host.
    # A canonical link names the site's own address and loads nothing.
    tags = re.compile(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", re.IGNORECASE)
    remote = re.compile(r'(?:src|href|srcset)="(?:https?:)?//', re.IGNORECASE)
    offenders = []
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        offenders += [
            f"{page.name}: {tag}"
            for tag in tags.findall(text)
            if remote.search(tag) and 'rel="canonical"' not in tag
        ]
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    assert offenders == []


def test_build_fails_on_bad_entry_naming_the_file(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    bad = project / "catalogue" / "interventies" / "proef-interventie.yaml"
    bad.parent.mkdir(exist_ok=True)
    text = (FIXTURES / "proef-interventie.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("- mantelzorgers", "- mantelzorger"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "catalogue/interventies/proef-interventie.yaml:12:5: risicogroepen[1]" in result.stderr
    assert "bedoelde je 'mantelzorgers'?" in result.stderr


def test_build_fails_when_an_entry_body_fails_in_the_worker(tmp_path: Path):
    """Entry bodies are rendered in a worker process: its errors fail the build, named."""
    project = copy_project(tmp_path / "project")
    template = project / "catalogue" / "templates" / "site" / "entry.html.j2"
    template.write_text(
        template.read_text(encoding="utf-8") + "{{ no_such_value }}\n", encoding="utf-8"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "de achtergrondtaak faalde" in result.stderr
    assert "'no_such_value' is undefined" in result.stderr
