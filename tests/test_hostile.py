"""Untrusted YAML cannot touch the page: what MkDocs prints raw is escaped."""

from __future__ import annotations

import re
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
    # The only http-equiv is our own policy: no refresh, no second policy.
    assert [m.get("http-equiv") for m in parsed.metas if "http-equiv" in m] == [
        "Content-Security-Policy"
    ]


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


# -- no traceback, ever: each hostile file gives one message at its real place --

FIXTURE_LINES = (Path(__file__).parent / "fixtures/proef-interventie.yaml").read_text("utf-8")


def hostile(old: str, new: str) -> str:
    assert old in FIXTURE_LINES
    return FIXTURE_LINES.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


HOSTILE_FILES = {
    "unknown tag": (hostile("naam: Proef Interventie", "naam: !foo x"), "yaml-tag", "naam:"),
    "python tag": (
        hostile("naam: Proef Interventie", "naam: !!python/name:os.system ''"),
        "yaml-tag",
        "naam:",
    ),
    "merge key": (
        hostile("doelgroep:\n", "basis: &b {omschrijving: x}\ndoelgroep:\n  <<: *b\n"),
        "yaml-tag",
        "<<:",
    ),
    "int tag, no number": (hostile("jaar: 2024", "jaar: !!int abc"), "yaml-value", "jaar:"),
    "bool tag, no boolean": (
        hostile("jaar: 2024", "jaar: !!bool misschien"),
        "yaml-value",
        "jaar:",
    ),
    "5,000 unclosed [": (
        hostile("naam: Proef Interventie", "naam: " + "[" * 5000),
        "too-deep",
        "naam:",
    ),
    "3,000 nested {": (
        hostile("naam: Proef Interventie", "naam: " + "{a: " * 3000),
        "too-deep",
        "naam:",
    ),
    "NUL byte": (hostile("Deelnemers", "Deel\x00nemers"), "invisible-character", "claim:"),
    "BEL byte": (hostile("Deelnemers", "Deel\x07nemers"), "invisible-character", "claim:"),
    "ESC sequence": (hostile("Deelnemers", "Deel\x1b[31mnemers"), "invisible-character", "claim:"),
    "right-to-left override": (
        hostile("Deelnemers", "Deel\u202enemers"),
        "invisible-character",
        "claim:",
    ),
    "zero-width space in the name": (
        hostile("naam: Proef Interventie", "naam: Proef\u200b Interventie"),
        "invisible-character",
        "naam:",
    ),
    "name of Cyrillic letters only": (
        hostile("naam: Proef Interventie", "naam: Прооф"),
        "foreign-letters",
        "naam:",
    ),
    "one Cyrillic letter": (
        hostile("naam: Proef Interventie", "naam: Prоef Interventie"),
        "foreign-letters",
        "naam:",
    ),
    "loopback URL": (
        hostile("https://example.org/bron", "https://127.0.0.1/bron"),
        "url-not-public",
        "url:",
    ),
    "cloud metadata URL": (
        hostile("https://example.org/bron", "http://169.254.169.254/latest"),
        "url-not-public",
        "url:",
    ),
    "private network URL": (
        hostile("https://example.org/bron", "https://10.0.0.8/intranet"),
        "url-not-public",
        "url:",
    ),
    "user info in URL": (
        hostile("https://example.org/bron", "https://user:pw@example.org/bron"),
        "url-not-public",
        "url:",
    ),
    "backslash in URL": (
        hostile("https://example.org/bron", "'https://example.org\\@evil.example/'"),
        "url-not-public",
        "url:",
    ),
    "localhost URL": (
        hostile("https://example.org/bron", "http://localhost/bron"),
        "url",  # the schema's own rule: a host name without a dot
        "url:",
    ),
    "internal host name": (
        hostile("https://example.org/bron", "https://intranet.corp/bron"),
        "url-not-public",
        "url:",
    ),
    "name over two lines": (
        hostile("naam: Proef Interventie", "naam: |\n  Proef\n  Interventie"),
        "multi-line-name",
        "naam:",
    ),
    "name that gives no slug": (
        hostile("naam: Proef Interventie", "naam: '***'"),
        "empty-slug",
        "naam:",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_FILES))
def test_hostile_file_gives_one_clear_message_at_its_place(copy, case):
    text, rule, needle = HOSTILE_FILES[case]
    copy.write("proef-interventie.yaml", text)
    catalogue, problems = copy.load()  # must not raise
    assert catalogue.interventions == ()
    found = [p for p in problems if p.severity == "fout"]
    assert [p.rule for p in found] == [rule], [str(p) for p in found]
    assert found[0].file == "interventies/proef-interventie.yaml"
    assert found[0].line == line_of(text, needle), str(found[0])
    assert "\x1b" not in str(found[0]) and "\x00" not in str(found[0])


@pytest.mark.parametrize("name", ["proef\ninterventie.yaml", "proef\x1b[31m.yaml"])
def test_file_names_are_printed_escaped(copy, name):
    (copy.entries / "proef-interventie.yaml").rename(copy.entries / name)
    _, problems = copy.load()
    text = "\n".join(str(p) for p in problems)
    assert text.count("\n") == len(problems) - 1  # one line per problem, no forged line
    assert "\x1b" not in text
    assert "proef\\ninterventie.yaml" in text or "proef\\x1b[31m.yaml" in text


def test_symlinked_entry_files_are_refused(copy, tmp_path):
    outside = tmp_path / "elders.yaml"
    outside.write_text(FIXTURE_LINES.replace("Proef Interventie", "Elders"), "utf-8")
    (copy.entries / "elders.yaml").symlink_to(outside)
    catalogue, problems = copy.load()
    assert [p.rule for p in problems if p.severity == "fout"] == ["symlink"]
    assert [e.slug for e in catalogue.interventions] == ["proef-interventie"]


def test_look_alike_names_count_as_the_same_name(copy):
    from catalogue.slug import skeleton

    # Cyrillic о, fullwidth letters and case all fold to one skeleton.
    assert skeleton("Gоuden Mannen") == skeleton("Gouden Mannen") == skeleton("ＧＯＵＤＥＮ mannen")
    assert skeleton("Gouden Mannen") != skeleton("Gouden Mannen 2")
    copy.write(
        "gouden-mannen.yaml", FIXTURE_LINES.replace("naam: Proef Interventie", "naam: Gouden Mannen")
    )
    copy.write(
        "gouden-mannen-2.yaml",
        FIXTURE_LINES.replace("naam: Proef Interventie", "naam: Gouden Mannen 2").replace(
            "doelgroep:", "eerdere_namen:\n  - Gоuden Mannen\ndoelgroep:"
        ),
    )
    catalogue, problems = copy.load()
    rules = sorted(p.rule for p in problems if p.severity == "fout")
    assert rules == ["duplicate-name", "foreign-letters"]
    assert "gouden-mannen-2" not in {e.slug for e in catalogue.interventions}


def test_a_large_valid_municipalities_file_has_its_own_limit(copy):
    from catalogue.loader import DATA_FILE_LIMITS, MUNICIPALITIES_FILE
    from catalogue.sources import ENTRY_LIMITS

    limit = DATA_FILE_LIMITS[MUNICIPALITIES_FILE]
    assert limit.max_bytes > 10 * ENTRY_LIMITS.max_bytes
    assert limit.kind == "gemeenten.yaml"
    source = (DATA_DIR / "gemeenten.yaml").read_text("utf-8")
    big = source + "\n" * 0  # the real file grows to 114 kB+ with repeated comments
    padding = "# " + "toelichting " * 20 + "\n"
    while len(big.encode()) < 150_000:
        big += padding
    (copy.root / "gemeenten.yaml").write_text(big, "utf-8")
    import shutil

    shutil.copy(DATA_DIR / "gemeenten.schema.json", copy.root / "gemeenten.schema.json")
    catalogue, problems = copy.load()
    assert [p for p in problems if p.severity == "fout"] == []
    assert catalogue.municipalities is not None


# -- the command line never shows a traceback --------------------------------


def cli(args: list[str], capsys) -> tuple[int, str, str]:
    from catalogue.cli import main

    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"versie":', "is geen geldige JSON (regel 1, kolom 11"),
        ('{"foo": 1}', "is geen zoekindex van de catalogus"),
        ("[1, 2]", "is geen zoekindex van de catalogus"),
        ('{"index": {"version": "x"}, "documenten": {}, "velden": {}}', "is geen zoekindex"),
        (
            '{"termen": {"delen": [0], "pad": "delen/"}, "documenten": {}, "velden": {}}',
            "mist deel 0 van de zoekindex",
        ),
        (
            '{"termen": {"delen": [0], "pad": "zoekindex/"}, "documenten": {}, "velden": {}}',
            "is geen bruikbare lunr-index",
        ),
    ],
)
def test_search_on_a_broken_index_file_says_what_is_wrong(tmp_path, capsys, content, message):
    index = tmp_path / "zoekindex.json"
    index.write_text(content, "utf-8")
    (tmp_path / "zoekindex").mkdir()
    (tmp_path / "zoekindex" / "0.json").write_text('{"postings": [[[0, [5], [1]]]]}', "utf-8")
    code, out, err = cli(["search", "jongeren", "--index", str(index)], capsys)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize(
    "name, message",
    [("a" * 330, "de naam is 330 tekens lang; hoogstens 120"), ("a\nb", "regelovergang")],
)
def test_new_refuses_long_or_multiline_names(copy, capsys, name, message):
    code, _, err = cli(["--root", str(copy.root), "new", name], capsys)
    assert code == 2 and message in err


def test_schema_write_with_broken_vocabularies_changes_nothing(copy, capsys):
    schema = copy.root / "interventie.schema.json"
    before = schema.read_bytes()
    words = copy.root / "vocabularies.yaml"
    words.write_text(words.read_text("utf-8").replace("risicogroepen:", "risicogroepen: [", 1), "utf-8")
    code, out, err = cli(["--root", str(copy.root), "schema", "--write"], capsys)
    assert code == 1
    assert "vocabularies.yaml:" in out and "ongeldige YAML" in out
    assert "het schema is niet veranderd" in err
    assert schema.read_bytes() == before


# -- Content-Security-Policy ---------------------------------------------------


def test_policy_allows_exactly_the_inline_scripts_by_hash():
    import base64
    import hashlib

    from catalogue import csp

    html = (
        '<html><head><meta charset="utf-8"><script>var a = 1;</script>'
        '<script id="__config" type="application/json">{"base": "."}</script>'
        '<script src="x.js"></script></head><body><script type="module">b()</script></body></html>'
    )
    expected = {
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in ("var a = 1;", "b()")
    }
    assert csp.inline_script_hashes(html) == expected
    text = csp.policy(expected)
    script_src = next(d for d in text.split("; ") if d.startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert all(h in script_src for h in expected)
    page = csp.with_policy(html, csp.policy(set()))
    meta = '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="'
    assert page.index(meta) == page.index("<meta charset")
    final = csp.replace_policy(page, csp.policy(set()), text)
    assert final.count("Content-Security-Policy") == 1
    assert final == csp.with_policy(html, text)


def test_every_built_page_carries_one_filled_in_policy(built_site):
    from catalogue import csp

    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 50
    hashes: set[str] = set()
    policies: set[str] = set()
    for path in pages:
        html = path.read_text("utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, path
        policies |= set(re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html))
        hashes |= csp.inline_script_hashes(html)
    # One policy for the whole site: every inline script of every page is in it.
    assert policies == {csp.policy(hashes)}


def test_two_municipalities_without_a_usable_name_are_refused(copy):
    import shutil

    shutil.copy(DATA_DIR / "gemeenten.schema.json", copy.root / "gemeenten.schema.json")
    text = (DATA_DIR / "gemeenten.yaml").read_text("utf-8")
    text = text.replace("  - naam: Amsterdam\n", "  - naam: '!!!'\n", 1).replace(
        "  - naam: Baarn\n", "  - naam: '???'\n", 1
    )
    (copy.root / "gemeenten.yaml").write_text(text, "utf-8")
    _, problems = copy.load()
    assert [p.rule for p in problems if p.severity == "fout"] == ["empty-slug", "empty-slug"]


def test_two_tool_themes_with_one_number_are_refused(copy):
    import shutil

    shutil.copy(DATA_DIR / "verbetertool.schema.json", copy.root / "verbetertool.schema.json")
    text = (DATA_DIR / "verbetertool.yaml").read_text("utf-8")
    assert "  - nummer: 2\n" in text
    (copy.root / "verbetertool.yaml").write_text(text.replace("  - nummer: 2\n", "  - nummer: 1\n", 1), "utf-8")
    _, problems = copy.load()
    found = [p for p in problems if p.severity == "fout"]
    assert [p.rule for p in found] == ["duplicate-value"]
    assert "themanummer komt twee keer voor" in str(found[0])
