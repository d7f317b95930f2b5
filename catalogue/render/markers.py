"""Markers in hand-written pages: `<!-- catalogus:name -->` swapped for a
rendered block (the overview, term indexes, key figures, sources, the
municipalities, the improvement tool, the gap matrix, the comparison, the
recognition statuses, the keuzehulp) after Markdown has run."""

from __future__ import annotations

import re
from datetime import date

import jinja2

from catalogue import recognition
from catalogue.keuzehulp import SHOWN as GUIDE_SHOWN
from catalogue.keuzehulp import guide_data
from catalogue.model import Catalogue
from catalogue.render.common import context, environment
from catalogue.render.facets import OVERVIEW_PAGE_SIZE, facets
from catalogue.render.gaps import pair_counter
from catalogue.render.municipalities import municipality_facets, town_values
from catalogue.render.sources import cited_sources
from catalogue.render.terms import THIN_GROUP

MARKER = re.compile(r"<!--\s*catalogus:([a-z0-9-]+)\s*-->")

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


class UnknownMarker(ValueError):
    """A hand-written page names a catalogue marker that does not exist."""


def render_marker(
    name: str, catalogue: Catalogue, *, page: str, env: jinja2.Environment | None = None
) -> str:
    _check_marker_name(name)
    env = env or environment()
    template = env.get_template(MARKERS[name])
    if name == "verbetertool":
        if catalogue.improvement_tool is None:
            raise UnknownMarker(
                "<!-- catalogus:verbetertool --> vraagt om catalogue/verbetertool.yaml"
            )
        return template.render(context(catalogue, page, tool=catalogue.improvement_tool))
    if name == "gemeenten":
        if catalogue.municipalities is None:
            raise UnknownMarker("<!-- catalogus:gemeenten --> vraagt om catalogue/gemeenten.yaml")
        return template.render(
            context(catalogue, page, facets=municipality_facets(catalogue), town_values=town_values)
        )
    if name == "vergelijk":
        return template.render(context(catalogue, page))
    if name == "keuzehulp":
        if catalogue.guide is None:
            raise UnknownMarker("<!-- catalogus:keuzehulp --> vraagt om catalogue/keuzehulp.yaml")
        return template.render(
            context(
                catalogue,
                page,
                guide=guide_data(catalogue, catalogue.guide, date.today()),
                shown=GUIDE_SHOWN,
            )
        )
    if name == "erkenning":
        return template.render(
            context(catalogue, page, statuses=recognition.statuses(catalogue.vocabularies))
        )
    if name == "aanbod":
        return template.render(context(catalogue, page, pair_count=pair_counter(catalogue)))
    all_facets = facets(catalogue, page)
    vocabulary = "risicogroepen" if name == "risicogroepen-aanbod" else name.replace("-", "_")
    facet = next((f for f in all_facets if f.vocabulary == vocabulary), None)
    return template.render(
        context(
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
