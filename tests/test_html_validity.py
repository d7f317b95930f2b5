"""Every built page through the Nu HTML Checker (vnu.jar, pinned in
tests/package.json): no error from the markup this project produces.

Material's own templates make a few errors of their own, listed in
`MATERIAL_ERRORS` by the element they flag; any other error fails. In CI a
missing checker (or Java) fails the run; locally it skips (`make vnu`
installs it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
VNU_JAR = Path(os.environ.get("VNU_JAR", HERE / "node_modules/vnu-jar/build/dist/vnu.jar"))

#: (message starts with, the flagged tag matches): errors in Material 9.8.1's
#: templates that no small override fixes. Checkbox toggles carry
#: autocomplete="off" so Firefox does not restore their state; the nav's
#: section labels get an empty tabindex; the TOC title's label points at a
#: toggle Material leaves out on pages without one.
MATERIAL_ERRORS = (
    (
        "Attribute “autocomplete” is only allowed",
        r'^<input class="md-toggle" data-md-toggle="\w+" type="checkbox"'
        r' id="__\w+" autocomplete="off">$',
    ),
    (
        "Bad value “” for attribute “tabindex” on element “label”",
        r'^<label class="md-nav__link[^"]*" for="__nav_[\d_]+"'
        r' id="__nav_[\d_]+_label" tabindex="">$',
    ),
    (
        "The value of the “for” attribute of the “label” element",
        r'^<label class="md-nav__title" for="__toc">$',
    ),
)


@dataclass(frozen=True)
class Finding:
    page: str
    line: int | None
    message: str
    tag: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message} [{self.tag}]"


def require_checker() -> list[str]:
    java = shutil.which("java")
    if java and VNU_JAR.is_file():
        return [java, "-jar", str(VNU_JAR)]
    message = f"Nu HTML Checker missing (java: {java}, {VNU_JAR}): `make vnu` installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def check(paths: list[Path], root: Path) -> list[Finding]:
    """Errors (not warnings) the checker reports, with the tag it flags."""
    command = require_checker() + ["--format", "json", "--errors-only", *map(str, paths)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    report = json.loads(result.stderr)  # vnu writes its report to stderr
    findings = []
    for message in report["messages"]:
        if message["type"] not in ("error", "non-document-error"):
            continue
        extract = message.get("extract", "")
        start, length = message.get("hiliteStart", 0), message.get("hiliteLength", len(extract))
        tag = extract[start : start + length]
        page = message.get("url", "").removeprefix("file:")
        findings.append(
            Finding(
                str(Path(page).relative_to(root)) if page.startswith(str(root)) else page,
                message.get("lastLine"),
                message["message"],
                re.sub(r"\s+", " ", tag).strip(),
            )
        )
    return findings


def is_materials(finding: Finding) -> bool:
    return any(
        finding.message.startswith(start) and re.match(pattern, finding.tag)
        for start, pattern in MATERIAL_ERRORS
    )


def test_no_page_has_an_error_of_our_own(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 80
    findings = check(pages, built_site.resolve())
    ours = [f for f in findings if not is_materials(f)]
    assert ours == [], "\n".join(map(str, ours))


def test_the_checker_reports_our_kind_of_mistake(tmp_path: Path):
    """The same run flags what the project once wrote, and the Material list lets it through."""
    page = tmp_path / "fout.html"
    page.write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title>'
        '<meta name="description" content="Een "citaat" breekt">'
        '</head><body><span aria-label="geen interventies">0</span>'
        '<figure markdown="0"><figcaption>x</figcaption></figure>'
        '<section aria-labelledby="bestaat-niet"></section>'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
        ' autocomplete="off">'
        "</body></html>",
        encoding="utf-8",
    )
    findings = check([page], tmp_path.resolve())
    ours = [f.message for f in findings if not is_materials(f)]
    assert any("aria-label" in m and "span" in m for m in ours)
    assert any("markdown" in m for m in ours)
    assert any("citaat" in m for m in ours)  # a quote that broke out of the attribute
    assert any(is_materials(f) for f in findings)
