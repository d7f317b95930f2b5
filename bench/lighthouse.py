"""Lighthouse on every page kind, phone and desktop, written to bench/results.md.

Usage: .venv/bin/python bench/lighthouse.py [--runs N] [--project DIR] [--json FILE]
       [--before FILE] [--label TEXT]

Builds the site (this project, or another checkout with --project) for the
address it is served at, serves it on localhost with gzip as GitHub Pages does (text files
compressed on the fly, `Cache-Control: max-age=600`), and runs Lighthouse
(pinned in bench/package.json, `make lighthouse` installs it) against Debian's
Chromium, headless, once per page kind and form factor per run; the median
over --runs is reported. Lighthouse's default mobile profile is a mid-range
phone on a slow 4G connection (simulated throttling, 4x CPU slowdown); the
desktop preset is a wired desktop.

The figures go into the "Lighthouse" section of bench/results.md (between
markers; bench/run.py keeps the section when it rewrites the rest), beside
the figures in --before, a JSON file this script wrote earlier (--json) for
another build: bench/lighthouse-before.json holds the site before issue 22.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import browser  # noqa: E402  (tests/browser.py: the static server the tests use)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results.md"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"

#: Page kind -> a representative page of it.
PAGES = {
    "home": "",
    "overview": "interventies/",
    "entry": "interventies/gouden-mannen/",
    "risk group": "risicogroepen/mantelzorgers/",
    "element": "werkzame-elementen/ontmoeten/",
    "step": "stappenplan/stap-08/",
    "verbetertool": "verbetertool/",
    "vergelijk": "vergelijk/",
    "aanbod-in-beeld": "aanbod-in-beeld/",
    "gemeenten": "gemeenten/",
}
FORMS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: Audit id -> (column, unit): the lab Core Web Vitals and their neighbours.
METRICS = {
    "first-contentful-paint": ("FCP", "s"),
    "largest-contentful-paint": ("LCP", "s"),
    "total-blocking-time": ("TBT", "ms"),
    "cumulative-layout-shift": ("CLS", ""),
    "speed-index": ("SI", "s"),
}
#: Audits whose failure the table names (score below 0.9).
WATCHED = (
    "render-blocking-resources",
    "unminified-javascript",
    "unminified-css",
    "unused-javascript",
    "unused-css-rules",
    "uses-text-compression",
    "layout-shifts",
)
#: What the tables do not say by themselves.
NOTES = [
    "Notes. The machine is shared: mobile scores move with its load (Lighthouse's simulated",
    "throttling scales the CPU time it observes), so the spread of the runs is shown.",
    "`unused-css-rules` is Material's main stylesheet, which every page needs in part.",
    "The home tab reads *Startpagina*: Lighthouse 12.2's `link-text` audit lists the",
    'English "start" as a vague link text, and a tab *Start* cost every other page',
    "8 SEO points (92).",
    "The issue's figures (Lighthouse 12.8, `python -m http.server` without compression)",
    "were lower still before: mobile performance 72 to 85, CLS 0.879 on `/vergelijk/` and",
    "0.161 on `/interventies/` on desktop; the server here compresses as the host does.",
]
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".yaml", ".map"}


def log(message: str) -> None:
    print(f"[lighthouse {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them: gzip for text, a 10-minute cache."""

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the slash form
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or path.suffix not in COMPRESSED or not gzip_ok:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        if not any(h.startswith(b"Cache-Control") for h in self._headers_buffer):
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


def serve(directory: Path, port: int) -> contextlib.AbstractContextManager[str]:
    """The test suite's static server (tests/browser.py) with the Pages handler."""
    return browser.serve(directory, handler=PagesHandler, port=port)  # base URL without "/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build(project: Path, site: Path, address: str) -> None:
    """The site, built for the address it is served at (canonical links, sitemap)."""
    environment = dict(
        os.environ, SITE_URL=address, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project)
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=project,
        env=environment,
        check=True,
    )


def lighthouse(url: str, form: str, output: Path) -> dict:
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `make lighthouse` (npm ci in bench/)")
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    if form == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True, timeout=300)
    report = json.loads(output.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "metrics": {a: audits[a]["numericValue"] for a in METRICS},
        "failing": sorted(
            a
            for a in WATCHED
            if a in audits and (audits[a]["score"] is not None) and audits[a]["score"] < 0.9
        ),
        "accessibility failures": sorted(
            ref["id"]
            for ref in report["categories"]["accessibility"]["auditRefs"]
            if ref["weight"]
            and audits[ref["id"]]["score"] is not None
            and audits[ref["id"]]["score"] < 1
        ),
        "lighthouse": report["lighthouseVersion"],
        "chromium": report["environment"]["hostUserAgent"],
    }


def median_result(runs: list[dict]) -> dict:
    """Median per score and metric; failures named by any run."""
    return {
        "scores": {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES},
        "metrics": {a: statistics.median(r["metrics"][a] for r in runs) for a in METRICS},
        "failing": sorted(set().union(*(r["failing"] for r in runs))),
        "accessibility failures": sorted(set().union(*(r["accessibility failures"] for r in runs))),
        "runs": len(runs),
        "performance runs": sorted(r["scores"]["performance"] for r in runs),
    }


def measure(project: Path, runs: int) -> dict:
    port = free_port()
    address = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        log(f"building {project} for {address}")
        build(project, site, address)
        results: dict[str, dict[str, list[dict]]] = {k: {f: [] for f in FORMS} for k in PAGES}
        meta = {}
        with serve(site, port) as base:
            for run in range(runs):
                for kind, path in PAGES.items():
                    for form in FORMS:
                        log(f"run {run + 1}/{runs}: {kind} ({form})")
                        one = lighthouse(f"{base}/{path}", form, Path(tmp) / "report.json")
                        meta = {
                            "lighthouse": one.pop("lighthouse"),
                            "chromium": one.pop("chromium"),
                        }
                        results[kind][form].append(one)
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    return {
        **meta,
        "chromium": chromium.stdout.strip(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "load average": round(os.getloadavg()[0], 1),
        "pages": {
            kind: {"path": "/" + PAGES[kind], **{f: median_result(results[kind][f]) for f in FORMS}}
            for kind in PAGES
        },
    }


def metric(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value / 1000:.1f}"
    if unit == "ms":
        return f"{value:,.0f}"
    return f"{value:.3f}"


def cell(now: str, before: str | None) -> str:
    return now if before is None or before == now else f"{now} ({before})"


def section(now: dict, before: dict | None, label: str) -> str:
    pages = now["pages"]
    old = (before or {}).get("pages", {})
    lines = [
        START,
        "## Lighthouse",
        "",
        f"Written by `make lighthouse` (bench/lighthouse.py) on {now['date']}: Lighthouse "
        f"{now['lighthouse']}, headless {now['chromium']}, "
        "the built site served on localhost with gzip and `Cache-Control: max-age=600` as on "
        f"GitHub Pages; median of {next(iter(pages.values()))['mobile']['runs']} run(s) per "
        f"page and form factor, 1-minute load average after the runs {now['load average']}. "
        "Mobile is Lighthouse's default (a mid-range phone on slow 4G, simulated); desktop is "
        "its desktop preset. Lab Core Web Vitals: LCP and CLS; TBT stands in for INP, which "
        "needs a real visitor. Targets: mobile performance ≥ 95, CLS < 0.1, accessibility 100."
        + (
            f" In round brackets: {label}, measured the same way, where it differs."
            if before
            else ""
        )
        + " In square brackets: the lowest and highest performance score of the runs.",
        "",
    ]
    for form in FORMS:
        lines += [
            f"### {form.capitalize()}",
            "",
            "| page kind | page | performance | accessibility | best practices | SEO | "
            + " | ".join(
                f"{column}{f' ({unit})' if unit else ''}" for column, unit in METRICS.values()
            )
            + " | audits below 0.9 |",
            "|---|---|" + "---|" * (len(CATEGORIES) + len(METRICS)) + "---|",
        ]
        for kind, page in pages.items():
            result, previous = page[form], old.get(kind, {}).get(form)
            scores = [
                cell(f"{result['scores'][c]:.0f}", previous and f"{previous['scores'][c]:.0f}")
                for c in CATEGORIES
            ]
            spread = result.get("performance runs", [])
            if len(spread) > 1 and spread[0] != spread[-1]:
                scores[0] += f" [{spread[0]}–{spread[-1]}]"
            metrics = [
                cell(
                    metric(result["metrics"][a], unit),
                    previous and metric(previous["metrics"][a], unit),
                )
                for a, (_, unit) in METRICS.items()
            ]
            failing = ", ".join(result["failing"] + result["accessibility failures"]) or "none"
            lines.append(
                f"| {kind} | `{page['path']}` | {' | '.join(scores)} | {' | '.join(metrics)} "
                f"| {failing} |"
            )
        lines.append("")
    lines += NOTES + ["", END]
    return "\n".join(lines)


def write_section(text: str) -> None:
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if START in current and END in current:
        head, rest = current.split(START, 1)
        current = head + text + rest.split(END, 1)[1]
    else:
        current = current.rstrip() + "\n\n" + text + "\n"
    RESULTS.write_text(current, encoding="utf-8")
    log(f"wrote {RESULTS.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--project", type=Path, default=ROOT, help="the project to build (default: this one)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--before", type=Path, default=HERE / "lighthouse-before.json")
    parser.add_argument("--label", default="before issue 22 (bench/lighthouse-before.json)")
    parser.add_argument("--no-results", action="store_true", help="do not touch results.md")
    args = parser.parse_args()
    now = measure(args.project.resolve(), args.runs)
    if args.json:
        args.json.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
    if not args.no_results:
        before = json.loads(args.before.read_text("utf-8")) if args.before.exists() else None
        write_section(section(now, before, args.label))


if __name__ == "__main__":
    main()
