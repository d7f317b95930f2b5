"""The catalogue in the built site: pages, overview, term pages and exports agree."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue

from conftest import copy_project, mkdocs_build

CATALOGUE, _ = load_catalogue(DATA_DIR)
SLUGS = sorted(e.slug for e in CATALOGUE.interventions)


class Links(HTMLParser):
    """Collects hrefs and the text of elements marked by a class."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.entries: list[str] = []  # data-slug of each listed entry (card or line)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if tag == "li" and "data-slug" in attributes:
            self.entries.append(attributes["data-slug"])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_count_in_equals_count_out(built_site: Path):
    entry_pages = sorted(p.parent.name for p in (built_site / "interventies").glob("*/index.html"))
    cards = parse(built_site / "interventies" / "index.html").entries
    data = json.loads((built_site / "catalogus.json").read_text(encoding="utf-8"))
    rows = list(
        csv.reader(
            io.StringIO((built_site / "catalogus.csv").read_text(encoding="utf-8-sig")),
            delimiter=";",
        )
    )
    assert entry_pages == SLUGS
    assert sorted(cards) == SLUGS
    assert data["aantal"] == len(SLUGS)
    assert sorted(e["slug"] for e in data["interventies"]) == SLUGS
    assert sorted(row[0] for row in rows[1:]) == SLUGS


def test_entry_page_shows_facts_links_and_unknowns(built_site: Path):
    html = page(built_site, "interventies/voetbal-herinneringen")
    assert "<h1>Voetbal herinneringen</h1>" in html
    assert "Eerder bekend als Football memories" in html
    assert 'href="../../risicogroepen/mantelzorgers/"' in html
    assert 'href="../../werkzame-elementen/bezigheden/"' in html
    assert 'ww-badge--goed-beschreven">Goed beschreven<' in html
    checked = CATALOGUE.by_slug("voetbal-herinneringen").laatst_gecontroleerd
    assert f'Laatst gecontroleerd: <time datetime="{checked.isoformat()}">' in html
    assert "Alzheimer Nederland" in html
    # Where no source speaks of recognition, the page says so instead of
    # guessing (unknown owners and the like: test_render).
    unrated = next(e for e in CATALOGUE.interventions if not e.erkenning)
    other = page(built_site, f"interventies/{unrated.slug}")
    assert re.search(r"<dt>Erkenning</dt><dd><span class=\"ww-unknown\">onbekend</span>", other)
    assert "Erkenning onbekend" in other


def test_entry_page_links_to_its_yaml(built_site: Path):
    html = page(built_site, "interventies/gouden-mannen")
    assert "catalogue/interventies/gouden-mannen.yaml" in html
    assert 'href="../../data/interventies/gouden-mannen.yaml"' in html
    published = (built_site / "data/interventies/gouden-mannen.yaml").read_bytes()
    assert published == (DATA_DIR / "interventies/gouden-mannen.yaml").read_bytes()


def test_related_interventions_share_elements_or_groups(built_site: Path):
    from catalogue.render import related as ranked

    html = page(built_site, "interventies/het-betekenisvol-gesprek")
    shown = html.split('id="verwant"', 1)[1]
    entry = CATALOGUE.by_slug("het-betekenisvol-gesprek")
    expected = ranked(entry, CATALOGUE)
    assert expected
    mine = {t.id for t in entry.werkzame_elementen + entry.risicogroepen}
    for other in expected:
        assert f'data-slug="{other.slug}"' in shown
        assert mine & {t.id for t in other.werkzame_elementen + other.risicogroepen}


def test_term_pages_list_the_entries_that_carry_the_term(built_site: Path):
    mantelzorgers = parse(built_site / "risicogroepen/mantelzorgers/index.html").entries
    carrying = [
        e.slug for e in CATALOGUE.interventions if "mantelzorgers" in {t.id for t in e.risicogroepen}
    ]
    assert carrying and mantelzorgers[: len(carrying)] == carrying
    ontmoeten = parse(built_site / "werkzame-elementen/ontmoeten/index.html").entries
    expected = [
        e.slug
        for e in CATALOGUE.interventions
        if "ontmoeten" in {t.id for t in e.werkzame_elementen}
    ]
    assert ontmoeten == expected
    index = page(built_site, "werkzame-elementen")
    assert "Praktisch ondersteunen" in index and "Realistische verwachtingen" in index


def test_generated_pages_reach_the_site_without_a_markdown_pass(built_site: Path):
    # Markdown would rewrap, re-indent or mark up the finished HTML; it must
    # arrive byte for byte inside the article.
    from catalogue.render import generated_pages
    from catalogue.repository import change_dates

    changed = change_dates(DATA_DIR.parent, "catalogue/interventies")
    for generated in generated_pages(CATALOGUE, changed=changed):
        if generated.url in ("interventies/gouden-mannen/", "risicogroepen/75-plussers/"):
            assert generated.html in page(built_site, generated.url.rstrip("/"))


def test_entry_pages_stay_out_of_the_navigation(built_site: Path):
    # navigation.prune: a page carries only its own section's nav, so look
    # from inside the Interventies section.
    overview = (built_site / "interventies" / "index.html").read_text(encoding="utf-8")
    nav = overview.split('class="md-nav md-nav--primary', 1)[1].split('class="md-sidebar', 1)[0]
    assert "interventies/gouden-mannen" not in nav
    assert "risicogroepen/mantelzorgers" not in nav
    assert "Risicogroepen" in nav


def test_every_internal_link_resolves(built_site: Path):
    broken = []
    for html in built_site.rglob("*.html"):
        if html.name == "404.html":  # served at any depth, so it uses absolute links
            continue
        for href in parse(html).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("#", "mailto:")):
                continue
            target = (html.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{html.relative_to(built_site)} -> {href}")
    assert broken == []


def test_json_export_has_labels_and_urls(built_site: Path):
    data = json.loads((built_site / "catalogus.json").read_text(encoding="utf-8"))
    entry = next(e for e in data["interventies"] if e["slug"] == "voetbal-herinneringen")
    assert entry["url"].endswith("interventies/voetbal-herinneringen/")
    assert {"id": "mantelzorgers", "label": "Mantelzorgers"}.items() <= entry["risicogroepen"][
        1
    ].items()
    assert entry["erkenning"]["niveau"] == {"id": "goed-beschreven", "label": "Goed beschreven"}
    assert entry["eigenaar"]["organisatie"] == "Alzheimer Nederland"
    no_site = next(e for e in CATALOGUE.interventions if not e.eigenaar.website)
    record = next(e for e in data["interventies"] if e["slug"] == no_site.slug)
    assert record["eigenaar"]["website"] is None


def test_csv_export_opens_cleanly_in_excel(built_site: Path):
    raw = (built_site / "catalogus.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:3] == ["slug", "naam", "eerdere_namen"]
    assert all(len(row) == len(header) for row in rows)
    voetbal = dict(
        zip(header, next(r for r in rows if r[0] == "voetbal-herinneringen"), strict=True)
    )
    assert voetbal["risicogroepen"] == "75-plussers; Mantelzorgers"
    assert voetbal["erkenning_niveau"] == "Goed beschreven"


def test_schema_is_published(built_site: Path):
    published = json.loads((built_site / "schema/interventie.schema.json").read_text("utf-8"))
    assert published == json.loads((DATA_DIR / "interventie.schema.json").read_text("utf-8"))


def test_overview_is_complete_without_javascript(built_site: Path):
    html = page(built_site, "interventies")
    assert '<form class="ww-filters" data-filters hidden' in html
    assert f"{len(SLUGS)} interventies</p>" in html


@pytest.fixture(scope="module")
def project_with_tenth(tmp_path_factory) -> Path:
    """A copy of the repository with one more entry: copied and renamed."""
    root = tmp_path_factory.mktemp("tenth")
    project = copy_project(root / "project")
    source = (DATA_DIR / "interventies" / "vangnetwerken.yaml").read_text(encoding="utf-8")
    (project / "catalogue/interventies/buurtnetwerken.yaml").write_text(
        source.replace("naam: Vangnetwerken", "naam: Buurtnetwerken").replace(
            "  - DOCKwerkers\n", "  - Buurtwerkers\n"
        ), encoding="utf-8"
    )
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_tenth_entry_appears_everywhere(project_with_tenth: Path):
    site = project_with_tenth
    assert "<h1>Buurtnetwerken</h1>" in page(site, "interventies/buurtnetwerken")
    assert "buurtnetwerken" in parse(site / "interventies/index.html").entries
    assert (
        "buurtnetwerken"
        in parse(site / "risicogroepen/beperking-of-psychiatrische-achtergrond/index.html").entries
    )
    assert "buurtnetwerken" in parse(site / "werkzame-elementen/ontmoeten/index.html").entries
    data = json.loads((site / "catalogus.json").read_text(encoding="utf-8"))
    assert data["aantal"] == len(SLUGS) + 1
    assert "buurtnetwerken" in (site / "catalogus.csv").read_text(encoding="utf-8-sig")


def test_unknown_marker_fails_the_build(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    (project / "docs/index.md").write_text("# Start\n\n<!-- catalogus:overzciht -->\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "index.md: onbekende marker <!-- catalogus:overzciht -->" in result.stderr


def test_site_serves_the_index_the_cli_builds(built_site: Path):
    from catalogue.search import build_index, site_files

    files = site_files(build_index(CATALOGUE))
    assert len(files) > 1  # the head and its parts
    for path, content in files.items():
        assert (built_site / path).read_text(encoding="utf-8") == content, path


def test_lunr_scripts_come_from_the_installed_mkdocs_minified(built_site: Path):
    from rjsmin import jsmin

    from catalogue.search import browser_assets

    for path, source in browser_assets().items():
        served = (built_site / path).read_text("utf-8")
        assert served == jsmin(source.read_text("utf-8"))
        assert len(served) < source.stat().st_size


def test_gap_matrix_counts_equal_counts_from_the_yaml(built_site: Path):
    import yaml

    raw = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((DATA_DIR / "interventies").glob("*.yaml"))
    ]
    html = (built_site / "aanbod-in-beeld" / "index.html").read_text(encoding="utf-8")
    table = html.split("<table", 2)[1]
    cells = re.findall(r'data-count="(\d+)"', table)
    groups = CATALOGUE.vocabularies["risicogroepen"].ids()
    elements = CATALOGUE.vocabularies["werkzame_elementen"].ids()
    expected = [
        sum(
            1
            for entry in raw
            if group in (entry.get("risicogroepen") or [])
            and element in (entry.get("werkzame_elementen") or [])
        )
        for group in groups
        for element in elements
    ]
    assert [int(c) for c in cells] == expected
    assert 0 in expected  # the gaps are visible


def test_gap_matrix_cells_link_to_exactly_their_interventions(built_site: Path):
    html = (built_site / "aanbod-in-beeld" / "index.html").read_text(encoding="utf-8")
    links = re.findall(
        r'data-count="(\d+)">\s*<a href="\.\./interventies/'
        r'\?risicogroep=([^&]+)&amp;element=([^"]+)"',
        html,
    )
    assert links
    for count, group, element in links:
        matching = [
            e
            for e in CATALOGUE.interventions
            if group in {t.id for t in e.risicogroepen}
            and element in {t.id for t in e.werkzame_elementen}
        ]
        assert int(count) == len(matching), (group, element)
