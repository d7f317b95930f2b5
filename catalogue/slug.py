"""The one slug function: file names, URLs and `catalogus new` all use it."""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """`"Het Betekenisvol Gesprek"` -> `"het-betekenisvol-gesprek"`; accents are dropped."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")
