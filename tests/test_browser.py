"""The built site in a real browser (Debian's Chromium via Playwright), served under a
sub-path as GitHub Pages serves a project site: every link, the console, axe-core, screenshots."""
from __future__ import annotations

import importlib.util
import json
from typing import Iterator
from urllib.parse import urldefrag

import pytest

from pages_tools import AXE_JS, CHROMIUM_ARGS, SCREENSHOTS, SUB_PATH, Served, chromium, require, served  # noqa: F401

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
FILE_SUFFIXES = (".xml", ".json", ".opml", ".svg", ".ico", ".txt")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require("playwright (pip install -e '.[test]')", importlib.util.find_spec("playwright") is not None)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def watch(page, served: Served, problems: list[str]) -> None:
    """Record console errors, page errors, failed responses and requests outside the sub-path."""
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text} ({page.url})"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e} ({page.url})"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    page.on("request", lambda r: r.url.startswith(served.base) or problems.append(f"outside: {r.url}"))


def page_links(page) -> list[str]:
    return page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.href)")


def test_every_internal_link_works_under_the_sub_path(served: Served, browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    watch(page, served, problems)
    queue, seen, pages = [served.base], set(), 0
    while queue:
        url = urldefrag(queue.pop(0)).url
        if url in seen:
            continue
        seen.add(url)
        if not url.startswith(served.base):
            problems.append(f"link outside the sub-path: {url}")
        elif url.endswith(FILE_SUFFIXES):
            response = context.request.get(url)
            if response.status != 200:
                problems.append(f"HTTP {response.status}: {url}")
        else:
            response = page.goto(url, wait_until="load")
            assert response is not None
            pages += 1
            queue.extend(page_links(page))
    context.close()
    outside = [path for path, _ in served.requests if not path.startswith(SUB_PATH)]
    assert problems == [] and outside == []
    unlinked = {served.root / "404.html", served.root / "suche" / "index.html"}  # the search form leads there
    linked_pages = [p for p in served.root.rglob("*.html") if p not in unlinked]
    assert pages == len(linked_pages) and any(u.endswith("feeds.opml") for u in seen)


def test_missing_page_gets_the_404_page_with_working_links(served: Served, browser) -> None:
    page = browser.new_page()
    response = page.goto(served.base + "gibt/es/nicht/")
    assert response is not None and response.status == 404
    assert page.title().startswith("Seite nicht gefunden")
    for link in page_links(page):
        assert link.startswith(served.base), link
    page.close()


def test_skip_link_comes_first_and_focus_is_visible(served: Served, browser) -> None:
    page = browser.new_page()
    page.goto(served.base)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip", "#inhalt"]
    box = page.locator("a.skip").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0
    page.keyboard.press("Tab")
    outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                            " return [document.activeElement.className, s.outlineStyle, s.outlineWidth]; }")
    assert outline == ["brand", "solid", "3px"]  # the focus ring every link gets
    page.close()


AXE_PAGES = {"front": "", "article": "artikel/whatsapp-facebook-will-voip-funktion-weiterentwickeln/",
             "topic": "themen/whatsapp/", "topics": "themen/", "search": "suche/", "archive": "archiv/",
             "month": "archiv/2014/02/", "404": "404.html"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(AXE_PAGES))
def test_axe_finds_no_violations(served: Served, browser, name: str, scheme: str) -> None:
    require("axe-core (npm ci)", AXE_JS.is_file())
    page = browser.new_page(color_scheme=scheme)
    page.goto(served.base + AXE_PAGES[name])
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    page.close()
    violations = [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
                  for v in result["violations"]]
    assert violations == [], json.dumps(violations, indent=1)
    assert len(result["passes"]) > 10


@pytest.mark.parametrize(("viewport", "scheme"), [("desktop", "light"), ("phone", "light"), ("phone", "dark")])
def test_screenshots(served: Served, browser, viewport: str, scheme: str) -> None:
    """Front page, an article and the topics page at desktop and phone width, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone",
                                  color_scheme=scheme)
    page = context.new_page()
    for name in ("front", "article", "topics"):
        page.goto(served.base + AXE_PAGES[name])
        target = SCREENSHOTS / f"{name}-{viewport}-{scheme}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 5000
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[viewport]["width"], f"{name} scrolls sideways at {viewport} width"
    context.close()
