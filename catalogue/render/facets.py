"""The overview's facets (filters) with their counts, from the field declaration.

Which fields are facets, their URL parameters and legends are declared in
`catalogue.fields`; this module counts each value over the whole catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from catalogue import fields, urls
from catalogue.model import Catalogue

#: Cards the overview shows at first and per "Toon meer" (JavaScript on):
#: layout grows with the cards shown (60 cards: ~44 ms per facet click at
#: 5,000 entries on the bench machine); 30 cards are some ten phone screens.
OVERVIEW_PAGE_SIZE = 30


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


def facets(catalogue: Catalogue, page: str, today: date | None = None) -> list[Facet]:
    """The overview's facets with a count per value over the whole catalogue."""
    view = fields.View.of(catalogue.vocabularies, today or date.today())
    result = []
    for field, facet in fields.facets():
        terms = fields.facet_terms(facet, catalogue.vocabularies)
        counts = {t.id: 0 for t in terms}
        for entry in catalogue.interventions:
            for value in fields.facet_values(field, entry, view):
                counts[value] += 1
        result.append(
            Facet(
                facet.vocabulary,
                facet.parameter,
                facet.legend,
                tuple(
                    FacetValue(
                        t.id,
                        t.label,
                        t.beschrijving,
                        counts[t.id],
                        urls.relative(facet.term_page(t.id), page=page)
                        if facet.term_page
                        else None,
                    )
                    for t in terms
                ),
            )
        )
    return result
