"""The municipalities page ("Gemeenten"): its facets over the activities of
each municipality, from gemeenten.yaml."""

from __future__ import annotations

from catalogue.model import Catalogue, Municipality
from catalogue.render.facets import Facet, FacetValue

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
