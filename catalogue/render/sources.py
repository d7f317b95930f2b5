"""The sources page ("Bronnen"): every source the entries cite, with the entries citing it."""

from __future__ import annotations

from catalogue.model import Catalogue, Intervention, Source


def cited_sources(catalogue: Catalogue) -> list[tuple[Source, list[Intervention]]]:
    """Each source the entries cite (by URL), with the entries citing it, by title."""
    by_url: dict[str, tuple[Source, list[Intervention]]] = {}
    for entry in catalogue.interventions:
        for source in entry.bronnen:
            by_url.setdefault(source.url, (source, []))[1].append(entry)
    for _, citing in by_url.values():
        citing.sort(key=lambda e: e.naam.casefold())
    return sorted(by_url.values(), key=lambda item: item[0].titel.casefold())
