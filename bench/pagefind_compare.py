"""Our catalogue search (lunr.js, prebuilt index) against Pagefind on the same site.

Usage: .venv/bin/python bench/pagefind_compare.py [N ...]        (default 1000)
       .venv/bin/python bench/pagefind_compare.py --site DIR     (reuse a built site)

For each N: a temporary project with N synthetic entries is built with MkDocs;
a copy of the site gets a Pagefind index of the entry pages only (the entry's
own `.ww-entry` block, Dutch from `<html lang="nl">`). With --site, the site is
not built but copied, and N is its number of entry pages (the synthetic
catalogue of that size is regenerated only to time our index build).

Reported, per N, as Markdown: index build time (Pagefind CLI against our
`build_index` + `dump_index`), bytes one search transfers (raw and gzip -6),
query times in Debian's Chromium (cold first query, then median warm), and
result counts for Dutch inflections, a typo and a prefix.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402
from synthetic import copy_project, write_catalogue  # noqa: E402

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

RUNS = 3  # index builds per side; the median is reported
REPEATS = 5  # fresh pages per side, and timed rounds of all queries in each
PAIRS = [  # (inflected, base): a Dutch search should find the same entries for both
    ("eenzame", "eenzaamheid"),
    ("gesprekken", "gesprek"),
    ("ouderen", "oudere"),
    ("vrijwilligers", "vrijwilliger"),
    ("mantelzorgers", "mantelzorger"),
    ("bijeenkomsten", "bijeenkomst"),
    ("jongeren", "jongere"),
]
EXTRA = [("eenzaamhied", "typo"), ("vrijwil", "prefix")]
QUERIES = [q for pair in PAIRS for q in pair] + [q for q, _ in EXTRA]
WORK = Path(tempfile.gettempdir()) / "pagefind-bench"

# Pagefind indexes about what our index holds: of each entry page's `.ww-entry`
# block the name, claim, description, aanpak and the facts doelgroep,
# risicogroepen, werkzame elementen and eigenaar (the other facts are marked
# data-pagefind-ignore in the copy), without labels, sources, "onbekend" or
# the related-entry cards.
PAGEFIND_ARGS = [
    "--glob",
    "interventies/*/index.html",
    "--root-selector",
    ".ww-entry",
    "--exclude-selectors",
    "[data-search-exclude], .ww-cards, .ww-entry__crumbs, .ww-entry__edit, .ww-pick,"
    " .ww-badge, .ww-sources, .ww-entry__checked, .ww-facts__sub, .ww-unknown, dt, h2",
    "--quiet",
]
INDEXED_FACTS = ("Doelgroep", "Risicogroepen", "Werkzame elementen", "Eigenaar")
OTHER_FACT = re.compile(rf"<div><dt>(?!(?:{'|'.join(INDEXED_FACTS)})</dt>)")
TEST_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>pagefind bench</title></head>
<body><script type="module">
window.pagefind = await import("/pagefind/pagefind.js");
document.body.dataset.ready = "1";
</script></body></html>
"""

# Timing in a fresh page: cold is its first search, warm the median of REPEATS
# searches per query after one warm-up pass, which also collects the results.
TIME_QUERIES_JS = """async ([queries, repeats]) => {
  const results = {};
  let started = performance.now();
  await window.benchSearch(queries[0]);
  const cold = performance.now() - started;
  for (const q of queries) results[q] = await window.benchSearch(q);
  const times = [];
  for (let i = 0; i < repeats; i++) {
    for (const q of queries) {
      started = performance.now();
      await window.benchSearch(q);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return { cold, warm: times[Math.floor(times.length / 2)], results };
}"""
# Each side's search returns the ids of the matching pages (Pagefind: its page
# ids, no fragment is fetched; ours: the entry slugs).
PAGEFIND_SEARCH_JS = """() => {
  window.benchSearch = async (q) => (await window.pagefind.search(q)).results.map((r) => r.id);
  return {};
}"""
# Our search as catalogus.js calls it (the page's loaded index: the head, and
# the parts of the postings each search needs); the head's JSON.parse is timed
# again on a second copy.
OURS_SEARCH_JS = """async () => {
  const input = document.querySelector("[data-index]");
  let started = performance.now();
  const text = await (await fetch(input.dataset.index)).text();
  started = performance.now();
  const head = JSON.parse(text);
  const parse = performance.now() - started;
  started = performance.now();
  const scripts = input.dataset.scripts.split(" ");
  const loaded = await window.WatWerkt.loadSearch(scripts, input.dataset.index);
  const load = loaded.loadMs - loaded.parseMs;  // CatalogusZoeken.prepare of the head
  // Parts of the postings load as each search needs them (the first time only).
  window.benchSearch = async (q) =>
    (await window.WatWerkt.searchCatalogue(loaded, q)).map((h) => h.ref);
  const attribute = document.querySelector("[data-catalogus]").dataset.indexLoadMs;
  const fetches = [input.dataset.index, ...input.dataset.scripts.split(" ")]
    .map((src) => new URL(src, location.href).href);  // what the overview's search fetched
  return { parse, load, attribute: parseFloat(attribute), fetches, parts: loaded.shards };
}"""
# One Pagefind search and the data of its first ten results, as a result list shows.
PAGEFIND_ONE_SEARCH_JS = """async () => {
  const search = await window.pagefind.search("eenzaamheid");
  await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
}"""


def pagefind_executable() -> Path:
    try:
        import pagefind_bin
    except ImportError as error:
        sys.exit(f"pagefind not installable here: {error} (pip install -r requirements.txt)")
    return pagefind_bin.get_executable()


def build_site(n: int, workdir: Path) -> tuple[Path, Path]:
    project = copy_project(workdir / "ours")
    write_catalogue(project, n)
    site = workdir / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return project, site


def entry_count(site: Path) -> int:
    return len(list((site / "interventies").glob("*/index.html")))


def time_ours(project: Path) -> float:
    """Median seconds of our index build, in process, as the MkDocs hook does it."""
    from catalogue.loader import load_catalogue
    from catalogue.search import build_index, dump_index

    catalogue, _ = load_catalogue(project / "catalogue", display_root=project)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        dump_index(build_index(catalogue))
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def prepare_pagefind(site: Path, copy: Path) -> tuple[float, int, int]:
    """Copy the site, index it with Pagefind; median CLI seconds, files and bytes written."""
    shutil.copytree(site, copy)
    for page in (copy / "interventies").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(OTHER_FACT.sub("<div data-pagefind-ignore><dt>", html), encoding="utf-8")
    (copy / "pagefind-bench.html").write_text(TEST_PAGE, encoding="utf-8")
    command = [str(pagefind_executable()), "--site", str(copy), *PAGEFIND_ARGS]
    times = []
    for _ in range(RUNS):
        shutil.rmtree(copy / "pagefind", ignore_errors=True)
        started = time.perf_counter()
        subprocess.run(command, check=True)
        times.append(time.perf_counter() - started)
    files = [p for p in (copy / "pagefind").rglob("*") if p.is_file()]
    return statistics.median(times), len(files), sum(p.stat().st_size for p in files)


def transferred(responses: list[tuple[str, bytes]], wanted) -> tuple[int, int, int]:
    """Requests, raw bytes and gzip -6 bytes of the responses whose URL `wanted` accepts."""
    bodies = [body for url, body in responses if wanted(url)]
    return len(bodies), sum(map(len, bodies)), sum(len(gzip.compress(b, 6)) for b in bodies)


# When `ready` first matches: what the first search needed had arrived by then
# (the overview then loads the index's other parts while idle).
READY_AT_JS = """(ready) => new MutationObserver((records, observer) => {
  if (!document.querySelector(ready)) return;
  window.__readyAt = performance.now();
  observer.disconnect();
}).observe(document, { subtree: true, attributes: true, childList: true })"""
BEFORE_READY_JS = """() => performance.getEntriesByType('resource')
  .filter((e) => e.responseEnd <= window.__readyAt).map((e) => e.name)"""


def sample(browser, url: str, ready: str, setup: str) -> tuple[list[dict], list, list]:
    """REPEATS fresh pages (new context, empty cache): wait for `ready`, run the
    `setup` script, time the queries. Returns the runs, the first page's
    responses up to `ready`, and its responses after it (loaded while idle)."""
    runs, first, later = [], [], []
    for _ in range(REPEATS):
        page = browser.new_context().new_page()
        page.add_init_script(f"({READY_AT_JS})({json.dumps(ready)})")
        responses = []
        page.on("response", lambda r, sink=responses: sink.append(r))
        page.goto(url, wait_until="networkidle")
        page.wait_for_selector(ready, state="attached")
        if not first:
            before = set(page.evaluate(BEFORE_READY_JS))
            bodies = [(r.url, r.body()) for r in responses]
            first = [(u, b) for u, b in bodies if u in before]
            later = [(u, b) for u, b in bodies if u not in before]
        run = page.evaluate(setup)
        run.update(page.evaluate(TIME_QUERIES_JS, [QUERIES, REPEATS]))
        runs.append(run)
        page.context.close()
    return runs, first, later


def measure_browser(site: Path, copy: Path) -> dict:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        with serve(copy) as base:
            page = browser.new_context().new_page()
            responses = []
            page.on("response", lambda r: responses.append(r))
            page.goto(base + "/pagefind-bench.html")
            page.wait_for_selector("body[data-ready]", state="attached")
            page.evaluate(PAGEFIND_ONE_SEARCH_JS)
            bodies = [(r.url, r.body()) for r in responses]
            pf_bytes = transferred(bodies, lambda url: "/pagefind/" in url)
            page.context.close()
            pf, _, _ = sample(
                browser, base + "/pagefind-bench.html", "body[data-ready]", PAGEFIND_SEARCH_JS
            )
        with serve(site) as base:
            ours, responses, idle = sample(
                browser,
                base + "/interventies/?q=eenzaamheid",
                "[data-gezocht]",
                OURS_SEARCH_JS,
            )

            def searched(url: str) -> bool:
                return url in ours[0]["fetches"] or url.startswith(ours[0]["parts"])

            ours_bytes = transferred(responses, searched)
            ours_idle = transferred(idle, searched)
        browser.close()
    parts = len(list((site / "catalogus-zoekindex").glob("*.json")))
    return {
        "pf_bytes": pf_bytes,
        "pf": pf,
        "ours_bytes": ours_bytes,
        "ours_idle": ours_idle,
        "ours": ours,
        "ours_parts": parts,
    }


def python_results(site: Path) -> dict[str, list[str]]:
    from catalogue.search import load_index, read_parts, search

    head = json.loads((site / "catalogus-zoekindex.json").read_text("utf-8"))
    index = load_index(read_parts(head, site))
    return {q: [hit.ref for hit in search(index, q)] for q in QUERIES}


def same(results: dict[str, list[str]], a: str, b: str) -> str:
    return "yes" if set(results[a]) == set(results[b]) else "no"


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def report(n: int, index_times: tuple[float, float], files: tuple[int, int], m: dict) -> None:
    pf_s, ours_s = index_times
    pf_n, pf_raw, pf_gz = m["pf_bytes"]
    ours_n, ours_raw, ours_gz = m["ours_bytes"]
    idle_n, _, idle_gz = m["ours_idle"]
    pf, ours = m["pf"], m["ours"]
    print(f"\n## N = {n:,} entries\n")
    print(f"| | Pagefind {m['version']} | ours (lunr) |")
    print("|---|---|---|")
    print(f"| index build (median of {RUNS}) | {pf_s:.2f} s (CLI) | {ours_s:.2f} s (in process) |")
    print(
        f"| search files on disk | {files[0]:,} files, {kb(files[1])} | 1 head + "
        f"{m['ours_parts']} parts + 4 scripts |"
    )
    print(
        f"| one search 'eenzaamheid' (Pagefind: + data of 10 results) | {pf_n} requests, "
        f"{kb(pf_raw)} raw, {kb(pf_gz)} gzip | {ours_n} requests, {kb(ours_raw)} raw, "
        f"{kb(ours_gz)} gzip; then, while idle, the other parts: {idle_n} requests, "
        f"{kb(idle_gz)} gzip |"
    )
    print(
        f"| index ready in the page | in the first query | JSON.parse {median(ours, 'parse'):.1f}"
        f" ms + its lunr index {median(ours, 'load'):.1f} ms (`data-index-load-ms` "
        f"{median(ours, 'attribute'):.1f} ms) |"
    )
    print(
        f"| first query (cold) | {median(pf, 'cold'):.1f} ms (loads wasm and index chunks) "
        f"| {median(ours, 'cold'):.1f} ms |"
    )
    print(f"| query, warm | {median(pf, 'warm'):.2f} ms | {median(ours, 'warm'):.2f} ms |")
    print(
        f"\nTimes: medians over {REPEATS} fresh pages; warm = median of {REPEATS} rounds of "
        f"{len(QUERIES)} queries after one warm-up round."
    )
    print("\n| query | base form | Pagefind results | same set | ours results | same set |")
    print("|---|---|---|---|---|---|")
    pr, our = pf[-1]["results"], ours[-1]["results"]
    py = python_results(m["site"])
    for a, b in PAIRS:
        print(
            f"| {a} | {b} | {len(pr[a])} / {len(pr[b])} | {same(pr, a, b)} "
            f"| {len(our[a])} / {len(our[b])} | {same(our, a, b)} |"
        )
    for q, kind in EXTRA:
        print(f"| {q} ({kind}) | | {len(pr[q])} | | {len(our[q])} | |")
    mismatched = [q for q in QUERIES if our[q] != py[q]]
    print(
        f"\nlunr.js and lunr.py give the same ranked results: {'no, ' if mismatched else 'yes'}"
        f"{', '.join(mismatched)}"
    )


def run(n: int | None, site: Path | None) -> None:
    executable = pagefind_executable()
    version = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[-1]
    WORK.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        workdir = Path(tmp)
        if site is None:
            project, site = build_site(n, workdir)
        else:
            n = entry_count(site)
            project = copy_project(workdir / "ours")
            write_catalogue(project, n)
        ours_s = time_ours(project)
        pf_s, count, size = prepare_pagefind(site, workdir / "pagefind-site")
        measured = measure_browser(site, workdir / "pagefind-site")
        measured.update(site=site, version=version)
        report(entry_count(site), (pf_s, ours_s), (count, size), measured)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, default=[1000])
    parser.add_argument("--site", type=Path, help="a built site to reuse instead of N builds")
    args = parser.parse_args()
    print("# Pagefind against our lunr search")
    if args.site:
        run(None, args.site.resolve())
    else:
        for n in args.n:
            run(n, None)


if __name__ == "__main__":
    main()
