"""Full-text search: Pagefind indexes the built site; a browser finds both WhatsApp articles."""
from __future__ import annotations

import functools
import os
import shutil
import threading
from dataclasses import replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from depesche.config import Config
from depesche.build.pipeline import build
from depesche.site.search import search_available

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
NEEDS = pytest.mark.skipif(
    not (search_available() and Path(CHROMIUM).exists()) and not os.environ.get("CI"),
    reason="needs pagefind, playwright and chromium",
)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@NEEDS
def test_search_finds_both_whatsapp_articles_under_the_sub_path(config: Config, tmp_path: Path):
    from playwright.sync_api import expect, sync_playwright

    root = tmp_path / "www"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    port = server.server_address[1]
    served = replace(config, base_url=f"http://127.0.0.1:{port}/repo/", out=root / "repo", search=True)
    build(served)
    assert (served.out / "pagefind" / "pagefind-ui.js").is_file()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"])
            page = browser.new_page()
            errors = []
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.goto(served.base_url)
            page.fill("#suchbegriff", "WhatsApp")
            page.press("#suchbegriff", "Enter")
            results = page.locator(".pagefind-ui__result-title")
            expect(results).to_have_count(2, timeout=30_000)
            titles = sorted(results.all_inner_texts())
            assert titles == ["Nach Facebook-Übernahme: Demnächst mit WhatsApp telefonieren",
                              "WhatsApp: Facebook will VoIP-Funktion weiterentwickeln"]
            assert errors == []
            browser.close()
    finally:
        server.shutdown()


def test_without_pagefind_the_build_warns_and_still_succeeds(config: Config, monkeypatch):
    monkeypatch.setattr("depesche.build.pipeline.search_available", lambda: False)
    report = build(replace(config, search=True))
    assert report.files and any("no search: pagefind is not installed" in w for w in report.warnings)
    assert not (config.out / "pagefind").exists() and not (config.out / "suche").exists()
    assert 'role="search"' not in (config.out / "index.html").read_text(encoding="utf-8")
