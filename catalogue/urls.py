"""The site's URL scheme for catalogue pages, in one place.

These paths are public and stable: they are pasted into council papers and
mails. Each function returns a site-relative path with a trailing slash
(MkDocs' directory URLs), and `relative` turns it into a link from a page.
"""

from __future__ import annotations

import posixpath

OVERVIEW = "interventies/"
RISK_GROUPS = "risicogroepen/"
ELEMENTS = "werkzame-elementen/"
CONTRIBUTE = "bijdragen/"
ABOUT = "over-de-catalogus/"
JSON_EXPORT = "catalogus.json"
CSV_EXPORT = "catalogus.csv"
SCHEMA = "schema/interventie.schema.json"
#: The JSON Schema of `catalogus.json` as a whole (the export declares it).
EXPORT_SCHEMA = "schema/catalogus.schema.json"
#: Tells crawlers where the sitemap is.
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"
SEARCH_INDEX = "catalogus-zoekindex.json"
#: The search index's postings, in parts a search loads as it needs them.
SEARCH_SHARDS = "catalogus-zoekindex/"


def search_shard(number: int) -> str:
    return f"{SEARCH_SHARDS}{number}.json"


#: Questions, rules and the interventions' properties for the keuzehulp page.
GUIDE_DATA = "keuzehulp.json"
GUIDE = "keuzehulp/"
#: The comparison page's rows and each intervention's cells (catalogue.fields).
COMPARISON_DATA = "vergelijking.json"
SEARCH_SCRIPTS = (
    "assets/javascripts/lunr/lunr.js",
    "assets/javascripts/lunr/lunr.stemmer.support.js",
    "assets/javascripts/lunr/lunr.nl.js",
    "assets/javascripts/catalogus-zoeken.js",
)
ENTRY_SOURCE_DIR = "data/interventies/"

#: The overview's facet parameters (risicogroep, element, werkvorm,
#: erkenning) are declared with their fields in `catalogue.fields`.
#: Query parameter of the overview's text search.
QUERY_PARAMETER = "q"
#: Query parameter of the overview's sort order, and its values (name first).
SORT_PARAMETER = "sorteer"
SORT_ORDERS = {
    "naam": "Naam (A-Z)",
    "erkenning": "Erkenning (sterkste eerst)",
    "gecontroleerd": "Laatst gecontroleerd (nieuwste eerst)",
}


def entry(slug: str) -> str:
    return f"{OVERVIEW}{slug}/"


def entry_source(slug: str) -> str:
    """Where the entry's own YAML file is published, as open data."""
    return f"{ENTRY_SOURCE_DIR}{slug}.yaml"


def risk_group(term_id: str) -> str:
    return f"{RISK_GROUPS}{term_id}/"


def element(term_id: str) -> str:
    return f"{ELEMENTS}{term_id}/"


def source_uri(url: str) -> str:
    """The Markdown file MkDocs builds a directory URL from: `a/b/` -> `a/b/index.md`."""
    return url + "index.md" if url.endswith("/") else url


def relative(target: str, *, page: str) -> str:
    """Link from the page at directory URL `page` (e.g. `interventies/x/`) to `target`."""
    base = page.rstrip("/") or "."
    link = _relpath(target.rstrip("/") or ".", base)
    if link == ".":
        return "./"
    return link + "/" if target.endswith("/") or target == "" else link


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath` for site-relative paths, without its two `getcwd`
    calls per link (thousands of links per build)."""
    if ".." in path or ".." in start or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    for a, b in zip(to, base, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(base) - common) + to[common:]
    return "/".join(parts) if parts else "."
