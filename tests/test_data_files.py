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


PROJECT = DATA_DIR.parent


def _start(catalogue, site_dir: Path, *, fork=None) -> worker.Worker:
    return worker.start(
        catalogue, SITE_URL, RepoLinks(), {}, site_dir=site_dir, project=PROJECT, fork=fork
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_worker_result_equals_in_process_result(tmp_path):
    entries = [urls.source_uri(urls.entry(e.slug)) for e in CATALOGUE.interventions]
    forked = _start(CATALOGUE, tmp_path / "forked", fork=True)
    in_process = _start(CATALOGUE, tmp_path / "in-process", fork=False)
    bodies = dict(entry_bodies(CATALOGUE))
    assert [forked.body(e) for e in entries] == [bodies[e] for e in entries]
    assert [in_process.body(e) for e in entries] == [bodies[e] for e in entries]
    forked.site_ready.set()
    in_process.site_ready.set()
    expected = {**computed_files(CATALOGUE, SITE_URL), **copied_files(CATALOGUE, PROJECT)}
    assert set(expected) == set(computed_paths(CATALOGUE)) | set(copied_files(CATALOGUE, PROJECT))
    assert forked.finish() == in_process.finish() == len(expected)
    written = _tree(tmp_path / "forked")
    assert written == _tree(tmp_path / "in-process")
    assert set(written) == set(expected)
    assert SITE_URL in written[urls.JSON_EXPORT].decode("utf-8")


def test_the_worker_writes_nothing_before_the_site_is_ready(tmp_path):
    forked = _start(CATALOGUE, tmp_path / "site", fork=True)
    for entry in CATALOGUE.interventions:
        forked.body(urls.source_uri(urls.entry(entry.slug)))
    time.sleep(5)  # the data files take about 1 s here
    assert not (tmp_path / "site").exists()
    forked.site_ready.set()
    assert forked.finish() > len(CATALOGUE.interventions)


@pytest.mark.parametrize("fork", [True, False])
def test_results_are_handed_out_once_and_unknown_names_fail(fork):
    background = Background(lambda: iter([("a", "1"), ("b", b"2")]), fork=fork)
    assert background.get("b") == b"2"
    with pytest.raises(KeyError, match="'c'"):
        background.get("c")
    assert background.rest() == {"a": "1"}


def test_worker_errors_reach_the_build(tmp_path):
    broken = CATALOGUE.__class__.__new__(CATALOGUE.__class__)  # no fields: every page fails
    with pytest.raises(BackgroundError, match="AttributeError"):
        _start(broken, tmp_path, fork=True).finish()
    with pytest.raises(AttributeError):  # in process, the error itself
        _start(broken, tmp_path, fork=False).finish()


def test_a_cancelled_worker_stops(tmp_path):
    forked = _start(CATALOGUE, tmp_path, fork=True)
    forked.cancel()
    assert not forked.bodies._process.is_alive() and not forked.files._process.is_alive()
    with pytest.raises(BackgroundError, match="stopped before it had finished"):
        forked.finish()


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
    for src_uri, source in copied_files(CATALOGUE, PROJECT).items():
        assert (built_site / src_uri).read_bytes() == source.read_bytes()

