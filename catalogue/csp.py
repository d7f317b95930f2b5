"""A Content-Security-Policy for every page, so that a missed escape cannot run script.

Static hosting cannot send headers we control, so the policy is a
`<meta http-equiv>` in each page's head. Inline scripts are allowed by their
SHA-256 hash only. Material's instant navigation swaps pages without
reloading, and the policy of the first page loaded stays in force: so every
page carries the same policy, holding the hashes of the inline scripts of the
whole site. Each page is written with the policy of the scripts seen so far
(`with_policy`); once all pages are known, the few written before the last
new script was seen get the final policy (`replace_policy`). Thousands of
entry pages share their scripts with the pages before them, so they are
written once.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_META = '<meta http-equiv="Content-Security-Policy" content="{}">'
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)

#: Everything the site needs, nothing more: its own files, data: images
#: (Material's icons are data: SVGs in CSS), inline styles (Material sets
#: style attributes), no plugins, no framing of forms elsewhere.
_DIRECTIVES = (
    "default-src 'none'",
    "script-src 'self' {hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
)


def inline_script_hashes(html: str) -> set[str]:
    """`'sha256-…'` sources for every inline script that a browser would run."""
    found = set()
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if kind and kind.group(1).lower() not in _JS_TYPES:
            continue  # data blocks such as Material's application/json config
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return found


def with_policy(html: str, text: str) -> str:
    """The page with the policy as the first thing its head holds after the charset."""
    match = _CHARSET.search(html) or _HEAD.search(html)
    if match is None:
        return html
    return html[: match.end()] + _META.format(text) + html[match.end() :]


def policy(hashes: Iterable[str]) -> str:
    return "; ".join(d.format(hashes=" ".join(sorted(hashes))) for d in _DIRECTIVES)


def replace_policy(html: str, old: str, new: str) -> str:
    """The page with policy `old`, written by `with_policy`, replaced by `new`."""
    return html.replace(_META.format(old), _META.format(new), 1)
