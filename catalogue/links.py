"""`catalogus check-links`: are the web addresses the catalogue cites still alive?

Every URL field of the entries, the vocabularies, `gemeenten.yaml` and
`verbetertool.yaml` is checked once (an address cited ten times costs one
request), with bounded concurrency, a timeout per request and one retry. HEAD
first; GET where a server refuses HEAD. Redirects are not followed but
reported as warnings with the new address, so a maintainer can update it.
"""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from catalogue.problems import display_path
from catalogue.rules import URL_FIELDS, walk_strings
from catalogue.sources import read_document

USER_AGENT = (
    "WatWerktTegenEenzaamheid-linkcontrole/1.0 "
    "(controle van bronnen van de catalogus; geen crawler)"
)
DATA_FILES = ("vocabularies.yaml", "gemeenten.yaml", "verbetertool.yaml")
#: Statuses after which a GET may still work (servers that refuse HEAD).
_RETRY_WITH_GET = {403, 404, 405, 406, 429, 500, 501, 502, 503}


@dataclass(frozen=True)
class Citation:
    file: str
    line: int
    column: int
    url: str


@dataclass(frozen=True)
class Outcome:
    """What one address gave: `dead` fails the check, a redirect only warns."""

    url: str
    status: int | None
    dead: bool
    what: str  # Dutch, e.g. "HTTP 404", "doorgestuurd (301) naar https://..."
    location: str | None = None


def citations(root: Path, files: Iterable[Path] | None, shown: Path) -> list[Citation]:
    """Every cited URL with its position; `files` None means the whole catalogue."""
    if files is None:
        paths = sorted((root / "interventies").glob("*.yaml"))
        paths += [root / name for name in DATA_FILES if (root / name).is_file()]
    else:
        paths = list(files)
    found = []
    for path in paths:
        document, _ = read_document(path, display_path(path, shown))
        if document is None:
            continue  # `catalogus validate` reports what is wrong with the file
        for field, text in walk_strings(document.data):
            if field and field[-1] in URL_FIELDS and text.startswith(("http://", "https://")):
                line, column = document.where(field)
                found.append(Citation(document.display, line, column, text))
    return found


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None  # report the redirect instead of following it


_OPENER = urllib.request.build_opener(_NoRedirect)


def _request(url: str, method: str, timeout: float) -> Outcome:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return Outcome(url, response.status, False, f"HTTP {response.status}")
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            location = error.headers.get("Location")
            new = urllib.request.urljoin(url, location) if location else None
            return Outcome(url, error.code, False, f"doorgestuurd ({error.code}) naar {new}", new)
        return Outcome(url, error.code, True, f"HTTP {error.code}")
    except urllib.error.URLError as error:
        return Outcome(url, None, True, _reason(error.reason, timeout))
    except (TimeoutError, socket.timeout):
        return Outcome(url, None, True, f"geen antwoord binnen {timeout:g} s")
    except (ConnectionError, ssl.SSLError, OSError, ValueError) as error:
        return Outcome(url, None, True, _reason(error, timeout))


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return "DNS-fout: de naam bestaat niet (meer)"
    if isinstance(reason, ConnectionRefusedError):
        return "verbinding geweigerd"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"geen antwoord binnen {timeout:g} s"
    if isinstance(reason, ssl.SSLError):
        return f"beveiligde verbinding mislukt ({reason.reason or reason})"
    return f"niet bereikbaar ({reason})"


def check_url(url: str, timeout: float = 10.0, retries: int = 1) -> Outcome:
    """HEAD, then GET where HEAD is refused; a failed attempt is tried once more."""
    outcome = _request(url, "HEAD", timeout)
    if outcome.dead and (outcome.status in _RETRY_WITH_GET or outcome.status is None):
        outcome = _request(url, "GET", timeout)
    for _ in range(retries):
        if not outcome.dead or (outcome.status is not None and outcome.status < 500):
            break  # alive, or a definite answer such as 404: no point asking again
        outcome = _request(url, "GET", timeout)
    return outcome


def check_all(
    cited: list[Citation],
    *,
    timeout: float = 10.0,
    concurrency: int = 8,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Outcome]:
    """Each distinct URL checked once, at most `concurrency` at a time."""
    unique = sorted({c.url for c in cited})
    results: dict[str, Outcome] = {}
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        for done, outcome in enumerate(pool.map(lambda u: check_url(u, timeout), unique), 1):
            results[outcome.url] = outcome
            if progress:
                progress(done, len(unique))
    return results


def report_lines(cited: list[Citation], results: dict[str, Outcome]) -> list[str]:
    """`path:line:col: url: what happened`, dead links and redirects, in file order."""
    lines = []
    for c in sorted(cited, key=lambda c: (c.file, c.line, c.column)):
        outcome = results[c.url]
        if outcome.dead:
            lines.append(f"{c.file}:{c.line}:{c.column}: {c.url}: {outcome.what}")
        elif outcome.location:
            lines.append(f"{c.file}:{c.line}:{c.column}: {c.url}: waarschuwing: {outcome.what}")
    return lines
