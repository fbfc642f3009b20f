"""`build.py check`: the built site's internal links and feeds, checked before a deploy."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


FEED_FILES = ("feed.xml", "atom.xml")


class LinkCollector(HTMLParser):
    """href and src values of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [value for name, value in attrs if name in ("href", "src") and value]


def target_file(site: Path, base: str, url: str) -> Path | None:
    """The file a static host serves for `url`, or None if the URL is outside the site."""
    parts = urlsplit(url)
    if not parts.path.startswith(urlsplit(base).path) or parts.netloc != urlsplit(base).netloc:
        return None
    relative = unquote(parts.path[len(urlsplit(base).path):])
    target = site / relative
    return target / "index.html" if relative == "" or relative.endswith("/") else target


def page_url(site: Path, page: Path, base: str) -> str:
    relative = page.relative_to(site).as_posix()
    return urljoin(base, relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def check_links(site: Path, base: str) -> list[str]:
    """Every internal link of every page points to a file of the site."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        collector = LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        here = page_url(site, page, base)
        for link in collector.links:
            url = urljoin(here, link)
            if urlsplit(url).scheme not in ("http", "https"):
                continue
            target = target_file(site, base, url)
            if target is not None and not target.is_file():
                problems.append(f"{page.relative_to(site)}: broken link {link}")
    return problems


def check_feeds(site: Path) -> list[str]:
    """Every feed is well-formed XML with at least its channel or feed element."""
    from lxml import etree

    problems = []
    for feed in sorted(p for p in site.rglob("*.xml") if p.name in FEED_FILES):
        try:
            root = etree.parse(str(feed)).getroot()
        except etree.XMLSyntaxError as error:
            problems.append(f"{feed.relative_to(site)}: not well-formed XML ({error})")
            continue
        if root.tag not in ("rss", "{http://www.w3.org/2005/Atom}feed"):
            problems.append(f"{feed.relative_to(site)}: neither RSS nor Atom (root {root.tag})")
    return problems


class CanonicalFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "canonical":
            self.url = values.get("href")


def built_base_url(site: Path, fallback: str) -> str:
    """The base URL the site was built with: the front page's canonical URL."""
    finder = CanonicalFinder()
    finder.feed((site / "index.html").read_text(encoding="utf-8"))
    return finder.url or fallback


def check_site(site: Path, fallback_base_url: str) -> list[str]:
    """All problems found in the built site; an empty list means it is fine to deploy."""
    if not (site / "index.html").is_file():
        return [f"{site}: no built site here (run `python build.py` first)"]
    base = built_base_url(site, fallback_base_url)
    return check_links(site, base) + check_feeds(site)
