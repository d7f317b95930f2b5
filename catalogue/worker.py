"""What the build's worker processes do: one renders the body of every
entry page, the other computes the data files (exports, search index,
keuzehulp data) and writes them, with the copies of the entries' YAML, into
the site.

All of it depends only on the catalogue. MkDocs takes the entry bodies one
by one as it writes the entry pages. The files are written once MkDocs has
emptied the site directory (`Worker.site_ready`), and the build waits for
them at its end (`Worker.finish`). See `catalogue.background` for how
results travel.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from catalogue.background import Background, BackgroundError, Content
from catalogue.data_files import computed_files, copied_files, write_site_files
from catalogue.model import Catalogue
from catalogue.render.pages import entry_bodies
from catalogue.repository import RepoLinks

#: How long the worker waits for the site directory before giving up (the
#: build failed before it got there; nothing is written then).
SITE_WAIT_SECONDS = 1800
#: The name of the last result: how many files the worker wrote.
WRITTEN = "geschreven"


@dataclass(frozen=True)
class Site:
    """Where the worker writes, and the signal that it may."""

    directory: Path
    project: Path
    ready: Any  # threading.Event or multiprocessing.Event


def files(catalogue: Catalogue, site_url: str, site: Site) -> Iterator[tuple[str, Content]]:
    """The data files and the entries' YAML, written once the site is ready;
    then (WRITTEN, how many)."""
    computed = computed_files(catalogue, site_url)
    if not site.ready.wait(SITE_WAIT_SECONDS):
        return
    copied = copied_files(catalogue, site.project)
    write_site_files(site.directory, computed, copied)
    yield WRITTEN, str(len(computed) + len(copied))


@dataclass
class Worker:
    """Two worker processes: one renders entry bodies, one makes the files.

    Two, not one after the other: at thousands of entries the build itself
    finished first and waited seconds for a single worker; with two, the
    machine's cores share all three pieces of work."""

    bodies: Background
    files: Background
    site_ready: Any

    def body(self, src_uri: str) -> str:
        body = self.bodies.get(src_uri)
        assert isinstance(body, str)
        return body

    def finish(self) -> int:
        """Wait until the files are written; how many there are."""
        left = self.bodies.rest()
        if left:
            raise BackgroundError(f"{len(left)} entry bodies were never asked for")
        return int(self.files.rest().get(WRITTEN, 0))

    def cancel(self) -> None:
        self.bodies.cancel()
        self.files.cancel()


def start(
    catalogue: Catalogue,
    site_url: str,
    repo: RepoLinks,
    changed: Mapping[str, date],
    *,
    site_dir: Path,
    project: Path,
    fork: bool | None = None,
) -> Worker:
    """Begin both workers (in process, lazily, where fork is missing)."""
    if fork is None:
        fork = "fork" in multiprocessing.get_all_start_methods()
    ready = multiprocessing.get_context("fork").Event() if fork else threading.Event()
    site = Site(site_dir, project, ready)
    return Worker(
        Background(partial(entry_bodies, catalogue, repo=repo, changed=changed), fork=fork),
        Background(partial(files, catalogue, site_url, site), fork=fork),
        ready,
    )
