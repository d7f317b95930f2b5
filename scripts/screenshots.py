"""Screenshots of built pages at desktop and phone width, to look at by eye.

Usage: .venv/bin/python scripts/screenshots.py site/ OUTDIR path [path ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def main(site: str, out: str, *paths: str) -> None:
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, (width, height) in SIZES.items():
            for scheme in ("light", "dark"):
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme, locale="nl-NL"
                )
                page = context.new_page()
                for path in paths:
                    page.goto(base + path, wait_until="networkidle")
                    slug = path.strip("/").replace("/", "_").replace("?", "_") or "home"
                    file = target / f"{slug}-{name}-{scheme}.png"
                    page.screenshot(path=str(file), full_page=True)
                    print(file)
                context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
