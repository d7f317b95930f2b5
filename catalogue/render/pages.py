"""Every page the catalogue adds to the site: one per entry, one per risk
group and one per working element.

The hook adds the entry pages with their front matter only (`entry_stubs`)
and takes their bodies from a worker process (`entry_bodies`, see
`catalogue.worker`); the term pages it renders itself (`term_pages`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

import jinja2

from catalogue import urls
from catalogue.model import Catalogue
from catalogue.render.common import GeneratedPage, environment
from catalogue.render.entries import entry_body, entry_meta
from catalogue.render.related import related_index
from catalogue.render.terms import TERM_PAGES, term_page
from catalogue.repository import RepoLinks


def generated_pages(
    catalogue: Catalogue,
    *,
    repo: RepoLinks | None = None,
    changed: Mapping[str, date] | None = None,
) -> list[GeneratedPage]:
    """Every generated page, rendered. `changed` maps an entry's `source_file`
    to its last change in git."""
    bodies = dict(entry_bodies(catalogue, repo=repo, changed=changed))
    entries = [
        GeneratedPage(stub.url, stub.meta, bodies[stub.src_uri]) for stub in entry_stubs(catalogue)
    ]
    return entries + term_pages(catalogue)


def entry_stubs(catalogue: Catalogue) -> list[GeneratedPage]:
    """The entry pages without their bodies (`html` is empty)."""
    return [GeneratedPage(urls.entry(e.slug), entry_meta(e), "") for e in catalogue.interventions]


def entry_bodies(
    catalogue: Catalogue,
    *,
    repo: RepoLinks | None = None,
    changed: Mapping[str, date] | None = None,
) -> Iterator[tuple[str, str]]:
    """(src_uri, HTML body) of each entry page, in catalogue order."""
    repo = repo or RepoLinks()
    env = environment()
    rank = related_index(catalogue)  # built once for all entry pages
    changed = changed or {}
    for entry in catalogue.interventions:
        body = entry_body(
            entry, catalogue, env=env, rank=rank, repo=repo, changed=changed.get(entry.source_file)
        )
        yield urls.source_uri(urls.entry(entry.slug)), body


def term_pages(catalogue: Catalogue, env: jinja2.Environment | None = None) -> list[GeneratedPage]:
    """A page per risk group and per working element."""
    env = env or environment()
    return [
        term_page(t, vocabulary, catalogue, env)
        for vocabulary in TERM_PAGES
        for t in catalogue.vocabularies[vocabulary]
    ]
