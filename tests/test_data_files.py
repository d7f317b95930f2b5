"""The worker process: entry bodies and data files match the in-process result,
and its failures reach the build."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from catalogue import DATA_DIR, urls, worker
from catalogue.background import Background, BackgroundError
from catalogue.data_files import computed_files, computed_paths, copied_files
from catalogue.loader import load_catalogue
from catalogue.render.pages import entry_bodies
from catalogue.repository import RepoLinks

CATALOGUE, _ = load_catalogue(DATA_DIR)
SITE_URL = "https://example.org/"


def _start(catalogue, *, fork=None):
    return worker.start(catalogue, SITE_URL, RepoLinks(), {}, fork=fork)


def test_worker_result_equals_in_process_result():
    entry = urls.source_uri(urls.entry(CATALOGUE.interventions[0].slug))
    forked = _start(CATALOGUE, fork=True)
    body = forked.get(entry)  # taken while the worker may still be busy
    from_worker = {entry: body, **forked.rest()}
    expected = dict(worker.results(CATALOGUE, SITE_URL, RepoLinks(), {}))
    assert from_worker == expected
    assert {**computed_files(CATALOGUE, SITE_URL), **dict(entry_bodies(CATALOGUE))} == expected
    data_files = set(expected) - {n for n in expected if n.endswith("/index.md")}
    assert data_files == set(computed_paths(CATALOGUE))
    assert len(expected) - len(data_files) == len(CATALOGUE.interventions)
    assert SITE_URL in from_worker[urls.JSON_EXPORT]


@pytest.mark.parametrize("fork", [True, False])
def test_results_are_handed_out_once_and_unknown_names_fail(fork):
    background = Background(lambda: iter([("a", "1"), ("b", b"2")]), fork=fork)
    assert background.get("b") == b"2"
    with pytest.raises(KeyError, match="'c'"):
        background.get("c")
    assert background.rest() == {"a": "1"}


def test_worker_errors_reach_the_build():
    broken = CATALOGUE.__class__.__new__(CATALOGUE.__class__)  # no fields: every page fails
    with pytest.raises(BackgroundError, match="AttributeError"):
        _start(broken, fork=True).rest()
    with pytest.raises(AttributeError):  # in process, the error itself
        _start(broken, fork=False).rest()


def test_a_worker_that_dies_fails_the_build_instead_of_hanging():
    def produce():
        yield "first", "x" * 10
        time.sleep(60)
        yield "never", ""

    background = Background(produce, fork=True)
    time.sleep(0.5)
    os.kill(background._process.pid, signal.SIGKILL)
    with pytest.raises(BackgroundError, match="stopped before it had finished"):
        background.get("never")


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
