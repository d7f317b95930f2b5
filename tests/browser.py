"""Helpers for browser tests: serve a built site and drive Debian's Chromium.

Playwright's own browser download cannot work here, so we launch the system
`/usr/bin/chromium`. In CI a missing browser fails the run; locally it skips.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium keeps dialling Google services that this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: `make test` installs Debian's chromium"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def serve(
    directory: Path,
    *,
    handler: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler,
    port: int = 0,
) -> Iterator[str]:
    """Serve `directory` on localhost (`port`, or a free one); yield the base URL."""
    bound = functools.partial(handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), bound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> str:
    """axe-core's report of WCAG 2.x A/AA violations on the page; empty when none."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return results.generate_report() if results.violations_count else ""


def wait_for_address(page, *, has: tuple[str, ...] = (), lacks: tuple[str, ...] = ()) -> str:
    """The page's address once it holds every `has` and none of `lacks`: the
    overview writes it just after the new list is painted (catalogus.js)."""
    page.wait_for_function(
        """([has, lacks]) => has.every((t) => location.href.includes(t))
            && !lacks.some((t) => location.href.includes(t))""",
        arg=[list(has), list(lacks)],
        timeout=5000,
    )
    return page.url
