"""Entry pages, one per intervention: front matter (`entry_meta`) and a body
from `entry.html.j2` (`entry_body`, rendered in the build's worker process).

The facts list follows the field declaration (`catalogue.fields`, each
field's `row` macro in `_rows.html.j2`); around it the page shows the claim,
what is known, the description, approach, sources, dates and related entries.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import jinja2

from catalogue import urls
from catalogue.model import Catalogue, Intervention
from catalogue.render.common import render
from catalogue.render.related import related_index
from catalogue.repository import RepoLinks


def entry_meta(entry: Intervention) -> dict[str, object]:
    """The page's front matter, known without rendering it."""
    return {"title": entry.naam, "description": entry.claim, "hide": ["toc"]}


def entry_body(
    entry: Intervention,
    catalogue: Catalogue,
    *,
    env: jinja2.Environment,
    repo: RepoLinks | None = None,
    changed: date | None = None,
    rank: Callable[[Intervention, int], list[Intervention]] | None = None,
) -> str:
    """The page's HTML body (what the hook hands over as its content)."""
    repo = repo or RepoLinks()
    others = (rank or related_index(catalogue))(entry, 4)
    return render(
        env,
        "entry.html.j2",
        catalogue,
        urls.entry(entry.slug),
        entry=entry,
        related=others,
        changed=changed,
        edit_url=repo.edit(entry.source_file),
        history_url=repo.history(entry.source_file) if changed else None,
        report_url=repo.report(f"Interventie: {entry.naam}"),
    )
