"""Bytes a visitor downloads for a page: every resource, raw and gzip-compressed.

Usage: .venv/bin/python bench/page_weight.py site/ /interventies/ [/other/ ...]

Loads each page in Debian's Chromium from a local server, records every
response and reports its size raw and as gzip -6 would send it (what a
static host with compression serves). Fonts, scripts and styles shared by all
pages are counted, as a first visit pays for them.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402


def transfers(site: Path, paths: list[str]) -> dict[str, list[tuple[str, int, int]]]:
    """Per page: (url, raw bytes, gzip bytes) of every response of a first visit."""
    result = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for path in paths:
            page = browser.new_page()
            responses = []
            page.on("response", lambda r, sink=responses: sink.append(r))
            page.goto(base + path, wait_until="networkidle")
            rows = []
            for response in responses:
                body = response.body()
                rows.append(
                    (
                        response.url.removeprefix(base),
                        len(body),
                        len(gzip.compress(body, compresslevel=6)),
                    )
                )
            page.close()
            result[path] = rows
        browser.close()
    return result


def measure(site: Path, paths: list[str]) -> None:
    for path, rows in transfers(site, paths).items():
        raw = sum(r[1] for r in rows)
        packed = sum(r[2] for r in rows)
        print(f"{path}: {len(rows)} requests, {raw:,} bytes raw, {packed:,} bytes gzip")
        for url, size, zipped in sorted(rows, key=lambda r: -r[2]):
            print(f"  {zipped:>9,} gzip {size:>10,} raw  {url}")


if __name__ == "__main__":
    measure(Path(sys.argv[1]), sys.argv[2:])
