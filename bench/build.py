"""Build cost of the catalogue against a plain Material build, per N.

Usage: .venv/bin/python bench/build.py [N ...]   (default 10 1000)

For each N: a temporary project with N synthetic entries (ours) and one with
the same N pages as plain Markdown out of the nav (baseline). Builds run
alternately, three times each; reported are the medians of wall time and
peak memory (GNU time), the ratio ours/baseline and the site size per entry.
Prints a Markdown table; `make bench` appends it to bench/results.md.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import copy_project, write_baseline, write_catalogue  # noqa: E402

RUNS = 3


def build(project: Path, site: Path) -> tuple[float, int]:
    """Wall seconds and peak resident kilobytes of one strict build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run(
        [
            "/usr/bin/time",
            "-f",
            "%M",
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(site),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return elapsed, int(result.stderr.strip().splitlines()[-1])


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(n: int, workdir: Path) -> dict:
    ours = copy_project(workdir / f"ours-{n}")
    write_catalogue(ours, n)
    base = copy_project(workdir / f"base-{n}")
    write_baseline(base, n, theme="plain")
    themed = copy_project(workdir / f"themed-{n}")
    write_baseline(themed, n, theme="ours")
    projects = {"ours": ours, "base": base, "themed": themed}
    times: dict[str, list[float]] = {name: [] for name in projects}
    memory: dict[str, list[int]] = {name: [] for name in projects}
    for _ in range(RUNS):
        for name, project in projects.items():
            seconds, kilobytes = build(project, workdir / f"site-{name}-{n}")
            times[name].append(seconds)
            memory[name].append(kilobytes)
    median = {name: statistics.median(values) for name, values in times.items()}
    return {
        "n": n,
        "ours_s": median["ours"],
        "base_s": median["base"],
        "ratio": median["ours"] / median["base"],
        "themed_s": median["themed"],
        "themed_ratio": median["ours"] / median["themed"],
        "ours_mb": statistics.median(memory["ours"]) / 1024,
        "base_mb": statistics.median(memory["base"]) / 1024,
        "themed_mb": statistics.median(memory["themed"]) / 1024,
        "ours_site_kb_per_entry": size(workdir / f"site-ours-{n}") / 1024 / n,
        "base_site_kb_per_entry": size(workdir / f"site-base-{n}") / 1024 / n,
        "project": ours,
        "site": workdir / f"site-ours-{n}",
    }


HEADER = (
    "| N | ours (s) | plain Material (s) | ratio | our theme, no catalogue (s) | ratio "
    "| peak MB ours / plain / theme | site KB per entry ours / plain |\n"
    "|---|---|---|---|---|---|---|---|"
)


def row(r: dict) -> str:
    return (
        f"| {r['n']:,} | {r['ours_s']:.1f} | {r['base_s']:.1f} | {r['ratio']:.2f} "
        f"| {r['themed_s']:.1f} | {r['themed_ratio']:.2f} "
        f"| {r['ours_mb']:.0f} / {r['base_mb']:.0f} / {r['themed_mb']:.0f} "
        f"| {r['ours_site_kb_per_entry']:.1f} / {r['base_site_kb_per_entry']:.1f} |"
    )


def main(sizes: list[int]) -> None:
    print(
        f"Build benchmark, {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; "
        f"median of {RUNS} alternating runs.\n"
    )
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            print(row(measure(n, Path(tmp))), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 1000])
