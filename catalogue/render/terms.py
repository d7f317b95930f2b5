"""Term pages: one page per risk group and per working element, from `term.html.j2`.

A page lists the entries carrying the term and links to the overview
filtered on it; a thin risk group also shows what comes closest (its
`dichtbij` in vocabularies.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from catalogue import fields, urls
from catalogue.model import Catalogue, Intervention, Term
from catalogue.render.common import GeneratedPage, render

#: A risk group with fewer interventions than this says so and shows what
#: comes closest (its `dichtbij` in vocabularies.yaml).
THIN_GROUP = 5
#: Entries listed per nearby term on a thin risk group's page.
NEARBY_LIMIT = 8
#: The vocabularies whose terms have pages of their own, and where (their facets say).
TERM_PAGES = {f.vocabulary: f.term_page for _, f in fields.facets() if f.term_page}


@dataclass(frozen=True)
class Nearby:
    term: Term
    vocabulary: str
    reason: str
    entries: tuple[Intervention, ...]
    more: int  # further entries not listed
    page: str | None  # the term's own page, where it has one


def _carries(entry: Intervention, vocabulary: str, term_id: str) -> bool:
    field = fields.term_fields()[vocabulary]
    return any(t.id == term_id for t in field.terms(entry))


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
            if e.slug not in own and _carries(e, vocabulary, other.id)
        ]
        page = TERM_PAGES.get(vocabulary)
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
    page = TERM_PAGES[vocabulary](term.id)
    carried = [e for e in catalogue.interventions if _carries(e, vocabulary, term.id)]
    thin = vocabulary == "risicogroepen" and len(carried) < THIN_GROUP
    overview = urls.relative(urls.OVERVIEW, page=page) + (
        f"?{fields.facet_parameters()[vocabulary]}={term.id}"
    )
    body = render(
        env,
        "term.html.j2",
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
    meta = {"title": term.label, "description": term.beschrijving, "hide": ["toc"]}
    return GeneratedPage(page, meta, body)
