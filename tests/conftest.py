"""Shared fixtures: articles we wrote ourselves, and a local HTTP server for URL inputs."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

ARTICLE = """\
LISBON (Wire) – Portugal's parliament approved a plan on Thursday to build a second airport for the capital, ending a debate that has lasted more than fifty years, the speaker of the assembly said.

The new airport, at Alcochete on the south bank of the Tagus, is expected to cost 8.5 billion euros and to open in 2034. It will replace Humberto Delgado airport, which handled 33 million passengers last year.

"This is the most important public works decision of a generation," Infrastructure Minister Miguel Pinto Luz told reporters after the vote. "We cannot keep turning tourists away."

Environmental groups said the site would damage wetlands used by migrating birds. Zero, a campaign group, said it would challenge the decision in court.

The opposition Socialists voted in favour. Their leader, Pedro Nuno Santos, said the country had "lost too much time already" and urged the government to publish the full financing plan.
"""


@pytest.fixture(scope="session")
def article_text() -> str:
    return ARTICLE


@pytest.fixture(scope="session")
def example_article() -> Path:
    return EXAMPLES / "port_strike.txt"


class _Handler(http.server.BaseHTTPRequestHandler):
    """Routes for the URL tests: an article, an HTML page, errors, a slow reply, a redirect loop."""

    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/slow":
            time.sleep(3)
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
            return
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client refused an oversized body on its headers alone

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def http_server() -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]]]]:
    """(base URL, routes) of a server on localhost; tests add their routes."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Handler.routes
    server.shutdown()


# The CLI as a process with a stand-in summariser that echoes each article as its headline:
# the real process, pipes and signals, without the models.
ECHO_MAIN = (
    "import sys, summarise.generative as g\n"
    "from summarise.brief import Brief\n"
    "class Echo:\n"
    "    def load(self): pass\n"
    "    def summarise(self, a): return Brief(a.source, a.text.strip(), [], [])\n"
    "g.make_summariser = lambda *a, **k: Echo()\n"
    "from summarise.cli import main\n"
    "main(sys.argv[1:])\n"
)
