"""How the catalogue overview `/interventies/` behaves in a real browser, per N.

Usage: .venv/bin/python bench/browser_timings.py [N ...]      (default 10 1000)
       .venv/bin/python bench/browser_timings.py --site DIR   (an already built site)

For each N a temporary project with N synthetic entries is built (as in
bench/build.py), served locally and opened in Debian's Chromium. Each
repetition uses fresh pages in a new browser context (so an empty HTTP cache):
the first, in a just launched browser, is reported as "cold"; the next RUNS
give median and max. Measured:

1. Navigation start to DOMContentLoaded and load firing (the navigation timing
   entry), and to the overview being filterable: when a MutationObserver sees
   `data-ready` on the overview root, that is once catalogus.js set it up.
2. The search index: loading the prebuilt index (its head and every part of
   its postings, into lunr) against building the same index in the browser
   (same fields, boosts and pipeline as catalogue/search.py, without compound
   parts), on a test page served from the site's root.
3. A facet click: the synchronous `change` handler, the same plus the style
   and layout it forces, and until the next frame has run (rAF, then a task).
4. A search keystroke, typed letter by letter: the input handler only sets a
   debounce timer, so the timers it sets are captured and run at once; timed
   is that search until the overview's DOM changes, and the same plus layout.
   The first search of a page also loads lunr.js and the index: shown apart.
   After it the page loads the index's other parts while idle (pagina.js
   prefetchParts); the keystrokes are typed once they are in, as a visitor
   reading the first results would type on (the wait is shown too).

Prints one Markdown table per N. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from playwright.sync_api import sync_playwright  # noqa: E402

from catalogue.search import FIELDS  # noqa: E402

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

RUNS = 5  # warm repetitions, after one cold one
QUERIES = ("ouderen", "eenzaamheid", "vrijwilligers", "gesprek")
FACET_CLICKS = 8  # facets clicked per page, each checked then unchecked
ROOT_SELECTOR = "[data-catalogus]"
LUNR = "/assets/javascripts/lunr/"
LUNR_SCRIPTS = [LUNR + name for name in ("lunr.js", "lunr.stemmer.support.js", "lunr.nl.js")] + [
    "/assets/javascripts/catalogus-zoeken.js"
]
BENCH_PAGE = "/__browser_timings__/"  # served by request interception, not from disk

# Before any page script: note when the overview root gets `data-ready`.
# Observer callbacks run once the script that set it is done, so after setup.
READY_OBSERVER = """
new MutationObserver((records, observer) => {
  if (document.querySelector('ROOT[data-ready]')) {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
""".replace("ROOT", ROOT_SELECTOR)

NAVIGATION = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return { dcl: nav.domContentLoadedEventStart, load: nav.loadEventStart, ready: window.__readyAt };
}"""

# Shared by the facet and search timings: wait for a frame, or for the next DOM
# change under the overview root (null after 10 s).
HELPERS = """
const root = document.querySelector('ROOT');
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
}));
const realSetTimeout = window.setTimeout;
const nextChange = () => new Promise((resolve) => {
  const observer = new MutationObserver(() => {
    observer.disconnect();
    resolve(performance.now());
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  realSetTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
});
""".replace("ROOT", ROOT_SELECTOR)

FACETS = (
    """async (clicks) => {"""
    + HELPERS
    + """
  const boxes = [...root.querySelectorAll('form input[type=checkbox]')];
  const picks = [...new Set(Array.from({ length: clicks }, (_, i) =>
    boxes[Math.floor((i * boxes.length) / clicks)]))];
  const samples = [];
  for (const box of picks) {
    for (const state of ['check', 'uncheck']) {
      await frame();
      const t0 = performance.now();
      box.click();  // fires `change` on the form; its handler is synchronous
      const t1 = performance.now();
      void document.body.offsetHeight;  // forces style and layout now
      const t2 = performance.now();
      await afterFrame();
      samples.push({ label: box.name + '=' + box.value + ' ' + state,
                     handler: t1 - t0, layout: t2 - t0, frame: performance.now() - t0 });
    }
  }
  return { facets: boxes.length, samples };
}"""
)

SEARCH = (
    """async (queries) => {"""
    + HELPERS
    + """
  const input = root.querySelector('input[type=search], input[type=text]');
  const samples = [];
  let debounce = 0;
  async function keystroke(value) {
    // Capture the timers the input handler sets (its debounce) and run them at once.
    const timers = [];
    window.setTimeout = (fn, ms, ...args) => {
      timers.push(() => fn(...args));
      debounce = Math.max(debounce, ms || 0);
      return realSetTimeout(() => {}, 0);
    };
    const changed = nextChange();
    input.value = value;
    let t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const dispatch = performance.now() - t0;
    window.setTimeout = realSetTimeout;
    if (timers.length) {
      t0 = performance.now();
      timers.forEach((run) => run());
    }
    const t1 = await changed;
    void document.body.offsetHeight;
    const t2 = performance.now();
    return { label: value, dispatch, handler: t1 === null ? null : t1 - t0, layout: t2 - t0 };
  }
  const first = await keystroke(queries[0]);  // loads lunr.js and the index
  // The other parts load in the background (pagina.js prefetchParts), as
  // while a visitor reads the first results: type on once they are in.
  const waited = performance.now();
  await new Promise((resolve) => {
    const done = () => root.hasAttribute('data-index-complete') ||
      performance.now() - waited > 30000;
    const check = () => (done() ? resolve() : realSetTimeout(check, 10));
    check();
  });
  const prefetchMs = root.hasAttribute('data-index-complete') ? performance.now() - waited : null;
  await keystroke('');
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) samples.push(await keystroke(query.slice(0, i)));
    await keystroke('');
  }
  return { debounce, first, samples, prefetchMs,
           indexLoadMs: Number(root.getAttribute('data-index-load-ms')),
           lost: samples.filter((s) => s.handler === null).length };
}"""
)

# On the test page: the prebuilt index loaded, and the same index built here.
INDEX = """async (fields) => {
  const read = async (url) => {
    const text = await (await fetch(url)).text();
    const t0 = performance.now();
    const data = JSON.parse(text);
    return [data, performance.now() - t0];
  };
  const [asset, parseMs] = await read('/catalogus-zoekindex.json');
  const [documents] = await read('documents.json');
  // Use the asset's refs: slugs, or short codes whose `documenten` entry names the slug.
  const refs = {};
  for (const [ref, doc] of Object.entries(asset.documenten)) refs[doc.slug || ref] = ref;
  documents.forEach((doc) => { doc.ref = refs[doc.ref] || doc.ref; });
  // catalogue/search.py keeps each word as written and as its stem.
  const stem = lunr.nl.stemmer;
  const wordAndStem = (token) => {
    const stemmed = stem(token.clone());
    return stemmed.toString() === token.toString() ? token : [token, stemmed];
  };
  lunr.Pipeline.registerFunction(wordAndStem, 'woord-en-stam-nl');
  // The head, then every part of the postings (a search loads only those it needs).
  const parts = await Promise.all(asset.termen.delen.map(async (_, n) =>
    (await fetch('/' + asset.termen.pad + n + '.json')).json()));
  let t0 = performance.now();
  const searcher = CatalogusZoeken.prepare(asset, lunr);
  parts.forEach((part, n) => CatalogusZoeken.addShard(searcher, n, part.postings));
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  const built = lunr(function () {
    this.pipeline.reset();
    this.pipeline.add(lunr.nl.trimmer, lunr.nl.stopWordFilter, wordAndStem);
    this.searchPipeline.reset();
    this.searchPipeline.add(stem);
    this.ref('ref');
    for (const [name, boost] of Object.entries(fields)) this.field(name, { boost });
    documents.forEach((doc) => this.add(doc));
  });
  const buildMs = performance.now() - t0;
  const loadedTerms = searcher.postings.filter((posting) => posting !== undefined).length;
  const builtTerms = Object.keys(built.invertedIndex).length;
  return { parseMs, loadMs, buildMs, terms: [loadedTerms, builtTerms] };
}"""


def build_site(n: int, workdir: Path) -> tuple[Path, list[dict]]:
    """A strict build of N synthetic entries, and their search documents."""
    from synthetic import copy_project, write_catalogue

    project = copy_project(workdir / f"ours-{n}")
    write_catalogue(project, n)
    site = workdir / f"site-{n}"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
        capture_output=True,
    )
    return site, documents_from_project(project)


def documents_from_project(project: Path) -> list[dict]:
    """The search documents of a project's catalogue, as the index is built from
    them (the searched fields come from catalogue/fields.py)."""
    from catalogue.loader import load_catalogue
    from catalogue.search import search_document

    catalogue = load_catalogue(project / "catalogue", display_root=project)[0]
    entries = sorted(catalogue.interventions, key=lambda e: e.slug)
    return [dict(search_document(e)) for e in entries]


def bench_page(page, base: str, documents: list[dict]) -> None:
    """Serve the test page and the documents from the site's origin, without writing them."""
    scripts = "".join(f'<script src="{src}"></script>' for src in LUNR_SCRIPTS)
    files = {
        "": ("text/html", f'<!doctype html><meta charset="utf-8"><title>bench</title>{scripts}'),
        "documents.json": ("application/json", json.dumps(documents, ensure_ascii=False)),
    }

    def fulfil(route) -> None:
        kind, body = files[route.request.url.removeprefix(base + BENCH_PAGE).split("?")[0]]
        route.fulfill(status=200, content_type=kind, body=body)

    page.route(f"{base}{BENCH_PAGE}**", fulfil)


def run_once(browser, base: str, documents: list[dict]) -> dict:
    """One repetition: the overview in one fresh page, the index test in another."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(READY_OBSERVER)
    page.goto(base + "/interventies/", wait_until="load")
    page.wait_for_function(f"({NAVIGATION})().ready !== undefined && ({NAVIGATION})().load > 0")
    result = page.evaluate(NAVIGATION)
    result["facets"] = page.evaluate(FACETS, FACET_CLICKS)
    result["search"] = page.evaluate(SEARCH, list(QUERIES))
    page.close()
    page = context.new_page()
    bench_page(page, base, documents)
    page.goto(base + BENCH_PAGE, wait_until="load")
    result["index"] = page.evaluate(INDEX, {field.name: field.boost for field in FIELDS})
    context.close()
    return result


def measure(site: Path, documents: list[dict]) -> tuple[str, list[dict]]:
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        runs = [run_once(browser, base, documents) for _ in range(RUNS + 1)]
        version = browser.version
        browser.close()
    return version, runs


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def report(n: int, runs: list[dict], load: float) -> None:
    """One Markdown table: the cold run, then median and max of the warm ones."""
    cold, warm = runs[0], runs[1:]

    def per_run(get) -> tuple[float, list[float]]:
        return get(cold), [get(r) for r in warm]

    def per_action(kind: str, field: str) -> tuple[float, list[float]]:
        """The first action of the cold page, and every action of the warm ones."""
        pooled = [s[field] for r in warm for s in r[kind]["samples"]]
        return cold[kind]["samples"][0][field], [v for v in pooled if v is not None]

    debounce = cold["search"]["debounce"]
    figures = [
        ("DOMContentLoaded fired", per_run(lambda r: r["dcl"]), ""),
        ("load fired", per_run(lambda r: r["load"]), ""),
        ("overview filterable (`data-ready`)", per_run(lambda r: r["ready"]), ""),
        ("index asset `JSON.parse`", per_run(lambda r: r["index"]["parseMs"]), ""),
        (
            "the prebuilt index loaded (head and every part)",
            per_run(lambda r: r["index"]["loadMs"]),
            "",
        ),
        ("same index built in the browser", per_run(lambda r: r["index"]["buildMs"]), ""),
        (
            "first search: lunr.js + index fetched, loaded",
            per_run(lambda r: r["search"]["first"]["handler"]),
            "",
        ),
        ("… its `data-index-load-ms`", per_run(lambda r: r["search"]["indexLoadMs"]), ""),
        (
            "… then the other parts, loaded while idle",
            per_run(lambda r: r["search"]["prefetchMs"] if r["search"]["prefetchMs"] is not None
                    else float("nan")),
            "",
        ),
        ("facet click: handler", per_action("facets", "handler"), "< 16"),
        ("facet click: handler + style/layout", per_action("facets", "layout"), "< 16"),
        ("facet click: until the next frame ran", per_action("facets", "frame"), ""),
        (
            f"keystroke: search after the {debounce} ms debounce",
            per_action("search", "handler"),
            "< 50",
        ),
        ("keystroke: search + style/layout", per_action("search", "layout"), "< 50"),
        ("keystroke: the `input` handler itself", per_action("search", "dispatch"), ""),
    ]
    print(f"\n### N = {n:,} entries (1-minute load average after the runs: {load:.1f})\n")
    print("| measure (ms: from navigation start, or per action) | cold | median | max | target |")
    print("|---|---|---|---|---|")
    for name, (first, values), target in figures:
        middle = statistics.median(values)
        print(f"| {name} | {fmt(first)} | {fmt(middle)} | {fmt(max(values))} | {target} |")
        if name.startswith("same index built"):
            ratios = [r["index"]["buildMs"] / r["index"]["loadMs"] for r in runs]
            print(
                f"| build ÷ load | {ratios[0]:.1f}× | {statistics.median(ratios[1:]):.1f}× "
                f"| {min(ratios[1:]):.1f}× (lowest) | ≥ 5× |"
            )
    clicks = [s for r in warm for s in r["facets"]["samples"]]
    keys = [s for r in warm for s in r["search"]["samples"] if s["handler"] is not None]
    click = max(clicks, key=lambda s: s["layout"])
    key = max(keys, key=lambda s: s["layout"])
    lost = sum(r["search"]["lost"] for r in runs)
    terms = cold["index"]["terms"]
    print(
        f"\nPer warm page {len(clicks) // len(warm)} facet clicks (of "
        f"{cold['facets']['facets']} checkboxes) and {len(keys) // len(warm)} keystrokes. "
        f"Slowest click with layout: {click['label']} {click['layout']:.1f} ms; slowest "
        f"keystroke with layout: “{key['label']}” {key['layout']:.1f} ms (search alone "
        f"{key['handler']:.1f} ms); keystrokes without a DOM change: {lost}. Index terms: "
        f"prebuilt {terms[0]:,}, built in the browser {terms[1]:,}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10, 1000])
    parser.add_argument("--site", type=Path, help="measure this built site instead")
    parser.add_argument("--project", type=Path, help="with --site: the project it was built from")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.site:
            if not args.project:
                parser.error("--site needs --project (the catalogue the site was built from)")
            documents = documents_from_project(args.project)
            sites = [(len(documents), args.site, documents)]
        else:
            sites = ((n, *build_site(n, Path(tmp))) for n in args.sizes)
        for i, (n, site, documents) in enumerate(sites):
            version, runs = measure(site, documents)
            load = os.getloadavg()[0]  # other work on the machine skews the figures
            if i == 0:
                print(f"Chromium {version}; a cold run, then {RUNS} warm ones, each a fresh page.")
            report(n, runs, load)


if __name__ == "__main__":
    main()
