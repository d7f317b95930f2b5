"""`catalogus check-links` against a local HTTP server started by the test."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from catalogue.cli import main
from catalogue.links import USER_AGENT, check_url

SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def _answer(self, with_body: bool) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/slow":
            time.sleep(2.5)
        if path == "/nohead" and self.command == "HEAD":
            self.send_response(405)
        elif path in ("/ok", "/slow", "/nohead"):
            self.send_response(200)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path == "/missing":
            self.send_response(404)
        else:
            self.send_response(500)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def refused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed when the block ends: nobody listens


def entry_with(copy, urls: list[str]) -> str:
    text = copy.fixture_text().replace(
        "  - titel: Een testbron\n    uitgever: Testuitgever\n    jaar: 2024\n"
        "    url: https://example.org/bron\n",
        "".join(f"  - titel: Bron {i}\n    uitgever: Test\n    url: {u}\n" for i, u in enumerate(urls)),
    )
    copy.write("proef-interventie.yaml", text)
    return text


def test_each_kind_of_answer(server):
    assert check_url(server + "/ok").dead is False
    moved = check_url(server + "/moved")
    assert (moved.dead, moved.status, moved.location) == (False, 301, server + "/ok")
    assert check_url(server + "/missing").what == "HTTP 404"
    assert check_url(server + "/error").what == "HTTP 500"
    assert check_url(server + "/nohead").dead is False  # HEAD refused, GET works
    slow = check_url(server + "/slow", timeout=1)
    assert slow.dead and slow.what == "geen antwoord binnen 1 s"
    refused = check_url(f"http://127.0.0.1:{refused_port()}/", timeout=2)
    assert refused.dead and refused.what == "verbinding geweigerd"
    dns = check_url("http://bestaat-niet.invalid/", timeout=2)
    assert dns.dead and dns.what.startswith(("DNS-fout", "niet bereikbaar"))
    assert set(SEEN_AGENTS) == {USER_AGENT}


def test_report_names_file_line_and_column_and_exits_one(copy, server, capsys):
    urls = [server + "/ok", server + "/missing", server + "/moved", server + "/ok"]
    text = entry_with(copy, urls)
    code = main(["--root", str(copy.root), "check-links", "--timeout", "2"])
    out, err = capsys.readouterr()
    assert code == 1
    lines = out.splitlines()
    missing_line = next(i for i, l in enumerate(text.splitlines(), 1) if "/missing" in l)
    moved_line = next(i for i, l in enumerate(text.splitlines(), 1) if "/moved" in l)
    assert lines == [
        f"{_display(copy)}:{missing_line}:10: {server}/missing: HTTP 404",
        f"{_display(copy)}:{moved_line}:10: {server}/moved: waarschuwing: "
        f"doorgestuurd (301) naar {server}/ok",
    ]
    assert "3 adressen gecontroleerd (4 vermeldingen); 1 vermelding met een dode link." in err


def test_only_redirects_is_a_pass_and_json_for_machines(copy, server, capsys):
    entry_with(copy, [server + "/ok", server + "/moved"])
    code = main(["--root", str(copy.root), "check-links", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    data = json.loads(out)
    assert [(d["url"].rsplit("/", 1)[1], d["dood"], d["status"]) for d in data] == [
        ("ok", False, 200),
        ("moved", False, 301),
    ]
    assert data[1]["nieuw_adres"] == server + "/ok"
    assert {"bestand", "regel", "kolom"} <= set(data[0])


def test_given_files_only(copy, server, capsys, tmp_path):
    entry_with(copy, [server + "/missing"])
    other = tmp_path / "ander.yaml"
    other.write_text(f"bronnen:\n  - url: {server}/ok\n", "utf-8")
    code = main(["--root", str(copy.root), "check-links", str(other)])
    out, _ = capsys.readouterr()
    assert code == 0 and out == ""


def _display(copy) -> str:
    from pathlib import Path

    from catalogue.problems import display_path

    return display_path(copy.entries / "proef-interventie.yaml", Path.cwd())
