"""Size of the catalogue's search index and the time lunr.js takes to load it.

Usage: .venv/bin/python bench/search_load.py site/ [runs]

Reports the index's head and its parts raw and gzip -6, and the time parsing
the head plus preparing lunr's index from it take in Debian's Chromium (as
pagina.js measures them: `data-index-load-ms`, of which `data-index-parse-ms`
is the parse), median over `runs` loads. A search then loads the parts of the
postings it needs (see bench/pagefind_compare.py for one search's transfer).
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402


def main(site: Path, runs: int = 7) -> None:
    raw = (site / "catalogus-zoekindex.json").read_bytes()
    print(f"index head: {len(raw):,} bytes raw, {len(gzip.compress(raw, 6)):,} bytes gzip")
    parts = [p.read_bytes() for p in sorted((site / "catalogus-zoekindex").glob("*.json"))]
    packed = [len(gzip.compress(p, 6)) for p in parts]
    print(
        f"{len(parts)} parts: {sum(map(len, parts)):,} bytes raw, {sum(packed):,} bytes gzip "
        f"(largest {max(packed, default=0):,} gzip)"
    )
    times, parses = [], []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page()
            page.goto(base + "/interventies/?q=ouderen", wait_until="networkidle")
            page.wait_for_selector("[data-gezocht]")
            times.append(float(page.get_attribute("[data-catalogus]", "data-index-load-ms")))
            parses.append(float(page.get_attribute("[data-catalogus]", "data-index-parse-ms")))
            page.close()
        browser.close()
    print(
        f"JSON.parse + lunr.Index.load in Chromium: median {statistics.median(times):.1f} ms "
        f"(of which parse {statistics.median(parses):.1f} ms) "
        f"(min {min(times):.1f}, max {max(times):.1f}, {runs} loads)"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:3]))
