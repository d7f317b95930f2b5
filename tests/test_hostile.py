"""Untrusted YAML cannot touch the page: what MkDocs prints raw is escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from catalogue import DATA_DIR

from conftest import copy_project, mkdocs_build

BREAKOUT = 'Een cursus helpt 0;url=https://evil.example" http-equiv="refresh'
TITLE = 'Proef & "Co" > alles'


class Heads(HTMLParser):
    """Every <meta> tag's attributes and the text of <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.metas: list[dict[str, str | None]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            self.metas.append(dict(attrs))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def heads(path: Path) -> Heads:
    parser = Heads()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project")
    entry = project / "catalogue/interventies/vangnetwerken.yaml"
    text = entry.read_text(encoding="utf-8")
    claim_start = text.index("claim: >-")
    claim_end = text.index("beschrijving:")
    text = text[:claim_start] + f"claim: '{BREAKOUT}'\n" + text[claim_end:]
    (project / "catalogue/interventies/proef-co-alles.yaml").write_text(
        text.replace("naam: Vangnetwerken", f"naam: '{TITLE}'").replace(
            "eerdere_namen:\n  - DOCKwerkers\n", ""
        ),
        encoding="utf-8",
    )
    vocabularies = project / "catalogue/vocabularies.yaml"
    words = vocabularies.read_text(encoding="utf-8")
    old = "    beschrijving: Mensen zonder vaste woon- of verblijfplaats.\n"
    assert old in words
    vocabularies.write_text(words.replace(old, f"    beschrijving: '{BREAKOUT}'\n"), "utf-8")
    # The schema lists term descriptions for editors: keep it in step.
    from catalogue.loader import write_synced_schema

    write_synced_schema(project / "catalogue")
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize(
    "page", ["interventies/proef-co-alles", "risicogroepen/dak-en-thuislozen"]
)
def test_a_quote_in_a_description_cannot_add_an_attribute(hostile_site: Path, page: str):
    parsed = heads(hostile_site / page / "index.html")
    descriptions = [m for m in parsed.metas if m.get("name") == "description"]
    assert [m["content"] for m in descriptions] == [BREAKOUT]
    assert not any("http-equiv" in m for m in parsed.metas)


def test_a_title_is_text_not_markup(hostile_site: Path):
    parsed = heads(hostile_site / "interventies/proef-co-alles/index.html")
    assert parsed.title.startswith(TITLE + " - ")


def test_vocabulary_texts_get_the_markup_rule(copy):
    words = (copy.root / "vocabularies.yaml").read_text(encoding="utf-8")
    old = "    label: Mantelzorgers\n"
    (copy.root / "vocabularies.yaml").write_text(
        words.replace(old, "    label: Mantelzorgers <img src=x onerror=alert(1)>\n", 1), "utf-8"
    )
    _, problems = copy.load()
    [problem] = [p for p in problems if p.rule == "markup"]
    assert problem.file.endswith("vocabularies.yaml")
    assert problem.line == words.splitlines().index(old.rstrip("\n")) + 1
    assert "tekst bevat HTML of script" in str(problem)


def test_real_site_descriptions_survive_escaping():
    """Escaping once: a real claim with an ampersand or quote reads the same."""
    from catalogue.render import escape_page_meta

    meta = {"title": "GRIP&GLANS", "description": 'Een "echte" claim', "hide": ["toc"]}
    escape_page_meta(meta)
    assert meta == {
        "title": "GRIP&amp;GLANS",
        "description": "Een &#34;echte&#34; claim",
        "hide": ["toc"],
    }
    escape_page_meta(meta)  # a second pass leaves escaped text alone
    assert meta["title"] == "GRIP&amp;GLANS"
    assert DATA_DIR.is_dir()


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t=", "\r="])
def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(copy, start):
    import csv
    import io

    from catalogue.export import to_csv

    claim = start + 'HYPERLINK("https://evil.example","klik") voor iedereen die meedoet'
    copy.replace(
        "claim: Deelnemers voelen zich minder alleen door wekelijkse ontmoetingen.",
        "claim: " + json_string(claim),
    )
    catalogue, problems = copy.load()
    assert [p for p in problems if p.severity == "fout"] == []
    [row] = list(csv.DictReader(io.StringIO(to_csv(catalogue).lstrip("\ufeff")), delimiter=";"))
    # Entry texts are stripped, so a leading tab or CR goes; the formula is still quoted.
    assert row["claim"] == "'" + claim.strip()


def test_a_cell_starting_with_tab_or_carriage_return_is_quoted():
    from catalogue.export import _guard_formula

    assert _guard_formula("\t=1+1") == "'\t=1+1"
    assert _guard_formula("\r=1+1") == "'\r=1+1"
    assert _guard_formula("Gewone tekst") == "Gewone tekst"


def json_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON is valid YAML), keeping tabs and CRs."""
    import json

    return json.dumps(text)
