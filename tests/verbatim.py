"""Find runs of ten or more words that a text shares verbatim with the sources.

Every sentence on the site must be ours; facts may come from the sources,
their sentences may not. Texts are compared as normalised word 10-grams
(lowercase letters and digits only). The sources are not part of this
repository, so `tests/fixtures/bron-10-grammen.txt` keeps only a hash of each
source 10-gram; `python tests/verbatim.py --update ../shared/seeds` refreshes
it, and `python tests/verbatim.py FILE...` checks files by hand.
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from collections.abc import Iterable
from pathlib import Path

N = 10
HASHES = Path(__file__).parent / "fixtures" / "bron-10-grammen.txt"
_WORD = re.compile(r"[a-z0-9\u00e0-\u00ff]+")
# Titles of cited works are quoted on purpose: <cite> marks them.
_TAG = re.compile(
    r"<script\b.*?</script>|<style\b.*?</style>|<cite\b.*?</cite>|<[^>]+>",
    re.DOTALL | re.IGNORECASE,
)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def visible_text(page: str) -> str:
    """The text of an HTML page, without tags, scripts and styles."""
    return html.unescape(_TAG.sub(" ", page))


def grams(text: str, n: int = N) -> Iterable[tuple[str, ...]]:
    """Word n-grams; runs of bare numbers (a 1-10 scale, step numbers) are not prose."""
    seq = words(text)
    for i in range(len(seq) - n + 1):
        gram = tuple(seq[i : i + n])
        if any(not word.isdigit() for word in gram):
            yield gram


def digest(gram: tuple[str, ...]) -> str:
    return hashlib.sha1(" ".join(gram).encode("utf-8")).hexdigest()[:16]


def source_hashes() -> set[str]:
    return {line for line in HASHES.read_text(encoding="utf-8").split() if line}


def shared_runs(text: str, hashes: set[str]) -> list[str]:
    """The 10-word runs of `text` that also stand in a source."""
    return [" ".join(g) for g in grams(text) if digest(g) in hashes]


def update(seed_dir: Path) -> int:
    found = set()
    for path in sorted(seed_dir.glob("*.txt")):
        if path.name.lower() != "readme.md":
            found |= {digest(g) for g in grams(path.read_text(encoding="utf-8"))}
    HASHES.write_text("\n".join(sorted(found)) + "\n", encoding="utf-8")
    return len(found)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--update"]:
        print(f"{update(Path(sys.argv[2]))} hashes written to {HASHES}")
        sys.exit(0)
    known = source_hashes()
    status = 0
    for name in sys.argv[1:]:
        text = Path(name).read_text(encoding="utf-8")
        for run in shared_runs(visible_text(text) if name.endswith(".html") else text, known):
            print(f"{name}: {run}")
            status = 1
    sys.exit(status)
