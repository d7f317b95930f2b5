"""Render the catalogue's pages and the blocks markers stand for, as HTML.

Free of MkDocs; one module per page kind:

- `entries`: an entry page per intervention;
- `terms`: a page per risk group and working element (with what comes
  closest to a thin risk group);
- `facets`: the overview's filters and their counts;
- `related`: the related interventions of an entry;
- `gaps`: the counts behind the gap matrix;
- `municipalities`: the municipalities page's filters;
- `sources`: the sources page;
- `markers`: `<!-- catalogus:... -->` blocks in hand-written pages;
- `pages`: every generated page at once (what the hook adds);
- `common`: the Jinja environment, dates, paragraphs, front matter, context.

What each entry field shows, and where, is declared in `catalogue.fields`.
"""

from catalogue.render.common import GeneratedPage, environment, escape_page_meta, front_matter
from catalogue.render.facets import OVERVIEW_PAGE_SIZE, facets
from catalogue.render.markers import UnknownMarker, check_markers, expand_markers, render_marker
from catalogue.render.pages import generated_pages
from catalogue.render.related import related, related_index
from catalogue.render.terms import THIN_GROUP

__all__ = [
    "OVERVIEW_PAGE_SIZE",
    "THIN_GROUP",
    "GeneratedPage",
    "UnknownMarker",
    "check_markers",
    "environment",
    "escape_page_meta",
    "expand_markers",
    "facets",
    "front_matter",
    "generated_pages",
    "related",
    "related_index",
    "render_marker",
]
