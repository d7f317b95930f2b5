"""Render the catalogue's pages and the blocks markers stand for, as HTML.

Free of MkDocs. A generated page is front matter (what MkDocs reads: title,
description) plus finished HTML, which the hook hands over as the page's
content: running thousands of pages of finished HTML through Markdown only
re-parses them (it was the largest cost of a 1,000-entry build). Markers in
hand-written pages are likewise swapped for `render_marker`'s output after
Markdown has run. All markup lives
in Jinja templates under `catalogue/templates/site/`; autoescaping is on, so
no text from YAML reaches the page unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from pathlib import Path

import jinja2
import markupsafe
import yaml

from catalogue import recognition, urls
from catalogue.completeness import completeness, field_anchor
from catalogue.keuzehulp import SHOWN as GUIDE_SHOWN
from catalogue.keuzehulp import guide_data
from catalogue.model import Catalogue, Intervention, Municipality, Source, Term
from catalogue.repository import RepoLinks

TEMPLATES = Path(__file__).resolve().parent / "templates" / "site"
UNKNOWN = recognition.UNKNOWN
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
#: Cards the overview shows at first and per "Toon meer" (JavaScript on):
#: layout grows with the cards shown (60 cards: ~44 ms per facet click at
#: 5,000 entries on the bench machine); 30 cards are some ten phone screens.
OVERVIEW_PAGE_SIZE = 30
MARKER = re.compile(r"<!--\s*catalogus:([a-z0-9-]+)\s*-->")


@dataclass(frozen=True)
class GeneratedPage:
    """A page the hook adds to the site: its directory URL, metadata and HTML body."""

    url: str
    meta: dict[str, object]
    html: str

    @property
    def src_uri(self) -> str:
        return urls.source_uri(self.url)

    @property
    def source(self) -> str:
        """The Markdown file MkDocs reads: front matter only; the body is `html`."""
        return front_matter(**self.meta)


@dataclass(frozen=True)
class FacetValue:
    id: str
    label: str
    beschrijving: str
    count: int
    url: str | None  # the term's own page, where it has one


@dataclass(frozen=True)
class Facet:
    vocabulary: str
    parameter: str  # query parameter in the overview URL
    legend: str
    values: tuple[FacetValue, ...]


class UnknownMarker(ValueError):
    """A hand-written page names a catalogue marker that does not exist."""


@cache  # one per process; Jinja itself reloads a template whose file changed
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["datum"] = dutch_date
    env.filters["alineas"] = paragraphs
    return env


def dutch_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def paragraphs(text: str | None) -> list[str]:
    """Blank lines separate paragraphs in entry texts."""
    if not text:
        return []
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


#: Page metadata that MkDocs and Material put into their templates unescaped
#: (`<title>`, `<meta name="description" content="...">`, header, nav).
#: MkDocs treats a page title as HTML (a Markdown heading arrives escaped),
#: so escaping these once keeps that convention and closes the attribute.
ESCAPED_META = ("title", "description")


def escape_page_meta(meta: dict[str, object]) -> None:
    """Make the metadata MkDocs' templates print raw safe in text and attributes."""
    for key in ESCAPED_META:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
            meta[key] = markupsafe.escape(value)


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: once per page


def front_matter(**values: object) -> str:
    """YAML front matter, dumped (not templated) so any title is safely quoted."""
    text = yaml.dump(values, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return "---\n" + text + "---\n\n"


# -- related interventions ------------------------------------------------------


def related(entry: Intervention, catalogue: Catalogue, limit: int = 4) -> list[Intervention]:
    """Other entries ranked by shared working elements, then shared risk groups."""
    return related_index(catalogue)(entry, limit)


def related_index(catalogue: Catalogue) -> Callable[[Intervention, int], list[Intervention]]:
    """Build once, rank per entry.

    The ranking depends only on an entry's working elements and risk groups
    (its signature), and a vocabulary of a few dozen terms gives far fewer
    signatures than entries (1,000 synthetic entries: 285). So signatures are
    ranked against each other once, as bit masks, and each entry walks its
    signature's ranking: the cost grows with the number of signatures
    squared, not entries squared (comparing every pair of 1,000 entries took
    5 s; at 5,000 it would take two minutes).
    """
    bits = _term_bits(catalogue)
    groups: dict[Signature, list[Intervention]] = {}
    for entry in catalogue.interventions:
        groups.setdefault(_signature(entry, bits), []).append(entry)
    for members in groups.values():
        members.sort(key=lambda e: e.naam.casefold())
    ranked: dict[Signature, list[tuple[Score, list[Intervention]]]] = {}

    def order(signature: Signature) -> list[tuple[Score, list[Intervention]]]:
        """Signature groups sharing anything with `signature`, best score first."""
        if signature not in ranked:
            elements, risk_groups = signature
            scored = []
            for (other_elements, other_groups), members in groups.items():
                score = (
                    (elements & other_elements).bit_count(),
                    (risk_groups & other_groups).bit_count(),
                )
                if score != (0, 0):
                    scored.append((score, members))
            scored.sort(key=lambda item: (-item[0][0], -item[0][1]))
            ranked[signature] = scored
        return ranked[signature]

    def rank(entry: Intervention, limit: int = 4) -> list[Intervention]:
        candidates: list[tuple[Score, Intervention]] = []
        for score, members in order(_signature(entry, bits)):
            if len(candidates) >= limit and score != candidates[-1][0]:
                break  # every further group scores lower
            # Members are in name order: more than limit + 1 (self) never win.
            candidates += [(score, m) for m in members[: limit + 1] if m.slug != entry.slug]
        candidates.sort(key=lambda c: (-c[0][0], -c[0][1], c[1].naam.casefold()))
        return [m for _, m in candidates[:limit]]

    return rank


Signature = tuple[int, int]  # bit masks: working elements, risk groups
Score = tuple[int, int]  # shared working elements, shared risk groups


def _term_bits(catalogue: Catalogue) -> dict[str, int]:
    """One bit per working element and per risk group (ids are unique per vocabulary)."""
    bits: dict[str, int] = {}
    for vocabulary in ("werkzame_elementen", "risicogroepen"):
        for position, term in enumerate(catalogue.vocabularies[vocabulary]):
            bits[f"{vocabulary}:{term.id}"] = 1 << position
    return bits


def _signature(entry: Intervention, bits: dict[str, int]) -> Signature:
    elements = groups = 0
    for term in entry.werkzame_elementen:
        elements |= bits[f"werkzame_elementen:{term.id}"]
    for term in entry.risicogroepen:
        groups |= bits[f"risicogroepen:{term.id}"]
    return elements, groups


# -- facets ---------------------------------------------------------------------


def facet_values(
    entry: Intervention, vocabulary: str, today: date | None = None
) -> tuple[str, ...]:
    """The ids an entry carries in one facet; recognition is its status
    (`recognition.status_id`), so "onbekend" is a value of its own."""
    if vocabulary == "risicogroepen":
        return tuple(t.id for t in entry.risicogroepen)
    if vocabulary == "werkzame_elementen":
        return tuple(t.id for t in entry.werkzame_elementen)
    if vocabulary == "werkvormen":
        return tuple(t.id for t in entry.werkvorm.vormen)
    if vocabulary == "erkenningsniveaus":
        return (recognition.status_id(entry, today or date.today()),)
    raise KeyError(vocabulary)


_LEGENDS = {
    "risicogroepen": "Risicogroep",
    "werkzame_elementen": "Werkzaam element",
    "werkvormen": "Werkvorm",
    "erkenningsniveaus": "Erkenning",
}


def facets(catalogue: Catalogue, page: str, today: date | None = None) -> list[Facet]:
    """The overview's facets with a count per value over the whole catalogue."""
    today = today or date.today()
    result = []
    for vocabulary, parameter in urls.FACET_PARAMETERS.items():
        terms: list[Term] = (
            recognition.statuses(catalogue.vocabularies)
            if vocabulary == "erkenningsniveaus"
            else list(catalogue.vocabularies[vocabulary])
        )
        counts = {t.id: 0 for t in terms}
        for entry in catalogue.interventions:
            for value in facet_values(entry, vocabulary, today):
                counts[value] += 1
        page_url = {"risicogroepen": urls.risk_group, "werkzame_elementen": urls.element}.get(
            vocabulary
        )
        result.append(
            Facet(
                vocabulary,
                parameter,
                _LEGENDS[vocabulary],
                tuple(
                    FacetValue(
                        t.id,
                        t.label,
                        t.beschrijving,
                        counts[t.id],
                        urls.relative(page_url(t.id), page=page) if page_url else None,
                    )
                    for t in terms
                ),
            )
        )
    return result


# -- pages ------------------------------------------------------------------------


def _context(catalogue: Catalogue, page: str, **extra: object) -> dict[str, object]:
    link: Callable[[str], str] = partial(urls.relative, page=page)
    today = date.today()
    terms = recognition.status_terms(catalogue.vocabularies)
    return {
        "catalogue": catalogue,
        "page": page,
        "link": link,
        "urls": urls,
        "UNKNOWN": UNKNOWN,
        "today": today,
        "facet_values": partial(facet_values, today=today),
        "status": lambda entry: terms[recognition.status_id(entry, today)],
        "rank": lambda entry: recognition.rank(entry, today),
        "completeness": lambda entry: completeness(entry, today),
        "recognition_counts": lambda: recognition.counts(
            catalogue.interventions, catalogue.vocabularies, today
        ),
        "rated_ids": [i for i in recognition.ORDER if i in recognition.RATED],
        "field_anchor": field_anchor,
        **extra,
    }


def entry_page(
    entry: Intervention,
    catalogue: Catalogue,
    *,
    env: jinja2.Environment,
    repo: RepoLinks = RepoLinks(),
    changed: date | None = None,
    rank: Callable[[Intervention, int], list[Intervention]] | None = None,
) -> GeneratedPage:
    """`changed`: when git last changed the entry's file (None without history)."""
    page = urls.entry(entry.slug)
    others = (rank or related_index(catalogue))(entry, 4)
    body = env.get_template("entry.html.j2").render(
        _context(
            catalogue,
            page,
            entry=entry,
            related=others,
            changed=changed,
            edit_url=repo.edit(entry.source_file),
            history_url=repo.history(entry.source_file) if changed else None,
            report_url=repo.report(f"Interventie: {entry.naam}"),
        )
    )
    return GeneratedPage(
        page, {"title": entry.naam, "description": entry.claim, "hide": ["toc"]}, body
    )


#: A risk group with fewer interventions than this says so and shows what
#: comes closest (its `dichtbij` in vocabularies.yaml).
THIN_GROUP = 5
#: Entries listed per nearby term on a thin risk group's page.
NEARBY_LIMIT = 8


@dataclass(frozen=True)
class Nearby:
    term: Term
    vocabulary: str
    reason: str
    entries: tuple[Intervention, ...]
    more: int  # further entries not listed
    page: str | None  # the term's own page, where it has one


def _term_ids(entry: Intervention, vocabulary: str) -> set[str]:
    if vocabulary == "doelgroeptags":
        return {t.id for t in entry.doelgroep.tags}
    if vocabulary == "risicogroepen":
        return {t.id for t in entry.risicogroepen}
    return {t.id for t in entry.werkzame_elementen}


def nearby(term: Term, catalogue: Catalogue, exclude: list[Intervention]) -> list[Nearby]:
    """What comes closest to a thin risk group, per its `dichtbij`, leaving out its own entries."""
    own = {e.slug for e in exclude}
    result = []
    for item in term.extra.get("dichtbij") or []:
        vocabulary = item["woordenlijst"]
        other = catalogue.vocabularies[vocabulary].get(item["id"])
        found = [
            e
            for e in catalogue.interventions
            if e.slug not in own and other.id in _term_ids(e, vocabulary)
        ]
        page = {"risicogroepen": urls.risk_group, "werkzame_elementen": urls.element}.get(vocabulary)
        result.append(
            Nearby(
                other,
                vocabulary,
                item["reden"],
                tuple(found[:NEARBY_LIMIT]),
                max(0, len(found) - NEARBY_LIMIT),
                page(other.id) if page else None,
            )
        )
    return result


def term_page(
    term: Term, vocabulary: str, catalogue: Catalogue, env: jinja2.Environment
) -> GeneratedPage:
    page = (urls.risk_group if vocabulary == "risicogroepen" else urls.element)(term.id)
    carried = [e for e in catalogue.interventions if term.id in facet_values(e, vocabulary)]
    thin = vocabulary == "risicogroepen" and len(carried) < THIN_GROUP
    overview = urls.relative(urls.OVERVIEW, page=page) + (
        f"?{urls.FACET_PARAMETERS[vocabulary]}={term.id}"
    )
    body = env.get_template("term.html.j2").render(
        _context(
            catalogue,
            page,
            term=term,
            vocabulary=vocabulary,
            entries=carried,
            overview_link=overview,
            thin=thin,
            nearby=nearby(term, catalogue, carried) if thin else [],
            thin_limit=THIN_GROUP,
        )
    )
    meta = {"title": term.label, "description": term.beschrijving, "hide": ["toc"]}
    return GeneratedPage(page, meta, body)


def generated_pages(
    catalogue: Catalogue,
    *,
    repo: RepoLinks = RepoLinks(),
    changed: Mapping[str, date] | None = None,
) -> list[GeneratedPage]:
    """Every page the catalogue adds: one per entry and one per risk group and element.

    `changed` maps an entry's `source_file` to its last change in git."""
    env = environment()
    rank = related_index(catalogue)  # built once for all entry pages
    changed = changed or {}
    pages = [
        entry_page(
            e, catalogue, env=env, rank=rank, repo=repo, changed=changed.get(e.source_file)
        )
        for e in catalogue.interventions
    ]
    for vocabulary in ("risicogroepen", "werkzame_elementen"):
        pages += [
            term_page(t, vocabulary, catalogue, env) for t in catalogue.vocabularies[vocabulary]
        ]
    return pages


# -- markers in hand-written pages --------------------------------------------------

MARKERS: dict[str, str] = {
    "overzicht": "overview.html.j2",
    "risicogroepen": "term_index.html.j2",
    "werkzame-elementen": "term_index.html.j2",
    "kerncijfers": "kerncijfers.html.j2",
    "bronnen": "bronnen.html.j2",
    "gemeenten": "gemeenten.html.j2",
    "verbetertool": "verbetertool.html.j2",
    "aanbod": "aanbod.html.j2",
    "vergelijk": "vergelijk.html.j2",
    "erkenning": "erkenning.html.j2",
    "risicogroepen-aanbod": "risicogroepen_aanbod.html.j2",
    "keuzehulp": "keuzehulp.html.j2",
}


def carried(entry: Intervention, vocabulary: str) -> set[str]:
    """Ids an entry carries in any of its term fields."""
    fields = {
        "risicogroepen": entry.risicogroepen,
        "werkzame_elementen": entry.werkzame_elementen,
        "vormen_van_eenzaamheid": entry.vormen_van_eenzaamheid,
        "preventieniveaus": entry.preventieniveaus,
    }
    return {t.id for t in fields[vocabulary]}


def pair_counter(catalogue: Catalogue) -> Callable[[str, str, str, str], int]:
    """Count entries that carry one term of each of two vocabularies."""

    def count(row_vocabulary: str, row: str, column_vocabulary: str, column: str) -> int:
        return sum(
            1
            for entry in catalogue.interventions
            if row in carried(entry, row_vocabulary) and column in carried(entry, column_vocabulary)
        )

    return count


_TOWN_FACETS = {
    "activiteitsoorten": ("soort", "Soort activiteit"),
    "activiteitstatussen": ("status", "Gedaan of gepland"),
}


def town_values(town: Municipality, vocabulary: str) -> tuple[str, ...]:
    """Ids a municipality carries in one facet: the union over its activities."""
    found: dict[str, None] = {}
    for activity in town.activiteiten:
        terms = activity.soorten if vocabulary == "activiteitsoorten" else (activity.status,)
        found.update((t.id, None) for t in terms)
    return tuple(found)


def municipality_facets(catalogue: Catalogue) -> list[Facet]:
    towns = catalogue.municipalities.gemeenten if catalogue.municipalities else ()
    result = []
    for vocabulary, (parameter, legend) in _TOWN_FACETS.items():
        terms = list(catalogue.vocabularies[vocabulary])
        counts = {t.id: sum(t.id in town_values(town, vocabulary) for town in towns) for t in terms}
        result.append(
            Facet(
                vocabulary,
                parameter,
                legend,
                tuple(FacetValue(t.id, t.label, t.beschrijving, counts[t.id], None) for t in terms),
            )
        )
    return result


def cited_sources(catalogue: Catalogue) -> list[tuple[Source, list[Intervention]]]:
    """Each source the entries cite (by URL), with the entries citing it, by title."""
    by_url: dict[str, tuple[Source, list[Intervention]]] = {}
    for entry in catalogue.interventions:
        for source in entry.bronnen:
            by_url.setdefault(source.url, (source, []))[1].append(entry)
    for _, citing in by_url.values():
        citing.sort(key=lambda e: e.naam.casefold())
    return sorted(by_url.values(), key=lambda item: item[0].titel.casefold())


def render_marker(
    name: str, catalogue: Catalogue, *, page: str, env: jinja2.Environment | None = None
) -> str:
    _check_marker_name(name)
    env = env or environment()
    if name == "verbetertool":
        if catalogue.improvement_tool is None:
            raise UnknownMarker(
                "<!-- catalogus:verbetertool --> vraagt om catalogue/verbetertool.yaml"
            )
        return env.get_template(MARKERS[name]).render(
            _context(catalogue, page, tool=catalogue.improvement_tool)
        )
    if name == "gemeenten":
        if catalogue.municipalities is None:
            raise UnknownMarker("<!-- catalogus:gemeenten --> vraagt om catalogue/gemeenten.yaml")
        return env.get_template(MARKERS[name]).render(
            _context(
                catalogue, page, facets=municipality_facets(catalogue), town_values=town_values
            )
        )
    if name == "vergelijk":
        return env.get_template(MARKERS[name]).render(_context(catalogue, page))
    if name == "keuzehulp":
        if catalogue.guide is None:
            raise UnknownMarker("<!-- catalogus:keuzehulp --> vraagt om catalogue/keuzehulp.yaml")
        return env.get_template(MARKERS[name]).render(
            _context(
                catalogue,
                page,
                guide=guide_data(catalogue, catalogue.guide, date.today()),
                shown=GUIDE_SHOWN,
            )
        )
    if name == "erkenning":
        return env.get_template(MARKERS[name]).render(
            _context(catalogue, page, statuses=recognition.statuses(catalogue.vocabularies))
        )
    if name == "aanbod":
        return env.get_template(MARKERS[name]).render(
            _context(catalogue, page, pair_count=pair_counter(catalogue))
        )
    all_facets = facets(catalogue, page)
    vocabulary = "risicogroepen" if name == "risicogroepen-aanbod" else name.replace("-", "_")
    facet = next((f for f in all_facets if f.vocabulary == vocabulary), None)
    return env.get_template(MARKERS[name]).render(
        _context(
            catalogue,
            page,
            facets=all_facets,
            facet=facet,
            sources=cited_sources(catalogue),
            page_size=OVERVIEW_PAGE_SIZE,
            thin_limit=THIN_GROUP,
        )
    )


def check_markers(text: str) -> None:
    """Fail early (before Markdown runs) on a marker name that does not exist."""
    for match in MARKER.finditer(text):
        _check_marker_name(match.group(1))


def _check_marker_name(name: str) -> None:
    if name not in MARKERS:
        raise UnknownMarker(
            f"onbekende marker <!-- catalogus:{name} -->; bekend zijn: {', '.join(MARKERS)}"
        )


def expand_markers(html: str, catalogue: Catalogue, *, page: str) -> str:
    """Replace every `<!-- catalogus:name -->` in a hand-written page's HTML
    (Markdown passes a comment on its own line through unchanged)."""
    env = environment()
    return MARKER.sub(lambda m: render_marker(m.group(1), catalogue, page=page, env=env), html)
