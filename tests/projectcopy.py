"""Copy the repository's sources into a scratch folder (tests and benchmarks)."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: Top-level folders that are not sources: environments, output, caches.
NOT_SOURCES = frozenset({".venv", "site", ".git", ".pytest_cache", ".ruff_cache"})


def copy_project(destination: Path, *, skip: frozenset[str] = frozenset()) -> Path:
    """Copy the sources (not the venv, build output, caches or `skip`) to `destination`."""
    skipped = NOT_SOURCES | skip

    def ignore(directory: str, names: list[str]) -> set[str]:
        top = Path(directory) == REPO
        return {
            n
            for n in names
            if (top and n in skipped) or n == "__pycache__" or n.endswith(".egg-info")
        }

    shutil.copytree(REPO, destination, ignore=ignore)
    return destination
