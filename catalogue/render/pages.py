"""Every page the catalogue adds to the site: one per entry, one per risk
group and one per working element."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from catalogue.model import Catalogue
from catalogue.render.common import GeneratedPage, environment
from catalogue.render.entries import entry_page
from catalogue.render.related import related_index
from catalogue.render.terms import TERM_PAGES, term_page
from catalogue.repository import RepoLinks


def generated_pages(
    catalogue: Catalogue,
    *,
    repo: RepoLinks | None = None,
    changed: Mapping[str, date] | None = None,
) -> list[GeneratedPage]:
    """`changed` maps an entry's `source_file` to its last change in git."""
    repo = repo or RepoLinks()
    env = environment()
    rank = related_index(catalogue)  # built once for all entry pages
    changed = changed or {}
    pages = [
        entry_page(e, catalogue, env=env, rank=rank, repo=repo, changed=changed.get(e.source_file))
        for e in catalogue.interventions
    ]
    for vocabulary in TERM_PAGES:
        pages += [
            term_page(t, vocabulary, catalogue, env) for t in catalogue.vocabularies[vocabulary]
        ]
    return pages
