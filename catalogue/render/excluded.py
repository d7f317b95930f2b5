"""A page's HTML without the elements marked `data-search-exclude`.

Material's search plugin parses each page with Python's HTMLParser and skips
those elements; on the overview (thousands of cards) and the term pages
(long lists of entries) nearly all of the page is skipped, and parsing it
took more than a second of a 5,000-entry build. Handing the plugin the page
without them gives the same search index, found with regular expressions.

Our pages are rendered by us with every text escaped, so a `<` or `>` in
markup is always a tag: that is what makes the regular expressions safe.
"""

from __future__ import annotations

import re

_MARKED = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?\sdata-search-exclude\b[^>]*>")
#: Elements without an end tag (as Material's parser counts them).
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input"}
    | {"link", "meta", "param", "source", "track", "wbr"}
)


def without_search_excluded(html: str) -> str:
    """`html` without each marked element and all it holds (the same text when
    nothing is marked). Unbalanced markup is left as it is."""
    if "data-search-exclude" not in html:
        return html
    parts = []
    position = 0
    while (marked := _MARKED.search(html, position)) is not None:
        tag = marked.group(1).lower()
        end = marked.end() if tag in _VOID else _element_end(html, tag, marked.end())
        if end is None:
            break
        parts.append(html[position : marked.start()])
        position = end
    parts.append(html[position:])
    return "".join(parts)


def _element_end(html: str, tag: str, start: int) -> int | None:
    """Where the element whose start tag ends at `start` ends: after its end tag."""
    tags = re.compile(rf"<(/?){re.escape(tag)}(?=[\s>/])[^>]*>", re.I)
    depth = 1
    for found in tags.finditer(html, start):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return found.end()
    return None
