"""For search engines: JSON-LD for article pages, `sitemap.xml` and `robots.txt`."""
from __future__ import annotations

from datetime import datetime
from typing import Sequence
from html import escape

from markupsafe import Markup

from ..config import Config
from ..feeds.jsonfeed import indented_json
from ..model import Article

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# JSON is valid JavaScript; these escapes keep `</script>`, `<!--` and `&` in a string inert.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(value: object) -> Markup:
    """`value` as JSON that is safe inside a <script> block."""
    return Markup(indented_json(value).translate(_SCRIPT_SAFE))


def news_article(article: Article, config: Config, path: str) -> dict[str, object]:
    """schema.org NewsArticle for one article page at site path `path`."""
    if article.author:
        author: dict[str, str] = {"@type": "Person", "name": article.author}
    else:
        author = {"@type": "Organization", "name": config.author, "url": config.url("")}
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.teaser,
        "url": config.url(path),
        "mainEntityOfPage": {"@type": "WebPage", "@id": config.url(path)},
        "datePublished": article.published.isoformat(),
        "dateModified": article.updated.isoformat(),
        "author": [author],
        "publisher": {"@type": "Organization", "name": config.title, "url": config.url(""),
                      "logo": {"@type": "ImageObject", "url": config.url("favicon.svg")}},
        "keywords": [t.name for t in article.topics],
        "inLanguage": config.language,
        "isAccessibleForFree": True,
    }


def sitemap_xml(entries: Sequence[tuple[str, datetime | None]], config: Config) -> bytes:
    """A sitemap with `lastmod` as W3C datetime (RFC 3339)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for path, modified in entries:
        lastmod = f"<lastmod>{modified.isoformat()}</lastmod>" if modified else ""
        lines.append(f"  <url><loc>{escape(config.url(path), quote=False)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots_txt(config: Config) -> bytes:
    """Everything may be crawled; the sitemap is named by its absolute URL."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.url('sitemap.xml')}\n".encode("utf-8")
