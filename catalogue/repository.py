"""Where the catalogue lives in version control: links to it, and when each file changed.

One setting names the repository on the hosting platform (`CATALOGUS_REPO_URL`,
e.g. https://github.com/org/repo); the edit link, the history link and the
issue form all derive from it, and without it no such link is shown. Change
dates come from git in one call for all files, so thousands of entries cost
one `git log`; a checkout without history (a tarball, a shallow clone) has
no dates, and pages simply show none.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

#: The issue form maintainers keep in .github/ISSUE_TEMPLATE/.
ISSUE_FORM = "interventie.yml"


@dataclass(frozen=True)
class RepoLinks:
    """Links into the repository; every method returns None without a repository."""

    base: str = ""  # e.g. https://github.com/org/repo (no trailing slash)
    branch: str = "main"

    @classmethod
    def from_setting(cls, url: str | None, branch: str | None = None) -> RepoLinks:
        return cls((url or "").strip().rstrip("/"), (branch or "main").strip() or "main")

    def edit(self, path: str) -> str | None:
        return f"{self.base}/edit/{self.branch}/{path}" if self.base else None

    def history(self, path: str) -> str | None:
        return f"{self.base}/commits/{self.branch}/{path}" if self.base else None

    def propose(self) -> str | None:
        return f"{self.base}/issues/new?template={ISSUE_FORM}" if self.base else None

    def report(self, title: str) -> str | None:
        """A new issue about one entry, its title filled in."""
        if not self.base:
            return None
        from urllib.parse import quote

        return f"{self.base}/issues/new?title={quote(title)}"


def change_dates(repo_root: Path, folder: str) -> dict[str, date]:
    """Date of the last commit touching each file under `folder` (repository-relative
    paths as keys); empty when there is no usable history."""
    git = shutil.which("git")
    if git is None or not (repo_root / ".git").exists():
        return {}

    def run(*args: str) -> str | None:
        try:
            result = subprocess.run(
                [git, "-C", str(repo_root), *args],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return result.stdout if result.returncode == 0 else None

    # A shallow clone knows one commit: every file would seem changed on that day.
    if (run("rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return {}
    log = run("log", "--format=%x00%cs", "--name-only", "--no-renames", "--", folder)
    if log is None:
        return {}
    dates: dict[str, date] = {}
    for commit in log.split("\x00")[1:]:
        day, *names = commit.strip().splitlines()
        for name in names:
            if name and name not in dates:  # newest commit first
                dates[name] = date.fromisoformat(day)
    return dates
