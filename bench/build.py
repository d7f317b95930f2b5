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


def measure(n: int, workdir: Path) -> dict[str, float]:
    ours = copy_project(workdir / f"ours-{n}")
    write_catalogue(ours, n)
    base = copy_project(workdir / f"base-{n}")
    for item in (base / "docs").iterdir():
        if item.is_dir():
            import shutil

            shutil.rmtree(item)
        else:
            item.unlink()
    write_baseline(base, n)
    times = {"ours": [], "base": []}
    memory = {"ours": [], "base": []}
    for _ in range(RUNS):
        for name, project in (("ours", ours), ("base", base)):
            seconds, kilobytes = build(project, workdir / f"site-{name}-{n}")
            times[name].append(seconds)
            memory[name].append(kilobytes)
    ours_t, base_t = statistics.median(times["ours"]), statistics.median(times["base"])
    return {
        "n": n,
        "ours_s": ours_t,
        "base_s": base_t,
        "ratio": ours_t / base_t,
        "ours_mb": statistics.median(memory["ours"]) / 1024,
        "base_mb": statistics.median(memory["base"]) / 1024,
        "ours_site_kb_per_entry": size(workdir / f"site-ours-{n}") / 1024 / n,
        "base_site_kb_per_entry": size(workdir / f"site-base-{n}") / 1024 / n,
    }


def main(sizes: list[int]) -> None:
    print(
        f"Build benchmark, {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; "
        f"median of {RUNS} alternating runs.\n"
    )
    print(
        "| N | ours (s) | baseline (s) | ratio | ours peak MB | baseline peak MB "
        "| ours site KB/entry | baseline site KB/entry |"
    )
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = measure(n, Path(tmp))
            print(
                f"| {n:,} | {r['ours_s']:.1f} | {r['base_s']:.1f} | {r['ratio']:.2f} "
                f"| {r['ours_mb']:.0f} | {r['base_mb']:.0f} | {r['ours_site_kb_per_entry']:.1f} "
                f"| {r['base_site_kb_per_entry']:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 1000])
