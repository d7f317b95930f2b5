"""Everything `make bench` measures, per N, written to bench/results.md.

Usage: .venv/bin/python bench/run.py [N ...]   (default 10 1000 5000)

Per N, in one run on one machine: the build against the two baselines
(bench/build.py), the weight of what a visitor downloads (files, and the
overview's first visit in Chromium), the overview's timings in Chromium
(bench/browser_timings.py) and the comparison with Pagefind
(bench/pagefind_compare.py), all on the same synthetic site. Progress goes to
stderr; the file is rewritten after each N, so a run that fails at a large N
keeps the figures of the smaller ones.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import browser_timings  # noqa: E402
import build  # noqa: E402
import page_weight  # noqa: E402
import pagefind_compare  # noqa: E402

RESULTS = HERE / "results.md"
WEIGHED_FILES = ("catalogus-zoekindex.json", "catalogus.json", "search/search_index.json")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def sizes(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=6))


def kb(n: int) -> str:
    return f"{n / 1024:,.0f}"


def parts_size(site: Path) -> tuple[int, int]:
    """The search index's postings, all parts together (a search loads a few)."""
    parts = [sizes(p) for p in sorted((site / "catalogus-zoekindex").glob("*.json"))]
    return sum(p[0] for p in parts), sum(p[1] for p in parts)


def weight_row(n: int, site: Path) -> str:
    files = [sizes(site / name) for name in WEIGHED_FILES]
    files.insert(1, parts_size(site))
    visit = page_weight.transfers(site, ["/interventies/"])["/interventies/"]
    page = next(row for row in visit if row[0].rstrip("/").endswith("/interventies"))
    cells = [f"{kb(raw)} / {kb(packed)}" for raw, packed in files]
    return (
        f"| {n:,} | {' | '.join(cells)} | {kb(page[1])} / {kb(page[2])} "
        f"| {len(visit)} · {kb(sum(r[1] for r in visit))} / {kb(sum(r[2] for r in visit))} |"
    )


def captured(function, *args) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        function(*args)
    return out.getvalue().strip()


def main(counts: list[int]) -> None:
    build_rows, weight_rows, browser_parts, pagefind_parts = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            log(f"N={n}: builds (ours, plain Material, our theme; {build.RUNS} rounds)")
            result = build.measure(n, Path(tmp))
            build_rows.append(build.row(result))
            site = result["site"]
            log(f"N={n}: weight")
            weight_rows.append(weight_row(n, site))
            log(f"N={n}: overview in Chromium")
            documents = browser_timings.documents_from_project(result["project"])
            chromium, runs = browser_timings.measure(site, documents)
            load = os.getloadavg()[0]
            browser_parts.append(captured(browser_timings.report, n, runs, load))
            log(f"N={n}: Pagefind")
            pagefind_parts.append(captured(pagefind_compare.run, None, site))
            write(chromium, build_rows, weight_rows, browser_parts, pagefind_parts)


def lighthouse_section() -> str:
    """The section bench/lighthouse.py (`make lighthouse`) wrote, kept as it is."""
    from lighthouse import END, START

    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if START not in current or END not in current:
        return ""
    return "\n" + START + current.split(START, 1)[1].split(END, 1)[0] + END + "\n"


KEPT = "## Before and after"  # a hand-written section of results.md, kept as it is


def kept_section() -> str:
    """The hand-written "Before and after" section of the current results.md, if any."""
    if not RESULTS.exists():
        return ""
    text = RESULTS.read_text(encoding="utf-8")
    if KEPT not in text:
        return ""
    rest = text.split(KEPT, 1)[1]
    return KEPT + rest.split("\n## ", 1)[0].rstrip() + "\n"


def write(chromium, build_rows, weight_rows, browser_parts, pagefind_parts) -> None:
    pagefind = subprocess.run(
        [str(pagefind_compare.pagefind_executable()), "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Written by `make bench` (bench/run.py) on {time.strftime('%Y-%m-%d %H:%M')}: "
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, "
            f"lunr.py {version('lunr')}, {chromium and 'Chromium ' + chromium}, {pagefind}. "
            "Synthetic catalogues (bench/synthetic.py) recombine the real entries' texts, so "
            "their vocabulary is small and they compress better than real text would.",
            "",
            *([kept_section()] if kept_section() else []),
            "## Build",
            "",
            f"`mkdocs build --strict`, median of {build.RUNS} alternating runs. Plain Material: "
            "the same N pages as Markdown, out of the nav, Material's defaults. Our theme: the "
            "same pages with this project's mkdocs.yml (palette, features, styles, scripts, "
            "overrides) but without the catalogue hook.",
            "",
            build.HEADER,
            *build_rows,
            "",
            "## Weight",
            "",
            "KB raw / gzip -6. The overview's first visit counts every response in Chromium.",
            "",
            "| N | search index head | its parts, all together | catalogus.json "
            "| Material's search_index.json | overview HTML "
            "| overview first visit: requests · raw / gzip |",
            "|---|---|---|---|---|---|---|",
            *weight_rows,
            "",
            "## The overview in Chromium",
            "",
            *[part + "\n" for part in browser_parts],
            "## Pagefind against our lunr search",
            "",
            *[part + "\n" for part in pagefind_parts],
        ]
    )
    RESULTS.write_text(text.rstrip() + "\n" + lighthouse_section(), encoding="utf-8")
    log(f"wrote {RESULTS.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 1000, 5000])
