"""What the build's worker process computes: the body of every entry page,
then the data files (exports, search index, keuzehulp data).

Both depend only on the catalogue. Entry bodies come first: MkDocs needs
them one by one as it writes the entry pages; the data files are written at
the end of the build. See `catalogue.background` for how they travel.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from functools import partial

from catalogue.background import Background, Content
from catalogue.data_files import computed_files
from catalogue.model import Catalogue
from catalogue.render.pages import entry_bodies
from catalogue.repository import RepoLinks


def results(
    catalogue: Catalogue, site_url: str, repo: RepoLinks, changed: Mapping[str, date]
) -> Iterator[tuple[str, Content]]:
    """(name, content): entry bodies by src_uri, then data files by site path."""
    yield from entry_bodies(catalogue, repo=repo, changed=changed)
    yield from computed_files(catalogue, site_url).items()


def start(
    catalogue: Catalogue,
    site_url: str,
    repo: RepoLinks,
    changed: Mapping[str, date],
    *,
    fork: bool | None = None,
) -> Background:
    """Begin `results` in a worker (in process, lazily, where fork is missing)."""
    return Background(partial(results, catalogue, site_url, repo, changed), fork=fork)
