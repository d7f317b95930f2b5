"""A hostile-input corpus in every text field of every file kind.

Each string below passes validation (plain text by our rules) yet would break
out of an attribute, a tag or a template if anything printed it raw. The same
project is built twice, clean and with the corpus written into entry,
vocabulary, municipality and improvement-tool texts; the HTML of every page
must have the same shape (no new element, attribute or script), and the pages
must load in Chromium under the CSP with no dialog, navigation or error.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, mkdocs_build

CORPUS = [
    '0;url=https://evil.example" http-equiv="refresh',
    '" onmouseover="alert(1)" x="',
    "' onfocus='alert(1)' autofocus='",
    "{{ 7*7 }} {% raw %} ${alert(1)} `alert(1)`",
    "javascript:alert(1) data:text/html,x",
    "> < >< &amp x & y",
    "</ title> </ script> < img src=x onerror=alert(1)>",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "]]> --> <!- -",
]


def poison(text: str, index: int) -> str:
    """A corpus string woven into existing text, so lengths and rules still hold."""
    return f"{text} {CORPUS[index % len(CORPUS)]}"


def poison_entries(project: Path) -> None:
    for number, path in enumerate(sorted((project / "catalogue/interventies").glob("*.yaml"))):
        data = yaml.safe_load(path.read_text("utf-8"))
        data["claim"] = poison(data["claim"], number)[:300]
        data["beschrijving"] = poison(data["beschrijving"], number + 1)
        data["doelgroep"]["omschrijving"] = poison(data["doelgroep"]["omschrijving"], number + 2)[:600]
        if data.get("kosten"):
            data["kosten"] = poison(data["kosten"], number + 3)
        for source in data["bronnen"]:
            source["titel"] = poison(source["titel"], number + 4)[:300]
        header = "# yaml-language-server: $schema=../interventie.schema.json\n"
        path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def poison_data_files(project: Path) -> None:
    root = project / "catalogue"
    words = yaml.safe_load((root / "vocabularies.yaml").read_text("utf-8"))
    for number, term in enumerate(words["risicogroepen"] + words["werkzame_elementen"]):
        term["beschrijving"] = poison(term["beschrijving"], number)[:300]
    (root / "vocabularies.yaml").write_text(yaml.safe_dump(words, allow_unicode=True), "utf-8")
    towns = yaml.safe_load((root / "gemeenten.yaml").read_text("utf-8"))
    for number, town in enumerate(towns["gemeenten"]):
        for activity in town["activiteiten"]:
            activity["omschrijving"] = poison(activity["omschrijving"], number)[:300]
    (root / "gemeenten.yaml").write_text(yaml.safe_dump(towns, allow_unicode=True), "utf-8")
    tool = yaml.safe_load((root / "verbetertool.yaml").read_text("utf-8"))
    for number, theme in enumerate(tool["themas"]):
        theme["inleiding"] = poison(theme["inleiding"], number)
    (root / "verbetertool.yaml").write_text(yaml.safe_dump(tool, allow_unicode=True), "utf-8")
    from catalogue.loader import write_synced_schema

    write_synced_schema(root)  # term descriptions feed the editors' schema


class Shape(HTMLParser):
    """How many of each element, each attribute name per element, and each script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: Counter[str] = Counter()

    def handle_starttag(self, tag, attrs):
        self.shape[tag] += 1
        for name, _ in attrs:
            self.shape[f"{tag}[{name}]"] += 1
            if name.startswith("on"):
                self.shape[f"EVENT {tag}[{name}]"] += 1


def shape(path: Path) -> Counter[str]:
    parser = Shape()
    parser.feed(path.read_text("utf-8"))
    return parser.shape


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("corpus")
    clean = copy_project(root / "clean")
    hostile = copy_project(root / "hostile")
    poison_entries(hostile)
    poison_data_files(hostile)
    for project, site in ((clean, root / "clean-site"), (hostile, root / "hostile-site")):
        result = mkdocs_build(project, site)
        assert result.returncode == 0, result.stderr[-3000:]
    return root / "clean-site", root / "hostile-site"


def test_the_corpus_is_accepted_as_plain_text(two_sites):
    _, hostile = two_sites
    page = (hostile / "interventies/gouden-mannen/index.html").read_text("utf-8")
    assert "http-equiv=&#34;refresh" in page or "http-equiv=&quot;refresh" in page


def test_no_page_gains_an_element_or_attribute(two_sites):
    clean, hostile = two_sites
    pages = sorted(p.relative_to(clean) for p in clean.rglob("*.html"))
    assert len(pages) > 50
    assert pages == sorted(p.relative_to(hostile) for p in hostile.rglob("*.html"))
    changed = {}
    for page in pages:
        before, after = shape(clean / page), shape(hostile / page)
        if before != after:
            changed[str(page)] = sorted((after - before) + (before - after))
    assert changed == {}


@pytest.mark.browser
def test_hostile_pages_load_under_the_policy_without_dialog_or_error(two_sites, browser):
    from browser import serve

    _, hostile = two_sites
    with serve(hostile) as url:
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        events: list[str] = []
        page.on("dialog", lambda d: (events.append("dialog " + d.message), d.dismiss()))
        page.on("pageerror", lambda e: events.append("error " + str(e)))
        page.on("console", lambda m: events.append("console " + m.text) if m.type == "error" else None)
        for path in (
            "/",
            "/interventies/",
            "/interventies/gouden-mannen/",
            "/risicogroepen/dak-en-thuislozen/",
            "/werkzame-elementen/ontmoeten/",
            "/gemeenten/",
            "/verbetertool/",
            "/bronnen/",
            "/vergelijk/?i=gouden-mannen,go-win",
            "/stappenplan/stap-09/",
        ):
            page.goto(url + path, wait_until="networkidle")
            page.mouse.move(200, 300)
            page.keyboard.press("Tab")
            assert page.url.startswith(url + path.split("?")[0]), page.url  # no redirect
        context.close()
    assert events == []
