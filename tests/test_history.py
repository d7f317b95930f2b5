"""Change dates from git and links into the repository, with and without history."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from catalogue.repository import RepoLinks, change_dates

from conftest import copy_project, mkdocs_build

ENTRY = "catalogue/interventies/gouden-mannen.yaml"


def git(repo: Path, *args: str, when: str = "2026-03-04T10:00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return result.stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A copy of the project as a git repository with two commits on different days."""
    project = copy_project(tmp_path_factory.mktemp("history") / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "first", when="2025-01-02T10:00:00")
    path = project / ENTRY
    path.write_text(path.read_text("utf-8") + "# changed\n", "utf-8")
    git(project, "commit", "-q", "-am", "second", when="2026-03-04T10:00:00")
    return project


def test_one_git_call_gives_each_file_its_last_change(repo):
    dates = change_dates(repo, "catalogue/interventies")
    assert dates[ENTRY] == date(2026, 3, 4)
    assert dates["catalogue/interventies/go-win.yaml"] == date(2025, 1, 2)
    assert len(dates) == len(list((repo / "catalogue/interventies").glob("*.yaml")))


def test_a_shallow_clone_or_a_tarball_has_no_dates(repo, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True
    )
    assert change_dates(shallow, "catalogue/interventies") == {}
    tarball = copy_project(tmp_path / "tarball")  # sources only, no .git
    assert change_dates(tarball, "catalogue/interventies") == {}


def test_repository_links_follow_the_one_setting():
    links = RepoLinks.from_setting("https://github.com/org/repo/", "main")
    assert links.edit(ENTRY) == f"https://github.com/org/repo/edit/main/{ENTRY}"
    assert links.history(ENTRY) == f"https://github.com/org/repo/commits/main/{ENTRY}"
    assert links.propose() == "https://github.com/org/repo/issues/new?template=interventie.yml"
    empty = RepoLinks.from_setting("")
    assert (empty.edit(ENTRY), empty.history(ENTRY), empty.propose()) == (None, None, None)


def build(project: Path, site: Path, **env: str):
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return mkdocs_build(project, site)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_entry_page_shows_change_date_and_history_when_the_repository_is_set(repo, tmp_path):
    result = build(repo, tmp_path / "site", CATALOGUS_REPO_URL="https://git.example/org/repo")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/interventies/gouden-mannen/index.html").read_text("utf-8")
    assert 'Laatst gewijzigd: <time datetime="2026-03-04">4 maart 2026</time>' in html
    assert f'href="https://git.example/org/repo/commits/main/{ENTRY}"' in html
    assert f'href="https://git.example/org/repo/edit/main/{ENTRY}"' in html
    guide = (tmp_path / "site/bijdragen/index.html").read_text("utf-8")
    assert 'href="https://git.example/org/repo/issues/new?template=interventie.yml"' in guide


def test_a_tarball_builds_without_dates_or_dead_links(tmp_path):
    project = copy_project(tmp_path / "tarball")
    result = build(project, tmp_path / "site", CATALOGUS_REPO_URL="")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/interventies/gouden-mannen/index.html").read_text("utf-8")
    assert "Laatst gewijzigd" not in html and "/commits/" not in html and "/edit/" not in html
    assert "Laatst gecontroleerd" in html
    # Every build logs its summary; content gaps do not fail the strict build.
    assert "catalogus: per risicogroep: 75-plussers" in result.stderr
    assert "beslisgegevens bekend:" in result.stderr
