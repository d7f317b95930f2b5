"""The project's own scripts and stylesheets as the built site serves them.

Sources under `docs/assets/` stay readable; a build writes them minified
(rjsmin and rcssmin, pinned in requirements.txt: they strip comments and
whitespace and leave the code as it is) and joins the stylesheets of
`extra_css`, in their order, into one file, so a page waits for one of our
stylesheets instead of seven. `mkdocs serve` serves the sources unchanged.

Free of MkDocs: the hook maps these onto its files.
"""

from __future__ import annotations

import rcssmin
import rjsmin

SCRIPTS = "assets/javascripts/"
STYLESHEETS = "assets/stylesheets/"
#: The one stylesheet a built page links besides Material's.
STYLESHEET_BUNDLE = STYLESHEETS + "site.min.css"


def is_own_asset(src_uri: str) -> bool:
    """A script or stylesheet of this project (not Material's, not lunr's)."""
    return (
        src_uri.startswith(SCRIPTS) and src_uri.endswith(".js") and "/lunr/" not in src_uri
    ) or (src_uri.startswith(STYLESHEETS) and src_uri.endswith(".css"))


def minified(src_uri: str, text: str) -> str:
    if src_uri.endswith(".js"):
        return rjsmin.jsmin(text) + "\n"
    if src_uri.endswith(".css"):
        return rcssmin.cssmin(text) + "\n"
    raise ValueError(f"no minifier for {src_uri}")


def stylesheet_bundle(sheets: list[tuple[str, str]]) -> str:
    """(src_uri, text) pairs in cascade order -> one minified stylesheet."""
    return "".join(f"/* {name} */\n" + minified(name, text) for name, text in sheets)
