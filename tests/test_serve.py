"""The live preview: safe file serving, reload events, and a real browser seeing an edit."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from depesche.commands.serve import EVENTS_PATH, PreviewServer, PreviewState, resolve, with_reload_script

from conftest import REPO, copy_seeds

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "artikel" / "a").mkdir(parents=True)
    (root / "index.html").write_text("<html><body>Start</body></html>")
    (root / "404.html").write_text("<html><body>Nicht gefunden</body></html>")
    (root / "artikel" / "a" / "index.html").write_text("<html><body>A</body></html>")
    (tmp_path / "geheim.txt").write_text("secret")
    (root / "link.txt").symlink_to(tmp_path / "geheim.txt")
    return root


@pytest.mark.parametrize("url", [
    "/repo/../geheim.txt", "/repo/%2e%2e/geheim.txt", "/repo/artikel/%2E%2E/%2e%2e/geheim.txt",
    "/repo/link.txt", "/repo//etc/passwd", "/etc/passwd", "/repo/%00index.html", "/repo/..%5cgeheim.txt",
    "/repo/fehlt/",
])
def test_nothing_outside_the_site_is_resolved(site: Path, url: str):
    assert resolve(site, "/repo/", url) is None


def test_site_files_and_folders_resolve(site: Path):
    assert resolve(site, "/repo/", "/repo/") == (site / "index.html").resolve()
    assert resolve(site, "/repo/", "/repo/artikel/a/?x=1") == (site / "artikel/a/index.html").resolve()


def test_reload_script_goes_before_the_end_of_body():
    html = with_reload_script(b"<html><body><p>x</p></body></html>", "/repo/__depesche/events")
    assert html.index(b"EventSource(\"/repo/__depesche/events\")") < html.index(b"</body>")


def test_server_serves_files_refuses_the_rest_and_streams_builds(site: Path):
    state = PreviewState()
    state.publish([])
    server = PreviewServer(("127.0.0.1", 0), site, "/repo/", state)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with urllib.request.urlopen(f"{base}/repo/artikel/a/") as response:
            assert b"A" in response.read() and response.headers["Content-Type"].startswith("text/html")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/repo/link.txt")
        assert refused.value.code == 404 and b"Nicht gefunden" in refused.value.read()
        with urllib.request.urlopen(f"{base}/repo/{EVENTS_PATH}") as events:
            assert json.loads(events.readline().removeprefix(b"data: ")) == {"build": 1, "errors": []}
            events.readline()
            state.publish(["seeds/x.txt: kaputt"])
            assert json.loads(events.readline().removeprefix(b"data: "))["errors"] == ["seeds/x.txt: kaputt"]
    finally:
        server.shutdown()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser_available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists()


@pytest.mark.skipif(not browser_available() and not os.environ.get("CI"), reason="needs playwright and chromium")
def test_an_open_page_shows_an_edited_seed_and_a_broken_one(tmp_path: Path):
    """The page reloads by itself; how fast is a benchmark's question (a loaded CI machine is slow)."""
    from playwright.sync_api import expect, sync_playwright

    seeds = copy_seeds(tmp_path / "seeds")
    config = tmp_path / "depesche.toml"
    config.write_text('base_url = "https://example.github.io/repo/"\n')
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--config", str(config), "--seeds", str(seeds),
         "--out", str(tmp_path / "site"), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
    )
    try:
        for line in server.stdout:
            if line.startswith("Serving"):
                break
        seed = seeds / "002_9de9c6c338970f5b.txt"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/repo/artikel/twitter-und-telekom-vereinbaren-strategische-partnerschaft/")
            expect(page.locator("h1")).to_have_text("Twitter und Telekom vereinbaren strategische Partnerschaft")
            page.wait_for_timeout(300)  # the event stream is open
            text = seed.read_text(encoding="utf-8")
            seed.write_text(text.replace("Die Deutsche Telekom und Twitter wollen",
                                         "Die Deutsche Telekom und Twitter möchten nun", 1), encoding="utf-8")
            expect(page.locator(".story-body")).to_contain_text("Twitter möchten nun", timeout=30_000)
            seed.write_bytes(b"\x89PNG\r\n\x1a\n\x00")
            expect(page.locator("#depesche-errors")).to_contain_text("binary file", timeout=30_000)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
