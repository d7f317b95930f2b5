"""What every renderer shares: the Jinja environment, Dutch dates and
paragraphs, front matter, the generated-page type and the template context.

Free of MkDocs. All markup lives in Jinja templates under
`catalogue/templates/site/`; autoescaping is on, so no text from YAML reaches
the page unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from pathlib import Path

import jinja2
import markupsafe
import yaml

from catalogue import fields, recognition, urls
from catalogue.completeness import completeness, field_anchor
from catalogue.model import Catalogue

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "site"
UNKNOWN = recognition.UNKNOWN
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class GeneratedPage:
    """A page the hook adds to the site: its directory URL, metadata and HTML body.

    A generated page is front matter (what MkDocs reads: title, description)
    plus finished HTML, which the hook hands over as the page's content:
    running thousands of pages of finished HTML through Markdown only
    re-parses them (it was the largest cost of a 1,000-entry build)."""

    url: str
    meta: dict[str, object]
    html: str

    @property
    def src_uri(self) -> str:
        return urls.source_uri(self.url)

    @property
    def source(self) -> str:
        """The Markdown file MkDocs reads: front matter only; the body is `html`."""
        return front_matter(**self.meta)


@cache  # one per process; Jinja itself reloads a template whose file changed
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["datum"] = dutch_date
    env.filters["alineas"] = paragraphs
    return env


def dutch_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def paragraphs(text: str | None) -> list[str]:
    """Blank lines separate paragraphs in entry texts."""
    if not text:
        return []
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


#: Page metadata that MkDocs and Material put into their templates unescaped
#: (`<title>`, `<meta name="description" content="...">`, header, nav).
#: MkDocs treats a page title as HTML (a Markdown heading arrives escaped),
#: so escaping these once keeps that convention and closes the attribute.
ESCAPED_META = ("title", "description")


def escape_page_meta(meta: dict[str, object]) -> None:
    """Make the metadata MkDocs' templates print raw safe in text and attributes."""
    for key in ESCAPED_META:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
            meta[key] = markupsafe.escape(value)


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: once per page


def front_matter(**values: object) -> str:
    """YAML front matter, dumped (not templated) so any title is safely quoted."""
    text = yaml.dump(values, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return "---\n" + text + "---\n\n"


def context(catalogue: Catalogue, page: str, **extra: object) -> dict[str, object]:
    """What every template may use: links from `page`, the field declaration,
    the recognition status and completeness of an entry, and `extra`."""
    link: Callable[[str], str] = partial(urls.relative, page=page)
    today = date.today()
    view = fields.View.of(catalogue.vocabularies, today)

    return {
        "catalogue": catalogue,
        "page": page,
        "link": link,
        "urls": urls,
        "fields": fields,
        "view": view,
        "UNKNOWN": UNKNOWN,
        "today": today,
        "facet_values": lambda field, entry: fields.facet_values(field, entry, view),
        "status": lambda entry: view.statuses[recognition.status_id(entry, today)],
        "rank": lambda entry: recognition.rank(entry, today),
        "completeness": lambda entry: completeness(entry, today),
        "recognition_counts": lambda: recognition.counts(
            catalogue.interventions, catalogue.vocabularies, today
        ),
        "rated_ids": [i for i in recognition.ORDER if i in recognition.RATED],
        "field_anchor": field_anchor,
        **extra,
    }


def render(
    env: jinja2.Environment, template: str, catalogue: Catalogue, page: str, **extra: object
) -> str:
    """`template` rendered for the page at `page` with the shared context and `extra`."""
    return env.get_template(template).render(context(catalogue, page, **extra))
