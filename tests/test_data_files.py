"""Exports and search index computed in a worker process match the in-process result."""

from __future__ import annotations

import os
from pathlib import Path

from catalogue import DATA_DIR, urls
from catalogue.data_files import computed_files, computed_paths, copied_files, start_computing
from catalogue.loader import load_catalogue

CATALOGUE, _ = load_catalogue(DATA_DIR)
SITE_URL = "https://example.org/"


def test_worker_result_equals_in_process_result():
    from_worker = start_computing(CATALOGUE, SITE_URL).result(timeout=120)
    assert from_worker == computed_files(CATALOGUE, SITE_URL)
    assert set(from_worker) == set(computed_paths(CATALOGUE))
    assert SITE_URL in from_worker[urls.JSON_EXPORT]


def test_worker_errors_reach_the_build():
    broken = CATALOGUE.__class__.__new__(CATALOGUE.__class__)  # no fields: every export fails
    future = start_computing(broken, SITE_URL)
    try:
        future.result(timeout=120)
    except AttributeError:
        pass
    else:
        raise AssertionError("a failing export must raise in the build, not vanish")


def test_copied_files_exist_and_cover_every_entry():
    files = copied_files(CATALOGUE, DATA_DIR.parent)
    assert all(Path(path).is_file() for path in files.values())
    for entry in CATALOGUE.interventions:
        assert urls.entry_source(entry.slug) in files


def test_built_site_serves_the_worker_files(built_site: Path):
    expected = computed_files(CATALOGUE, os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    for src_uri, content in expected.items():
        raw = content.encode("utf-8") if isinstance(content, str) else content
        assert (built_site / src_uri).read_bytes() == raw
