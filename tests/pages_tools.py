"""Shared by the page, browser and feed-reader tests: the site served under a sub-path,
and the outside tools (Chromium, Java + vnu, axe-core, Lighthouse, newsboat).

A missing tool skips its tests on a developer's machine and fails them on CI
(CI is set), where `.ci/run` installs every tool first.
"""
from __future__ import annotations

import os
import shutil
import threading
from io import BytesIO
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from conftest import REPO, copy_seeds
from depesche.config import Config

SUB_PATH = "/repo/"
NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
# Without these Chromium hangs on a closed network (lookups, updates, first-run work).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SCREENSHOTS = REPO / "test-output" / "screenshots"


def require(what: str, present: bool) -> None:
    """Skip without the tool; on CI a missing tool is a failure, never a skip."""
    if present:
        return
    message = f"{what} is missing (.ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def chromium() -> str:
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    require("chromium (Debian package)", Path(path).is_file())
    return path


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site below SUB_PATH as GitHub Pages does; records every request."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".opml": "text/x-opml",
                      ".json": "application/feed+json", ".svg": "image/svg+xml"}

    def __init__(self, *args, served: "Served", **kwargs) -> None:
        self.served = served
        super().__init__(*args, directory=str(served.root), **kwargs)

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUB_PATH) or not self.target(path).exists():
            return self.not_found()
        self.path = "/" + self.path[len(SUB_PATH):]
        return super().send_head()

    def target(self, path: str) -> Path:
        local = self.served.root / path[len(SUB_PATH):]
        return local / "index.html" if path.endswith("/") else local

    def not_found(self):
        """404 with the site's own 404 page, as GitHub Pages answers."""
        body = (self.served.root / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)

    def log_request(self, code="-", size="-") -> None:
        path = self.requestline.split(" ")[1] if " " in self.requestline else self.path
        self.served.requests.append((path, 0 if code == "-" else int(code)))

    def log_message(self, format: str, *args) -> None:
        pass


@dataclass
class Served:
    root: Path
    base: str = ""
    config: Config | None = None
    requests: list[tuple[str, int]] = field(default_factory=list)


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The seeds built for http://127.0.0.1:PORT/repo/ and served there."""
    from depesche.build.pipeline import build

    work = tmp_path_factory.mktemp("served")
    result = Served(root=work / "site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SubPathHandler, served=result))
    result.base = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    result.config = Config(seeds=copy_seeds(work / "seeds"), out=result.root, cache=work / ".depesche", base_url=result.base,
                           topics_file=REPO / "topics.toml")
    report = build(result.config)
    assert report.errors == [] and report.articles == 4, report.errors
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield result
    finally:
        server.shutdown()
        server.server_close()


class PageFacts(HTMLParser):
    """The headline, publication date and canonical URL an article page shows."""

    def __init__(self) -> None:
        super().__init__()
        self.h1, self.time, self.canonical, self._in_h1 = "", "", "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_h1 = self._in_h1 or tag == "h1"
        if tag == "time" and not self.time:
            self.time = attrs["datetime"]
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]

    def handle_endtag(self, tag):
        self._in_h1 = self._in_h1 and tag != "h1"

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def page_facts(out: Path, url: str, base: str) -> PageFacts:
    """What the page at `url` (under `base`, built into `out`) shows."""
    assert url.startswith(base) and url.endswith("/"), url
    facts = PageFacts()
    facts.feed((out / url[len(base):] / "index.html").read_text(encoding="utf-8"))
    return facts
